#include "rdf/xsd.h"

#include <gtest/gtest.h>

#include "rdf/vocab.h"

namespace hamlet::rdf {
namespace {

std::string Xsd(const char* local) {
  return std::string(vocab::kXsd) + local;
}

XsdValue Parse(const char* lex, const char* type) {
  auto r = ParseXsd(lex, Xsd(type));
  EXPECT_TRUE(r.ok()) << lex << " " << type << ": " << (r.ok() ? "" : r.status().message());
  return r.ok() ? *r : XsdValue{};
}

TEST(Xsd, ParsesNumbers) {
  EXPECT_EQ(Parse("-042", "integer").integer, -42);
  EXPECT_EQ(Parse("+7", "int").integer, 7);
  EXPECT_EQ(CanonicalLexical(Parse("01.50", "decimal")), "1.5");
  EXPECT_EQ(CanonicalLexical(Parse("2", "decimal")), "2.0");
  EXPECT_EQ(CanonicalLexical(Parse("1e3", "double")), "1.0E3");
  EXPECT_EQ(CanonicalLexical(Parse("2.5", "double")), "2.5E0");
  EXPECT_EQ(CanonicalLexical(Parse("-INF", "float")), "-INF");
}

// Issue 12 (11b): xsd:integer is unbounded; values past 64 bits keep their digits.
TEST(Xsd, IntegersBeyond64Bits) {
  XsdValue big = Parse("+00012345678901234567890123", "integer");
  EXPECT_EQ(big.big_integer, "12345678901234567890123");
  EXPECT_EQ(CanonicalLexical(big), "12345678901234567890123");
  EXPECT_EQ(Parse("-9223372036854775808", "integer").big_integer, "");  // fits: fast path
  EXPECT_EQ(Parse("18446744073709551615", "unsignedLong").big_integer, "18446744073709551615");
  EXPECT_EQ(Parse("-99999999999999999999999", "negativeInteger").big_integer,
            "-99999999999999999999999");
  XsdValue ten = Parse("10", "integer");
  EXPECT_EQ(CompareXsd(big, ten), std::partial_ordering::greater);
  EXPECT_EQ(CompareXsd(ten, big), std::partial_ordering::less);
  EXPECT_EQ(CompareXsd(Parse("99999999999999999999", "integer"),
                       Parse("99999999999999999999.0", "decimal")),
            std::partial_ordering::equivalent);
  EXPECT_EQ(CompareXsd(Parse("99999999999999999999.5", "decimal"), big),
            std::partial_ordering::less);
  EXPECT_EQ(CompareXsd(big, Parse("1e30", "double")), std::partial_ordering::less);
}

TEST(Xsd, RejectsBadLexicalForms) {
  struct Case {
    const char* lex;
    const char* type;
  };
  for (Case c : {Case{"abc", "integer"},
                 Case{"1.5", "integer"},
                 Case{"", "integer"},
                 Case{"1 ", "integer"},
                 Case{"1.2.3", "decimal"},
                 Case{".", "decimal"},
                 Case{"1e", "double"},
                 Case{"e1", "double"},
                 Case{"inf", "double"},
                 Case{"yes", "boolean"},
                 Case{"TRUE", "boolean"},
                 Case{"2024-13-01", "date"},
                 Case{"2023-02-29", "date"},
                 Case{"24-01-01", "date"},
                 Case{"2024-01-01T25:00:00", "dateTime"},
                 Case{"2024-01-01", "dateTime"},
                 Case{"-1", "nonNegativeInteger"},
                 Case{"0", "positiveInteger"},
                 Case{"300", "byte"},
                 Case{"99999999999999999999999", "long"},
                 Case{"-99999999999999999999999", "nonNegativeInteger"},
                 Case{"18446744073709551616", "unsignedLong"},
                 Case{"123456789012345678901234x", "integer"},
                 Case{"-", "integer"}}) {
    auto r = ParseXsd(c.lex, Xsd(c.type));
    EXPECT_FALSE(r.ok()) << c.lex << " as " << c.type;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
    }
  }
  EXPECT_EQ(ParseXsd("abc", Xsd("integer")).status().message(), "'abc' is not a valid xsd:integer");
}

TEST(Xsd, UnknownDatatypeIsInvalidArgument) {
  auto r = ParseXsd("x", "http://example.org/dt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
}

TEST(Xsd, ComparesAcrossNumericTypes) {
  EXPECT_EQ(CompareXsd(Parse("1", "integer"), Parse("1.0", "decimal")),
            std::partial_ordering::equivalent);
  EXPECT_EQ(CompareXsd(Parse("2", "integer"), Parse("1.5e0", "double")),
            std::partial_ordering::greater);
  EXPECT_EQ(CompareXsd(Parse("0.1", "decimal"), Parse("0.2", "decimal")),
            std::partial_ordering::less);
  EXPECT_EQ(CompareXsd(Parse("NaN", "double"), Parse("1", "integer")),
            std::partial_ordering::unordered);
  EXPECT_EQ(CompareXsd(Parse("true", "boolean"), Parse("1", "integer")),
            std::partial_ordering::unordered);
}

TEST(Xsd, ComparesDatesWithTimezones) {
  EXPECT_EQ(CompareXsd(Parse("2024-01-01T12:00:00Z", "dateTime"),
                       Parse("2024-01-01T13:00:00+01:00", "dateTime")),
            std::partial_ordering::equivalent);
  EXPECT_EQ(CompareXsd(Parse("2023-12-31", "date"), Parse("2024-01-01", "date")),
            std::partial_ordering::less);
  EXPECT_EQ(CompareXsd(Parse("2024-02-29", "date"), Parse("2024-02-29T00:00:00", "dateTime")),
            std::partial_ordering::unordered);
  EXPECT_EQ(CanonicalLexical(Parse("2024-01-01T10:00:00.500+02:00", "dateTime")),
            "2024-01-01T10:00:00.5+02:00");
}

}  // namespace
}  // namespace hamlet::rdf
