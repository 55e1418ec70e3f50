// The quad store: RocksDB underneath, ids above.
//
// A Store is opened on a folder. Reads go through a Snapshot: a consistent, immutable view
// of the store as of its creation; loads that commit later are invisible to it. Writes go
// through Load(), which is atomic: every quad of every source lands, or (on any error, or if
// the process dies) none does. See docs/storage.md for the layout and the measured figures.
//
// Thread safety: a Store may be shared by threads. Loads are serialised by an internal
// mutex; any number of snapshots may be read concurrently with a load. A Snapshot and its
// cursors are for one thread at a time. A store is used by one writing process or by any
// number of reading ones at a time; any other open gets ResourceExhausted ("in use").
//
// Ownership: a Snapshot must not outlive the Store it came from; a QuadCursor must not
// outlive its Snapshot.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/reader.h"
#include "io/syntax.h"
#include "io/writer.h"
#include "rdf/status.h"
#include "rdf/term.h"
#include "store/cancellation.h"
#include "store/ids.h"
#include "store/quad_index.h"

namespace hamlet::store {

// On-disk format version. Bump on any incompatible change of the layout; Open refuses a
// store with another version.
// 2: small numbers, dates and booleans live in their ids (inline_literal.h).
inline constexpr int kFormatVersion = 2;

struct OpenOptions {
  bool create_if_missing = true;
  // RocksDB's block cache (0: the default, 256 MiB). A one-shot command gains little from a
  // big cache, which starts cold, but pays for it in resident memory on a long scan.
  size_t block_cache_bytes = 0;
  // Reading only: nothing in the folder is created or changed (no log, WAL or MANIFEST), so
  // a read-only folder or mount and a full disk still serve reads, and any number of readers
  // may share the store; Load and Insert then fail. Unset: read-only exactly when
  // create_if_missing is false, which is what every command that only reads asks for.
  std::optional<bool> read_only;
};

// Iterates the quads matching a pattern, in the order of the index chosen for it.
class QuadCursor {
 public:
  virtual ~QuadCursor() = default;
  virtual bool Valid() const = 0;
  // REQUIRES: Valid()
  virtual const IdQuad& quad() const = 0;
  virtual void Next() = 0;
  // Not OK when the scan stopped early: a RocksDB error or the cancellation token fired.
  virtual Status status() const = 0;
  // Repositions the cursor on another pattern of the same snapshot, reusing its RocksDB
  // iterators: much cheaper than a new Scan when a join probes the store once per row.
  virtual void Reset(const QuadPattern& pattern) = 0;
};

struct CountEntry {
  TermId id = 0;
  uint64_t count = 0;
};

// Distinct subjects and objects of one predicate (estimates, within about 6.5 %).
struct DistinctEntry {
  TermId predicate = 0;
  double subjects = 0;
  double objects = 0;
};

struct Statistics {
  uint64_t quads = 0;                   // distinct quads in all graphs
  uint64_t terms = 0;                   // entries in the dictionary
  std::vector<CountEntry> predicates;   // quads per predicate (all graphs)
  std::vector<CountEntry> classes;      // rdf:type quads per class (all graphs)
  std::vector<CountEntry> graphs;       // quads per graph; id 0 = the default graph
  std::vector<DistinctEntry> distinct;  // per predicate; absent for stores loaded before them
};

class Snapshot {
 public:
  virtual ~Snapshot() = default;
  // The id of a term, or kNoTerm when the store does not hold it.
  virtual Result<TermId> Lookup(const rdf::TermView& term) const = 0;
  // The term of an id. NotFound for an id the store never handed out.
  virtual Result<rdf::Term> Decode(TermId id) const = 0;
  // `cancel` may be null; when set, it must outlive the cursor.
  virtual std::unique_ptr<QuadCursor> Scan(const QuadPattern& pattern,
                                           const CancellationToken* cancel = nullptr) const = 0;
  virtual Result<Statistics> GetStatistics() const = 0;
  // Prefixes declared in loaded files (the last declaration of a name wins), by name.
  virtual Result<io::PrefixList> Prefixes() const = 0;
};

// Where the quads of one load come from.
struct LoadSource {
  std::string path;  // a file, or "-" for standard input
  io::Syntax syntax = io::Syntax::kNTriples;
  std::string base_iri;   // empty: the file's own file: IRI (none for stdin)
  std::string graph_iri;  // non-empty: the source's default-graph triples go to this graph
};

struct LoadProgress {
  uint64_t quads = 0;        // quads read so far
  uint64_t bytes = 0;        // input bytes read so far
  uint64_t total_bytes = 0;  // size of all inputs when known (regular files), else 0
  double seconds = 0;
  const char* phase = "";  // "reading", "sorting", "writing", "committing", "done"
};

struct LoadOptions {
  // Called from the loading thread about twice a second and once at each phase change.
  std::function<void(const LoadProgress&)> progress;
  // Loads that add at most this many index entries commit as one WriteBatch; bigger ones
  // are written as sorted SST files and ingested at once. Both are atomic.
  uint64_t write_batch_max_entries = 200'000;
};

struct LoadResult {
  uint64_t quads_read = 0;   // as parsed, duplicates included
  uint64_t quads_added = 0;  // new distinct quads
  uint64_t terms_added = 0;
  bool bulk = false;  // true when committed by SST ingestion
  double seconds = 0;
};

class Store {
 public:
  // Opens (and with create_if_missing, creates) the store in `dir`. Creation survives a kill
  // at any moment: a folder holding only an interrupted creation counts as no store yet.
  // Nothing is written before the folder is known to be a Hamlet store. Errors: NotFound (no
  // store and not creating); ResourceExhausted when another process holds the store, the
  // disk is full or the OS refuses access; Corruption when the folder is not a Hamlet store
  // or has another format version; IoError for other failures.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir,
                                             const OpenOptions& options = {});

  virtual ~Store() = default;
  virtual std::unique_ptr<Snapshot> GetSnapshot() const = 0;
  // Loads every source atomically. On error nothing is written and the error names the
  // source (FILE:LINE:COL for syntax errors).
  virtual Result<LoadResult> Load(const std::vector<LoadSource>& sources,
                                  const LoadOptions& options = {}) = 0;
  // Adds quads given in memory (same atomicity as Load).
  virtual Result<LoadResult> Insert(const std::vector<rdf::Quad>& quads) = 0;
  // Bytes the store's files take on disk.
  virtual uint64_t DiskBytes() const = 0;
  virtual const std::string& dir() const = 0;
};

// Convenience for tests and small tools: every quad matching `pattern`, decoded.
Result<std::vector<rdf::Quad>> ReadQuads(const Snapshot& snapshot, const QuadPattern& pattern);

}  // namespace hamlet::store
