#include "rdf/isomorphism.h"

#include <gtest/gtest.h>

namespace hamlet::rdf {
namespace {

Quad Q(Term s, const char* p, Term o) {
  return Quad{std::move(s), Term::Iri(p), std::move(o), Term()};
}

TEST(Isomorphism, RenamedBlankNodesMatch) {
  std::vector<Quad> a = {Q(Term::Blank("x"), "http://p", Term::Blank("y")),
                         Q(Term::Blank("y"), "http://p", Term::Literal("1"))};
  std::vector<Quad> b = {Q(Term::Blank("m"), "http://p", Term::Literal("1")),
                         Q(Term::Blank("n"), "http://p", Term::Blank("m"))};
  EXPECT_TRUE(AreIsomorphic(a, b));
}

TEST(Isomorphism, OneBijectionForTheWholeGraph) {
  // Two blank nodes in `a`, one in `b`: not isomorphic even though each triple has a match.
  std::vector<Quad> a = {Q(Term::Blank("x"), "http://p", Term::Literal("1")),
                         Q(Term::Blank("y"), "http://q", Term::Literal("1"))};
  std::vector<Quad> b = {Q(Term::Blank("z"), "http://p", Term::Literal("1")),
                         Q(Term::Blank("z"), "http://q", Term::Literal("1"))};
  std::string why;
  EXPECT_FALSE(AreIsomorphic(a, b, &why));
  EXPECT_FALSE(why.empty());
}

TEST(Isomorphism, GroundDifferenceIsReported) {
  std::vector<Quad> a = {Q(Term::Iri("http://s"), "http://p", Term::Literal("1"))};
  std::vector<Quad> b = {Q(Term::Iri("http://s"), "http://p", Term::Literal("2"))};
  std::string why;
  EXPECT_FALSE(AreIsomorphic(a, b, &why));
  EXPECT_EQ(why, "only in first: <http://s> <http://p> \"1\" .");
}

TEST(Isomorphism, SymmetricCycleNeedsBacktracking) {
  // Two 3-cycles vs one 6-cycle: every node looks alike locally.
  auto cyc = [](std::vector<std::pair<const char*, const char*>> edges) {
    std::vector<Quad> g;
    for (auto [x, y] : edges) g.push_back(Q(Term::Blank(x), "http://e", Term::Blank(y)));
    return g;
  };
  auto two3 = cyc({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}, {"e", "f"}, {"f", "d"}});
  auto one6 = cyc({{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}, {"e", "f"}, {"f", "a"}});
  auto two3b = cyc({{"u", "v"}, {"v", "w"}, {"w", "u"}, {"x", "y"}, {"y", "z"}, {"z", "x"}});
  EXPECT_FALSE(AreIsomorphic(two3, one6));
  EXPECT_TRUE(AreIsomorphic(two3, two3b));
}

}  // namespace
}  // namespace hamlet::rdf
