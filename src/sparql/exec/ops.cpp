#include "sparql/exec/ops.h"

#include "sparql/exec/row_table.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace hamlet::sparql::exec {

namespace {

std::string VarList(const std::vector<size_t>& slots, const ExplainNames& names) {
  std::string s;
  for (size_t slot : slots) s += (s.empty() ? "" : " ") + names.Var(slot);
  return s;
}

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

  // Drains `right`, opened with `seed`. Empty `columns`: store whole rows.
  // Errors: the cursor's status, cancellation, or more rows than fit.
  static Result<std::unique_ptr<RightIndex>> Build(Cursor* right, const ExecContext& ctx,
                                                   const std::vector<size_t>& keys,
                                                   std::vector<size_t> columns, const Row& seed) {
    auto index = std::unique_ptr<RightIndex>(new RightIndex(keys, seed));
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
    }
    HAMLET_RETURN_IF_ERROR(right->status());
    index->Link(n);
    return index;
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
  RightIndex(const std::vector<size_t>& keys, const Row& seed) : keys_(keys), seed_(seed) {}

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
  std::vector<uint32_t> heads_;
  uint64_t mask_ = 0;
};

// The slots a plan's rows may bind.
std::vector<size_t> BoundSlots(const PhysicalOp& op) {
  std::vector<size_t> v = op.certain_vars;
  v.insert(v.end(), op.maybe_vars.begin(), op.maybe_vars.end());
  return v;
}

// Join / LeftJoin driver shared by both modes.
class JoinCursor : public Cursor {
 public:
  JoinCursor(const PhysicalOp& op, ExecContext& ctx, const Row& seed, JoinOp::Mode mode,
             const std::vector<size_t>& keys, const std::vector<CompiledExpr>* filter,
             bool left_join)
      : op_(op), ctx_(ctx), seed_(seed), mode_(mode), filter_(filter), left_join_(left_join) {
    left_ = op.children[0]->Open(ctx, seed);
    if (mode_ == JoinOp::Mode::kHash) {
      auto right = op.children[1]->Open(ctx, seed);
      auto index = RightIndex::Build(right.get(), ctx, keys, BoundSlots(*op.children[1]), seed);
      if (!index.ok()) {
        status_ = index.status();
        return;
      }
      index_ = std::move(*index);
    }
  }

  bool Next(Row* out) override {
    while (status_.ok()) {
      if (have_left_ && NextMatch(out)) return true;
      if (have_left_ && left_join_ && !matched_) {
        have_left_ = false;
        *out = left_row_;
        return true;
      }
      if (index_) {
        if (!NextProbe()) return false;
      } else if (!left_->Next(&left_row_)) {
        status_ = left_->status();
        return false;
      }
      have_left_ = true;
      matched_ = false;
      if (mode_ == JoinOp::Mode::kBind && !(right_ && right_->Reseed(left_row_))) {
        right_ = op_.children[1]->Open(ctx_, left_row_);
      }
    }
    return false;
  }

  Status status() const override { return status_; }

 private:
  bool Passes(const Row& r) {
    if (filter_ == nullptr) return true;
    for (const auto& e : *filter_) {
      if (!EvaluateFilter(e, r, ctx_)) return false;
    }
    return true;
  }

  // Hash mode reads left rows a batch ahead and prefetches their buckets and first
  // candidates, so that the cache misses of a batch overlap instead of coming one by one
  // (probing a table of 400 k rows is bound by those misses).
  bool NextProbe() {
    if (batch_pos_ == batch_.size()) {
      if (left_done_) return false;
      batch_.resize(kProbeBatch);
      first_.resize(kProbeBatch);
      size_t n = 0;
      while (n < kProbeBatch && left_->Next(&batch_[n])) {
        first_[n] = index_->PrefetchBucket(batch_[n]);
        ++n;
      }
      if (n < kProbeBatch) {
        left_done_ = true;
        status_ = left_->status();
      }
      batch_.resize(n);
      batch_pos_ = 0;
      for (size_t i = 0; i < n; ++i) first_[i] = index_->FirstInBucket(first_[i]);
      if (n == 0 || !status_.ok()) return false;
    }
    std::swap(left_row_, batch_[batch_pos_]);
    candidate_ = first_[batch_pos_++];
    return true;
  }

