// Opening a store: a folder's identity is checked before anything is written to it, readers
// write nothing, an interrupted creation counts as no store yet, and a store held by another
// open is reported as ResourceExhausted ("in use").
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <filesystem>
#include <map>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"

namespace hamlet::store {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Name -> size of every file in a folder: what "nothing was written" is checked against.
std::map<std::string, uintmax_t> Listing(const std::string& dir) {
  std::map<std::string, uintmax_t> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    out[e.path().filename().string()] = e.is_regular_file() ? e.file_size() : 0;
  }
  return out;
}

std::vector<std::string> ColumnFamilies(const std::string& dir) {
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return names;
}

// A store holding one quad, closed again.
std::string MakeStore(const TempDir& tmp) {
  std::string dir = tmp.Sub("db");
  auto s = Store::Open(dir);
  EXPECT_TRUE(s.ok()) << s.status().message();
  auto r = (*s)->Insert({rdf::Quad{rdf::Term::Iri("http://ex/a"), rdf::Term::Iri("http://ex/p"),
                                   rdf::Term::Iri("http://ex/b"), rdf::Term()}});
  EXPECT_TRUE(r.ok()) << r.status().message();
  return dir;
}

OpenOptions Reading() {
  OpenOptions o;
  o.create_if_missing = false;  // what stats, query and export ask for
  return o;
}

TEST(StoreOpen, ForeignRocksDbIsRefusedWithoutBeingChanged) {
  TempDir tmp;
  std::string dir = tmp.Sub("other");
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(o, dir, &db).ok());
    rocksdb::ColumnFamilyHandle* cf = nullptr;
    ASSERT_TRUE(db->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), "theirs", &cf).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), cf, "k", "v").ok());
    db->DestroyColumnFamilyHandle(cf);
    delete db;
  }
  auto before = Listing(dir);
  for (bool create : {false, true}) {
    OpenOptions o;
    o.create_if_missing = create;
    auto s = Store::Open(dir, o);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), Status::Code::kCorruption);
    EXPECT_NE(s.status().message().find("not a Hamlet store"), std::string::npos)
        << s.status().message();
  }
  EXPECT_EQ(ColumnFamilies(dir).size(), 2u);  // "default" and "theirs", none of Hamlet's
  EXPECT_EQ(Listing(dir), before);
}

TEST(StoreOpen, ReadersCreateNoFiles) {
  TempDir tmp;
  std::string dir = MakeStore(tmp);
  auto before = Listing(dir);
  for (int i = 0; i < 20; ++i) {
    auto s = Store::Open(dir, Reading());
    ASSERT_TRUE(s.ok()) << s.status().message();
    auto stats = (*s)->GetSnapshot()->GetStatistics();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->quads, 1u);
  }
  EXPECT_EQ(Listing(dir), before);  // the old code left one more WAL file per open
}

TEST(StoreOpen, ReadOnlyStoreRefusesLoads) {
  TempDir tmp;
  std::string dir = MakeStore(tmp);
  auto s = Store::Open(dir, Reading());
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto r = (*s)->Insert({});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
}

TEST(StoreOpen, ReadersShareAndWritersAreExclusive) {
  TempDir tmp;
  std::string dir = MakeStore(tmp);
  {
    auto r1 = Store::Open(dir, Reading());
    auto r2 = Store::Open(dir, Reading());
    ASSERT_TRUE(r1.ok()) << r1.status().message();
    ASSERT_TRUE(r2.ok()) << r2.status().message();
    auto w = Store::Open(dir);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.status().code(), Status::Code::kResourceExhausted);
    EXPECT_NE(w.status().message().find("in use"), std::string::npos) << w.status().message();
  }
  auto w = Store::Open(dir);
  ASSERT_TRUE(w.ok()) << w.status().message();
  for (OpenOptions o : {OpenOptions(), Reading()}) {
    auto again = Store::Open(dir, o);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.status().code(), Status::Code::kResourceExhausted) << again.status().message();
  }
}

// A creation killed after RocksDB made its column families but before Hamlet wrote the
// format version (8 of 12 kills 10-50 ms into a first load hit this): no store yet for
// readers, and the next load finishes the creation.
TEST(StoreOpen, InterruptedCreationCountsAsNew) {
  TempDir tmp;
  for (int families : {1, 3, 10}) {
    std::string dir = tmp.Sub("db" + std::to_string(families));
    {
      rocksdb::Options o;
      o.create_if_missing = true;
      rocksdb::DB* db = nullptr;
      ASSERT_TRUE(rocksdb::DB::Open(o, dir, &db).ok());
      const char* names[] = {"id2term", "term2id", "stats", "gspo", "gpos",
                             "gosp",    "spog",    "posg",  "ospg"};
      for (int i = 1; i < families; ++i) {
        rocksdb::ColumnFamilyHandle* cf = nullptr;
        ASSERT_TRUE(db->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), names[i - 1], &cf).ok());
        db->DestroyColumnFamilyHandle(cf);
      }
      delete db;
    }
    auto r = Store::Open(dir, Reading());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kNotFound) << r.status().message();
    auto w = Store::Open(dir);
    ASSERT_TRUE(w.ok()) << families << ": " << w.status().message();
    ASSERT_TRUE(
        (*w)->Insert({rdf::Quad{rdf::Term::Iri("http://ex/a"), rdf::Term::Iri("http://ex/p"),
                                rdf::Term::Iri("http://ex/b"), rdf::Term()}})
            .ok());
  }
}

// Killed before RocksDB wrote CURRENT: only creation files are there.
TEST(StoreOpen, FolderWithOnlyCreationLeftoversCountsAsNew) {
  TempDir tmp;
  std::string dir = tmp.Sub("db");
  fs::create_directories(dir);
  tmp.Write("db/LOCK", "");
  tmp.Write("db/LOG", "partial log");
  tmp.Write("db/MANIFEST-000001", "");
  tmp.Write("db/000001.dbtmp", "");
  auto r = Store::Open(dir, Reading());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  auto w = Store::Open(dir);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_FALSE(fs::exists(dir + "/000001.dbtmp"));
}

TEST(StoreOpen, UnknownFilesAreNotAStore) {
  TempDir tmp;
  std::string dir = tmp.Sub("db");
  fs::create_directories(dir);
  tmp.Write("db/notes.txt", "mine");
  auto w = Store::Open(dir);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), Status::Code::kCorruption);
  EXPECT_TRUE(fs::exists(dir + "/notes.txt"));
}

}  // namespace
}  // namespace hamlet::store
