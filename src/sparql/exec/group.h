// GROUP BY with aggregates (SPARQL 1.1 section 18.5): hash aggregation over the child's rows.
// Without GROUP BY keys the whole input is one group (one row even when the input is empty).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sparql/exec/compiled_expr.h"
#include "sparql/exec/physical.h"

namespace hamlet::sparql::exec {

struct GroupKey {
  CompiledExpr expr;
  std::optional<size_t> slot;  // where the key's value goes (GROUP BY ?x, or (expr AS ?x))
};

struct AggregateSpec {
  size_t slot = 0;   // the ?.N variable the algebra gave the aggregate
  std::string name;  // COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT
  bool distinct = false;
  bool star = false;  // COUNT(*)
  std::string separator = " ";
  std::vector<CompiledExpr> args;
};

class GroupOp : public PhysicalOp {
 public:
  GroupOp(std::vector<GroupKey> keys, std::vector<AggregateSpec> aggregates)
      : keys_(std::move(keys)), aggregates_(std::move(aggregates)) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;

 private:
  std::vector<GroupKey> keys_;
  std::vector<AggregateSpec> aggregates_;
};

}  // namespace hamlet::sparql::exec
