// Tab completion candidates from plain text.
#include "repl/completion.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace hamlet::repl {
namespace {

const io::PrefixList kPrefixes = {{"sv", "https://data.hamlet.example/def/smartvillages#"},
                                  {"skos", "http://www.w3.org/2004/02/skos/core#"},
                                  {"schema", "http://schema.org/"}};

const Vocabulary& Vocab() {
  static const Vocabulary v = {{"sv:MemberState", "sv:Region", "skos:Concept"},
                               {"skos:prefLabel", "sv:partOf", "sv:Mentions"},
                               {"sv:Meta"}};
  return v;
}

Completion At(std::string_view line, std::string_view previous = "") {
  return Complete(CompletionRequest{previous, line, line.size()}, kPrefixes, Vocab);
}

bool Has(const Completion& c, const std::string& s) {
  return std::find(c.candidates.begin(), c.candidates.end(), s) != c.candidates.end();
}

TEST(Completion, KeywordsFollowTheCaseTyped) {
  auto upper = At("SEL");
  ASSERT_EQ(upper.candidates.size(), 1u);
  EXPECT_EQ(upper.candidates[0], "SELECT");
  EXPECT_EQ(upper.word, "SEL");
  EXPECT_EQ(upper.word_start, 0u);
  auto lower = At("SELECT * { ?s ?p ?o } ord");
  ASSERT_EQ(lower.candidates.size(), 1u);
  EXPECT_EQ(lower.candidates[0], "order");
  EXPECT_EQ(lower.word_start, 22u);
}

TEST(Completion, PrefixNamesEndInAColonAndAreNotWholeTokens) {
  auto c = At("SELECT * { ?s a sk");
  ASSERT_EQ(c.candidates.size(), 1u);
  EXPECT_EQ(c.candidates[0], "skos:");
  EXPECT_FALSE(c.whole_token);
  auto s = At("s");  // keywords first, then prefixes
  EXPECT_TRUE(Has(s, "select"));
  EXPECT_TRUE(Has(s, "sv:"));
  EXPECT_TRUE(Has(s, "schema:"));
  EXPECT_LT(std::find(s.candidates.begin(), s.candidates.end(), "select"),
            std::find(s.candidates.begin(), s.candidates.end(), "sv:"));
}

TEST(Completion, PrefixedNamesClassesThenPropertiesThenOthers) {
  auto c = At("SELECT * { ?s a sv:M");
  ASSERT_EQ(c.candidates.size(), 3u);
  EXPECT_EQ(c.candidates[0], "sv:MemberState");  // class
  EXPECT_EQ(c.candidates[1], "sv:Mentions") << "properties come before other resources";
  EXPECT_EQ(c.candidates[2], "sv:Meta");
  EXPECT_EQ(c.word, "sv:M");
  auto one = At("?x sv:Reg");
  ASSERT_EQ(one.candidates.size(), 1u);
  EXPECT_EQ(one.candidates[0], "sv:Region");
  EXPECT_TRUE(one.whole_token);
}

TEST(Completion, VariablesOfTheStatementIncludingEarlierLines) {
  auto c = At("  ?territory ?p ?o . FILTER(?te", "SELECT ?territory ?temp WHERE {\n");
  ASSERT_EQ(c.candidates.size(), 2u);
  EXPECT_EQ(c.candidates[0], "?territory");
  EXPECT_EQ(c.candidates[1], "?temp");
  // The word being typed is not a candidate of its own.
  EXPECT_TRUE(At("SELECT ?abc").candidates.empty());
  auto dollar = At("SELECT ?name WHERE { $na");
  ASSERT_EQ(dollar.candidates.size(), 1u);
  EXPECT_EQ(dollar.candidates[0], "$name");
}

TEST(Completion, VariablesInCommentsAndStringsDoNotCount) {
  auto c = At("?sec", "# ?secret\nSELECT * { ?s ?p \"?second\" .\n");
  EXPECT_TRUE(c.candidates.empty());
}

TEST(Completion, AfterATripleDot) {
  auto c = At("SELECT * { ?s a ?o.FIL");
  ASSERT_EQ(c.candidates.size(), 1u);
  EXPECT_EQ(c.candidates[0], "FILTER");
}

TEST(Completion, DotCommandsAndTheirArguments) {
  auto c = At(".de");
  ASSERT_EQ(c.candidates.size(), 1u);
  EXPECT_EQ(c.candidates[0], ".describe");
  auto f = At(".format j");
  ASSERT_EQ(f.candidates.size(), 1u);
  EXPECT_EQ(f.candidates[0], "json");
  EXPECT_EQ(f.word_start, 8u);
  auto d = At(".describe sv:Reg");
  ASSERT_EQ(d.candidates.size(), 1u);
  EXPECT_EQ(d.candidates[0], "sv:Region");
  auto t = At(".timing o");
  EXPECT_EQ(t.candidates.size(), 2u);
  // Not a dot-command on a continuation line: there '.' ends a triple pattern.
  auto cont = At(".de", "SELECT * {\n");
  EXPECT_EQ(cont.word, "de");
  EXPECT_FALSE(Has(cont, ".describe"));
  EXPECT_TRUE(Has(cont, "describe"));
}

TEST(Completion, NothingForAnEmptyWordOrUnknownPrefix) {
  EXPECT_TRUE(At("SELECT ").candidates.empty());
  EXPECT_TRUE(At("SELECT * { ?s a zz:").candidates.empty());
}

TEST(Completion, CommonPrefix) {
  EXPECT_EQ(CommonPrefix({"sv:MemberState", "sv:Meta", "sv:memberOf"}), "sv:");
  EXPECT_EQ(CommonPrefix({"abc", "abd"}), "ab");
  EXPECT_EQ(CommonPrefix({}), "");
  // Never half a UTF-8 sequence: "é" is C3 A9, "è" is C3 A8.
  EXPECT_EQ(CommonPrefix({"x\xC3\xA9", "x\xC3\xA8"}), "x");
}

}  // namespace
}  // namespace hamlet::repl
