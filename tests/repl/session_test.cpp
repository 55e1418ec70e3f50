// A session on a real (temporary) store, without a terminal: statements, prefixes, formats,
// dot-commands and their errors.
#include "repl/session.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace hamlet::repl {
namespace {

class CapturePrinter : public Printer {
 public:
  void Out(const std::string& t) override { out += t; }
  void Info(const std::string& t) override { info += t; }
  void Error(const std::string& t) override { err += t; }
  size_t Width() const override { return width; }
  void Clear() { out.clear(), info.clear(), err.clear(); }
  std::string out, info, err;
  size_t width = 100;
};

constexpr const char* kData = R"(@prefix ex: <http://ex.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:Region a rdfs:Class ; rdfs:label "Region"@en .
ex:partOf rdfs:label "part of"@en .
ex:BE3 a ex:Region ; skos:prefLabel "Belgium – Wallonia"@en ; ex:partOf ex:BEL .
ex:BEL a ex:Country ; skos:prefLabel "Belgium"@en .
ex:adn a ex:Agency ; skos:altLabel "Digital Wallonia"@en ; ex:activeIn ex:BE3 .
)";

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto st = store::Store::Open(tmp_.Sub("db"));
    ASSERT_TRUE(st.ok()) << st.status().message();
    store_ = std::move(*st);
    store::LoadSource src;
    src.path = tmp_.Write("d.ttl", kData);
    src.syntax = io::Syntax::kTurtle;
    ASSERT_TRUE(store_->Load({src}).ok());
    SessionOptions o;
    o.timing = false;
    session_ = std::make_unique<Session>(store_.get(), o, &printer_);
    ASSERT_TRUE(session_->Init().ok());
  }
  Status Run(const std::string& text) {
    StatementCheck c = CheckStatement(text, session_->prefixes());
    EXPECT_EQ(c.state, InputState::kComplete) << text;
    return session_->RunStatement(c);
  }

  testing::TempDir tmp_;
  std::unique_ptr<store::Store> store_;
  CapturePrinter printer_;
  std::unique_ptr<Session> session_;
};

TEST_F(SessionTest, StoreprefixesAreDeclaredAtStart) {
  ASSERT_TRUE(session_->RunDotCommand(".prefixes").ok());
  EXPECT_NE(printer_.out.find("PREFIX ex:   <http://ex.org/>"), std::string::npos) << printer_.out;
  ASSERT_TRUE(Run("SELECT ?r WHERE { ?r a ex:Region }").ok()) << printer_.err;
  EXPECT_EQ(printer_.out.substr(printer_.out.find("+------")),
            "+--------+\n| ?r     |\n+--------+\n| ex:BE3 |\n+--------+\n");
  EXPECT_EQ(printer_.info, "1 row\n");
}

TEST_F(SessionTest, PrefixesDeclaredInAQueryStayInForce) {
  ASSERT_TRUE(Run("PREFIX e: <http://ex.org/>\nASK { e:BE3 a e:Region }").ok());
  EXPECT_EQ(printer_.out, "true\n");
  printer_.Clear();
  ASSERT_TRUE(Run("ASK { e:BEL a e:Region }").ok()) << printer_.err;
  EXPECT_EQ(printer_.out, "false\n");
}

TEST_F(SessionTest, PrefixCommand) {
  ASSERT_TRUE(session_->RunDotCommand(".prefix z: <http://ex.org/>").ok()) << printer_.err;
  ASSERT_TRUE(Run("ASK { z:BE3 ?p ?o }").ok());
  EXPECT_EQ(printer_.out, "true\n");
  EXPECT_FALSE(session_->RunDotCommand(".prefix z <http://ex.org/>").ok());
  EXPECT_FALSE(session_->RunDotCommand(".prefix y: <not an iri>").ok());
  EXPECT_NE(printer_.err.find("error: "), std::string::npos);
}

