// Readers: every W3C result file parses; formats' details; writer -> reader round trips.
#include "sparql/results/reader.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "rdf/vocab.h"
#include "sparql/results/compare.h"
#include "sparql/results/writer.h"
#include "sparql_results/sample.h"

namespace hamlet::sparql::results {
namespace {

namespace fs = std::filesystem;
const std::string kW3c = std::string(HAMLET_SHARED_DIR) + "/w3c";

TEST(ResultReader, EveryW3cResultFileParses) {
  size_t counts[4] = {0, 0, 0, 0}, failures = 0;
  const char* exts[4] = {".srx", ".srj", ".tsv", ".csv"};
  ASSERT_TRUE(fs::is_directory(kW3c + "/sparql")) << kW3c;
  for (const auto& entry : fs::recursive_directory_iterator(kW3c + "/sparql")) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    for (int i = 0; i < 4; ++i) {
      if (ext != exts[i]) continue;
      ++counts[i];
      auto rs = ReadResultFile(entry.path().string());
      if (!rs.ok()) {
        ++failures;
        ADD_FAILURE() << rs.status().message();
      }
    }
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_EQ(counts[0], 440u);
  EXPECT_EQ(counts[1], 6u);
  EXPECT_EQ(counts[2], 3u);
  EXPECT_EQ(counts[3], 3u);
}

// Every W3C .srx/.srj result survives writer -> reader in JSON, XML and TSV, and the
// comparator finds each copy equal to the original (blank nodes included).
TEST(ResultReader, EveryW3cResultRoundTrips) {
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kW3c + "/sparql")) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".srx" && ext != ".srj")) continue;
    auto rs = ReadResultFile(entry.path().string());
    ASSERT_TRUE(rs.ok()) << rs.status().message();
    ++files;
    for (Format f : {Format::kJson, Format::kXml, Format::kTsv}) {
      if (f == Format::kTsv && rs->is_boolean) continue;
      auto text = WriteToString(f, *rs);
      ASSERT_TRUE(text.ok());
      auto back = f == Format::kJson  ? ParseSrj(*text)
                  : f == Format::kXml ? ParseSrx(*text)
                                      : ParseTsv(*text);
      ASSERT_TRUE(back.ok()) << entry.path() << " " << FormatName(f) << ": "
                             << back.status().message();
      auto c = CompareResultSets(*rs, *back);
      EXPECT_TRUE(c.equal) << entry.path() << " " << FormatName(f) << ": " << c.explanation;
    }
  }
  EXPECT_EQ(files, 446u);
}

TEST(ResultReader, EveryW3cResultGraphParses) {
  size_t sets = 0, failures = 0;
  for (const std::string& root : {kW3c + "/sparql", kW3c + "/derived"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".ttl" && ext != ".nt")) continue;
      std::string text;
      {
        std::ifstream in(entry.path());
        text.assign(std::istreambuf_iterator<char>(in), {});
      }
      if (text.find("result-set#") == std::string::npos) continue;
      auto rs = ReadResultFile(entry.path().string(), "http://example.org/base/");
      if (rs.ok()) {
        ++sets;
      } else if (rs.status().code() != Status::Code::kNotFound) {
        ++failures;
        ADD_FAILURE() << rs.status().message();
      }
    }
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_GT(sets, 100u);
}

TEST(ResultReader, SrxCommentsEmptyRowsLangAndWhitespace) {
  auto rs = ReadResultFile(kW3c + "/sparql/sparql11/functions/concat02.srx");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  EXPECT_EQ(rs->variables, std::vector<std::string>{"str"});
  ASSERT_EQ(rs->rows.size(), 49u);
  EXPECT_EQ(rs->rows[4][0], rdf::Term::LangLiteral("englishenglish", "en"));
  EXPECT_FALSE(rs->rows.back()[0].has_value());
  auto ws = ParseSrx(
      "<?xml version='1.0'?><sparql xmlns='http://www.w3.org/2005/sparql-results#'><head>"
      "<variable name='x'/></head><results><result><binding name='x'><literal datatype="
      "'http://ex.org/d'>  a &#xD;\n b </literal></binding></result></results></sparql>");
  ASSERT_TRUE(ws.ok()) << ws.status().message();
  EXPECT_EQ(ws->rows[0][0], rdf::Term::Literal("  a \r\n b ", "http://ex.org/d"));
  auto ask = ParseSrx("<sparql><head/><boolean> true </boolean></sparql>");
  ASSERT_TRUE(ask.ok()) << ask.status().message();
  EXPECT_TRUE(ask->is_boolean && ask->boolean);
  EXPECT_FALSE(ParseSrx("<sparql><head/><results><result>").ok());
  EXPECT_FALSE(ParseSrx("<sparql><results><result><binding name='y'><uri>a</uri></binding>"
                        "</result></results></sparql>")
                   .ok());
}

TEST(ResultReader, SrjTypedLiteralAndBoolean) {
  auto rs = ParseSrj(R"({"head": {"vars": ["a", "b"]}, "results": {"bindings": [
      {"a": {"type": "typed-literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
       "b": {"type": "literal", "value": "x", "xml:lang": "fr"}},
      {}]}})");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  ASSERT_EQ(rs->rows.size(), 2u);
  EXPECT_EQ(rs->rows[0][0], rdf::Term::Literal("1", std::string(rdf::vocab::kXsdInteger)));
  EXPECT_EQ(rs->rows[0][1], rdf::Term::LangLiteral("x", "fr"));
  EXPECT_FALSE(rs->rows[1][0].has_value());
  auto ask = ReadResultFile(kW3c + "/sparql/sparql11/json-res/jsonres04.srj");
  ASSERT_TRUE(ask.ok());
  EXPECT_TRUE(ask->is_boolean);
  EXPECT_FALSE(ask->boolean);
  EXPECT_FALSE(ParseSrj("{\"head\": ").ok());
  EXPECT_FALSE(ParseSrj(R"({"head": {"vars": []}, "results": {"bindings": [{"z": 1}]}})").ok());
}

