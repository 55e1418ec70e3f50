// A load lands whole or not at all; readers on older snapshots never see part of one.
#include <gtest/gtest.h>

#include <set>

#include "store/store.h"
#include "support/temp_dir.h"

namespace hamlet::store {
namespace {

using hamlet::testing::TempDir;

std::string Lines(int from, int to, const char* graph = nullptr) {
  std::string doc;
  for (int i = from; i < to; ++i) {
    doc += "<http://x/s" + std::to_string(i) + "> <http://x/p> \"" + std::to_string(i) + "\"";
    if (graph != nullptr) doc += std::string(" <") + graph + ">";
    doc += " .\n";
  }
  return doc;
}

struct Fixture {
  TempDir tmp;
  std::unique_ptr<Store> store;
  Fixture() { store = std::move(Store::Open(tmp.Sub("db"))).value(); }
  Result<LoadResult> Load(const std::vector<std::pair<std::string, std::string>>& files,
                          uint64_t batch_max) {
    std::vector<LoadSource> sources;
    for (const auto& [name, doc] : files) {
      LoadSource s;
      s.path = tmp.Write(name, doc);
      s.syntax = io::Syntax::kNQuads;
      sources.push_back(s);
    }
    LoadOptions o;
    o.write_batch_max_entries = batch_max;
    return store->Load(sources, o);
  }
  std::set<rdf::Quad> All() {
    QuadPattern p;
    p.scope = GraphScope::kAll;
    auto r = ReadQuads(*store->GetSnapshot(), p);
    return std::set<rdf::Quad>(r->begin(), r->end());
  }
  std::pair<uint64_t, uint64_t> Counts() {
    auto st = store->GetSnapshot()->GetStatistics();
    return {st->quads, st->terms};
  }
};

class Atomicity : public ::testing::TestWithParam<uint64_t> {};

TEST_P(Atomicity, MalformedLastLineLeavesStoreAsItWas) {
  Fixture f;
  ASSERT_TRUE(f.Load({{"good.nq", Lines(0, 50)}}, GetParam()).ok());
  auto before = f.All();
  auto counts = f.Counts();
  std::string bad = Lines(50, 3000, "http://x/g") + "<http://x/s> <http://x/p> \"unterminated .\n";
  auto r = f.Load({{"bad.nq", bad}}, GetParam());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(r.status().message().find("bad.nq:2951:"), std::string::npos) << r.status().message();
  EXPECT_EQ(f.All(), before);
  EXPECT_EQ(f.Counts(), counts);
  // The store still takes loads afterwards.
  ASSERT_TRUE(f.Load({{"more.nq", Lines(100, 110)}}, GetParam()).ok());
  EXPECT_EQ(f.All().size(), before.size() + 10);
}

TEST_P(Atomicity, BadSecondFileKeepsFirstOut) {
  Fixture f;
  auto r =
      f.Load({{"a.nq", Lines(0, 2000)}, {"b.nq", "<http://x/a> <http://x/b> .\n"}}, GetParam());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("b.nq:1:"), std::string::npos) << r.status().message();
  EXPECT_TRUE(f.All().empty());
}

TEST_P(Atomicity, SnapshotBeforeLoadSeesNoneOfIt) {
  Fixture f;
  ASSERT_TRUE(f.Load({{"a.nq", Lines(0, 10)}}, GetParam()).ok());
  auto old_snap = f.store->GetSnapshot();
  ASSERT_TRUE(f.Load({{"b.nq", Lines(10, 3000, "http://x/g")}}, GetParam()).ok());
  auto new_snap = f.store->GetSnapshot();
  QuadPattern all;
  all.scope = GraphScope::kAll;
  EXPECT_EQ(ReadQuads(*old_snap, all)->size(), 10u);
  EXPECT_EQ(ReadQuads(*new_snap, all)->size(), 3000u);
  // Statistics follow the snapshot too.
  EXPECT_EQ(old_snap->GetStatistics()->quads, 10u);
  EXPECT_EQ(new_snap->GetStatistics()->quads, 3000u);
}

INSTANTIATE_TEST_SUITE_P(CommitPaths, Atomicity, ::testing::Values(0, 1'000'000),
                         [](const auto& info) {
                           return info.param == 0 ? "Ingest" : "WriteBatch";
                         });

TEST(Insert, AddsQuadsFromMemory) {
  Fixture f;
  std::vector<rdf::Quad> quads = {
      {rdf::Term::Iri("http://x/a"), rdf::Term::Iri("http://x/p"), rdf::Term::Blank("b"), {}},
      {rdf::Term::Blank("b"), rdf::Term::Iri("http://x/p"), rdf::Term::Literal("v"), {}}};
  auto r = f.store->Insert(quads);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->quads_added, 2u);
  auto all = f.All();
  ASSERT_EQ(all.size(), 2u);
  // Both mentions of _:b are one node.
  std::set<std::string> blanks;
  for (const auto& q : all) {
    if (q.subject.is_blank()) blanks.insert(q.subject.value());
    if (q.object.is_blank()) blanks.insert(q.object.value());
  }
  EXPECT_EQ(blanks.size(), 1u);
}

}  // namespace
}  // namespace hamlet::store