TEST_F(SessionTest, Formats) {
  ASSERT_TRUE(session_->RunDotCommand(".format csv").ok());
  ASSERT_TRUE(Run("SELECT ?l WHERE { ex:BEL skos:prefLabel ?l }").ok());
  EXPECT_EQ(printer_.out, "l\r\nBelgium\r\n");
  printer_.Clear();
  ASSERT_TRUE(session_->RunDotCommand(".format json").ok());
  ASSERT_TRUE(Run("ASK {}").ok());
  EXPECT_NE(printer_.out.find("\"boolean\": true"), std::string::npos) << printer_.out;
  printer_.Clear();
  ASSERT_TRUE(session_->RunDotCommand(".format nt").ok());
  ASSERT_TRUE(Run("CONSTRUCT { ex:BEL ex:q 1 } WHERE {}").ok());
  EXPECT_EQ(printer_.out,
            "<http://ex.org/BEL> <http://ex.org/q> "
            "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
  EXPECT_EQ(printer_.info, "1 triple\n");
  EXPECT_FALSE(session_->RunDotCommand(".format yaml").ok());
  EXPECT_EQ(session_->options().format, "nt");
}

TEST_F(SessionTest, TimingAddsTheTimeToTheFooter) {
  ASSERT_TRUE(session_->RunDotCommand(".timing on").ok());
  ASSERT_TRUE(Run("SELECT ?s WHERE { ?s a ex:Region }").ok());
  EXPECT_TRUE(printer_.info.starts_with("1 row (")) << printer_.info;
  EXPECT_TRUE(printer_.info.ends_with(" ms)\n")) << printer_.info;
}

TEST_F(SessionTest, DescribeByLabelShowsFactsWithLabels) {
  ASSERT_TRUE(session_->RunDotCommand(".describe wallonia").ok()) << printer_.err;
  const std::string& out = printer_.out;
  EXPECT_TRUE(out.starts_with("ex:BE3  Belgium – Wallonia\n")) << out;
  EXPECT_NE(out.find("| part of (ex:partOf)"), std::string::npos) << out;
  EXPECT_NE(out.find("Belgium (ex:BEL)"), std::string::npos) << out;
  EXPECT_NE(out.find("Region (ex:Region)"), std::string::npos) << out;
  EXPECT_NE(out.find("referenced by"), std::string::npos) << out;
  EXPECT_NE(out.find("also matching 'wallonia':\n  ex:adn (\"Digital Wallonia\")"),
            std::string::npos)
      << out;
}

TEST_F(SessionTest, DescribeByIriAndPrefixedName) {
  ASSERT_TRUE(session_->RunDotCommand(".describe ex:BEL").ok()) << printer_.err;
  EXPECT_TRUE(printer_.out.starts_with("ex:BEL  Belgium\n")) << printer_.out;
  printer_.Clear();
  ASSERT_TRUE(session_->RunDotCommand(".describe <http://ex.org/BE3>").ok());
  EXPECT_TRUE(printer_.out.starts_with("ex:BE3")) << printer_.out;
  Status s = session_->RunDotCommand(".describe Atlantis");
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(printer_.err.find("no resource with the IRI, prefixed name or label 'Atlantis'"),
            std::string::npos)
      << printer_.err;
}

TEST_F(SessionTest, LoadExportGraphsAndStats) {
  std::string extra = tmp_.Write("g.nt", "<http://ex.org/x> <http://ex.org/y> \"z\" .\n");
  ASSERT_TRUE(session_->RunDotCommand(".load " + extra + " http://ex.org/graph").ok())
      << printer_.err;
  EXPECT_TRUE(printer_.info.starts_with("loaded 1 quads (1 new")) << printer_.info;
  printer_.Clear();
  ASSERT_TRUE(session_->RunDotCommand(".graphs").ok());
  EXPECT_NE(printer_.out.find("| <http://ex.org/graph> | 1 "), std::string::npos) << printer_.out;
  EXPECT_NE(printer_.out.find("(default graph)"), std::string::npos) << printer_.out;
  printer_.Clear();
  std::string out = tmp_.Sub("out.nq");
  ASSERT_TRUE(session_->RunDotCommand(".export " + out + " http://ex.org/graph").ok())
      << printer_.err;
  EXPECT_EQ(printer_.info, "wrote 1 quads to " + out + "\n");
  printer_.Clear();
  ASSERT_TRUE(session_->RunDotCommand(".stats").ok());
  EXPECT_NE(printer_.out.find("named graphs   1"), std::string::npos) << printer_.out;
  EXPECT_NE(printer_.out.find("top classes"), std::string::npos) << printer_.out;
  EXPECT_FALSE(session_->RunDotCommand(".load /nonexistent.ttl").ok());
  EXPECT_FALSE(session_->RunDotCommand(".load " + tmp_.Write("x.unknown", "")).ok());
}

TEST_F(SessionTest, ReadRunsAQueryFileAndReportsItsErrors) {
  std::string good =
      tmp_.Write("good.rq", "# a saved query\nSELECT ?b WHERE {\n ?b a ex:Country\n}\n");
  ASSERT_TRUE(session_->RunDotCommand(".read " + good).ok()) << printer_.err;
  EXPECT_NE(printer_.out.find("| ex:BEL |"), std::string::npos) << printer_.out;
  std::string bad = tmp_.Write("bad.rq", "SELECT * WHERE {\n ?s ?p ?o . . }\n");
  EXPECT_FALSE(session_->RunDotCommand(".read " + bad).ok());
  EXPECT_NE(printer_.err.find("error: " + bad + ": line 2, column 13: expected '}'"),
            std::string::npos)
      << printer_.err;
  EXPECT_FALSE(session_->RunDotCommand(".read /nonexistent.rq").ok());
}

TEST_F(SessionTest, ExplainShowsAlgebraAndPlan) {
  ASSERT_TRUE(Run("SELECT ?r WHERE { ?r a ex:Region }").ok());
  printer_.Clear();
  ASSERT_TRUE(session_->RunDotCommand(".explain").ok()) << printer_.err;
  EXPECT_TRUE(printer_.out.starts_with("algebra:\n")) << printer_.out;
  EXPECT_NE(printer_.out.find("plan (estimated and actual rows"), std::string::npos);
}

TEST_F(SessionTest, CancelledQueryAndUpdates) {
  store::CancellationToken token;
  token.Cancel();
  // Big enough (20^3 rows) for the engine to look at the token.
  const std::string cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
  ASSERT_TRUE(Run(cross).ok());
  StatementCheck c = CheckStatement(cross, session_->prefixes());
  Status cancelled = session_->RunStatement(c, &token);
  EXPECT_EQ(cancelled.code(), Status::Code::kCancelled);
  EXPECT_NE(printer_.err.find("error: query cancelled"), std::string::npos) << printer_.err;
  StatementCheck u = CheckStatement("INSERT DATA { ex:a ex:b ex:c }", session_->prefixes());
  EXPECT_FALSE(session_->RunStatement(u).ok());
  EXPECT_NE(printer_.err.find("SPARQL Update is not supported"), std::string::npos);
}

TEST_F(SessionTest, VocabularyHasClassesFirst) {
  const Vocabulary& v = session_->vocabulary();
  ASSERT_FALSE(v.classes.empty());
  EXPECT_NE(std::find(v.classes.begin(), v.classes.end(), "ex:Region"), v.classes.end());
  EXPECT_NE(std::find(v.properties.begin(), v.properties.end(), "ex:partOf"), v.properties.end());
  EXPECT_NE(std::find(v.resources.begin(), v.resources.end(), "ex:BE3"), v.resources.end());
}

TEST_F(SessionTest, TimeoutAndCallerTokenWorkTogether) {
  // A session with --timeout gets a caller token too (Ctrl-C): both are honoured, neither
  // is an error ("pass either a token or a timeout" failed every statement before).
  SessionOptions o;
  o.timing = false;
  o.timeout_seconds = 5;
  Session timed(store_.get(), o, &printer_);
  ASSERT_TRUE(timed.Init().ok());
  store::CancellationToken ctrl_c;
  StatementCheck c = CheckStatement("SELECT ?r WHERE { ?r a ex:Region }", timed.prefixes());
  ASSERT_EQ(c.state, InputState::kComplete);
  printer_.Clear();
  Status s = timed.RunStatement(c, &ctrl_c);
  ASSERT_TRUE(s.ok()) << s.message() << printer_.err;
  EXPECT_NE(printer_.out.find("ex:BE3"), std::string::npos) << printer_.out;

  ctrl_c.Cancel();
  printer_.Clear();
  EXPECT_FALSE(timed.RunStatement(c, &ctrl_c).ok());
  EXPECT_NE(printer_.err.find("cancelled"), std::string::npos) << printer_.err;
}

}  // namespace
}  // namespace hamlet::repl
