// Comparison: blank-node bijection for the whole result, order modes, literal rules.
#include "sparql/results/compare.h"

#include <gtest/gtest.h>

#include "rdf/vocab.h"
#include "sparql/results/reader.h"

namespace hamlet::sparql::results {
namespace {

rdf::Term I(const std::string& s) {
  return rdf::Term::Iri("http://ex.org/" + s);
}
rdf::Term B(const std::string& s) {
  return rdf::Term::Blank(s);
}
rdf::Term L(const std::string& s, std::string_view dt = {}) {
  return rdf::Term::Literal(s, std::string(dt));
}

CompareOptions With(RowOrder order, LiteralMatch literals = LiteralMatch::kExact,
                    bool as_sets = false) {
  CompareOptions o;
  o.order = order;
  o.literals = literals;
  o.as_sets = as_sets;
  return o;
}

ResultSet Make(std::vector<std::string> vars, std::vector<Row> rows) {
  ResultSet rs;
  rs.variables = std::move(vars);
  rs.rows = std::move(rows);
  return rs;
}

TEST(CompareResults, EqualUpToColumnAndRowOrder) {
  auto e = Make({"a", "b"}, {{I("x"), L("1")}, {I("y"), std::nullopt}});
  auto a = Make({"b", "a"}, {{std::nullopt, I("y")}, {L("1"), I("x")}});
  auto c = CompareResultSets(e, a);
  EXPECT_TRUE(c.equal) << c.explanation;
  EXPECT_FALSE(CompareResultSets(e, a, With(RowOrder::kSequence)).equal);
}

TEST(CompareResults, DetectsChangedLiteral) {
  auto e = Make({"a"}, {{L("x")}, {L("y")}});
  auto a = Make({"a"}, {{L("x")}, {L("z")}});
  auto c = CompareResultSets(e, a);
  EXPECT_FALSE(c.equal);
  EXPECT_NE(c.explanation.find("?a=\"y\""), std::string::npos) << c.explanation;
  EXPECT_NE(c.explanation.find("?a=\"z\""), std::string::npos) << c.explanation;
  // Datatype and lexical form count; xsd:string is the plain literal; lang case does not.
  EXPECT_FALSE(CompareResultSets(Make({"a"}, {{L("1", rdf::vocab::kXsdInteger)}}),
                                 Make({"a"}, {{L("01", rdf::vocab::kXsdInteger)}}))
                   .equal);
  EXPECT_TRUE(
      CompareResultSets(Make({"a"}, {{L("a")}}), Make({"a"}, {{L("a", rdf::vocab::kXsdString)}}))
          .equal);
  EXPECT_TRUE(CompareResultSets(Make({"a"}, {{rdf::Term::LangLiteral("a", "en-US")}}),
                                Make({"a"}, {{rdf::Term::LangLiteral("a", "en-us")}}))
                  .equal);
  EXPECT_FALSE(CompareResultSets(Make({"a"}, {{L("x")}}), Make({"b"}, {{L("x")}})).equal);
  EXPECT_FALSE(CompareResultSets(Make({"a"}, {{L("x")}}), Make({"a"}, {{std::nullopt}})).equal);
}

TEST(CompareResults, ByValueForTriage) {
  auto e = Make({"a"}, {{L("2.0", rdf::vocab::kXsdDecimal)}, {L("1", rdf::vocab::kXsdBoolean)}});
  auto a = Make({"a"}, {{L("2", rdf::vocab::kXsdInteger)}, {L("true", rdf::vocab::kXsdBoolean)}});
  EXPECT_FALSE(CompareResultSets(e, a).equal);
  EXPECT_TRUE(CompareResultSets(e, a, With(RowOrder::kMultiset, LiteralMatch::kByValue)).equal);
  auto d = Make({"a"}, {{L("2.5E0", rdf::vocab::kXsdDouble)}});
  EXPECT_TRUE(CompareResultSets(d, Make({"a"}, {{L("2.50", rdf::vocab::kXsdDecimal)}}),
                                With(RowOrder::kMultiset, LiteralMatch::kByValue))
                  .equal);
}

TEST(CompareResults, AcceptsRenamedBlankNodes) {
  auto e = Make({"s", "o"}, {{B("a"), B("b")}, {B("b"), L("1")}, {B("c"), B("c")}});
  auto a = Make({"s", "o"}, {{B("z"), B("z")}, {B("y"), L("1")}, {B("x"), B("y")}});
  auto c = CompareResultSets(e, a);
  EXPECT_TRUE(c.equal) << c.explanation;
}

TEST(CompareResults, RejectsPerRowBlankNodeMappings) {
  // bnode01: one blank node shared by two rows must not match two distinct ones.
  auto e = Make({"x"}, {{B("a")}, {B("a")}});
  auto a = Make({"x"}, {{B("p")}, {B("q")}});
  auto c = CompareResultSets(e, a);
  EXPECT_FALSE(c.equal);
  EXPECT_NE(c.explanation.find("blank"), std::string::npos) << c.explanation;
  // Same blank-node counts and shapes, but linked differently across rows.
  auto e2 =
      Make({"s", "o"}, {{B("a"), I("p")}, {B("a"), I("q")}, {B("b"), I("p")}, {B("b"), I("q")}});
  auto a2 =
      Make({"s", "o"}, {{B("a"), I("p")}, {B("b"), I("q")}, {B("b"), I("p")}, {B("a"), I("q")}});
  EXPECT_TRUE(CompareResultSets(e2, a2).equal);
  auto a3 =
      Make({"s", "o"}, {{B("a"), I("p")}, {B("a"), I("p")}, {B("b"), I("q")}, {B("b"), I("q")}});
  EXPECT_FALSE(CompareResultSets(e2, a3).equal);
}

TEST(CompareResults, NeedsBacktracking) {
  // Blank nodes with identical colours; the first guess may be wrong.
  std::vector<Row> er, ar;
  for (int i = 0; i < 6; ++i) {
    std::string x = "e" + std::to_string(i), y = "e" + std::to_string((i + 1) % 6);
    er.push_back({B(x), B(y)});
    std::string u = "a" + std::to_string((i * 5) % 6), v = "a" + std::to_string((i * 5 + 5) % 6);
    ar.push_back({B(u), B(v)});
  }
  EXPECT_TRUE(CompareResultSets(Make({"s", "o"}, er), Make({"s", "o"}, ar)).equal);
  // Two 3-cycles against one 6-cycle: same colours, no bijection.
  std::vector<Row> two;
  for (int i = 0; i < 3; ++i) {
    two.push_back({B("p" + std::to_string(i)), B("p" + std::to_string((i + 1) % 3))});
    two.push_back({B("q" + std::to_string(i)), B("q" + std::to_string((i + 1) % 3))});
  }
  auto c = CompareResultSets(Make({"s", "o"}, er), Make({"s", "o"}, two));
  EXPECT_FALSE(c.equal);
  EXPECT_FALSE(c.explanation.empty());
}

TEST(CompareResults, OrderedModes) {
  auto e = Make({"k", "v"}, {{L("1"), I("a")}, {L("1"), I("b")}, {L("2"), I("c")}});
  auto tie_swapped = Make({"k", "v"}, {{L("1"), I("b")}, {L("1"), I("a")}, {L("2"), I("c")}});
  auto reordered = Make({"k", "v"}, {{L("2"), I("c")}, {L("1"), I("a")}, {L("1"), I("b")}});
  CompareOptions seq = With(RowOrder::kSequence);
  CompareOptions keys = With(RowOrder::kSequenceOfKeys);
  keys.key_variables = {"k"};
  EXPECT_TRUE(CompareResultSets(e, e, seq).equal);
  auto c = CompareResultSets(e, tie_swapped, seq);
  EXPECT_FALSE(c.equal);
  EXPECT_NE(c.explanation.find("#1"), std::string::npos) << c.explanation;
  EXPECT_TRUE(CompareResultSets(e, tie_swapped, keys).equal);
  EXPECT_FALSE(CompareResultSets(e, reordered, keys).equal);
  EXPECT_TRUE(CompareResultSets(e, reordered).equal);
  keys.key_variables = {"nope"};
  EXPECT_FALSE(CompareResultSets(e, e, keys).equal);
}

TEST(CompareResults, LaxCardinalityAndBooleans) {
  auto e = Make({"a"}, {{L("x")}, {L("y")}});
  auto a = Make({"a"}, {{L("x")}, {L("x")}, {L("y")}});
  EXPECT_FALSE(CompareResultSets(e, a).equal);
  EXPECT_TRUE(CompareResultSets(e, a, With(RowOrder::kMultiset, LiteralMatch::kExact, true)).equal);
  EXPECT_TRUE(CompareResultSets(ResultSet::Boolean(true), ResultSet::Boolean(true)).equal);
  EXPECT_FALSE(CompareResultSets(ResultSet::Boolean(true), ResultSet::Boolean(false)).equal);
  EXPECT_FALSE(CompareResultSets(ResultSet::Boolean(true), e).equal);
}

TEST(CompareResults, W3cCsvAgainstTsvProjection) {
  const std::string dir = std::string(HAMLET_SHARED_DIR) + "/w3c/sparql/sparql11/csv-tsv-res/";
  for (const char* name : {"csvtsv01", "csvtsv02"}) {
    auto tsv = ReadResultFile(dir + name + ".tsv");
    auto csv = ReadResultFile(dir + name + ".csv");
    ASSERT_TRUE(tsv.ok() && csv.ok());
    auto c = CompareResultSets(*csv, CsvProjection(*tsv));
    EXPECT_TRUE(c.equal) << name << ": " << c.explanation;
  }
}

}  // namespace
}  // namespace hamlet::sparql::results
