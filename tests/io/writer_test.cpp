#include "io/writer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <tuple>

#include "io/reader.h"
#include "rdf/isomorphism.h"
#include "rdf/vocab.h"

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

// Issue 12 (7): a store written before the readers checked UTF-8 may hold ill-formed text;
// the writers refuse that statement instead of copying the bytes into the output.
TEST(Writer, RefusesTermsThatAreNotUtf8) {
  for (Syntax syntax :
       {Syntax::kNTriples, Syntax::kNQuads, Syntax::kTurtle, Syntax::kTriG, Syntax::kJsonLd}) {
    std::vector<rdf::Quad> quads = {
        {rdf::Term::Iri("http://ex.org/a"), rdf::Term::Iri("http://ex.org/p"),
         rdf::Term::Literal("a\xC0\xAF"), rdf::Term()},
        {rdf::Term::Iri("http://ex.org/\xED\xA0\x80"), rdf::Term::Iri("http://ex.org/p"),
         rdf::Term::Literal("x"), rdf::Term()},
        {rdf::Term::Iri("http://ex.org/a"), rdf::Term::Iri("http://ex.org/p"),
         rdf::Term::Literal("kept"), rdf::Term()}};
    std::string text;
    Status s = WriteToString(syntax, quads, {}, &text);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << SyntaxName(syntax);
    EXPECT_EQ(s.message(),
              "the object of a statement holds invalid UTF-8 (an overlong encoding at byte 1 of "
              "'a...')");
    EXPECT_EQ(text.find('\xC0'), std::string::npos) << text;
    EXPECT_EQ(text.find('\xED'), std::string::npos) << text;
    EXPECT_NE(text.find("kept"), std::string::npos) << text;
  }
}

// Issue 12: Serd wrote "abc"^^xsd:integer as `abc` (no longer Turtle), "1"^^xsd:boolean as
// `1` (an integer on reload) and " 42 " as `42`. The bare form is kept for exact tokens only.
struct LiteralCase {
  const char* lexical;
  std::string_view datatype;
  const char* bare;  // how it is written in Turtle when a bare token, else nullptr
};

const LiteralCase kLiterals[] = {
    {"42", rdf::vocab::kXsdInteger, "42"},
    {"-007", rdf::vocab::kXsdInteger, "-007"},
    {"+5", rdf::vocab::kXsdInteger, "+5"},
    {"abc", rdf::vocab::kXsdInteger, nullptr},
    {" 42 ", rdf::vocab::kXsdInteger, nullptr},
    {"", rdf::vocab::kXsdInteger, nullptr},
    {"-", rdf::vocab::kXsdInteger, nullptr},
    {"4.2", rdf::vocab::kXsdInteger, nullptr},
    {"1e3", rdf::vocab::kXsdInteger, nullptr},
    {"\u0661", rdf::vocab::kXsdInteger, nullptr},  // ARABIC-INDIC DIGIT ONE is no [0-9]
    {"1.5", rdf::vocab::kXsdDecimal, "1.5"},
    {"-.5", rdf::vocab::kXsdDecimal, "-.5"},
    {"1.5e3", rdf::vocab::kXsdDecimal, nullptr},
    {"5.", rdf::vocab::kXsdDecimal, nullptr},
    {"5", rdf::vocab::kXsdDecimal, nullptr},
    {"a.b", rdf::vocab::kXsdDecimal, nullptr},
    {"1.2.3", rdf::vocab::kXsdDecimal, nullptr},
    {"true", rdf::vocab::kXsdBoolean, "true"},
    {"false", rdf::vocab::kXsdBoolean, "false"},
    {"1", rdf::vocab::kXsdBoolean, nullptr},
    {"TRUE", rdf::vocab::kXsdBoolean, nullptr},
    {" true", rdf::vocab::kXsdBoolean, nullptr},
    {"1e3", rdf::vocab::kXsdDouble, nullptr},
    {"abc", rdf::vocab::kXsdDouble, nullptr},
};

class LiteralRoundTrip : public ::testing::TestWithParam<std::tuple<Syntax, bool>> {};

TEST_P(LiteralRoundTrip, KeepsTheExactLiteral) {
  auto [syntax, with_xsd_prefix] = GetParam();
  PrefixList prefixes = {{"ex", "http://ex.org/"}};
  if (with_xsd_prefix) prefixes.emplace_back("xsd", std::string(rdf::vocab::kXsd));
  for (const LiteralCase& c : kLiterals) {
    std::string lexical = c.lexical;
    rdf::Term g = HasGraphs(syntax) ? rdf::Term::Iri("http://ex.org/g") : rdf::Term();
    std::vector<rdf::Quad> quads = {{rdf::Term::Iri("http://ex.org/s"),
                                     rdf::Term::Iri("http://ex.org/p"),
                                     rdf::Term::Literal(lexical, std::string(c.datatype)), g}};
    std::string text = WriteToString(syntax, quads, prefixes);
    std::string object = text.substr(text.find("ex:p ") + 5);
    object = object.substr(0, object.find_last_of('.'));
    while (!object.empty() && std::isspace(static_cast<unsigned char>(object.back()))) {
      object.pop_back();
    }
    if (c.bare != nullptr) {
      EXPECT_EQ(object, c.bare) << text;
    } else {
      EXPECT_EQ(object.front(), '"') << text;
    }
    ReadOptions o;
    o.syntax = syntax;
    std::vector<rdf::Quad> back;
    Status s = ReadString(text, "out", o, [&](const rdf::QuadView& q) {
      back.push_back(rdf::Quad{rdf::Term::FromView(q.subject), rdf::Term::FromView(q.predicate),
                               rdf::Term::FromView(q.object), rdf::Term::FromView(q.graph)});
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message() << "\n" << text;
    ASSERT_EQ(back.size(), 1u) << text;
    EXPECT_EQ(back[0].object, quads[0].object) << text;
  }
}

INSTANTIATE_TEST_SUITE_P(TurtleAndTriG, LiteralRoundTrip,
                         ::testing::Combine(::testing::Values(Syntax::kTurtle, Syntax::kTriG),
                                            ::testing::Bool()));

}  // namespace
}  // namespace hamlet::io