  bool NextMatch(Row* out) {
    // Rows are written into `out` and `scratch_`, whose buffers live across calls: a join
    // that allocated a row per result spent more time in malloc than in matching.
    if (mode_ == JoinOp::Mode::kBind) {
      while (right_->Next(&scratch_)) {
        if (!Passes(scratch_)) continue;
        matched_ = true;
        std::swap(*out, scratch_);
        return true;
      }
      status_ = right_->status();
    } else {
      while (candidate_ != RightIndex::kEnd) {
        uint32_t c = candidate_;
        candidate_ = index_->Next(candidate_);
        if (!index_->Compatible(left_row_, c)) continue;
        *out = left_row_;
        index_->MergeInto(out, c);
        if (!Passes(*out)) continue;
        matched_ = true;
        return true;
      }
    }
    if (!left_join_) have_left_ = false;
    return false;
  }

  const PhysicalOp& op_;
  ExecContext& ctx_;
  Row seed_;
  JoinOp::Mode mode_;
  const std::vector<CompiledExpr>* filter_;
  bool left_join_;
  std::unique_ptr<Cursor> left_, right_;
  std::unique_ptr<RightIndex> index_;
  Row left_row_, scratch_;
  // Left rows read ahead in hash mode, with their buckets, then their first candidates.
  static constexpr size_t kProbeBatch = 32;
  std::vector<Row> batch_;
  std::vector<uint32_t> first_;
  size_t batch_pos_ = 0;
  bool left_done_ = false;
  bool have_left_ = false, matched_ = false;
  uint32_t candidate_ = RightIndex::kEnd;
  Status status_;
};

}  // namespace

std::unique_ptr<Cursor> JoinOp::Open(ExecContext& ctx, const Row& seed) const {
  return Counted(*this,
                 std::make_unique<JoinCursor>(*this, ctx, seed, mode_, keys_, nullptr, false));
}

std::string JoinOp::Describe(const ExplainNames& names) const {
  if (mode_ == Mode::kBind) return "IndexNestedLoopJoin";
  return keys_.empty() ? "NestedLoopJoin" : "HashJoin on " + VarList(keys_, names);
}

std::unique_ptr<Cursor> LeftJoinOp::Open(ExecContext& ctx, const Row& seed) const {
  return Counted(*this,
                 std::make_unique<JoinCursor>(*this, ctx, seed, mode_, keys_, &filter_, true));
}

std::string LeftJoinOp::Describe(const ExplainNames& names) const {
  std::string s = mode_ == JoinOp::Mode::kBind ? "IndexNestedLoopLeftJoin"
                  : keys_.empty()              ? "NestedLoopLeftJoin"
                                               : "HashLeftJoin on " + VarList(keys_, names);
  for (const auto& e : filter_) s += " filter " + exec::Describe(e, names);
  return s;
}

namespace {

class UnionCursor : public Cursor {
 public:
  UnionCursor(const PhysicalOp& op, ExecContext& ctx, const Row& seed)
      : op_(op), ctx_(ctx), seed_(seed) {}
  bool Next(Row* out) override {
    while (i_ < op_.children.size()) {
      if (!cur_) cur_ = op_.children[i_]->Open(ctx_, seed_);
      if (cur_->Next(out)) return true;
      status_ = cur_->status();
      if (!status_.ok()) return false;
      cur_.reset();
      ++i_;
    }
    return false;
  }
  Status status() const override { return status_; }

 private:
  const PhysicalOp& op_;
  ExecContext& ctx_;
  Row seed_;
  size_t i_ = 0;
  std::unique_ptr<Cursor> cur_;
  Status status_;
};

// Passes through rows of `inner` for which `keep` says so, transforming them in place.
template <typename Fn>
class MapCursor : public Cursor {
 public:
  MapCursor(std::unique_ptr<Cursor> inner, Fn fn) : inner_(std::move(inner)), fn_(std::move(fn)) {}
  bool Next(Row* out) override {
    while (inner_->Next(out)) {
      if (fn_(out)) return true;
    }
    return false;
  }
  Status status() const override { return status_.ok() ? inner_->status() : status_; }

