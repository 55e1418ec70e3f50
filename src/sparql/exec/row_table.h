// Rows of ids in flat memory, for operators that hold many of them (DISTINCT, GROUP BY):
// one array for all rows and an open-addressing index, instead of a heap vector per row
// and per hash node. At a few hundred thousand rows the per-row allocations cost more to
// make and free than the operator's own work.
//
// Thread safety: none; one table per cursor.
#pragma once

#include <cstdint>
#include <cstring>
#include <vector>

#include "sparql/exec/physical.h"

namespace hamlet::sparql::exec {

// Rows of one width stored back to back.
class RowArena {
 public:
  explicit RowArena(size_t width) : width_(width) {}
  uint32_t Append(const TermId* row) {
    data_.insert(data_.end(), row, row + width_);
    return static_cast<uint32_t>(size_++);
  }
  const TermId* At(uint32_t i) const { return data_.data() + static_cast<size_t>(i) * width_; }
  size_t size() const { return size_; }
  size_t width() const { return width_; }
  // Memory held, for the query's budget.
  size_t bytes() const { return data_.capacity() * sizeof(TermId); }

 private:
  size_t width_;
  size_t size_ = 0;
  std::vector<TermId> data_;
};

// A set of fixed-width id tuples, each numbered in order of first insertion.
class RowSet {
 public:
  static constexpr uint32_t kEmpty = 0xffffffffu;

  explicit RowSet(size_t width) : keys_(width) {}

  // The number of `key` (width ids), inserting it when new; `*fresh` says which.
  uint32_t FindOrInsert(const TermId* key, bool* fresh) {
    if (2 * (keys_.size() + 1) > slots_.size()) Grow();
    uint64_t h = Hash(key);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      uint32_t k = slots_[i];
      if (k == kEmpty) {
        slots_[i] = keys_.Append(key);
        *fresh = true;
        return slots_[i];
      }
      if (std::memcmp(keys_.At(k), key, keys_.width() * sizeof(TermId)) == 0) {
        *fresh = false;
        return k;
      }
    }
  }
  bool Insert(const TermId* key) {
    bool fresh = false;
    FindOrInsert(key, &fresh);
    return fresh;
  }
  const TermId* Key(uint32_t i) const { return keys_.At(i); }
  size_t size() const { return keys_.size(); }
  // Memory held, for the query's budget.
  size_t bytes() const { return keys_.bytes() + slots_.capacity() * sizeof(uint32_t); }

 private:
  uint64_t Hash(const TermId* key) const {
    uint64_t h = RowHash::kSeed;
    for (size_t i = 0; i < keys_.width(); ++i) h = RowHash::Combine(h, key[i]);
    return h;
  }
  void Grow() {
    std::vector<uint32_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, kEmpty);
    size_t mask = slots_.size() - 1;
    for (uint32_t k : old) {
      if (k == kEmpty) continue;
      size_t i = Hash(keys_.At(k)) & mask;
      while (slots_[i] != kEmpty) i = (i + 1) & mask;
      slots_[i] = k;
    }
  }

  RowArena keys_;
  std::vector<uint32_t> slots_;
};

}  // namespace hamlet::sparql::exec