TEST(ResultReader, TsvTermsAndUnbound) {
  auto rs = ReadResultFile(kW3c + "/sparql/sparql11/csv-tsv-res/csvtsv03.tsv");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  ASSERT_EQ(rs->rows.size(), 7u);
  EXPECT_EQ(rs->rows[0][2], rdf::Term::Literal("1"));
  EXPECT_EQ(rs->rows[1][2], rdf::Term::Literal("2.2", std::string(rdf::vocab::kXsdDecimal)));
  EXPECT_EQ(rs->rows[5][2], rdf::Term::Literal("1.0e6", std::string(rdf::vocab::kXsdDouble)));
  auto two = ReadResultFile(kW3c + "/sparql/sparql11/csv-tsv-res/csvtsv02.tsv");
  ASSERT_TRUE(two.ok());
  EXPECT_FALSE(two->rows[1][3].has_value());
  EXPECT_EQ(two->rows[5][2], rdf::Term::Blank("b0"));
  EXPECT_EQ(*ParseTurtleTerm("'a\\u00E9\\t'@en"), rdf::Term::LangLiteral("a\xC3\xA9\t", "en"));
  EXPECT_EQ(*ParseTurtleTerm("-5"), rdf::Term::Literal("-5", std::string(rdf::vocab::kXsdInteger)));
  EXPECT_FALSE(ParseTurtleTerm("abc").ok());
  EXPECT_FALSE(ParseTurtleTerm("\"open").ok());
  EXPECT_FALSE(ParseTsv("?a\t?b\r\n<x>\r\n").ok());
}

TEST(ResultReader, CsvQuotingAndCrLf) {
  auto rs = ParseCsv("a,b\r\n\"x,\"\"y\"\"\",_:n1\r\n,\"multi\nline\"\r\n");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  ASSERT_EQ(rs->rows.size(), 2u);
  EXPECT_EQ(rs->rows[0][0], rdf::Term::Literal("x,\"y\""));
  EXPECT_EQ(rs->rows[0][1], rdf::Term::Blank("n1"));
  EXPECT_FALSE(rs->rows[1][0].has_value());
  EXPECT_EQ(rs->rows[1][1], rdf::Term::Literal("multi\nline"));
  EXPECT_FALSE(ParseCsv("a,b\n1\n").ok());
}

TEST(ResultReader, RsGraphWithIndex) {
  auto rs =
      ReadResultFile(kW3c + "/derived/rdfxml-as-ntriples/sparql/sparql10/sort/result-sort-1.nt");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  EXPECT_TRUE(rs->ordered);
  ASSERT_EQ(rs->variables, std::vector<std::string>{"name"});
  ASSERT_GE(rs->rows.size(), 2u);
  EXPECT_EQ(rs->rows[0][0], rdf::Term::Literal("Alice"));
  auto ask = ReadResultFile(kW3c + "/sparql/sparql10/type-promotion/true.ttl");
  ASSERT_TRUE(ask.ok());
  EXPECT_TRUE(ask->is_boolean && ask->boolean);
  auto opt = ReadResultFile(kW3c + "/sparql/sparql10/optional-filter/expr-4-result.ttl");
  ASSERT_TRUE(opt.ok());
  EXPECT_EQ(opt->variables, (std::vector<std::string>{"title", "price"}));
  EXPECT_EQ(opt->rows.size(), 3u);
  EXPECT_FALSE(opt->ordered);
}

TEST(ResultReader, RoundTripThroughEveryLosslessFormat) {
  ResultSet sample = testing::Sample();
  sample.rows.push_back({rdf::Term::Literal(" tab\there \r\n \\ \x01 \xC3\xA9 "), std::nullopt,
                         rdf::Term::Literal("-0.5", std::string(rdf::vocab::kXsdDecimal))});
  for (Format f : {Format::kJson, Format::kXml, Format::kTsv}) {
    auto text = WriteToString(f, sample);
    ASSERT_TRUE(text.ok());
    auto back = f == Format::kJson  ? ParseSrj(*text)
                : f == Format::kXml ? ParseSrx(*text)
                                    : ParseTsv(*text);
    ASSERT_TRUE(back.ok()) << FormatName(f) << ": " << back.status().message() << "\n" << *text;
    EXPECT_EQ(back->variables, sample.variables);
    EXPECT_EQ(back->rows, sample.rows) << FormatName(f) << "\n" << *text;
    auto ask = WriteToString(f, ResultSet::Boolean(true));
    if (f != Format::kTsv) {
      auto b = f == Format::kJson ? ParseSrj(*ask) : ParseSrx(*ask);
      ASSERT_TRUE(b.ok());
      EXPECT_TRUE(b->is_boolean && b->boolean);
    }
  }
  auto csv = WriteToString(Format::kCsv, sample);
  auto back = ParseCsv(*csv);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_TRUE(CompareResultSets(*back, CsvProjection(sample), {}).equal);
}

}  // namespace
}  // namespace hamlet::sparql::results
