// The in-memory right side of hash joins and MINUS (private to sparql/exec).
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "sparql/exec/physical.h"

namespace hamlet::sparql::exec {

// The right side of a join in memory: rows stored back to back in one array and chained
// by the hash of their key variables' ids. Candidates of one chain may have other keys (two
// keys hashing alike); callers check compatibility anyway, so the index never compares keys.
// One flat array instead of a vector per row and per bucket: at 400 k rows the per-row
// allocations cost more to build and free than the join itself did.
//
// Only the columns the right side may bind are stored (`columns`, from the plan's variable
// sets), since every other slot of a right row repeats the seed. A row that breaks this (a
// plan whose variable sets missed a slot) switches the index to whole rows, rebuilding the
// rows stored so far from the seed, so the result is exact either way.
class RightIndex {
 public:
  static constexpr uint32_t kEnd = 0xffffffffu;

  // Drains `right`, opened with `seed`. Empty `columns`: store whole rows. Returns null (and
  // stops reading) when the rows outgrow ctx.hash_join_budget_bytes: the caller either finds
  // another way to join or fails with OverBudget(ctx).
  // Errors: the cursor's status, cancellation, or more rows than ids can number.
  static Result<std::unique_ptr<RightIndex>> Build(Cursor* right, const ExecContext& ctx,
                                                   const std::vector<size_t>& keys,
                                                   std::vector<size_t> columns, const Row& seed) {
    auto index = std::unique_ptr<RightIndex>(new RightIndex(keys, seed, ctx.memory));
    if (columns.empty()) {
      index->WholeRows();
    } else {
      columns.insert(columns.end(), keys.begin(), keys.end());
      std::sort(columns.begin(), columns.end());
      columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
      index->SetColumns(std::move(columns));
    }
    Row r;
    size_t n = 0;
    while (right->Next(&r)) {
      if (!index->FitsColumns(r)) index->WholeRows();
      index->data_.push_back(kEnd);  // the chain link, filled in by Link
      for (size_t c : index->columns_) index->data_.push_back(r[c]);
      // Materialising operators check for cancellation as they fill memory.
      if ((++n & 1023) == 0 && ctx.cancel != nullptr) HAMLET_RETURN_IF_ERROR(ctx.cancel->Check());
      if (n >= kEnd) return Status::InvalidInput("a join side has more than 4 billion rows");
      if ((n & 1023) == 0 || index->data_.size() == index->data_.capacity()) {
        size_t bytes = index->data_.capacity() * sizeof(TermId) * 2;
        if (bytes > ctx.hash_join_budget_bytes || !index->lease_.Fits(bytes)) {
          return std::unique_ptr<RightIndex>();
        }
        HAMLET_RETURN_IF_ERROR(index->lease_.Set(bytes));
      }
    }
    HAMLET_RETURN_IF_ERROR(right->status());
    index->Link(n);
    return index;
  }

  // Why a join stopped when Build found its side too big and it had no other way.
  static Status OverBudget(const ExecContext& ctx) {
    size_t budget = ctx.hash_join_budget_bytes;
    if (ctx.memory != nullptr && ctx.memory->limit() < budget) budget = ctx.memory->limit();
    return Status::ResourceExhausted("the query needs more than " + FormatBytes(budget) +
                                     " of memory for a hash join; raise --memory-limit");
  }

  // The first candidate row for `left` (kEnd: none); Next walks the chain.
  uint32_t First(const Row& left) const {
    if (heads_.empty()) return kEnd;
    uint64_t h = RowHash::kSeed;
    for (size_t s : keys_) h = RowHash::Combine(h, left[s]);
    return heads_[h & mask_];
  }
  // First without waiting: the bucket of `left` (prefetched), then its head (prefetching
  // that row). FirstInBucket(PrefetchBucket(left)) == First(left).
  uint32_t PrefetchBucket(const Row& left) const {
    if (heads_.empty()) return kEnd;
    uint64_t h = RowHash::kSeed;
    for (size_t s : keys_) h = RowHash::Combine(h, left[s]);
    auto b = static_cast<uint32_t>(h & mask_);
    __builtin_prefetch(&heads_[b]);
    return b;
  }
  uint32_t FirstInBucket(uint32_t bucket) const {
    if (bucket == kEnd) return kEnd;
    uint32_t head = heads_[bucket];
    if (head != kEnd) __builtin_prefetch(data_.data() + static_cast<size_t>(head) * Stride());
    return head;
  }
  uint32_t Next(uint32_t i) const {
    return static_cast<uint32_t>(data_[static_cast<size_t>(i) * Stride()]);
  }

