// Property paths (SPARQL 1.1 section 9) evaluated over the store.
//
// Link, inverse, sequence and alternative keep duplicates (each way of matching counts);
// zero-or-one, zero-or-more and one-or-more return each reachable node once and never loop
// on cycles (a visited set per start node). With both ends unbound, every subject and object
// of the graph is a start node.
#pragma once

#include <memory>
#include <vector>

#include "sparql/algebra/algebra.h"
#include "sparql/exec/bgp.h"
#include "sparql/exec/physical.h"

namespace hamlet::sparql::exec {

struct CompiledPath {
  ast::Path::Kind kind = ast::Path::Kind::kLink;
  TermId iri = store::kNoTerm;  // kLink (kNoTerm: an IRI the store lacks)
  std::vector<CompiledPath> args;
  std::vector<std::pair<TermId, bool>> negated;  // (iri, inverse) for kNegated
};

Result<CompiledPath> CompilePath(const ast::Path& path, TermResolver* terms);

class PathOp : public PhysicalOp {
 public:
  PathOp(PatternTerm s, CompiledPath path, PatternTerm o, GraphContext g)
      : s_(s), path_(std::move(path)), o_(o), g_(g) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override;
  bool SeekableBySeed() const override { return true; }

 private:
  PatternTerm s_;
  CompiledPath path_;
  PatternTerm o_;
  GraphContext g_;
};

// Binds a variable to each named graph of the dataset (GRAPH ?g { ... } with an empty or
// non-pattern body needs the names themselves).
class GraphNamesOp : public PhysicalOp {
 public:
  explicit GraphNamesOp(size_t slot) : slot_(slot) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override {
    return "GraphNames " + names.Var(slot_);
  }

 private:
  size_t slot_;
};

// GRAPH <g> { P } is empty unless the dataset has a graph named g: one row (the seed) or none.
class GraphExistsOp : public PhysicalOp {
 public:
  explicit GraphExistsOp(TermId graph) : graph_(graph) {}
  std::unique_ptr<Cursor> Open(ExecContext& ctx, const Row& seed) const override;
  std::string Describe(const ExplainNames& names) const override {
    return "GraphExists " +
           (graph_ == store::kNoTerm ? std::string("<not in store>") : names.term(graph_));
  }

 private:
  TermId graph_;
};

}  // namespace hamlet::sparql::exec
