// Relational operators over id rows: joins, left joins, union, minus, filter, extend,
// inline data, projection, distinct, slice, order, group.
#pragma once

#include <optional>
#include <vector>

#include "sparql/exec/compiled_expr.h"
#include "sparql/exec/physical.h"

namespace hamlet::sparql::exec {

// Join(children[0], children[1]).
//   kBind:  the right side is a pattern over the store; each left row is its seed (index
//           nested-loop join: no materialisation, the store does the matching).
//   kHash:  the right side is built into a hash table on `keys` (variables certainly bound on
//           both sides), then probed with each left row.
class JoinOp : public PhysicalOp {
 public:
  enum class Mode { kBind, kHash };
  JoinOp(Mode mode, std::vector<size_t> keys) : mode_(mode), keys_(std::move(keys)) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  Mode mode_;
  std::vector<size_t> keys_;
};

// Join(children[0], children[1]) of two inputs that both come sorted by the ids of `key`
// (single-range store scans whose first unbound position is that variable, or merge joins
// of such): no hash table and no per-row seeks, and the output is sorted by `key` again.
// REQUIRES: both inputs sorted by `key`, which both bind.
class MergeJoinOp : public PhysicalOp {
 public:
  explicit MergeJoinOp(size_t key) : key_(key) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;
  size_t key() const { return key_; }

 private:
  size_t key_;
};

// LeftJoin(children[0], children[1], filter): OPTIONAL.
class LeftJoinOp : public PhysicalOp {
 public:
  LeftJoinOp(JoinOp::Mode mode, std::vector<size_t> keys, std::vector<CompiledExpr> filter)
      : mode_(mode), keys_(std::move(keys)), filter_(std::move(filter)) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  JoinOp::Mode mode_;
  std::vector<size_t> keys_;
  std::vector<CompiledExpr> filter_;
};

class UnionOp : public PhysicalOp {
 public:
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames&) const override { return "Union"; }
};

// MINUS. `ignored` are slots that do not count for the "shares a variable" test: the hidden
// graph-name slots of enclosing GRAPH ?g patterns, which both sides bind.
class MinusOp : public PhysicalOp {
 public:
  MinusOp(std::vector<size_t> keys, std::vector<size_t> ignored)
      : keys_(std::move(keys)), ignored_(std::move(ignored)) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  std::vector<size_t> keys_;
  std::vector<size_t> ignored_;
};

// GRAPH ?g binds ?g after its pattern ran: a row whose own ?g (bound inside the pattern)
// differs from the graph's name is dropped (SPARQL 18.6: the pattern is joined with ?g).
class GraphBindOp : public PhysicalOp {
 public:
  GraphBindOp(size_t graph_slot, size_t var_slot) : graph_slot_(graph_slot), var_slot_(var_slot) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  size_t graph_slot_, var_slot_;
};

class FilterOp : public PhysicalOp {
 public:
  explicit FilterOp(std::vector<CompiledExpr> exprs) : exprs_(std::move(exprs)) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  std::vector<CompiledExpr> exprs_;
};

class ExtendOp : public PhysicalOp {
 public:
  ExtendOp(size_t slot, CompiledExpr expr) : slot_(slot), expr_(std::move(expr)) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  size_t slot_;
  CompiledExpr expr_;
};

// VALUES: rows of constants (kNoTerm = UNDEF), interned when opened.
class TableOp : public PhysicalOp {
 public:
  TableOp(std::vector<size_t> slots, std::vector<std::vector<std::optional<rdf::Term>>> rows)
      : slots_(std::move(slots)), rows_(std::move(rows)) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  std::vector<size_t> slots_;
  std::vector<std::vector<std::optional<rdf::Term>>> rows_;
};

class ProjectOp : public PhysicalOp {
 public:
  explicit ProjectOp(std::vector<size_t> slots) : slots_(std::move(slots)) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  std::vector<size_t> slots_;
};

class DistinctOp : public PhysicalOp {
 public:
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames&) const override { return "Distinct"; }
};

class SliceOp : public PhysicalOp {
 public:
  SliceOp(uint64_t offset, std::optional<uint64_t> limit) : offset_(offset), limit_(limit) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  uint64_t offset_;
  std::optional<uint64_t> limit_;
};

struct SortKey {
  CompiledExpr expr;
  bool descending = false;
};

class OrderByOp : public PhysicalOp {
 public:
  explicit OrderByOp(std::vector<SortKey> keys) : keys_(std::move(keys)) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  std::vector<SortKey> keys_;
  mutable size_t spilled_runs_ = 0;  // for EXPLAIN: runs written by the last Open
};

// The order of ORDER BY over possibly unbound terms (SPARQL 1.1 section 15.1):
// negative, zero or positive like strcmp.
int OrderCompare(const std::optional<rdf::Term>& a, const std::optional<rdf::Term>& b);

}  // namespace hamlet::sparql::exec
