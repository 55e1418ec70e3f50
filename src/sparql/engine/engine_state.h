// The inside of a PreparedQuery (private to sparql/engine).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sparql/algebra/algebra.h"
#include "sparql/engine/query_engine.h"
#include "sparql/exec/physical.h"
#include "sparql/exec/row_table.h"
#include "sparql/plan/planner.h"

namespace hamlet::sparql {

// CONSTRUCT de-duplication may hold at most this share of the query's memory budget: past
// it, the set stops growing and later repeats are written again (the same graph, longer),
// which keeps CONSTRUCT of a whole 10 M store streaming in under 400 MB (about 1.5 M
// distinct triples are checked exactly with the default 1 GiB budget).
inline constexpr size_t kConstructDedupShare = 16;  // 1/16 of the budget

struct PreparedQuery::State {
  const store::Snapshot* snapshot = nullptr;
  ast::Query query;
  algebra::QueryAlgebra algebra;
  QueryOptions options;
  store::CancellationToken token;  // the deadline, parented to the caller's token
  std::unique_ptr<exec::MemoryBudget> memory;
  std::unique_ptr<exec::TermResolver> terms;
  std::unique_ptr<store::Statistics> stats;
  std::unique_ptr<plan::Planner> planner;
  std::unique_ptr<exec::PhysicalOp> root;
  expr::Context functions;
  exec::ExecContext ctx;

  std::vector<std::string> out_vars;
  std::vector<size_t> out_slots;
  std::map<std::string, size_t> template_slots;
  std::vector<size_t> describe_slots;

  std::unique_ptr<exec::Cursor> cursor;
  exec::Row row;
  uint64_t solutions = 0;
  bool done = false;
  Status status;

  // CONSTRUCT / DESCRIBE.
  std::unique_ptr<exec::RowSet> seen_triples;  // (s, p, o) ids already written
  std::unique_ptr<exec::MemoryLease> seen_lease;
  bool fully_deduplicated = true;
  std::unique_ptr<exec::RowSet> described;  // resources already described
  bool described_constants = false;
  uint64_t fresh_blanks = 0;

  // Opens the cursor on first use. False (with `status` set) when it cannot.
  bool EnsureOpen();
  // The next solution into `row`; false at the end or on error (status set).
  bool NextRow();
  Status Fail(Status s) {
    status = std::move(s);
    done = true;
    return status;
  }
};

// CONSTRUCT / DESCRIBE (graph_output.cpp): the triples of the current solution (or, at the
// end of DESCRIBE, of its constant resources) appended to *out.
Status AppendConstructTriples(PreparedQuery::State& st, std::vector<rdf::Quad>* out);
Status AppendDescribedTriples(PreparedQuery::State& st, store::TermId resource,
                              std::vector<rdf::Quad>* out);

}  // namespace hamlet::sparql
