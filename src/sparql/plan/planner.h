// The optimizer / physical planner: SPARQL algebra -> a tree of physical operators.
//
// - Variables get row slots; blank nodes of a pattern act as hidden variables; variables
//   inside a subquery that its SELECT does not project get slots of their own (scoping).
// - Basic graph patterns are ordered greedily by estimated cardinality from the store's
//   statistics (predicate and class counts), preferring patterns that share a bound
//   variable; each becomes an index scan whose key is the pattern's bound positions.
// - Joins and OPTIONALs whose right side is a pattern over the store become index
//   nested-loop joins (each left row seeds the scan); others hash joins on the variables
//   certainly bound on both sides.
// - Constants are looked up in the dictionary once, at planning time.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rdf/status.h"
#include "sparql/algebra/algebra.h"
#include "sparql/exec/bgp.h"
#include "sparql/exec/compiled_expr.h"
#include "sparql/exec/physical.h"
#include "store/store.h"

namespace hamlet::sparql::plan {

using exec::PhysicalOp;

class Planner {
 public:
  Planner(exec::TermResolver* terms, const store::Statistics* stats)
      : terms_(terms), stats_(stats) {}

  // Says whether the query's default graph is the store's (no FROM): only then are scans of
  // it single ranges, sorted by their leading variable.
  void set_default_graph_is_store_default(bool v) { default_is_store_default_ = v; }

  // Plans `op` (a whole query's pattern with its modifiers). `first_rows_only` (ASK) says
  // that the caller stops at the first solution.
  Result<std::unique_ptr<PhysicalOp>> Plan(const algebra::Op& op, bool first_rows_only = false);
  // Compiles an expression against the current variable slots (for CONSTRUCT / DESCRIBE
  // callers that need slots: use Slot()).
  Result<exec::CompiledExpr> Compile(const ast::Expr& e);

  // The slot of a variable name (created on first use).
  size_t Slot(const std::string& name);
  // Slot -> variable name (hidden variables start with '_' or contain '@').
  const std::vector<std::string>& names() const { return names_; }
  size_t slots() const { return names_.size(); }

 private:
  Result<std::unique_ptr<PhysicalOp>> PlanOp(const algebra::Op& op, const exec::GraphContext& g,
                                             bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanOpIn(const algebra::Op& op, const exec::GraphContext& g,
                                               bool top);
  Result<exec::PatternTerm> PathEnd(const ast::Term& t);
  // One operator kind each (plan_ops.cpp).
  Result<std::unique_ptr<PhysicalOp>> PlanBgpOp(const algebra::Op& op, const exec::GraphContext& g,
                                                bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanPathOp(const algebra::Op& op, const exec::GraphContext& g,
                                                 bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanJoinOp(const algebra::Op& op, const exec::GraphContext& g,
                                                 bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanLeftJoinOp(const algebra::Op& op,
                                                     const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanUnionOp(const algebra::Op& op,
                                                  const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanMinusOp(const algebra::Op& op,
                                                  const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanFilterOp(const algebra::Op& op,
                                                   const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanGraphOp(const algebra::Op& op,
                                                  const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanServiceOp(const algebra::Op& op,
                                                    const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanExtendOp(const algebra::Op& op,
                                                   const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanTableOp(const algebra::Op& op,
                                                  const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanGroupOp(const algebra::Op& op,
                                                  const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanOrderByOp(const algebra::Op& op,
                                                    const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanProjectOp(const algebra::Op& op,
                                                    const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanDistinctOp(const algebra::Op& op,
                                                     const exec::GraphContext& g, bool top);
  Result<std::unique_ptr<PhysicalOp>> PlanSliceOp(const algebra::Op& op,
                                                  const exec::GraphContext& g, bool top);
  // Triple patterns and paths joined together (join_group.cpp).
  struct JoinGroup {
    std::vector<ast::TriplePattern> triples;
    std::vector<const algebra::Op*> paths;
  };
  bool CollectGroup(const algebra::Op& op, JoinGroup* group);
  class JoinGroupBuilder;  // join_group.cpp
  Result<std::unique_ptr<PhysicalOp>> PlanGroup(const JoinGroup& group,
                                                const std::vector<ast::Expr>& filters,
                                                const exec::GraphContext& g);
  Result<std::unique_ptr<PhysicalOp>> PlanBgp(const std::vector<ast::TriplePattern>& triples,
                                              const exec::GraphContext& g);
  Result<exec::PatternTerm> PatternTermOf(const ast::Term& t);
  Result<rdf::Term> Constant(const ast::Term& t);
  std::unique_ptr<PhysicalOp> MakeJoin(std::unique_ptr<PhysicalOp> l,
                                       std::unique_ptr<PhysicalOp> r);
  // A merge join on `key`. REQUIRES: both sides sorted by `key` (SortedSlot).
  std::unique_ptr<PhysicalOp> MakeMergeJoin(std::unique_ptr<PhysicalOp> left,
                                            std::unique_ptr<PhysicalOp> right, size_t key,
                                            double estimated_rows);
  // The variable slot a scan of `t` (constants bound, variables free) in graph context `g`
  // yields in ascending id order, if any.
  std::optional<size_t> SortedSlot(const exec::IdTriplePattern& t,
                                   const exec::GraphContext& g) const;
  // A hash join on the variables both sides certainly bind; `right` is drained into the table.
  std::unique_ptr<PhysicalOp> MakeHashJoin(std::unique_ptr<PhysicalOp> left,
                                           std::unique_ptr<PhysicalOp> right,
                                           double estimated_rows);
  double EstimatePattern(const exec::IdTriplePattern& t, const std::vector<bool>& bound) const;
  std::string ScopedName(const std::string& name) const;

  exec::TermResolver* terms_;
  const store::Statistics* stats_;
  std::map<std::string, size_t> slots_;
  std::vector<std::string> names_;
  // Subquery scopes, innermost last: variables a subquery does not project are renamed.
  struct Scope {
    int id;
    std::vector<std::string> projected;
  };
  std::vector<Scope> scopes_;
  int next_scope_ = 0;
  // The graph context where expressions being compiled run (for EXISTS patterns).
  exec::GraphContext current_graph_;
  // Hidden slots holding the names of enclosing GRAPH ?g patterns, innermost last.
  std::vector<size_t> graph_slots_;
  int next_graph_ = 0;
  // > 0 while planning a pattern that is opened once per outer row (EXISTS): a hash join
  // there would scan its whole right side for every row, so joins stay index lookups.
  int correlated_ = 0;
  // True when the query stops after a few rows (ASK, LIMIT over an unsorted pattern): index
  // lookups then produce the first rows at once, while a hash join would first read its
  // whole right side.
  bool first_rows_ = false;
  bool default_is_store_default_ = true;
};

// Converts a parser term (IRI or literal) to an RDF term.
rdf::Term ToRdfTerm(const ast::Term& t);

// Indented EXPLAIN text of a plan: one operator per line with estimated and actual rows.
std::string Explain(const PhysicalOp& root, const exec::ExplainNames& names);

}  // namespace hamlet::sparql::plan
