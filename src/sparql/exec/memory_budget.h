// One query's memory budget, shared by every operator that holds rows (ORDER BY, GROUP BY,
// DISTINCT, hash joins, path closures, materialised inputs, CONSTRUCT de-duplication).
//
// Operators hold a MemoryLease and tell it how many bytes they hold now (an estimate of what
// their containers take, not an allocator count); the lease charges the difference to the
// budget and gives it all back when it is destroyed. Going over the limit is an error value
// (ResourceExhausted: "the query needs more than 1 GiB for ORDER BY; raise --memory-limit"),
// never an out-of-memory kill. ORDER BY spills to disk instead of failing (exec/external_sort).
//
// Thread safety: the budget may be charged from several threads (atomic counter); a lease
// belongs to one operator on one thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>

#include "rdf/status.h"

namespace hamlet::sparql::exec {

// The default per-query limit: large enough for the 10 M benchmark's biggest intermediate
// results (a few hundred MB), small enough that two queries at once on a 4 GB laptop neither
// swap nor get killed.
inline constexpr size_t kDefaultQueryMemoryBytes = size_t{1} << 30;

// "1 GiB", "256 MiB", "900 KiB", "512 bytes".
std::string FormatBytes(size_t bytes);
// "1G", "256M", "64k", "1000000" (bytes); case-insensitive, optional "iB"/"B" suffix.
// InvalidArgument for anything else, zero, or an overflow.
Result<size_t> ParseBytes(std::string_view text);

class MemoryBudget {
 public:
  explicit MemoryBudget(size_t limit_bytes = kDefaultQueryMemoryBytes) : limit_(limit_bytes) {}
  MemoryBudget(const MemoryBudget&) = delete;
  MemoryBudget& operator=(const MemoryBudget&) = delete;

  // Adds `bytes` to what the query holds; ResourceExhausted naming `what` when the total
  // would exceed the limit (then nothing is added).
  Status Reserve(size_t bytes, std::string_view what);
  // True when `bytes` more would still fit (for operators that can spill instead).
  bool Fits(size_t bytes) const { return used_.load(std::memory_order_relaxed) + bytes <= limit_; }
  void Release(size_t bytes) { used_.fetch_sub(bytes, std::memory_order_relaxed); }

  size_t limit() const { return limit_; }
  size_t used() const { return used_.load(std::memory_order_relaxed); }
  size_t peak() const { return peak_.load(std::memory_order_relaxed); }

 private:
  size_t limit_;
  std::atomic<size_t> used_{0};
  std::atomic<size_t> peak_{0};
};

// What one operator holds. A null budget makes every call succeed (tests, no limit).
class MemoryLease {
 public:
  MemoryLease(MemoryBudget* budget, std::string_view what) : budget_(budget), what_(what) {}
  ~MemoryLease() { Set(0).ok(); }
  MemoryLease(const MemoryLease&) = delete;
  MemoryLease& operator=(const MemoryLease&) = delete;

  // The operator now holds `bytes`: charges or returns the difference.
  Status Set(size_t bytes);
  size_t held() const { return held_; }
  // True when growing to `bytes` would still fit the budget.
  bool Fits(size_t bytes) const {
    return budget_ == nullptr || bytes <= held_ || budget_->Fits(bytes - held_);
  }

 private:
  MemoryBudget* budget_;
  std::string_view what_;  // a string literal naming the operator ("ORDER BY")
  size_t held_ = 0;
};

}  // namespace hamlet::sparql::exec
