// The JSON-LD writer: exact output on small cases, JSON validity (nlohmann-json) on edge
// cases, and round trips through an independent JSON-LD reader (jsonld-streaming-parser):
// hand-written tricky data, the project's knowledge graph with its named graphs, and the
// expected results of the W3C Turtle evaluation tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "io/roundtrip_support.h"
#include "io/writer.h"
#include "rdf/isomorphism.h"
#include "support/temp_dir.h"

namespace hamlet::io {
namespace {

using rdf::Quad;
using rdf::Term;
using testing::TrickyPrefixes;
using testing::TrickyQuads;

const std::string kEx = "http://ex.org/";
const std::string kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
const Term kType = Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

Term Ex(const std::string& local) {
  return Term::Iri(kEx + local);
}

std::string JsonLd(const std::vector<Quad>& quads, const PrefixList& prefixes = {}) {
  std::string out;
  Status s = WriteToString(Syntax::kJsonLd, quads, prefixes, &out);
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

// Parses the output as JSON; a parse error fails the test.
nlohmann::json Parse(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON:\n" << text;
  return j;
}

TEST(JsonLdWriter, EmptyDataset) {
  EXPECT_EQ(JsonLd({}), "{\n  \"@context\": {},\n  \"@graph\": []\n}\n");
}

TEST(JsonLdWriter, ExactOutputForOneSubjectAndABlankNode) {
  std::vector<Quad> quads = {
      {Ex("a"), kType, Ex("C"), {}},
      {Ex("a"), Ex("p"), Term::Literal("x"), {}},
      {Ex("a"), Ex("p"), Term::LangLiteral("y", "en-GB"), {}},
      {Ex("a"), Ex("q"), Term::Literal("1", kXsdInteger), {}},
      {Ex("a"), Ex("r"), Term::Blank("b1"), {}},
      {Term::Blank("b1"), Ex("p"), Ex("b"), {}},
  };
  EXPECT_EQ(JsonLd(quads, {{"ex", kEx}}), R"({
  "@context": {
    "ex": "http://ex.org/"
  },
  "@graph": [
    {
      "@id": "ex:a",
      "@type": "ex:C",
      "ex:p": [
        "x",
        {"@value": "y", "@language": "en-GB"}
      ],
      "ex:q": {"@value": "1", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
      "ex:r": {"@id": "_:b1"}
    },
    {
      "@id": "_:b1",
      "ex:p": {"@id": "ex:b"}
    }
  ]
}
)");
}

TEST(JsonLdWriter, ExactOutputForNamedGraphs) {
  std::vector<Quad> quads = {
      {Ex("a"), Ex("p"), Term::Literal("x"), {}},
      {Ex("b"), Ex("p"), Term::Literal("y"), Ex("g")},
      {Ex("c"), Ex("p"), Term::Literal("z"), Ex("g")},
  };
  EXPECT_EQ(JsonLd(quads, {{"ex", kEx}}), R"({
  "@context": {
    "ex": "http://ex.org/"
  },
  "@graph": [
    {
      "@id": "ex:a",
      "ex:p": "x"
    },
    {
      "@id": "ex:g",
      "@graph": [
        {
          "@id": "ex:b",
          "ex:p": "y"
        },
        {
          "@id": "ex:c",
          "ex:p": "z"
        }
      ]
    }
  ]
}
)");
}

TEST(JsonLdWriter, EscapesStringsAsJson) {
  static constexpr char kRaw[] = "q\" b\\ n\n r\r t\t nul\0 bell\x07 \xE2\x80\xA8 \xC3\xA9";
  std::string raw(kRaw, sizeof kRaw - 1);
  std::string text = JsonLd({{Ex("a"), Ex("p"), Term::Literal(raw), {}}});
  EXPECT_NE(text.find(R"("q\" b\\ n\n r\r t\t nul\u0000 bell\u0007 )"), std::string::npos) << text;
  EXPECT_NE(text.find("\xE2\x80\xA8 \xC3\xA9\""), std::string::npos) << "U+2028 stays raw\n"
                                                                     << text;
  auto j = Parse(text);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["@graph"][0]["http://ex.org/p"].get<std::string>(), raw);
}

TEST(JsonLdWriter, GroupsAPredicateSeenTwiceInOneRun) {
  std::vector<Quad> quads = {
      {Ex("a"), Ex("p"), Term::Literal("1"), {}},
      {Ex("a"), Ex("q"), Term::Literal("2"), {}},
      {Ex("a"), Ex("p"), Term::Literal("3"), {}},
  };
  auto j = Parse(JsonLd(quads, {{"ex", kEx}}));
  ASSERT_EQ(j["@graph"].size(), 1u);
  EXPECT_EQ(j["@graph"][0]["ex:p"], nlohmann::json({"1", "3"}));
  EXPECT_EQ(j["@graph"][0]["ex:q"], "2");
}

TEST(JsonLdWriter, SameSubjectInAnotherGraphIsAnotherNodeObject) {
  std::vector<Quad> quads = {
      {Ex("a"), Ex("p"), Term::Literal("1"), Ex("g1")},
      {Ex("a"), Ex("p"), Term::Literal("2"), Ex("g2")},
      {Ex("a"), Ex("p"), Term::Literal("3"), {}},
  };
  auto j = Parse(JsonLd(quads, {{"ex", kEx}}));
  ASSERT_EQ(j["@graph"].size(), 3u);
  EXPECT_EQ(j["@graph"][0]["@id"], "ex:g1");
  EXPECT_EQ(j["@graph"][0]["@graph"][0]["ex:p"], "1");
  EXPECT_EQ(j["@graph"][1]["@id"], "ex:g2");
  EXPECT_EQ(j["@graph"][2]["@id"], "ex:a");
  EXPECT_EQ(j["@graph"][2]["ex:p"], "3");
}

TEST(JsonLdWriter, TypeHoldsIrisOnly) {
  std::vector<Quad> quads = {
      {Ex("a"), kType, Ex("C"), {}},
      {Ex("a"), kType, Term::Blank("t"), {}},
      {Ex("a"), kType, Term::Literal("L"), {}},
  };
  auto j =
      Parse(JsonLd(quads, {{"ex", kEx}, {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}}));
  auto& node = j["@graph"][0];
  EXPECT_EQ(node["@type"], "ex:C");
  EXPECT_EQ(node["rdf:type"], nlohmann::json::parse(R"([{"@id": "_:t"}, "L"])"));
}

TEST(JsonLdWriter, ContextKeepsOnlyUsablePrefixes) {
  auto j = Parse(JsonLd({{Ex("a"), Ex("p"), Ex("o"), {}}}, TrickyPrefixes()));
  auto& ctx = j["@context"];
  EXPECT_EQ(ctx["ex"], kEx) << "the first of two declarations wins";
  EXPECT_FALSE(ctx.contains("")) << "the empty prefix cannot be a JSON-LD term";
  EXPECT_FALSE(ctx.contains("bad name"));
  EXPECT_FALSE(ctx.contains("isbn")) << "its namespace urn:isbn: would expand with prefix urn";
  EXPECT_EQ(ctx["ex2"], nlohmann::json::parse(R"({"@id": "http://ex.org/ns_", "@prefix": true})"));
  EXPECT_EQ(ctx["@version"], 1.1);
}

TEST(JsonLdWriter, NeverWritesAmbiguousCompactIris) {
  PrefixList prefixes = {{"ex", kEx}, {"urn", "http://ex.org/urn#"}};
  // "ex://x" would be read as an absolute IRI, not as ex: + "//x".
  auto j = Parse(
      JsonLd({{Ex("a"), Ex("p"), Ex("//x"), {}}, {Ex("a"), Ex("p"), Ex("/y"), {}}}, prefixes));
  EXPECT_EQ(j["@graph"][0]["ex:p"][0]["@id"], "http://ex.org///x");
  EXPECT_EQ(j["@graph"][0]["ex:p"][1]["@id"], "ex:/y");
  // "urn:isbn:1" would expand with the prefix urn: that node nulls it, and writes its own
  // urn# IRIs with another prefix.
  j = Parse(JsonLd({{Ex("a"), Ex("p"), Term::Iri("urn:isbn:1"), {}},
                    {Ex("a"), Ex("p"), Ex("urn#thing"), {}},
                    {Ex("b"), Ex("p"), Ex("urn#thing"), {}}},
                   prefixes));
  auto& a = j["@graph"][0];
  EXPECT_EQ(a["@context"], nlohmann::json::parse(R"({"urn": null})"));
  EXPECT_EQ(a["ex:p"], nlohmann::json::parse(R"([{"@id": "urn:isbn:1"},
                                                {"@id": "ex:urn#thing"}])"));
  auto& b = j["@graph"][1];
  EXPECT_FALSE(b.contains("@context"));
  EXPECT_EQ(b["ex:p"]["@id"], "urn:thing");
}

TEST(JsonLdWriter, GraphNameNullsPrefixForItsWholeGraph) {
  PrefixList prefixes = {{"urn", "http://ex.org/urn#"}};
  auto j = Parse(JsonLd({{Term::Iri("http://ex.org/urn#s"), Term::Iri("http://ex.org/urn#p"),
                          Term::Literal("v"), Term::Iri("urn:g")}},
                        prefixes));
  auto& g = j["@graph"][0];
  EXPECT_EQ(g["@context"], nlohmann::json::parse(R"({"urn": null})"));
  EXPECT_EQ(g["@id"], "urn:g");
  EXPECT_EQ(g["@graph"][0]["@id"], "http://ex.org/urn#s");
  EXPECT_FALSE(g["@graph"][0].contains("@context")) << "inherited from the graph object";
}

TEST(JsonLdWriter, RejectsWhatJsonLdCannotSayAndStaysUsable) {
  std::string text;
  Status s = WriteToString(Syntax::kJsonLd,
                           {{Ex("a"), Term::Blank("p"), Term::Literal("x"), {}},
                            {Ex("a"), Term::Iri("relative/p"), Term::Literal("x"), {}},
                            {Ex("a"), Ex("p"), Term::Literal("kept"), {}}},
                           {}, &text);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("predicates are IRIs"), std::string::npos) << s.message();
  auto j = Parse(text);
  EXPECT_EQ(j["@graph"][0]["http://ex.org/p"], "kept");

  auto w = QuadWriter::Create(Syntax::kJsonLd, stdout, {});
  Term rel = Term::Iri("relative/p");
  Status r = w->Write({Ex("a").view(), rel.view(), Ex("b").view(), {}});
  EXPECT_EQ(r.code(), Status::Code::kInvalidInput);
  EXPECT_NE(r.message().find("<relative/p>"), std::string::npos) << r.message();
}

TEST(JsonLdWriter, IsWriteOnly) {
  ReadOptions o;
  o.syntax = Syntax::kJsonLd;
  Status s = ReadString("{}", "x.jsonld", o, [](const rdf::QuadView&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("reading JSON-LD is not supported"), std::string::npos) << s.message();
  EXPECT_EQ(*SyntaxFromName("json-ld"), Syntax::kJsonLd);
  EXPECT_EQ(*SyntaxFromPath("out/graph.jsonld"), Syntax::kJsonLd);
  EXPECT_EQ(SyntaxName(Syntax::kJsonLd), "jsonld");
  EXPECT_TRUE(HasGraphs(Syntax::kJsonLd));
}

// ---- round trips through jsonld-streaming-parser ----

class JsonLdRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::HaveCommand("node")) GTEST_SKIP() << "node is not installed";
  }