 protected:
  std::unique_ptr<Cursor> inner_;
  Fn fn_;
  Status status_;
};

template <typename Fn>
std::unique_ptr<Cursor> Map(std::unique_ptr<Cursor> inner, Fn fn) {
  return std::make_unique<MapCursor<Fn>>(std::move(inner), std::move(fn));
}

}  // namespace

std::unique_ptr<Cursor> UnionOp::Open(ExecContext& ctx, const Row& seed) const {
  return Counted(*this, std::make_unique<UnionCursor>(*this, ctx, seed));
}

std::unique_ptr<Cursor> MinusOp::Open(ExecContext& ctx, const Row& seed) const {
  // The right side of MINUS does not see the left's bindings (spec 18.5): no seed.
  Row empty(seed.size(), store::kNoTerm);
  auto right = children[1]->Open(ctx, empty);
  // Whole rows: MINUS tests every slot both sides bind.
  auto built = RightIndex::Build(right.get(), ctx, keys_, {}, empty);
  if (!built.ok()) return std::make_unique<ErrorCursor>(built.status());
  std::shared_ptr<RightIndex> index = std::move(*built);
  return Counted(*this, Map(children[0]->Open(ctx, seed), [index, this](Row* r) {
    for (uint32_t i = index->First(*r); i != RightIndex::kEnd; i = index->Next(i)) {
      if (index->Compatible(*r, i) && index->SharesBinding(*r, i, ignored_)) return false;
    }
    return true;
  }));
}

std::string MinusOp::Describe(const ExplainNames& names) const {
  return keys_.empty() ? "Minus" : "HashMinus on " + VarList(keys_, names);
}

std::unique_ptr<Cursor> GraphBindOp::Open(ExecContext& ctx, const Row& seed) const {
  // The seed may fix ?g (a join from outside): then only that graph's rows are wanted.
  Row inner_seed = seed;
  if (seed[var_slot_] != store::kNoTerm) {
    inner_seed[graph_slot_] = seed[var_slot_];
    inner_seed[var_slot_] = store::kNoTerm;
  }
  return Counted(*this, Map(children[0]->Open(ctx, inner_seed), [this](Row* r) {
    TermId g = (*r)[graph_slot_];
    TermId& v = (*r)[var_slot_];
    if (v != store::kNoTerm && v != g) return false;
    v = g;
    return true;
  }));
}

std::string GraphBindOp::Describe(const ExplainNames& names) const {
  return "BindGraph " + names.Var(var_slot_);
}

std::unique_ptr<Cursor> FilterOp::Open(ExecContext& ctx, const Row& seed) const {
  return Counted(*this, Map(children[0]->Open(ctx, seed), [this, &ctx](Row* r) {
    for (const auto& e : exprs_) {
      if (!EvaluateFilter(e, *r, ctx)) return false;
    }
    return true;
  }));
}

std::string FilterOp::Describe(const ExplainNames& names) const {
  std::string s = "Filter";
  for (const auto& e : exprs_) s += " " + exec::Describe(e, names);
  return s;
}

std::unique_ptr<Cursor> ExtendOp::Open(ExecContext& ctx, const Row& seed) const {
  return Counted(*this, Map(children[0]->Open(ctx, seed), [this, &ctx](Row* r) {
    if ((*r)[slot_] != store::kNoTerm) return true;
    auto v = Evaluate(expr_, *r, ctx);
    if (v) {
      auto id = ctx.terms->Intern(*v);
      if (id.ok()) (*r)[slot_] = *id;
    }
    return true;
  }));
}

std::string ExtendOp::Describe(const ExplainNames& names) const {
  return "Extend " + names.Var(slot_) + " := " + exec::Describe(expr_, names);
}

std::unique_ptr<Cursor> TableOp::Open(ExecContext& ctx, const Row& seed) const {
  std::vector<Row> out;
  for (const auto& values : rows_) {
    Row r(seed.size(), store::kNoTerm);
    for (size_t i = 0; i < slots_.size(); ++i) {
      if (!values[i]) continue;
      auto id = ctx.terms->Intern(*values[i]);
      if (!id.ok()) return std::make_unique<ErrorCursor>(id.status());
      r[slots_[i]] = *id;
    }
    if (!Compatible(r, seed)) continue;
    MergeInto(&r, seed);
    out.push_back(std::move(r));
  }
  return Counted(*this, std::make_unique<VectorCursor>(std::move(out)));
}

