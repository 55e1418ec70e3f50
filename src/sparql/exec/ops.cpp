#include "sparql/exec/ops.h"

#include "sparql/exec/external_sort.h"

#include "sparql/exec/right_index.h"
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
      } else if (*index != nullptr) {
        index_ = std::move(*index);
      } else if (op.children[1]->SeekableBySeed()) {
        // Too big to hold: look the right side up per left row instead, as the planner would
        // have for a smaller estimate. Exact for store patterns, whose seeded scans are the
        // join.
        mode_ = JoinOp::Mode::kBind;
      } else {
        status_ = RightIndex::OverBudget(ctx);
      }
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
  if (*built == nullptr) return std::make_unique<ErrorCursor>(RightIndex::OverBudget(ctx));
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
  // The rows seen so far, held within the query's memory budget.
  class DistinctCursor : public Cursor {
   public:
    DistinctCursor(std::unique_ptr<Cursor> in, ExecContext& ctx)
        : in_(std::move(in)), lease_(ctx.memory, "DISTINCT") {}
    bool Next(Row* r) override {
      while (status_.ok() && in_->Next(r)) {
        if (!seen_) seen_ = std::make_unique<RowSet>(r->size());
        if (!seen_->Insert(r->data())) continue;
        if (seen_->bytes() > lease_.held()) status_ = lease_.Set(seen_->bytes());
        if (status_.ok()) return true;
      }
      return false;
    }
    Status status() const override { return status_.ok() ? in_->status() : status_; }

   private:
    std::unique_ptr<Cursor> in_;
    std::unique_ptr<RowSet> seen_;
    MemoryLease lease_;
    Status status_;
  };
  return Counted(*this, std::make_unique<DistinctCursor>(children[0]->Open(ctx, seed), ctx));
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
  ExternalSorter sorter(ctx, [this](const SortRecord& a, const SortRecord& b) {
    for (size_t i = 0; i < keys_.size(); ++i) {
      int c = OrderCompare(a.keys[i], b.keys[i]);
      if (c != 0) return keys_[i].descending ? -c : c;
    }
    return 0;
  });
  SortRecord rec;
  uint64_t n = 0;
  while (in->Next(&rec.row)) {
    rec.keys.clear();
    for (const auto& key : keys_) rec.keys.push_back(Evaluate(key.expr, rec.row, ctx));
    if (Status s = sorter.Add(std::move(rec)); !s.ok()) return std::make_unique<ErrorCursor>(s);
    rec = SortRecord();
    if ((++n & 1023) == 0 && ctx.cancel != nullptr) {
      if (Status s = ctx.cancel->Check(); !s.ok()) return std::make_unique<ErrorCursor>(s);
    }
  }
  if (!in->status().ok()) return std::make_unique<ErrorCursor>(in->status());
  spilled_runs_ = sorter.runs();
  return Counted(*this, sorter.Finish());
}

std::string OrderByOp::Describe(const ExplainNames& names) const {
  std::string s = "OrderBy";
  for (const auto& k : keys_)
    s += std::string(k.descending ? " desc " : " ") + exec::Describe(k.expr, names);
  if (spilled_runs_ > 0) s += " (spilled to disk: " + std::to_string(spilled_runs_ + 1) + " runs)";
  return s;
}

}  // namespace hamlet::sparql::exec
