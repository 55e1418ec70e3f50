// Basic graph patterns: triple patterns evaluated as index nested loops over the store, in
// the order the planner chose, inside one graph context.
#pragma once

#include <vector>

#include "sparql/exec/physical.h"

namespace hamlet::sparql::exec {

// One position of a triple pattern: a variable slot, or a constant id. A constant the store
// does not hold (id kNoTerm) makes the pattern match nothing.
struct PatternTerm {
  bool is_var = false;
  size_t slot = 0;
  TermId id = store::kNoTerm;
};

struct IdTriplePattern {
  PatternTerm s, p, o;
};

// Which graph the patterns match in.
struct GraphContext {
  enum class Mode { kDefault, kNamed, kVariable };
  Mode mode = Mode::kDefault;
  TermId graph = store::kNoTerm;  // kNamed (kNoTerm: a graph the store lacks: no matches)
  size_t slot = 0;                // kVariable
};

class BgpOp : public PhysicalOp {
 public:
  BgpOp(std::vector<IdTriplePattern> patterns, GraphContext graph)
      : patterns_(std::move(patterns)), graph_(graph) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;
  bool SeekableBySeed() const override { return true; }
  const std::vector<IdTriplePattern>& patterns() const { return patterns_; }
  const GraphContext& graph() const { return graph_; }

 private:
  std::vector<IdTriplePattern> patterns_;
  GraphContext graph_;
};

// The store scans that cover one triple pattern under `row`'s bindings in the graph context
// and dataset (several when FROM lists several graphs or FROM NAMED restricts the names).
// Empty when the pattern cannot match. `binds_graph` is set when scans bind the graph slot.
std::vector<store::QuadPattern> ScansFor(const IdTriplePattern& t, const GraphContext& g,
                                         const Dataset& ds, const Row& row, bool* binds_graph);

// Binds the quad's terms into `row` for pattern `t`; false when they conflict with it.
bool BindQuad(const IdTriplePattern& t, const GraphContext& g, bool bind_graph,
              const store::IdQuad& q, Row* row);

}  // namespace hamlet::sparql::exec
