// The streaming engine: cursors that yield before the answer is complete, one token for the
// deadline and the caller, the per-query memory budget (errors and ORDER BY's spilling), and
// CONSTRUCT's de-duplication.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>

#include "sparql/engine/query_engine.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace hamlet::sparql {
namespace {

// 4000 items with a label, a group (40 groups) and a rank whose order differs from the ids'.
std::string Data() {
  std::string d;
  for (int i = 0; i < 4000; ++i) {
    std::string s = "<http://ex.org/item" + std::to_string(i) + ">";
    d += s + " <http://ex.org/label> \"item number " + std::to_string(i) + "\" .\n";
    d += s + " <http://ex.org/group> <http://ex.org/group" + std::to_string(i % 40) + "> .\n";
    d += s + " <http://ex.org/rank> \"" + std::to_string((i * 7919) % 4000) +
         "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
  }
  return d;
}

class Streaming : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(store::Store::Open(tmp_.Sub("db"))).value();
    auto r = store_->Load(
        {store::LoadSource{tmp_.Write("d.nt", Data()), io::Syntax::kNTriples, "", ""}});
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  Result<QueryResult> Run(const std::string& q, QueryOptions o = {}) {
    return RunQuery(*store_->GetSnapshot(), "PREFIX : <http://ex.org/>\n" + q, o);
  }
  testing::TempDir tmp_;
  std::unique_ptr<store::Store> store_;
};

size_t FilesIn(const std::string& dir) {
  size_t n = 0;
  for (auto it = std::filesystem::directory_iterator(dir); it != std::filesystem::end(it); ++it)
    ++n;
  return n;
}

TEST_F(Streaming, FirstBatchArrivesBeforeTheScanEnds) {
  auto snap = store_->GetSnapshot();
  auto q = PreparedQuery::Prepare(*snap, "SELECT * { ?s ?p ?o }");
  ASSERT_TRUE(q.ok()) << q.status().message();
  SolutionBatch batch;
  ASSERT_TRUE((*q)->NextSolutions(&batch, 10));
  EXPECT_EQ(batch.rows(), 10u);
  EXPECT_EQ(batch.width, 3u);
  // The scan has produced only what the first batch needed, not the 12,000 triples.
  std::string plan = (*q)->PlanText();
  EXPECT_NE(plan.find("actual 10]"), std::string::npos) << plan;
  std::vector<std::optional<rdf::Term>> row;
  ASSERT_TRUE((*q)->DecodeRow(batch, 0, &row).ok());
  ASSERT_TRUE(row[0].has_value());
  EXPECT_TRUE(row[0]->is_iri());
  size_t total = batch.rows();
  while ((*q)->NextSolutions(&batch)) total += batch.rows();
  EXPECT_TRUE((*q)->status().ok());
  EXPECT_EQ(total, 12000u);
}

TEST_F(Streaming, SolutionsWithNoVariablesStillCount) {
  // A batch of zero-width rows: SELECT * over an empty pattern has one (empty) solution.
  auto r = Run("SELECT * {}");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->variables.empty());
  EXPECT_EQ(r->rows.size(), 1u);
  auto none = Run("SELECT * { FILTER(false) }");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->rows.size(), 0u);
  // SELECT * projects the query's variables before planning: a blank node of the pattern is
  // not one of them, so DISTINCT sees 40 groups, not 4,000 items.
  auto groups = Run("SELECT DISTINCT * { [] :group ?g }");
  ASSERT_TRUE(groups.ok());
  EXPECT_EQ(groups->rows.size(), 40u);
}

TEST_F(Streaming, OrderBySpillsToDiskWithTheSameRowsAndLeavesNoFiles) {
  const std::string q = "SELECT ?s ?r ?l { ?s :rank ?r ; :label ?l } ORDER BY DESC(?r) ?l";
  auto in_memory = Run(q);
  ASSERT_TRUE(in_memory.ok()) << in_memory.status().message();
  ASSERT_EQ(in_memory->rows.size(), 4000u);

  std::filesystem::create_directory(tmp_.Sub("spill"));
  QueryOptions small;
  small.memory_limit_bytes = 64 << 10;  // 64 KiB: about 300 rows with their keys per run
  small.spill_dir = tmp_.Sub("spill");
  small.explain = true;
  auto spilled = Run(q, small);
  ASSERT_TRUE(spilled.ok()) << spilled.status().message();
  EXPECT_NE(spilled->plan.find("spilled to disk"), std::string::npos) << spilled->plan;
  ASSERT_EQ(spilled->rows.size(), in_memory->rows.size());
  for (size_t i = 0; i < in_memory->rows.size(); ++i) {
    ASSERT_EQ(spilled->rows[i], in_memory->rows[i]) << "row " << i;
  }
  EXPECT_EQ(in_memory->rows.front()[1]->value(), "3999");
  EXPECT_EQ(FilesIn(tmp_.Sub("spill")), 0u) << "sort runs are unlinked";
}