  // Converts each document with the independent reader and checks that it reads back as
  // `expected[i]`.
  void Check(const std::vector<std::vector<Quad>>& expected, const std::vector<std::string>& docs,
             const std::vector<std::string>& names) {
    std::string cmd = std::string("HAMLET_SHARED='") + HAMLET_SHARED_DIR + "' bash '" +
                      HAMLET_SOURCE_DIR + "/tests/io/jsonld_to_nquads.sh'";
    for (size_t i = 0; i < docs.size(); ++i) {
      std::string in = tmp_.Write(std::to_string(i) + ".jsonld", docs[i]);
      cmd += " '" + in + "' '" + tmp_.Sub(std::to_string(i) + ".nq") + "'";
    }
    auto r = testing::RunShell(cmd, tmp_.path());
    if (r.exit_code == 77) GTEST_SKIP() << r.err;
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (size_t i = 0; i < docs.size(); ++i) {
      std::vector<Quad> back;
      Status s = testing::ReadInto(tmp_.Sub(std::to_string(i) + ".nq"), Syntax::kNQuads, &back);
      ASSERT_TRUE(s.ok()) << names[i] << ": " << s.message();
      std::string why;
      EXPECT_TRUE(rdf::AreIsomorphic(testing::LowercaseLanguages(expected[i]), back, &why))
          << names[i] << ": " << why << "\n"
          << (docs[i].size() < 20000 ? docs[i] : docs[i].substr(0, 20000));
    }
  }

