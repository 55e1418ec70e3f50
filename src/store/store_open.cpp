// Opening and creating a store. Three promises shape this file: nothing in a folder is
// written before it is known to be a Hamlet store (or empty); a creation killed at any moment
// leaves a folder the next open treats as new; a reader writes nothing at all.
#include <fcntl.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include "store/rocks_store.h"

namespace hamlet::store {

namespace fs = std::filesystem;

namespace {

// Shared block cache for all column families. Larger helps repeated queries; the default
// store must stay modest on a laptop.
constexpr size_t kBlockCacheBytes = 256ull << 20;
// Quad indexes are scanned in ranges: bigger blocks compress better and cost fewer index
// entries. Dictionary CFs serve point look-ups: small blocks and a bloom filter.
constexpr size_t kIndexBlockBytes = 16 << 10;
constexpr size_t kDictBlockBytes = 4 << 10;
constexpr double kBloomBitsPerKey = 10;

const char* CfName(int i) {
  switch (i) {
    case kCfMeta:
      return rocksdb::kDefaultColumnFamilyName.c_str();
    case kCfId2Term:
      return "id2term";
    case kCfTerm2Id:
      return "term2id";
    case kCfStats:
      return "stats";
    default:
      return IndexName(static_cast<IndexId>(i - kCfIndex0));
  }
}

bool Contains(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

// The user can act on these (free space, fix permissions, wait): exit code 4, not 3.
Status FromErrno(int e, const std::string& what) {
  std::string m = what + ": " + std::strerror(e);
  if (e == ENOSPC || e == EDQUOT) return Status::ResourceExhausted(m + " (the disk is full)");
  if (e == EACCES || e == EPERM || e == EROFS) return Status::ResourceExhausted(m);
  if (e == ENOENT) return Status::NotFound(m);
  return Status::IoError(m);
}

// RocksDB's own info log aborts the process when a write to it fails (Debian's build asserts
// in PosixLogger on a full disk, and that killed loads and then every read), and it writes
// LOG files even for a read-only open. This one appends warnings to DIR/LOG and ignores its
// own failures: a diagnostic must never be the reason an operation fails. fd < 0: silent.
class TolerantLogger : public rocksdb::Logger {
 public:
  explicit TolerantLogger(int fd) : Logger(rocksdb::InfoLogLevel::WARN_LEVEL), fd_(fd) {}
  ~TolerantLogger() override {
    if (fd_ >= 0) ::close(fd_);
  }
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    if (fd_ < 0) return;
    char buf[1024];
    int n = std::vsnprintf(buf, sizeof buf, format, ap);
    if (n < 0) return;
    size_t len = std::min(static_cast<size_t>(n), sizeof buf - 2);
    buf[len++] = '\n';
    [[maybe_unused]] ssize_t written = ::write(fd_, buf, len);
  }

 private:
  int fd_;
};

// RocksDB's LOCK only excludes a second writer, and a read-only RocksDB instance reading while
// another process writes has undefined behaviour. So every open first takes a flock on
// DIR/LOCK: shared to read, exclusive to write. flock and RocksDB's fcntl lock on the same
// file do not interact on Linux. Returns the descriptor, or -1 when a reader finds no LOCK
// file it can open (no writer can have used the folder as a store then).
Result<int> LockFolder(const std::string& dir, bool write) {
  std::string path = dir + "/LOCK";
  int fd = write ? ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)
                 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    if (!write && (e == ENOENT || e == EACCES)) return -1;
    return FromErrno(e, "cannot write to the store folder " + dir);
  }
  if (::flock(fd, (write ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
    int e = errno;
    ::close(fd);
    if (e == EWOULDBLOCK) {
      return Status::ResourceExhausted(dir + " is in use by another Hamlet process (" +
                                       (write ? "a reader or a writer" : "a writer") +
                                       "); try again when it has finished");
    }
    return FromErrno(e, "cannot lock " + path);
  }
  return fd;
}

// Files RocksDB writes while it creates a database before CURRENT names its first MANIFEST,
// plus Hamlet's own LOCK: a folder holding only these is a creation that was interrupted.
bool IsCreationLeftover(const std::string& name) {
  auto starts = [&](const char* p) { return name.rfind(p, 0) == 0; };
  auto ends = [&](const std::string& x) {
    return name.size() >= x.size() && name.compare(name.size() - x.size(), x.size(), x) == 0;
  };
  return name == "LOCK" || name == "IDENTITY" || starts("LOG") || starts("MANIFEST-") ||
         starts("OPTIONS-") || starts("tmp-load-") || ends(".dbtmp") || ends(".log");
}

enum class Folder { kEmpty, kStore, kIncomplete, kForeign };

// What `dir` holds, judged without writing anything: RocksDB's ListColumnFamilies only
// reads CURRENT and the MANIFEST.
Result<Folder> Inspect(const std::string& dir, std::string* why) {
  std::error_code ec;
  if (!fs::exists(fs::path(dir) / "CURRENT", ec)) {
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (!IsCreationLeftover(e.path().filename().string())) {
        *why = "it has files but no RocksDB CURRENT file";
        return Folder::kForeign;
      }
    }
    if (ec && ec != std::errc::no_such_file_or_directory) return FromErrno(ec.value(), dir);
    return Folder::kEmpty;
  }
  std::vector<std::string> names;
  rocksdb::DBOptions probe;
  probe.info_log = std::make_shared<TolerantLogger>(-1);
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(probe, dir, &names);
  if (!s.ok()) return FromRocks(s, "cannot read store " + dir);
  std::set<std::string> ours;
  for (int i = 0; i < kCfCount; ++i) ours.insert(CfName(i));
  for (const auto& n : names) {
    if (ours.count(n) == 0) {
      *why = "it is a RocksDB database with a column family '" + n + "' Hamlet does not use";
      return Folder::kForeign;
    }
  }
  // Hamlet creates every column family in one DB::Open: fewer means that open was killed.
  return names.size() == ours.size() ? Folder::kStore : Folder::kIncomplete;
}

rocksdb::DBOptions MakeDbOptions(const std::string& dir, bool read_only) {
  rocksdb::DBOptions o;
  o.max_background_jobs = 2;
  o.bytes_per_sync = 1 << 20;
  int log_fd = -1;
  if (!read_only) log_fd = ::open((dir + "/LOG").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  o.info_log = std::make_shared<TolerantLogger>(log_fd);
  return o;
}

std::vector<rocksdb::ColumnFamilyDescriptor> MakeDescriptors(size_t block_cache_bytes) {
  auto cache = rocksdb::NewLRUCache(block_cache_bytes > 0 ? block_cache_bytes : kBlockCacheBytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < kCfCount; ++i) {
    rocksdb::ColumnFamilyOptions cf;
    rocksdb::BlockBasedTableOptions table;
    table.block_cache = cache;
    bool dict = i == kCfId2Term || i == kCfTerm2Id;
    table.block_size = dict ? kDictBlockBytes : kIndexBlockBytes;
    // term->id look-ups often miss (is this term new?): a bloom filter answers those.
    // id->term look-ups always hit, so a filter would be pure cost there; a hash index in
    // each data block replaces the binary search instead.
    if (i == kCfTerm2Id) table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(kBloomBitsPerKey));
    if (i == kCfId2Term) {
      table.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
    }
    table.format_version = 5;
    cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    cf.compression = rocksdb::kLZ4Compression;
    cf.bottommost_compression = rocksdb::kZSTD;
    cf.level_compaction_dynamic_level_bytes = true;
    descriptors.emplace_back(CfName(i), cf);
  }
  return descriptors;
}

}  // namespace

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  std::string m = what + ": " + s.ToString();
  if (s.IsNoSpace() || Contains(m, "No space left")) {
    return Status::ResourceExhausted(m + " (the disk is full; free some space and retry)");
  }
  if (Contains(m, "Permission denied") || Contains(m, "Read-only file system")) {
    return Status::ResourceExhausted(m);
  }
  if (s.IsCorruption()) return Status::Corruption(m);
  return Status::IoError(m);
}

