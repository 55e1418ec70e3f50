// ORDER BY within a memory budget: rows with their sort keys are sorted in memory while they
// fit the query's budget; beyond it, each full buffer is sorted and written to a run file in
// the spill folder, and the runs are merged as the cursor is read (private to sparql/exec).
//
// Run files are unlinked as soon as they are created, so they vanish when the query ends,
// fails or the process is killed; nothing is left in the spill folder. The sort is stable:
// equal keys keep their input order, in memory and across runs.
#pragma once

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "sparql/exec/physical.h"

namespace hamlet::sparql::exec {

// A row and its evaluated sort keys.
struct SortRecord {
  std::vector<std::optional<rdf::Term>> keys;
  Row row;
};

// Negative, zero or positive as a sorts before, with or after b.
using SortRecordCompare = std::function<int(const SortRecord& a, const SortRecord& b)>;

struct SortRun;  // one sorted run in a temp file (external_sort.cpp)

class ExternalSorter {
 public:
  ExternalSorter(ExecContext& ctx, SortRecordCompare compare);
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  // Adds one record; spills the buffer when it outgrows its share of the budget.
  // Errors: IoError when a run cannot be written (full disk: ResourceExhausted).
  Status Add(SortRecord record);
  // The sorted rows. REQUIRES: called once, after the last Add.
  std::unique_ptr<Cursor> Finish();

  size_t runs() const { return runs_.size(); }

 private:
  Status Spill();
  static size_t Bytes(const SortRecord& r);

  ExecContext& ctx_;
  SortRecordCompare compare_;
  std::vector<SortRecord> buffer_;
  size_t buffer_bytes_ = 0;
  MemoryLease lease_;
  std::vector<std::unique_ptr<SortRun>> runs_;
  size_t key_count_ = 0, width_ = 0;  // of every record
};

}  // namespace hamlet::sparql::exec
