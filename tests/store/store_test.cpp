#include "store/store.h"

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <algorithm>
#include <random>
#include <set>

#include "rdf/isomorphism.h"
#include "support/temp_dir.h"

namespace hamlet::store {
namespace {

using hamlet::testing::TempDir;
using rdf::Quad;
using rdf::Term;

// A random dataset over a small vocabulary, so that patterns have several matches.
std::vector<Quad> RandomQuads(int n, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int k) { return static_cast<int>(rng() % k); };
  std::vector<Quad> out;
  for (int i = 0; i < n; ++i) {
    Quad q;
    q.subject = Term::Iri("http://ex.org/s" + std::to_string(pick(12)));
    q.predicate = Term::Iri("http://ex.org/p" + std::to_string(pick(5)));
    switch (pick(3)) {
      case 0:
        q.object = Term::Iri("http://ex.org/s" + std::to_string(pick(12)));
        break;
      case 1:
        q.object =
            Term::Literal(std::to_string(pick(10)), "http://www.w3.org/2001/XMLSchema#integer");
        break;
      default:
        q.object = Term::LangLiteral("v" + std::to_string(pick(6)), pick(2) ? "en" : "fr");
    }
    int g = pick(4);
    if (g > 0) q.graph = Term::Iri("http://ex.org/g" + std::to_string(g));
    out.push_back(q);
  }
  return out;
}

std::string ToNQuadsDoc(const std::vector<Quad>& quads) {
  std::string doc;
  for (const auto& q : quads) doc += q.ToNQuads() + "\n";
  return doc;
}

std::unique_ptr<Store> OpenOrDie(const std::string& dir) {
  auto s = Store::Open(dir);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return std::move(s).value();
}

Result<LoadResult> LoadDoc(Store* store, const TempDir& tmp, const std::string& name,
                           const std::string& doc, uint64_t batch_max = 200'000) {
  LoadSource src;
  src.path = tmp.Write(name, doc);
  src.syntax = io::Syntax::kNQuads;
  LoadOptions o;
  o.write_batch_max_entries = batch_max;
  return store->Load({src}, o);
}

std::set<Quad> AllQuads(const Snapshot& snap) {
  QuadPattern all;
  all.scope = GraphScope::kAll;
  auto r = ReadQuads(snap, all);
  EXPECT_TRUE(r.ok());
  return std::set<Quad>(r->begin(), r->end());
}

bool Matches(const Quad& q, const Quad& pat, GraphScope scope) {
  if (!pat.subject.is_none() && q.subject != pat.subject) return false;
  if (!pat.predicate.is_none() && q.predicate != pat.predicate) return false;
  if (!pat.object.is_none() && q.object != pat.object) return false;
  switch (scope) {
    case GraphScope::kDefault:
      return q.graph.is_none();
    case GraphScope::kGraph:
      return q.graph == pat.graph;
    case GraphScope::kAnyNamed:
      return !q.graph.is_none();
    case GraphScope::kAll:
      return true;
  }
  return false;
}

class PatternTest : public ::testing::TestWithParam<uint64_t> {};

// Every combination of bound positions and graph scopes returns exactly the quads a brute
// force filter finds, whichever commit path (write batch or SST ingestion) stored them.
TEST_P(PatternTest, EveryPatternIsExact) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Sub("db"));
  auto quads = RandomQuads(600, 7);
  auto r = LoadDoc(store.get(), tmp, "a.nq", ToNQuadsDoc(quads), GetParam());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->bulk, GetParam() == 0);
  std::set<Quad> truth(quads.begin(), quads.end());
  EXPECT_EQ(r->quads_added, truth.size());
  auto snap = store->GetSnapshot();
  const Quad& probe = quads[3];
  int checked = 0;
  for (int mask = 0; mask < 8; ++mask) {
    for (GraphScope scope :
         {GraphScope::kDefault, GraphScope::kGraph, GraphScope::kAnyNamed, GraphScope::kAll}) {
      Quad pat;
      QuadPattern p;
      p.scope = scope;
      if (mask & 1) pat.subject = probe.subject, p.s = *snap->Lookup(probe.subject.view());
      if (mask & 2) pat.predicate = probe.predicate, p.p = *snap->Lookup(probe.predicate.view());
      if (mask & 4) pat.object = probe.object, p.o = *snap->Lookup(probe.object.view());
      if (scope == GraphScope::kGraph) {
        pat.graph = Term::Iri("http://ex.org/g2");
        p.g = *snap->Lookup(pat.graph.view());
      }
      std::set<Quad> expected;
      for (const auto& q : truth) {
        if (Matches(q, pat, scope)) expected.insert(q);
      }
      auto got = ReadQuads(*snap, p);
      ASSERT_TRUE(got.ok());
      std::vector<Quad> got_sorted = *got;
      std::sort(got_sorted.begin(), got_sorted.end());
      EXPECT_TRUE(std::adjacent_find(got_sorted.begin(), got_sorted.end()) == got_sorted.end())
          << "duplicates for mask " << mask;
      EXPECT_EQ(std::set<Quad>(got->begin(), got->end()), expected)
          << "mask " << mask << " scope " << static_cast<int>(scope);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 32);
}