TEST_F(Streaming, OrderBySpillIsStableForEqualKeys) {
  // 40 groups of 100 equal keys: within a group, the input order (ids of the scan) stays.
  const std::string q = "SELECT ?g ?s { ?s :group ?g } ORDER BY ?g";
  auto in_memory = Run(q);
  QueryOptions small;
  small.memory_limit_bytes = 32 << 10;
  auto spilled = Run(q, small);
  ASSERT_TRUE(in_memory.ok() && spilled.ok());
  EXPECT_EQ(spilled->rows, in_memory->rows);
}

TEST_F(Streaming, BlockingOperatorsOverTheBudgetStopWithAClearError) {
  QueryOptions tiny;
  tiny.memory_limit_bytes = 64 << 10;
  struct Case {
    std::string query, what;
  };
  for (const Case& c : {
           Case{"SELECT DISTINCT ?a ?b { ?a :label ?x . ?b :label ?y }", "DISTINCT"},
           Case{"SELECT ?a (COUNT(*) AS ?n) { ?a :label ?x . ?b :label ?y } GROUP BY ?a",
                "GROUP BY"},
       }) {
    auto r = Run(c.query, tiny);
    ASSERT_FALSE(r.ok()) << c.query;
    EXPECT_EQ(r.status().code(), Status::Code::kResourceExhausted) << r.status().message();
    EXPECT_NE(r.status().message().find("more than 64 KiB of memory for " + c.what +
                                        "; raise --memory-limit"),
              std::string::npos)
        << r.status().message();
  }
}

TEST_F(Streaming, DeadlineAndCallerTokenWorkTogether) {
  store::CancellationToken caller;
  QueryOptions o;
  o.timeout_seconds = 30;
  auto snap = store_->GetSnapshot();
  auto ok = RunQuery(*snap, "ASK { ?s ?p ?o }", o, &caller);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_TRUE(ok->boolean);

  caller.Cancel();
  auto cancelled = RunQuery(*snap, "SELECT * { ?a ?b ?c . ?d ?e ?f }", o, &caller);
  ASSERT_FALSE(cancelled.ok());
  EXPECT_EQ(cancelled.status().message(), "cancelled");

  store::CancellationToken idle;
  o.timeout_seconds = 0.2;
  auto timed_out = RunQuery(*snap, "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }", o, &idle);
  ASSERT_FALSE(timed_out.ok());
  EXPECT_EQ(timed_out.status().message(), "timed out after 0.2 s");
}

TEST_F(Streaming, HugeUnionObeysTheTimeout) {
  std::string q = "SELECT * {";
  for (int i = 0; i < 10000; ++i) {
    if (i > 0) q += " UNION";
    q += " { ?s <http://ex.org/p" + std::to_string(i) + "> ?o . ?o ?q ?x . ?x ?r ?y }";
  }
  q += " }";
  QueryOptions o;
  o.timeout_seconds = 2;
  auto start = std::chrono::steady_clock::now();
  auto r = RunQuery(*store_->GetSnapshot(), q, o);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Either answered (no such predicates: no rows) or stopped by the deadline; never minutes.
  if (r.ok()) {
    EXPECT_TRUE(r->rows.empty());
  } else {
    EXPECT_EQ(r.status().code(), Status::Code::kCancelled) << r.status().message();
  }
  EXPECT_LT(s, 60) << "the deadline covers parsing and planning too";
}

TEST_F(Streaming, ConstructWritesEachTripleOnceAndSaysWhenItCannot) {
  // Every item yields the same group triple 100 times (once per item of its group).
  const std::string text =
      "PREFIX : <http://ex.org/> CONSTRUCT { ?g a :Group } WHERE { ?s :group ?g }";
  auto snap = store_->GetSnapshot();
  auto q = PreparedQuery::Prepare(*snap, text);
  ASSERT_TRUE(q.ok());
  std::vector<rdf::Quad> batch;
  size_t n = 0;
  while ((*q)->NextTriples(&batch)) n += batch.size();
  EXPECT_TRUE((*q)->status().ok());
  EXPECT_EQ(n, 40u);
  EXPECT_TRUE((*q)->construct_fully_deduplicated());

  // A budget whose share for de-duplication holds fewer triples than the answer: repeats may
  // come back, and the query says so; every distinct triple is still there.
  QueryOptions tiny;
  tiny.memory_limit_bytes = 4 << 10;
  auto all = PreparedQuery::Prepare(
      *snap, "PREFIX : <http://ex.org/> CONSTRUCT { ?s :in ?g } WHERE { ?s :group ?g }", tiny);
  ASSERT_TRUE(all.ok());
  std::set<rdf::Quad> distinct;
  while ((*all)->NextTriples(&batch)) distinct.insert(batch.begin(), batch.end());
  EXPECT_TRUE((*all)->status().ok()) << (*all)->status().message();
  EXPECT_EQ(distinct.size(), 4000u);
  EXPECT_FALSE((*all)->construct_fully_deduplicated());
}

}  // namespace
}  // namespace hamlet::sparql
