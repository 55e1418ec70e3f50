// Distinct-value sketches in the statistics: accurate enough for the planner, mergeable
// across loads, and what GetStatistics reports after real loads.
#include "store/distinct_sketch.h"

#include <gtest/gtest.h>

#include "store/store.h"
#include "support/temp_dir.h"

namespace hamlet::store {
namespace {

TEST(DistinctSketch, EstimatesWithinTheExpectedError) {
  for (uint64_t n : {10ull, 1000ull, 100000ull}) {
    DistinctSketch s;
    for (uint64_t i = 1; i <= n; ++i) {
      s.Add(MakeId(rdf::TermKind::kIri, i));
      s.Add(MakeId(rdf::TermKind::kIri, i));  // repeats do not count
    }
    // 256 registers: about 6.5 % standard error; 4 standard errors of slack.
    EXPECT_NEAR(s.Estimate(), static_cast<double>(n), 0.26 * static_cast<double>(n) + 1) << n;
  }
}

TEST(DistinctSketch, MergingIsTheUnion) {
  DistinctSketch a, b, both;
  for (uint64_t i = 1; i <= 50000; ++i) {
    a.Add(i);
    both.Add(i);
  }
  for (uint64_t i = 25001; i <= 75000; ++i) {
    b.Add(i);
    both.Add(i);
  }
  a.Merge(b.Bytes());
  EXPECT_EQ(a.Bytes(), both.Bytes());
  EXPECT_NEAR(a.Estimate(), 75000, 0.26 * 75000);
}

TEST(DistinctSketch, StatisticsCountDistinctSubjectsAndObjectsAcrossLoads) {
  testing::TempDir tmp;
  auto store = Store::Open(tmp.Sub("db"));
  ASSERT_TRUE(store.ok()) << store.status().message();
  // 2000 subjects, each with 3 values of :p out of 10 shared objects; in two loads.
  for (int part = 0; part < 2; ++part) {
    std::string doc;
    for (int s = part * 1000; s < (part + 1) * 1000; ++s) {
      for (int k = 0; k < 3; ++k) {
        doc += "<http://ex.org/s" + std::to_string(s) + "> <http://ex.org/p> <http://ex.org/o" +
               std::to_string((s + k) % 10) + "> .\n";
      }
    }
    LoadSource src;
    src.path = tmp.Write("part" + std::to_string(part) + ".nt", doc);
    src.syntax = io::Syntax::kNTriples;
    auto r = (*store)->Load({src});
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  auto snap = (*store)->GetSnapshot();
  auto p = snap->Lookup(rdf::Term::Iri("http://ex.org/p").view());
  ASSERT_TRUE(p.ok());
  auto stats = snap->GetStatistics();
  ASSERT_TRUE(stats.ok());
  const DistinctEntry* d = nullptr;
  for (const auto& e : stats->distinct) {
    if (e.predicate == *p) d = &e;
  }
  ASSERT_NE(d, nullptr);
  EXPECT_NEAR(d->subjects, 2000, 0.26 * 2000);
  EXPECT_NEAR(d->objects, 10, 3);
}

}  // namespace
}  // namespace hamlet::store
