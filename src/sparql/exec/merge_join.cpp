#include "sparql/exec/ops.h"

namespace hamlet::sparql::exec {

namespace {

class MergeJoinCursor : public Cursor {
 public:
  MergeJoinCursor(const PhysicalOp& op, ExecContext& ctx, const Row& seed, size_t key) : key_(key) {
    left_in_ = op.children[0]->Open(ctx, seed);
    right_in_ = op.children[1]->Open(ctx, seed);
  }

  bool Next(Row* out) override {
    while (true) {
      // Emit the current left row with each right row of its key, then move left on.
      if (in_group_) {
        while (next_in_group_ < group_.size()) {
          const Row& r = group_[next_in_group_++];
          if (!Compatible(left_, r)) continue;
          *out = left_;
          MergeInto(out, r);
          return true;
        }
        if (!NextLeft()) return false;
        if (left_[key_] == group_key_) {
          next_in_group_ = 0;
          continue;
        }
        in_group_ = false;
      }
      if (!have_left_ && !NextLeft()) return false;
      if (!have_right_) {
        if (right_done_ || !right_in_->Next(&right_row_)) return End(right_in_.get());
        if (!InOrder(right_row_[key_], &last_right_)) return false;
        have_right_ = true;
      }
      TermId l = left_[key_], r = right_row_[key_];
      if (l < r) {
        have_left_ = false;
      } else if (r < l) {
        have_right_ = false;
      } else {
        // The run of right rows with this key, kept while left rows of the key go by.
        group_.clear();
        group_key_ = r;
        group_.push_back(right_row_);
        have_right_ = false;
        while (right_in_->Next(&right_row_)) {
          if (!InOrder(right_row_[key_], &last_right_)) return false;
          if (right_row_[key_] != r) {
            have_right_ = true;
            break;
          }
          group_.push_back(right_row_);
        }
        if (!have_right_) {
          right_done_ = true;
          if (!right_in_->status().ok()) return End(right_in_.get());
        }
        in_group_ = true;
        next_in_group_ = 0;
      }
    }
  }

  Status status() const override { return status_; }

 private:
  bool NextLeft() {
    have_left_ = left_in_->Next(&left_);
    if (!have_left_) return End(left_in_.get());
    return InOrder(left_[key_], &last_left_);
  }
  // The planner merges only inputs it knows are sorted; a wrong answer would be silent, so
  // each input's order is checked as it goes by (one comparison per row).
  bool InOrder(TermId key, TermId* last) {
    if (key < *last) {
      status_ = Status::Internal("merge join input not sorted by its key");
      have_left_ = have_right_ = false;
      return false;
    }
    *last = key;
    return true;
  }
  bool End(const Cursor* c) {
    if (status_.ok()) status_ = c->status();
    return false;
  }

  size_t key_;
  std::unique_ptr<Cursor> left_in_, right_in_;
  Row left_, right_row_;
  bool have_left_ = false, have_right_ = false, right_done_ = false;
  std::vector<Row> group_;
  TermId group_key_ = 0;
  TermId last_left_ = 0, last_right_ = 0;
  size_t next_in_group_ = 0;
  bool in_group_ = false;
  Status status_;
};

}  // namespace

std::unique_ptr<Cursor> MergeJoinOp::Open(ExecContext& ctx, const Row& seed) const {
  return Counted(*this, std::make_unique<MergeJoinCursor>(*this, ctx, seed, key_));
}

std::string MergeJoinOp::Describe(const ExplainNames& names) const {
  return "MergeJoin on " + names.Var(key_);
}

}  // namespace hamlet::sparql::exec