std::string TableOp::Describe(const ExplainNames& names) const {
  return "Values " + VarList(slots_, names) + " (" + std::to_string(rows_.size()) + " rows)";
}

std::unique_ptr<Cursor> ProjectOp::Open(ExecContext& ctx, const Row& seed) const {
  std::vector<bool> keep(seed.size(), false);
  for (size_t s : slots_) keep[s] = true;
  return Counted(*this, Map(children[0]->Open(ctx, seed), [keep, seed](Row* r) {
    for (size_t i = 0; i < r->size(); ++i) {
      if (!keep[i]) (*r)[i] = seed[i];
    }
    return true;
  }));
}

std::string ProjectOp::Describe(const ExplainNames& names) const {
  return "Project " + VarList(slots_, names);
}

std::unique_ptr<Cursor> DistinctOp::Open(ExecContext& ctx, const Row& seed) const {
  std::shared_ptr<RowSet> seen;
  return Counted(*this, Map(children[0]->Open(ctx, seed), [seen](Row* r) mutable {
    if (!seen) seen = std::make_shared<RowSet>(r->size());
    return seen->Insert(r->data());
  }));
}

std::unique_ptr<Cursor> SliceOp::Open(ExecContext& ctx, const Row& seed) const {
  struct State {
    uint64_t skipped = 0, emitted = 0;
  };
  auto st = std::make_shared<State>();
  uint64_t offset = offset_;
  std::optional<uint64_t> limit = limit_;
  class SliceCursor : public Cursor {
   public:
    SliceCursor(std::unique_ptr<Cursor> in, uint64_t offset, std::optional<uint64_t> limit)
        : in_(std::move(in)), offset_(offset), limit_(limit) {}
    bool Next(Row* out) override {
      if (limit_ && emitted_ >= *limit_) return false;  // stop early: LIMIT needs no more input
      while (skipped_ < offset_) {
        if (!in_->Next(out)) return false;
        ++skipped_;
      }
      if (!in_->Next(out)) return false;
      ++emitted_;
      return true;
    }
    Status status() const override { return in_->status(); }

   private:
    std::unique_ptr<Cursor> in_;
    uint64_t offset_, skipped_ = 0, emitted_ = 0;
    std::optional<uint64_t> limit_;
  };
  (void)st;
  return Counted(*this, std::make_unique<SliceCursor>(children[0]->Open(ctx, seed), offset, limit));
}

std::string SliceOp::Describe(const ExplainNames&) const {
  std::string s = "Slice";
  if (offset_ > 0) s += " offset " + std::to_string(offset_);
  if (limit_) s += " limit " + std::to_string(*limit_);
  return s;
}

std::unique_ptr<Cursor> OrderByOp::Open(ExecContext& ctx, const Row& seed) const {
  auto in = children[0]->Open(ctx, seed);
  auto rows = Drain(in.get(), ctx);
  if (!rows.ok()) return std::make_unique<ErrorCursor>(rows.status());
  struct Keyed {
    std::vector<std::optional<rdf::Term>> keys;
    Row row;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(rows->size());
  for (auto& r : *rows) {
    Keyed k;
    for (const auto& key : keys_) k.keys.push_back(Evaluate(key.expr, r, ctx));
    k.row = std::move(r);
    keyed.push_back(std::move(k));
  }
  std::stable_sort(keyed.begin(), keyed.end(), [this](const Keyed& a, const Keyed& b) {
    for (size_t i = 0; i < keys_.size(); ++i) {
      int c = OrderCompare(a.keys[i], b.keys[i]);
      if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
    }
    return false;
  });
  std::vector<Row> out;
  out.reserve(keyed.size());
  for (auto& k : keyed) out.push_back(std::move(k.row));
  return Counted(*this, std::make_unique<VectorCursor>(std::move(out)));
}

std::string OrderByOp::Describe(const ExplainNames& names) const {
  std::string s = "OrderBy";
  for (const auto& k : keys_)
    s += std::string(k.descending ? " desc " : " ") + exec::Describe(k.expr, names);
  return s;
}

}  // namespace hamlet::sparql::exec