INSTANTIATE_TEST_SUITE_P(CommitPaths, PatternTest, ::testing::Values(0, 1'000'000));

TEST(Store, StatisticsCountPredicatesClassesGraphs) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Sub("db"));
  std::string doc =
      "<http://x/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://x/C> .\n"
      "<http://x/b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://x/C> <http://x/g> .\n"
      "<http://x/a> <http://x/p> \"1\" .\n<http://x/a> <http://x/p> \"1\" .\n";
  ASSERT_TRUE(LoadDoc(store.get(), tmp, "a.nq", doc).ok());
  // Loading the same quads again adds nothing and counts nothing twice.
  ASSERT_TRUE(LoadDoc(store.get(), tmp, "b.nq", doc, 0).ok());
  auto snap = store->GetSnapshot();
  auto st = snap->GetStatistics();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->quads, 3u);
  auto count_of = [&](const std::vector<CountEntry>& v, const Term& t) -> uint64_t {
    TermId id = t.is_none() ? kNoTerm : *snap->Lookup(t.view());
    for (const auto& e : v) {
      if (e.id == id) return e.count;
    }
    return 0;
  };
  EXPECT_EQ(count_of(st->predicates, Term::Iri("http://x/p")), 1u);
  EXPECT_EQ(count_of(st->predicates, Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")),
            2u);
  EXPECT_EQ(count_of(st->classes, Term::Iri("http://x/C")), 2u);
  EXPECT_EQ(count_of(st->graphs, Term()), 2u);
  EXPECT_EQ(count_of(st->graphs, Term::Iri("http://x/g")), 1u);
}

TEST(Store, PersistsAcrossReopen) {
  TempDir tmp;
  auto quads = RandomQuads(100, 3);
  {
    auto store = OpenOrDie(tmp.Sub("db"));
    ASSERT_TRUE(LoadDoc(store.get(), tmp, "a.nq", ToNQuadsDoc(quads), 0).ok());
  }
  auto store = OpenOrDie(tmp.Sub("db"));
  auto snap = store->GetSnapshot();
  EXPECT_EQ(AllQuads(*snap), std::set<Quad>(quads.begin(), quads.end()));
  // A second load after reopening reuses the dictionary: no new terms for known ones.
  auto r = LoadDoc(store.get(), tmp, "b.nq",
                   "<http://ex.org/s1> <http://ex.org/p1> <http://ex.org/s2> .\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->terms_added, 0u);
}

TEST(Store, BlankNodesOfTwoLoadsStayApart) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Sub("db"));
  std::string doc = "_:b <http://x/p> \"v\" .\n";
  ASSERT_TRUE(LoadDoc(store.get(), tmp, "a.nq", doc).ok());
  ASSERT_TRUE(LoadDoc(store.get(), tmp, "b.nq", doc).ok());
  EXPECT_EQ(AllQuads(*store->GetSnapshot()).size(), 2u);
}

TEST(Store, RefusesOtherFormatVersion) {
  TempDir tmp;
  { OpenOrDie(tmp.Sub("db")); }
  {
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), tmp.Sub("db"), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
    for (const auto& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), tmp.Sub("db"), cfs, &handles, &db).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), "format_version", "999").ok());
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
    delete db;
  }
  auto s = Store::Open(tmp.Sub("db"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kCorruption);
  EXPECT_NE(s.status().message().find("format version 999; this Hamlet reads version " +
                                      std::to_string(kFormatVersion)),
            std::string::npos)
      << s.status().message();
}

TEST(Store, RefusesAFolderThatIsNotAStore) {
  TempDir tmp;
  tmp.Write("notes.txt", "hello");
  auto s = Store::Open(tmp.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kCorruption);
}

TEST(Store, CancelledScanStops) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Sub("db"));
  ASSERT_TRUE(LoadDoc(store.get(), tmp, "a.nq", ToNQuadsDoc(RandomQuads(2000, 5))).ok());
  auto snap = store->GetSnapshot();
  CancellationToken token;
  token.Cancel();
  QuadPattern all;
  all.scope = GraphScope::kAll;
  auto cursor = snap->Scan(all, &token);
  size_t n = 0;
  for (; cursor->Valid(); cursor->Next()) ++n;
  EXPECT_LT(n, 1000u);
  EXPECT_EQ(cursor->status().code(), Status::Code::kCancelled);
}

TEST(Store, LookupOfUnknownTermIsNoTerm) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.Sub("db"));
  auto snap = store->GetSnapshot();
  auto id = snap->Lookup(Term::Iri("http://nowhere").view());
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, kNoTerm);
  EXPECT_EQ(snap->Decode(12345).status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace hamlet::store
