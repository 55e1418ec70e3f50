#include "io/writer.h"

#include <gtest/gtest.h>

#include "io/reader.h"
#include "rdf/isomorphism.h"

namespace hamlet::io {
namespace {

std::vector<rdf::Quad> Sample(bool with_graphs) {
  using rdf::Term;
  Term g = with_graphs ? Term::Iri("http://ex.org/g") : Term();
  return {
      {Term::Iri("http://ex.org/a"), Term::Iri("http://ex.org/p"), Term::Literal("x \"q\"\nline"),
       Term()},
      {Term::Iri("http://ex.org/a"), Term::Iri("http://ex.org/p"), Term::LangLiteral("é", "fr"), g},
      {Term::Blank("b1"), Term::Iri("http://ex.org/q"),
       Term::Literal("01", "http://www.w3.org/2001/XMLSchema#integer"), g},
      {Term::Iri("http://ex.org/a"), Term::Iri("http://ex.org/r"), Term::Blank("b1"), g},
  };
}

class WriterRoundTrip : public ::testing::TestWithParam<Syntax> {};

TEST_P(WriterRoundTrip, RereadsIsomorphic) {
  Syntax syntax = GetParam();
  auto quads = Sample(HasGraphs(syntax));
  std::string text = WriteToString(syntax, quads, {{"ex", "http://ex.org/"}});
  ReadOptions o;
  o.syntax = syntax;
  std::vector<rdf::Quad> back;
  Status s = ReadString(text, "out", o, [&](const rdf::QuadView& q) {
    back.push_back(rdf::Quad{rdf::Term::FromView(q.subject), rdf::Term::FromView(q.predicate),
                             rdf::Term::FromView(q.object), rdf::Term::FromView(q.graph)});
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message() << "\n" << text;
  std::string why;
  EXPECT_TRUE(rdf::AreIsomorphic(quads, back, &why)) << why << "\n" << text;
}

INSTANTIATE_TEST_SUITE_P(AllSyntaxes, WriterRoundTrip,
                         ::testing::Values(Syntax::kNTriples, Syntax::kNQuads, Syntax::kTurtle,
                                           Syntax::kTriG));

TEST(Writer, TurtleUsesPrefixes) {
  std::string text = WriteToString(Syntax::kTurtle, Sample(false), {{"ex", "http://ex.org/"}});
  EXPECT_NE(text.find("@prefix ex: <http://ex.org/> ."), std::string::npos) << text;
  EXPECT_NE(text.find("ex:a"), std::string::npos) << text;
}

}  // namespace
}  // namespace hamlet::io
