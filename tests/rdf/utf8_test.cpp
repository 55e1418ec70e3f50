#include "rdf/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace hamlet::rdf::utf8 {
namespace {

std::optional<Problem> ProblemOf(std::string_view s) {
  auto bad = FindInvalid(s);
  if (!bad) return std::nullopt;
  return bad->problem;
}

TEST(Utf8, DecodesEachLengthAtItsBounds) {
  struct Case {
    const char* bytes;
    char32_t cp;
  } cases[] = {{"\x00", 0},
               {"\x7F", 0x7F},
               {"\xC2\x80", 0x80},
               {"\xDF\xBF", 0x7FF},
               {"\xE0\xA0\x80", 0x800},
               {"\xED\x9F\xBF", 0xD7FF},
               {"\xEE\x80\x80", 0xE000},
               {"\xEF\xBF\xBF", 0xFFFF},
               {"\xF0\x90\x80\x80", 0x10000},
               {"\xF4\x8F\xBF\xBF", 0x10FFFF}};
  for (const auto& c : cases) {
    std::string_view s(c.bytes, c.cp == 0 ? 1 : std::char_traits<char>::length(c.bytes));
    Decoded d = DecodeFirst(s);
    EXPECT_EQ(d.problem, Problem::kNone) << std::hex << uint32_t{c.cp};
    EXPECT_EQ(d.code_point, c.cp);
    EXPECT_EQ(d.length, s.size());
    std::string back;
    Append(c.cp, &back);
    EXPECT_EQ(back, s) << std::hex << uint32_t{c.cp};
  }
}

TEST(Utf8, RejectsOverlongForms) {
  EXPECT_EQ(ProblemOf("\xC0\xAF"), Problem::kOverlong);  // '/' in two bytes
  EXPECT_EQ(ProblemOf("\xC1\xBF"), Problem::kOverlong);
  EXPECT_EQ(ProblemOf("\xE0\x80\xAF"), Problem::kOverlong);
  EXPECT_EQ(ProblemOf("\xE0\x9F\xBF"), Problem::kOverlong);  // U+07FF in three bytes
  EXPECT_EQ(ProblemOf("\xF0\x80\x80\xAF"), Problem::kOverlong);
  EXPECT_EQ(ProblemOf("\xF0\x8F\xBF\xBF"), Problem::kOverlong);  // U+FFFF in four bytes
}

TEST(Utf8, RejectsSurrogates) {
  EXPECT_EQ(ProblemOf("\xED\xA0\x80"), Problem::kSurrogate);              // U+D800
  EXPECT_EQ(ProblemOf("\xED\xBF\xBF"), Problem::kSurrogate);              // U+DFFF
  EXPECT_EQ(ProblemOf("\xED\xA0\xBD\xED\xB8\x80"), Problem::kSurrogate);  // CESU-8 pair
}

TEST(Utf8, RejectsCodePointsAboveTheLast) {
  EXPECT_EQ(ProblemOf("\xF4\x90\x80\x80"), Problem::kTooLarge);  // U+110000
  EXPECT_EQ(ProblemOf("\xF5\x80\x80\x80"), Problem::kTooLarge);
  EXPECT_EQ(ProblemOf("\xF8\x88\x80\x80\x80"), Problem::kInvalidByte);
  EXPECT_EQ(ProblemOf("\xFF"), Problem::kInvalidByte);
  EXPECT_EQ(ProblemOf("\xFE"), Problem::kInvalidByte);
}

TEST(Utf8, RejectsStrayContinuationAndTruncation) {
  EXPECT_EQ(ProblemOf("\x80"), Problem::kStrayContinuation);
  EXPECT_EQ(ProblemOf("a\xBF"), Problem::kStrayContinuation);
  EXPECT_EQ(ProblemOf("\xC3"), Problem::kTruncated);
  EXPECT_EQ(ProblemOf("\xE2\x82"), Problem::kTruncated);
  EXPECT_EQ(ProblemOf("\xF0\x9F\x98"), Problem::kTruncated);
  EXPECT_EQ(ProblemOf("\xE2\x82z"), Problem::kTruncated);  // another byte comes too early
  EXPECT_EQ(ProblemOf("\xC3\xC3\xA9"), Problem::kTruncated);
}

TEST(Utf8, ReportsTheOffsetOfTheFirstBadSequence) {
  auto bad = FindInvalid("ok \xC3\xA9 then \xC0\xAF and \xED\xA0\x80");
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->offset, 11u);
  EXPECT_EQ(bad->problem, Problem::kOverlong);
  EXPECT_FALSE(FindInvalid("plain ASCII, caf\xC3\xA9, \xF0\x9F\x98\x80").has_value());
  EXPECT_TRUE(IsValid(""));
}

TEST(Utf8, TruncationAtTheEndKeepsTheBytesThatFit) {
  // A streaming reader waits for more input when the sequence reaches the end this way.
  Decoded d = DecodeFirst("\xF0\x9F\x98");
  EXPECT_EQ(d.problem, Problem::kTruncated);
  EXPECT_EQ(d.length, 3u);
  // But not when the second byte is already out of range: no later byte can repair it.
  d = DecodeFirst("\xE0\x80");
  EXPECT_EQ(d.problem, Problem::kOverlong);
  EXPECT_EQ(d.length, 1u);
}

TEST(Utf8, AppendReplacesNonScalarValues) {
  std::string out;
  Append(0xD800, &out);
  Append(0x110000, &out);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(IsScalarValue(0x10FFFF));
  EXPECT_FALSE(IsScalarValue(0xDFFF));
}

TEST(Utf8, CountsAndCutsByCharacter) {
  std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";  // a é € 😀 z
  EXPECT_EQ(CountCodePoints(s), 5u);
  EXPECT_EQ(PrefixBytes(s, 0), 0u);
  EXPECT_EQ(PrefixBytes(s, 2), 3u);
  EXPECT_EQ(PrefixBytes(s, 4), 10u);
  EXPECT_EQ(PrefixBytes(s, 9), s.size());
}

TEST(Utf8, DescribesEveryProblem) {
  EXPECT_STREQ(Describe(Problem::kOverlong), "an overlong encoding");
  EXPECT_NE(std::string(Describe(Problem::kSurrogate)).find("surrogate"), std::string::npos);
  EXPECT_NE(std::string(Describe(Problem::kTooLarge)).find("U+10FFFF"), std::string::npos);
}

}  // namespace
}  // namespace hamlet::rdf::utf8