  // True when `left` and stored row `i` agree on every slot both bind.
  bool Compatible(const Row& left, uint32_t i) const {
    const TermId* r = RowAt(i);
    for (size_t j = 0; j < columns_.size(); ++j) {
      TermId l = left[columns_[j]];
      if (l != 0 && r[j] != 0 && l != r[j]) return false;
    }
    return true;
  }
  // Adds stored row `i`'s bindings to `row`. REQUIRES: Compatible(*row, i).
  void MergeInto(Row* row, uint32_t i) const {
    const TermId* r = RowAt(i);
    for (size_t j = 0; j < columns_.size(); ++j) {
      TermId& l = (*row)[columns_[j]];
      if (l == 0) l = r[j];
    }
  }
  // True when both bind some slot outside `ignored` (MINUS's domain test).
  bool SharesBinding(const Row& left, uint32_t i, const std::vector<size_t>& ignored) const {
    const TermId* r = RowAt(i);
    for (size_t j = 0; j < columns_.size(); ++j) {
      if (left[columns_[j]] != 0 && r[j] != 0 &&
          std::find(ignored.begin(), ignored.end(), columns_[j]) == ignored.end()) {
        return true;
      }
    }
    return false;
  }

 private:
  RightIndex(const std::vector<size_t>& keys, const Row& seed, MemoryBudget* memory)
      : keys_(keys), seed_(seed), lease_(memory, "a hash join") {}

  // Each stored row is its chain link followed by its columns: walking a chain then touches
  // one cache line per row instead of two (probing is bound by cache misses).
  size_t Stride() const { return columns_.size() + 1; }
  const TermId* RowAt(uint32_t i) const {
    return data_.data() + static_cast<size_t>(i) * Stride() + 1;
  }

  void SetColumns(std::vector<size_t> columns) {
    columns_ = std::move(columns);
    in_columns_.assign(seed_.size(), false);
    for (size_t c : columns_) {
      if (c < in_columns_.size()) in_columns_[c] = true;
    }
    // Positions of the keys among the stored columns, for hashing stored rows.
    key_pos_.clear();
    for (size_t k : keys_) {
      key_pos_.push_back(std::lower_bound(columns_.begin(), columns_.end(), k) - columns_.begin());
    }
  }

  bool FitsColumns(const Row& r) const {
    if (r.size() != seed_.size()) return false;
    for (size_t s = 0; s < r.size(); ++s) {
      if (!in_columns_[s] && r[s] != seed_[s]) return false;
    }
    return true;
  }

  // Switches to storing whole rows; the rows stored so far get their other slots from the
  // seed, which is what they held there.
  void WholeRows() {
    size_t width = seed_.size();
    if (columns_.size() == width) return;
    std::vector<TermId> whole;
    size_t n = data_.size() / Stride();
    whole.reserve(n * (width + 1));
    for (size_t i = 0; i < n; ++i) {
      whole.push_back(kEnd);
      size_t at = whole.size();
      whole.insert(whole.end(), seed_.begin(), seed_.end());
      const TermId* row = RowAt(static_cast<uint32_t>(i));
      for (size_t j = 0; j < columns_.size(); ++j) whole[at + columns_[j]] = row[j];
    }
    data_ = std::move(whole);
    std::vector<size_t> all(width);
    for (size_t s = 0; s < width; ++s) all[s] = s;
    SetColumns(std::move(all));
  }

  void Link(size_t n) {
    if (n == 0) return;
    size_t buckets = 1;
    while (buckets < 2 * n) buckets <<= 1;  // load factor at most 1/2: short chains
    mask_ = buckets - 1;
    heads_.assign(buckets, kEnd);
    // Linked in reverse so each chain lists rows in input order.
    for (size_t i = n; i-- > 0;) {
      const TermId* r = RowAt(static_cast<uint32_t>(i));
      uint64_t h = RowHash::kSeed;
      for (size_t p : key_pos_) h = RowHash::Combine(h, r[p]);
      data_[i * Stride()] = heads_[h & mask_];
      heads_[h & mask_] = static_cast<uint32_t>(i);
    }
  }

  std::vector<size_t> keys_;
  Row seed_;
  std::vector<size_t> columns_;  // the slots stored, ascending
  std::vector<bool> in_columns_;
  std::vector<size_t> key_pos_;
  std::vector<TermId> data_;
  MemoryLease lease_;  // data_ and the chain heads, in the query's budget
  std::vector<uint32_t> heads_;
  uint64_t mask_ = 0;
};

// The slots a plan's rows may bind.
inline std::vector<size_t> BoundSlots(const PhysicalOp& op) {
  std::vector<size_t> v = op.certain_vars;
  v.insert(v.end(), op.maybe_vars.begin(), op.maybe_vars.end());
  return v;
}

}  // namespace hamlet::sparql::exec