Status RocksStore::OpenDb(bool read_only, bool create) {
  rocksdb::DBOptions db_options = MakeDbOptions(dir_, read_only);
  db_options.create_if_missing = create;
  db_options.create_missing_column_families = create;
  auto descriptors = MakeDescriptors(block_cache_bytes_);
  for (const auto& d : descriptors) cf_options_.emplace_back(db_options, d.options);
  rocksdb::Status s = read_only
                          ? rocksdb::DB::OpenForReadOnly(db_options, dir_, descriptors, &cfs_, &db_)
                          : rocksdb::DB::Open(db_options, dir_, descriptors, &cfs_, &db_);
  if (s.ok()) return Status::Ok();
  if (s.IsIOError() && Contains(s.ToString(), "lock")) {
    return Status::ResourceExhausted(dir_ + " is in use by another process (" + s.ToString() + ")");
  }
  return FromRocks(s, "cannot open store " + dir_);
}

Result<bool> RocksStore::IsEmpty() const {
  for (auto* cf : cfs_) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf));
    it->SeekToFirst();
    if (it->Valid()) return false;
    if (!it->status().ok()) return FromRocks(it->status(), "read store " + dir_);
  }
  return true;
}

// The format version goes in with the id sequence in one synced batch: a store either has
// all of its metadata or none, and "none" with no data is an interrupted creation.
Status RocksStore::Init() {
  rocksdb::WriteBatch batch;
  batch.Put(cfs_[kCfMeta], kMetaFormatVersion, std::to_string(kFormatVersion));
  batch.Put(cfs_[kCfMeta], kMetaNextSequence, EncodeLe64(1));
  batch.Put(cfs_[kCfMeta], kMetaLoadCounter, EncodeLe64(0));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(db_->Write(wo, &batch), "create store " + dir_);
}

