#include "rdf/term.h"

#include <gtest/gtest.h>

#include "rdf/vocab.h"

namespace hamlet::rdf {
namespace {

TEST(Term, SimpleLiteralHasXsdString) {
  Term t = Term::Literal("x");
  EXPECT_EQ(t.datatype(), vocab::kXsdString);
  EXPECT_EQ(t.ToNTriples(), "\"x\"");
}

TEST(Term, LangLiteralHasLangString) {
  Term t = Term::LangLiteral("chat", "fr");
  EXPECT_EQ(t.datatype(), vocab::kRdfLangString);
  EXPECT_EQ(t.ToNTriples(), "\"chat\"@fr");
}

TEST(Term, LexicalFormIsKeptExactly) {
  Term a = Term::Literal("01", std::string(vocab::kXsdInteger));
  Term b = Term::Literal("1", std::string(vocab::kXsdInteger));
  EXPECT_NE(a, b);
  EXPECT_EQ(a.ToNTriples(), "\"01\"^^<http://www.w3.org/2001/XMLSchema#integer>");
}

TEST(Term, EscapesInNTriples) {
  EXPECT_EQ(Term::Literal("a\"b\\c\nd\te").ToNTriples(), "\"a\\\"b\\\\c\\nd\\te\"");
  EXPECT_EQ(Term::Iri("http://x/a b").ToNTriples(), "<http://x/a\\u0020b>");
}

TEST(Term, QuadInNQuads) {
  Quad q{Term::Iri("http://s"), Term::Iri("http://p"), Term::Blank("b1"), Term::Iri("http://g")};
  EXPECT_EQ(q.ToNQuads(), "<http://s> <http://p> _:b1 <http://g> .");
  q.graph = Term();
  EXPECT_EQ(q.ToNQuads(), "<http://s> <http://p> _:b1 .");
}

TEST(Term, FromViewRoundTrips) {
  Term t = Term::LangLiteral("x", "en-GB");
  EXPECT_EQ(Term::FromView(t.view()), t);
  Term n;
  EXPECT_TRUE(Term::FromView(n.view()).is_none());
}

}  // namespace
}  // namespace hamlet::rdf
