// Which join the planner picks, seen in EXPLAIN, and that every choice gives the same
// answers: index lookups for few rows, hash joins when seeking per row would cost more than
// scanning, never a hash join where the query stops early (ASK, LIMIT) or where a pattern is
// re-run for each row (EXISTS).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "sparql/engine/query_engine.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace hamlet::sparql {
namespace {

// 3000 grants, each with a fund, a project and an agency; 1000 projects with a village.
std::string Data() {
  std::string d;
  for (int i = 0; i < 3000; ++i) {
    std::string g = "<http://ex.org/grant" + std::to_string(i) + ">";
    d += g + " <http://ex.org/fromFund> <http://ex.org/fund" + std::to_string(i % 7) + "> .\n";
    d += g + " <http://ex.org/awardedTo> <http://ex.org/project" + std::to_string(i % 1000) +
         "> .\n";
    d += g + " <http://ex.org/awardedBy> <http://ex.org/agency" + std::to_string(i % 13) + "> .\n";
  }
  for (int i = 0; i < 1000; ++i) {
    d += "<http://ex.org/project" + std::to_string(i) +
         "> <http://ex.org/locatedIn> <http://ex.org/village" + std::to_string(i % 50) + "> .\n";
  }
  return d;
}

constexpr const char* kJoin =
    "PREFIX : <http://ex.org/> SELECT ?fund (COUNT(DISTINCT ?project) AS ?p) "
    "(COUNT(DISTINCT ?village) AS ?v) (COUNT(DISTINCT ?agency) AS ?a) WHERE { "
    "?grant :fromFund ?fund ; :awardedTo ?project ; :awardedBy ?agency . "
    "?project :locatedIn ?village } GROUP BY ?fund ORDER BY ?fund";

class JoinChoice : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(store::Store::Open(tmp_.Sub("db"))).value();
    auto r = store_->Load(
        {store::LoadSource{tmp_.Write("d.nt", Data()), io::Syntax::kNTriples, "", ""}});
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  QueryResult Run(const std::string& q) {
    QueryOptions explain;
    explain.explain = true;
    auto r = RunQuery(*store_->GetSnapshot(), q, explain);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.status().message());
    return r.ok() ? std::move(*r) : QueryResult{};
  }
  testing::TempDir tmp_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(JoinChoice, LargeJoinsHashAndAgreeWithCounting) {
  QueryResult r = Run(kJoin);
  EXPECT_NE(r.plan.find("HashJoin on ?grant"), std::string::npos) << r.plan;
  ASSERT_EQ(r.rows.size(), 7u);
  // fund0 has grants 0, 7, 14, ... : 429 grants over 429 distinct projects (i % 1000 with
  // i < 3000 repeats only every 1000, and 7 does not divide 1000), all 13 agencies.
  EXPECT_EQ(r.rows[0][0]->value(), "http://ex.org/fund0");
  EXPECT_EQ(r.rows[0][1]->value(), "429");
  EXPECT_EQ(r.rows[0][2]->value(), "50");
  EXPECT_EQ(r.rows[0][3]->value(), "13");
}

TEST_F(JoinChoice, HashJoinOverItsMemoryBudgetFallsBackToLookupsWithTheSameAnswer) {
  QueryResult full = Run(kJoin);
  QueryOptions tiny;
  tiny.hash_join_budget_bytes = 1024;
  tiny.explain = true;  // a few rows: every hash join's build side exceeds it
  auto r = RunQuery(*store_->GetSnapshot(), kJoin, tiny);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NE(r->plan.find("HashJoin"), std::string::npos) << "planned as a hash join";
  ASSERT_EQ(r->rows.size(), full.rows.size());
  for (size_t i = 0; i < full.rows.size(); ++i) {
    for (size_t c = 0; c < full.rows[i].size(); ++c) {
      EXPECT_EQ(r->rows[i][c]->value(), full.rows[i][c]->value()) << "row " << i;
    }
  }
  // The right sides were looked up per row: their scans report more than one pass's rows.
  EXPECT_NE(r->plan, full.plan);
}

