// Physical operators: what a query plan is made of, and what executes it.
//
// A plan is a tree of PhysicalOps built once per query (sparql/plan). Executing it opens
// cursors: PhysicalOp::Open(ctx, seed) returns a Cursor producing rows of TermIds, one slot
// per variable of the query (kNoTerm = unbound). The seed row carries bindings fixed from
// outside (EXISTS substitutes the current solution; index nested-loop joins pass each left
// row); operators must only produce rows compatible with their seed, containing it.
//
// Every cursor that reads the store checks the context's cancellation token inside its loop.
// Each op counts the rows its cursors produced, for EXPLAIN's actual row counts.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "rdf/status.h"
#include "sparql/exec/memory_budget.h"
#include "sparql/exec/term_resolver.h"
#include "sparql/expr/expr.h"
#include "store/cancellation.h"
#include "store/store.h"

namespace hamlet::sparql::exec {

using Row = std::vector<TermId>;

// The RDF dataset a query runs on (FROM / FROM NAMED).
struct Dataset {
  bool default_is_store_default = true;  // no FROM: the store's default graph
  std::vector<TermId> default_graphs;    // FROM graphs (merged)
  bool named_is_all = true;              // no FROM NAMED: every named graph of the store
  std::vector<TermId> named_graphs;      // FROM NAMED graphs
};

// Memory a hash join's build side may take before the join goes back to index lookups
// (or, where it cannot, fails with a clear error). Large enough for the 10 M benchmark's
// biggest joins (about 30 MB each); small enough that a join of two whole-store scans on a
// laptop neither swaps nor dies.
inline constexpr size_t kDefaultHashJoinBudgetBytes = size_t{1} << 30;

// One query's context: what it reads, its deadline and its caller's token (one token: the
// deadline's, parented to the caller's), its memory budget, and where it may spill.
struct ExecContext {
  const store::Snapshot* snapshot = nullptr;
  TermResolver* terms = nullptr;
  const store::CancellationToken* cancel = nullptr;
  MemoryBudget* memory = nullptr;  // null: no limit
  std::string spill_dir;           // "": $TMPDIR, else /tmp
  Dataset dataset;
  size_t slots = 0;                    // row width
  expr::Context* functions = nullptr;  // NOW(), RAND(), BNODE(), base IRI for IRI()
  uint64_t last_solution = 0;          // BNODE(str): the solution last evaluated
  // Property-path results per (operator, graph, start node, direction): a path joined per
  // row meets the same start nodes again and again.
  std::map<std::tuple<const void*, TermId, TermId, bool>, std::vector<TermId>> path_cache;
  size_t path_cache_terms = 0;
  size_t hash_join_budget_bytes = kDefaultHashJoinBudgetBytes;
};

// What EXPLAIN needs to name variables and constants.
struct ExplainNames {
  std::vector<std::string> vars;            // slot -> name
  std::function<std::string(TermId)> term;  // id -> short form of the term
  std::string Var(size_t slot) const { return "?" + vars[slot]; }
};

class Cursor {
 public:
  virtual ~Cursor() = default;
  // Writes the next row into *row. false at the end or on error (see status()).
  virtual bool Next(Row* row) = 0;
  virtual Status status() const { return Status::Ok(); }
  // Restarts the cursor from a new seed row, keeping its resources (store iterators).
  // Returns false when this cursor cannot; the caller then opens a new one.
  virtual bool Reseed(const Row& /*seed*/) { return false; }
};

class PhysicalOp {
 public:
  virtual ~PhysicalOp() = default;
  virtual std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const = 0;
  // One line for EXPLAIN, e.g. "HashJoin on ?x".
  virtual std::string Describe(const ExplainNames& names) const = 0;
  // True when Open(ctx, seed) yields exactly the rows of this operator that are compatible
  // with `seed` (store patterns: the seed's bindings narrow their scans), so a join may
  // look it up once per left row.
  virtual bool SeekableBySeed() const { return false; }

  std::vector<std::unique_ptr<PhysicalOp>> children;
  double estimated_rows = 0;
  mutable uint64_t actual_rows = 0;
  // Variables certainly bound (resp. possibly bound) in every row this op produces.
  std::vector<size_t> certain_vars;
  std::vector<size_t> maybe_vars;
};

// Wraps a cursor to count rows into op.actual_rows.
std::unique_ptr<Cursor> Counted(const PhysicalOp& op, std::unique_ptr<Cursor> inner);

// Rows and group keys as hash-table keys. Each id goes through a 64-bit mixer (the
// MurmurHash3 finaliser) before it is combined: ids differ mostly in their low bits and
// share their kind byte, and a plain FNV step over whole ids left long bucket chains.
struct RowHash {
  static uint64_t Mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
  }
  static constexpr uint64_t kSeed = 0x9e3779b97f4a7c15ULL;
  // Folds one more id into a hash started at kSeed.
  static uint64_t Combine(uint64_t h, TermId id) { return Mix(h ^ id) + kSeed; }
  size_t operator()(const std::vector<TermId>& r) const {
    uint64_t h = kSeed;
    for (TermId id : r) h = Combine(h, id);
    return static_cast<size_t>(h);
  }
};

// True when a and b agree on every slot both bind.
inline bool Compatible(const Row& a, const Row& b) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != 0 && b[i] != 0 && a[i] != b[i]) return false;
  }
  return true;
}
// a with b's bindings added. REQUIRES: Compatible(a, b).
inline void MergeInto(Row* a, const Row& b) {
  for (size_t i = 0; i < a->size(); ++i) {
    if ((*a)[i] == 0) (*a)[i] = b[i];
  }
}

// A cursor that produces nothing and reports `status` (an operator that failed to start).
class ErrorCursor : public Cursor {
 public:
  explicit ErrorCursor(Status status) : status_(std::move(status)) {}
  bool Next(Row*) override { return false; }
  Status status() const override { return status_; }

 private:
  Status status_;
};

// A cursor over rows already in memory.
class VectorCursor : public Cursor {
 public:
  explicit VectorCursor(std::vector<Row> rows) : rows_(std::move(rows)) {}
  bool Next(Row* row) override {
    if (i_ >= rows_.size()) return false;
    *row = std::move(rows_[i_++]);
    return true;
  }

 private:
  std::vector<Row> rows_;
  size_t i_ = 0;
};

// The named graphs of the dataset: FROM NAMED, else every named graph in the store.
Result<std::vector<TermId>> NamedGraphs(ExecContext& ctx);

// Drains a cursor into memory (for operators that need their whole input).
Result<std::vector<Row>> Drain(Cursor* c, const ExecContext& ctx);

}  // namespace hamlet::sparql::exec