  hamlet::testing::TempDir tmp_;
};

TEST_F(JsonLdRoundTrip, TrickyDataset) {
  auto quads = TrickyQuads(/*xml_safe=*/false);
  Check({quads}, {JsonLd(quads, TrickyPrefixes())}, {"tricky"});
}

TEST_F(JsonLdRoundTrip, TrickyDatasetWithoutPrefixes) {
  auto quads = TrickyQuads(/*xml_safe=*/false);
  Check({quads}, {JsonLd(quads)}, {"tricky, no prefixes"});
}

TEST_F(JsonLdRoundTrip, KnowledgeGraphWithNamedGraphs) {
  auto corpus = testing::LoadKnowledgeGraph();
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  ASSERT_GT(corpus->quads.size(), 5000u);
  size_t named = std::count_if(corpus->quads.begin(), corpus->quads.end(),
                               [](const Quad& q) { return !q.graph.is_none(); });
  ASSERT_GT(named, 1000u) << "the data files hold named graphs";
  std::string text = JsonLd(corpus->quads, corpus->prefixes);
  Check({corpus->quads}, {text}, {"data/ + ontology/"});
}

// The expected results of the W3C Turtle evaluation tests: small graphs full of odd IRIs,
// escapes and literals.
TEST_F(JsonLdRoundTrip, W3cTurtleEvalResults) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(HAMLET_SHARED_DIR) / "w3c/rdf/rdf11/rdf-turtle";
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " not found";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".nt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::vector<Quad>> graphs;
  std::vector<std::string> docs, names;
  PrefixList prefixes = {{"ex", "http://www.w3.org/2013/TurtleTests/"}};
  for (const auto& f : files) {
    std::vector<Quad> quads;
    if (!testing::ReadInto(f.string(), Syntax::kNTriples, &quads).ok()) continue;
    docs.push_back(JsonLd(quads, prefixes));
    graphs.push_back(std::move(quads));
    names.push_back(f.filename().string());
  }
  ASSERT_GT(docs.size(), 50u);
  Check(graphs, docs, names);
}

}  // namespace
}  // namespace hamlet::io