Status RocksStore::CheckFormat(bool read_only) {
  std::string version;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cfs_[kCfMeta], kMetaFormatVersion, &version);
  if (s.IsNotFound()) {
    auto empty = IsEmpty();
    if (!empty.ok()) return empty.status();
    if (!*empty) return Status::Corruption(dir_ + " is not a Hamlet store (no format version)");
    // Nothing but an interrupted creation: a writer finishes it, a reader sees no store.
    if (read_only) return Status::NotFound(dir_ + ": no store here");
    return Init();
  }
  if (!s.ok()) return FromRocks(s, "cannot read store format");
  if (version != std::to_string(kFormatVersion)) {
    return Status::Corruption(dir_ + " has on-disk format version " + version +
                              "; this Hamlet reads version " + std::to_string(kFormatVersion));
  }
  return Status::Ok();
}

Result<std::unique_ptr<Store>> RocksStore::Open(const std::string& dir,
                                                const OpenOptions& options) {
  const bool read_only = options.read_only.value_or(!options.create_if_missing);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (fs::exists(dir, ec)) return Status::InvalidArgument(dir + " is not a folder");
    if (read_only || !options.create_if_missing) return Status::NotFound(dir + ": no store here");
    fs::create_directories(dir, ec);
    if (ec) return FromErrno(ec.value(), "cannot create the store folder " + dir);
  }
  std::unique_ptr<RocksStore> store(new RocksStore());
  store->dir_ = dir;
  store->read_only_ = read_only;
  // The lock comes before looking at the folder, so that of two processes creating a store
  // at once the second waits for nothing and is told "in use" instead of seeing half a store.
  auto lock = LockFolder(dir, !read_only);
  if (!lock.ok()) return lock.status();
  store->lock_fd_ = *lock;

  std::string why;
  auto folder = Inspect(dir, &why);
  if (!folder.ok()) return folder.status();
  if (*folder == Folder::kForeign)
    return Status::Corruption(dir + " is not a Hamlet store (" + why + ")");
  bool fresh = *folder == Folder::kEmpty || *folder == Folder::kIncomplete;
  if (fresh && (read_only || !options.create_if_missing)) {
    return Status::NotFound(dir + ": no store here");
  }
  if (!read_only) {
    // Leftovers of a load that died before committing (its SST files were never ingested),
    // or of a creation that died before CURRENT existed. Safe under the exclusive lock.
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      std::string name = entry.path().filename().string();
      bool stale = name.rfind("tmp-load-", 0) == 0 ||
                   (*folder == Folder::kEmpty && name != "LOCK" && IsCreationLeftover(name));
      if (stale) fs::remove_all(entry.path(), ec);
    }
  }
  store->block_cache_bytes_ = options.block_cache_bytes;
  HAMLET_RETURN_IF_ERROR(store->OpenDb(read_only, fresh));
  HAMLET_RETURN_IF_ERROR(store->CheckFormat(read_only));
  return std::unique_ptr<Store>(std::move(store));
}

RocksStore::~RocksStore() {
  if (db_ != nullptr) {
    // Debian's RocksDB asserts that column family handles are gone before the DB.
    for (auto* h : cfs_) db_->DestroyColumnFamilyHandle(h);
    delete db_;
  }
  // Released only after RocksDB has closed every file it had open.
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

}  // namespace hamlet::store