TEST_F(JoinChoice, PatternsSortedByTheirSharedSubjectMergeJoin) {
  // Both scans (predicate and object bound) come sorted by ?grant.
  QueryResult r =
      Run("PREFIX : <http://ex.org/> SELECT ?grant ?project WHERE { ?grant :fromFund :fund3 ; "
          ":awardedBy :agency5 ; :awardedTo ?project }");
  EXPECT_NE(r.plan.find("MergeJoin on ?grant"), std::string::npos) << r.plan;
  // Grants i < 3000 with i % 7 == 3 and i % 13 == 5.
  size_t expected = 0;
  for (int i = 0; i < 3000; ++i) expected += (i % 7 == 3 && i % 13 == 5);
  ASSERT_EQ(r.rows.size(), expected);
  for (const auto& row : r.rows) {
    int i = std::stoi(row[0]->value().substr(std::string("http://ex.org/grant").size()));
    EXPECT_TRUE(i % 7 == 3 && i % 13 == 5) << i;
    EXPECT_EQ(row[1]->value(), "http://ex.org/project" + std::to_string(i % 1000));
  }
  // With FROM the default graph is a merge of graphs, whose scans are not one sorted range:
  // no merge join there.
  QueryResult from =
      Run("PREFIX : <http://ex.org/> SELECT ?grant FROM <http://ex.org/none> WHERE { "
          "?grant :fromFund :fund3 ; :awardedBy :agency5 }");
  EXPECT_EQ(from.plan.find("MergeJoin"), std::string::npos) << from.plan;
  EXPECT_TRUE(from.rows.empty());
}

TEST_F(JoinChoice, AskAndLimitUseIndexLookupsOnly) {
  // The same pattern as the SELECT below, which hashes without LIMIT.
  QueryResult ask =
      Run("PREFIX : <http://ex.org/> ASK { ?grant :fromFund ?f ; :awardedTo ?project . "
          "?project :locatedIn ?v }");
  EXPECT_TRUE(ask.boolean);
  EXPECT_EQ(ask.plan.find("HashJoin"), std::string::npos) << ask.plan;
  QueryResult limit =
      Run("PREFIX : <http://ex.org/> SELECT * WHERE { ?grant :fromFund ?f ; :awardedTo ?project . "
          "?project :locatedIn ?v } LIMIT 3");
  EXPECT_EQ(limit.rows.size(), 3u);
  EXPECT_EQ(limit.plan.find("HashJoin"), std::string::npos) << limit.plan;
  // The same pattern without LIMIT is worth hashing.
  QueryResult all =
      Run("PREFIX : <http://ex.org/> SELECT * WHERE { ?grant :fromFund ?f ; :awardedTo ?project . "
          "?project :locatedIn ?v }");
  EXPECT_EQ(all.rows.size(), 3000u);
  EXPECT_NE(all.plan.find("HashJoin"), std::string::npos) << all.plan;
}

TEST_F(JoinChoice, NotExistsOverJoinedPatternsCountsExactly) {
  // Every project has grants; projects 0..9 have one from fund0 (grant 0, 7, ... hit project
  // i % 1000 == i for i < 1000).
  QueryResult r =
      Run("PREFIX : <http://ex.org/> SELECT (COUNT(*) AS ?n) WHERE { ?project :locatedIn ?v "
          "FILTER NOT EXISTS { ?grant :awardedTo ?project ; :fromFund :fund0 ; :awardedBy ?a } }");
  ASSERT_EQ(r.rows.size(), 1u);
  // Projects reached by fund0: grants i with i % 7 == 0, project i % 1000: 429 distinct.
  EXPECT_EQ(r.rows[0][0]->value(), std::to_string(1000 - 429));
}

}  // namespace
}  // namespace hamlet::sparql
