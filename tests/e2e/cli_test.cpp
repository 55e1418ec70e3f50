// The hamlet binary as a user runs it: exit codes, messages, round trips.
#include <gtest/gtest.h>

#include <chrono>

#include "support/run_command.h"
#include "support/temp_dir.h"

namespace hamlet::testing {
namespace {

TEST(Cli, HelpListsCommands) {
  auto r = RunHamlet("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* cmd : {"load", "export", "stats", "--store"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  }
  auto l = RunHamlet("load --help");
  EXPECT_EQ(l.exit_code, 0);
  EXPECT_NE(l.out.find("--graph"), std::string::npos);
}

TEST(Cli, BadUsageExitsTwo) {
  EXPECT_EQ(RunHamlet("--no-such-flag").exit_code, 2);
  EXPECT_EQ(RunHamlet("load").exit_code, 2);  // no files
  TempDir tmp;
  auto r = RunHamlet("--store " + tmp.Sub("db") + " load " + tmp.Write("x.rdf", ""));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("use --format"), std::string::npos) << r.err;
}

TEST(Cli, MissingFileExitsOne) {
  TempDir tmp;
  auto r = RunHamlet("--store " + tmp.Sub("db") + " load /nonexistent.nt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent.nt: no such file"), std::string::npos) << r.err;
}

TEST(Cli, MalformedFileExitsOneWithPositionAndKeepsStore) {
  TempDir tmp;
  std::string store = "--store " + tmp.Sub("db");
  ASSERT_EQ(
      RunHamlet(store + " load -q " + tmp.Write("ok.ttl", "<http://a> <http://b> 1 .\n")).exit_code,
      0);
  std::string bad =
      tmp.Write("bad.ttl", "@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b \"x\" ;\n");
  auto r = RunHamlet(store + " load " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad + ":4:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("the store is unchanged"), std::string::npos) << r.err;
  auto e = RunHamlet(store + " export --format nt");
  EXPECT_EQ(e.exit_code, 0);
  EXPECT_EQ(e.out, "<http://a> <http://b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
}

TEST(Cli, LoadExportRoundTripWithGraphs) {
  TempDir tmp;
  std::string store = "--store " + tmp.Sub("db");
  std::string trig = tmp.Write("d.trig",
                               "@prefix ex: <http://ex.org/> .\nex:g { ex:a ex:p \"v\"@fr . }\n"
                               "ex:a ex:q ex:b .\n");
  ASSERT_EQ(RunHamlet(store + " load -q " + trig).exit_code, 0);
  auto all = RunHamlet(store + " export --format nq");
  EXPECT_EQ(all.exit_code, 0);
  EXPECT_NE(all.out.find("<http://ex.org/a> <http://ex.org/p> \"v\"@fr <http://ex.org/g> ."),
            std::string::npos)
      << all.out;
  auto g = RunHamlet(store + " export --format ttl --graph http://ex.org/g");
  EXPECT_EQ(g.exit_code, 0);
  EXPECT_NE(g.out.find("@prefix ex: <http://ex.org/> ."), std::string::npos) << g.out;
  EXPECT_EQ(g.out.find("ex:q"), std::string::npos) << g.out;
  auto missing = RunHamlet(store + " export --graph http://ex.org/none");
  EXPECT_EQ(missing.exit_code, 1);
  auto file = RunHamlet(store + " export -o " + tmp.Sub("out.trig"));
  EXPECT_EQ(file.exit_code, 0);
  ASSERT_EQ(RunHamlet("--store " + tmp.Sub("db2") + " load -q " + tmp.Sub("out.trig")).exit_code,
            0);
  EXPECT_EQ(RunHamlet("--store " + tmp.Sub("db2") + " export --format nq").out, all.out);
}

TEST(Cli, LoadsStandardInputWithFormat) {
  TempDir tmp;
  std::string store = "--store " + tmp.Sub("db");
  auto r = RunHamlet(store + " load -q --format nt -", "<http://a> <http://b> <http://c> .\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto s = RunHamlet(store + " stats");
  EXPECT_EQ(s.exit_code, 0);
  EXPECT_NE(s.out.find("quads          1"), std::string::npos) << s.out;
  EXPECT_EQ(RunHamlet(store + " load -q -", "").exit_code, 2);  // stdin without --format
}

TEST(Cli, StatsOnMissingStoreExitsOne) {
  TempDir tmp;
  auto r = RunHamlet("--store " + tmp.Sub("none") + " stats");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no store at"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace hamlet::testing

namespace hamlet::testing {
namespace {

TEST(Cli, QueryFormatsAndErrors) {
  TempDir tmp;
  std::string store = "--store " + tmp.Sub("db");
  ASSERT_EQ(RunHamlet(store + " load -q " + tmp.Write("d.ttl", "<http://a> <http://b> 1, 2 .\n"))
                .exit_code,
            0);
  auto json =
      RunHamlet(store + " query --format json -q 'SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o'");
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"vars\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"value\": \"2\""), std::string::npos) << json.out;
  auto bad = RunHamlet(store + " query -q 'SELECT * WHERE { ?s ?p ?o '");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("line 1, column 27: expected '}'"), std::string::npos) << bad.err;
  EXPECT_EQ(RunHamlet(store + " query").exit_code, 2);  // no query given
}

TEST(Cli, QueryTimeoutStopsPromptlyWithExitOne) {
  TempDir tmp;
  std::string store = "--store " + tmp.Sub("db");
  std::string doc;
  for (int i = 0; i < 200; ++i)
    doc += "<http://s" + std::to_string(i) + "> <http://p> \"" + std::to_string(i) + "\" .\n";
  ASSERT_EQ(RunHamlet(store + " load -q " + tmp.Write("d.nt", doc)).exit_code, 0);
  auto start = std::chrono::steady_clock::now();
  auto r = RunHamlet(store +
                     " query --timeout 0.5 -q 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f "
                     ". ?g ?h ?i . ?j ?k ?l }'");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("timed out after 0.5 s"), std::string::npos) << r.err;
  EXPECT_LT(seconds, 5.0);
}

TEST(Cli, MemoryLimitSpillsOrderByAndStopsOtherOperatorsWithExitFour) {
  TempDir tmp;
  std::string store = "--store " + tmp.Sub("db");
  std::string doc;
  for (int i = 0; i < 3000; ++i)
    doc += "<http://s" + std::to_string(i) + "> <http://p> \"" + std::to_string(i * 37 % 3000) +
           "\" .\n";
  ASSERT_EQ(RunHamlet(store + " load -q " + tmp.Write("d.nt", doc)).exit_code, 0);
  const std::string order = " query --format tsv -q 'SELECT ?o ?s { ?s ?p ?o } ORDER BY ?o ?s'";
  auto full = RunHamlet(store + order);
  auto spilled = RunHamlet(store + order + " --memory-limit 64k");
  ASSERT_EQ(full.exit_code, 0) << full.err;
  ASSERT_EQ(spilled.exit_code, 0) << spilled.err;
  EXPECT_EQ(spilled.out, full.out);

  auto over = RunHamlet(
      store + " query --memory-limit 64k -q 'SELECT DISTINCT ?a ?b { ?a ?p ?x . ?b ?q ?y }'");
  EXPECT_EQ(over.exit_code, 4) << over.err;
  EXPECT_NE(over.err.find("more than 64 KiB of memory for DISTINCT; raise --memory-limit"),
            std::string::npos)
      << over.err;
  auto bad = RunHamlet(store + " query --memory-limit lots -q 'ASK {}'");
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("is not a memory size"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace hamlet::testing
