#include "sparql/exec/physical.h"

#include <algorithm>

namespace hamlet::sparql::exec {

namespace {

class CountingCursor : public Cursor {
 public:
  CountingCursor(const PhysicalOp& op, std::unique_ptr<Cursor> inner)
      : op_(op), inner_(std::move(inner)) {}
  bool Next(Row* row) override {
    if (!inner_->Next(row)) return false;
    ++op_.actual_rows;
    return true;
  }
  Status status() const override { return inner_->status(); }
  bool Reseed(const Row& seed) override { return inner_->Reseed(seed); }

 private:
  const PhysicalOp& op_;
  std::unique_ptr<Cursor> inner_;
};

}  // namespace

std::unique_ptr<Cursor> Counted(const PhysicalOp& op, std::unique_ptr<Cursor> inner) {
  return std::make_unique<CountingCursor>(op, std::move(inner));
}

Result<std::vector<Row>> Drain(Cursor* c, const ExecContext& ctx) {
  std::vector<Row> rows;
  Row r;
  while (c->Next(&r)) {
    rows.push_back(r);
    // Materialising operators check for cancellation as they fill memory.
    if ((rows.size() & 1023) == 0 && ctx.cancel != nullptr) {
      HAMLET_RETURN_IF_ERROR(ctx.cancel->Check());
    }
  }
  HAMLET_RETURN_IF_ERROR(c->status());
  return rows;
}

Result<std::vector<TermId>> NamedGraphs(ExecContext& ctx) {
  if (!ctx.dataset.named_is_all) return ctx.dataset.named_graphs;
  auto stats = ctx.snapshot->GetStatistics();
  if (!stats.ok()) return stats.status();
  std::vector<TermId> out;
  for (const auto& e : stats->graphs) {
    if (e.id != store::kNoTerm) out.push_back(e.id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace hamlet::sparql::exec
