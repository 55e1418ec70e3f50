// Private to store/: the RocksDB-backed Store. Nothing outside store/ includes this file.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace hamlet::store {

// Column families, in the order they are opened.
enum Cf : int {
  kCfMeta = 0,  // "default": format version, id sequence, load counter
  kCfId2Term,   // BE64 id -> term encoding
  kCfTerm2Id,   // term encoding -> BE64 id
  kCfStats,     // 'p'|'c'|'g' + BE64 id -> LE64 count; "T" -> LE64 total quads
  kCfIndex0,    // + IndexId: the six quad indexes
  kCfCount = kCfIndex0 + kIndexCount,
};

inline int IndexCf(IndexId index) {
  return kCfIndex0 + static_cast<int>(index);
}

// Meta keys.
inline constexpr const char* kMetaFormatVersion = "format_version";
inline constexpr const char* kMetaNextSequence = "next_sequence";
inline constexpr const char* kMetaLoadCounter = "load_counter";
inline constexpr const char* kMetaPrefix = "prefix/";  // + name -> namespace IRI
inline constexpr const char* kStatsTotal = "T";

uint64_t DecodeLe64(const std::string& v);
std::string EncodeLe64(uint64_t v);

// A RocksDB status as a Hamlet one; `what` says what was being done. A full disk, a refused
// permission and a held lock are ResourceExhausted (exit code 4): the user can fix them.
Status FromRocks(const rocksdb::Status& s, const std::string& what);

class RocksStore : public Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, const OpenOptions& options);
  ~RocksStore() override;

  std::unique_ptr<Snapshot> GetSnapshot() const override;
  Result<LoadResult> Load(const std::vector<LoadSource>& sources,
                          const LoadOptions& options) override;
  Result<LoadResult> Insert(const std::vector<rdf::Quad>& quads) override;
  uint64_t DiskBytes() const override;
  const std::string& dir() const override { return dir_; }
  bool read_only() const { return read_only_; }

  rocksdb::DB* db() const { return db_; }
  rocksdb::ColumnFamilyHandle* cf(int i) const { return cfs_[i]; }
  const rocksdb::Options& cf_options(int i) const { return cf_options_[i]; }

 private:
  RocksStore() = default;
  // store_open.cpp: the steps of Open.
  Status OpenDb(bool read_only, bool create);
  size_t block_cache_bytes_ = 0;  // 0: kBlockCacheBytes (OpenOptions::block_cache_bytes)
  Status CheckFormat(bool read_only);
  Status Init();
  Result<bool> IsEmpty() const;

  std::string dir_;
  bool read_only_ = false;
  int lock_fd_ = -1;  // flock on DIR/LOCK, shared for readers, exclusive for the writer
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs_;
  std::vector<rocksdb::Options> cf_options_;  // full options per CF (for SstFileWriter)
  std::mutex write_mutex_;                    // one load at a time
};

}  // namespace hamlet::store
