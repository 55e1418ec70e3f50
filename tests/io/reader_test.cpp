#include "io/reader.h"

#include <gtest/gtest.h>

namespace hamlet::io {
namespace {

Result<std::vector<rdf::Quad>> Read(std::string_view text, Syntax syntax, std::string base = "",
                                    std::string blank_prefix = "") {
  ReadOptions o;
  o.syntax = syntax;
  o.base_iri = std::move(base);
  o.blank_prefix = std::move(blank_prefix);
  std::vector<rdf::Quad> out;
  Status s = ReadString(text, "doc.ttl", o, [&](const rdf::QuadView& q) {
    out.push_back(rdf::Quad{rdf::Term::FromView(q.subject), rdf::Term::FromView(q.predicate),
                            rdf::Term::FromView(q.object), rdf::Term::FromView(q.graph)});
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

TEST(Reader, ExpandsPrefixesAndRelativeIris) {
  auto r = Read("@prefix ex: <http://ex.org/> . ex:a <b> \"v\"^^ex:dt .", Syntax::kTurtle,
                "http://base.org/dir/");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].ToNQuads(),
            "<http://ex.org/a> <http://base.org/dir/b> \"v\"^^<http://ex.org/dt> .");
}

TEST(Reader, ReadsTrigGraphs) {
  auto r = Read("<http://g> { <http://s> <http://p> \"x\"@en . }", Syntax::kTriG);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].graph, rdf::Term::Iri("http://g"));
  EXPECT_EQ((*r)[0].object, rdf::Term::LangLiteral("x", "en"));
}

TEST(Reader, SyntaxErrorNamesLineAndColumn) {
  auto r = Read("<http://s> <http://p> <http://o> .\n<http://s> <http://p> \"open .\n",
                Syntax::kNTriples);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(r.status().message(), "doc.ttl:2:30: line end in short string");
}

TEST(Reader, UndefinedPrefixIsAnError) {
  auto r = Read("ex:a ex:b ex:c .", Syntax::kTurtle);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "doc.ttl:1:1: undefined prefix 'ex:' in 'ex:a'")
      << r.status().message();
}

TEST(Reader, RelativeIriInNTriplesIsAnError) {
  auto r = Read("<a> <http://p> <http://o> .", Syntax::kNTriples, "http://base/");
  ASSERT_FALSE(r.ok());
}

TEST(Reader, BlankPrefixSeparatesInputs) {
  auto r = Read("_:x <http://p> [] .", Syntax::kTurtle, "", "f1_");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].subject.value().rfind("f1_", 0), 0u) << (*r)[0].subject.value();
  EXPECT_EQ((*r)[0].object.value().rfind("f1_", 0), 0u) << (*r)[0].object.value();
}

TEST(Reader, SinkErrorStopsReading) {
  ReadOptions o;
  o.syntax = Syntax::kNTriples;
  int n = 0;
  Status s = ReadString("<http://a> <http://b> <http://c> .\n<http://a> <http://b> <http://d> .\n",
                        "x", o, [&](const rdf::QuadView&) {
                          ++n;
                          return Status::InvalidInput("stop");
                        });
  EXPECT_EQ(n, 1);
  EXPECT_EQ(s.message(), "stop");
}

TEST(Reader, MissingFileIsNotFound) {
  ReadOptions o;
  Status s = ReadFile("/nonexistent/file.nt", o, [](const rdf::QuadView&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
}

TEST(Syntax, FromPathAndName) {
  EXPECT_EQ(*SyntaxFromPath("a/b.trig"), Syntax::kTriG);
  EXPECT_EQ(*SyntaxFromName("turtle"), Syntax::kTurtle);
  EXPECT_EQ(*SyntaxFromPath("a.rdf"), Syntax::kRdfXml);
  EXPECT_FALSE(SyntaxFromPath("a.csv").ok());
  EXPECT_FALSE(SyntaxFromName("json").ok()) << "JSON is SPARQL results, not JSON-LD";
  EXPECT_FALSE(SyntaxFromPath("noext").ok());
}

}  // namespace
}  // namespace hamlet::io
