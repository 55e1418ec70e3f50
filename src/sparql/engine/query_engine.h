// Runs SPARQL 1.1 queries on a store snapshot: parse -> algebra -> plan -> cursor.
//
// PreparedQuery::Prepare parses and plans a query; its cursor then yields the answer as it
// is computed, so a writer can send the first rows while the rest are still being found and
// memory does not grow with the size of the answer:
//  * SELECT: NextSolutions fills batches of id rows (one column per variable); DecodeRow
//    turns one row into terms at the writer, the only place where strings are made.
//  * ASK: Ask().
//  * CONSTRUCT / DESCRIBE: NextTriples fills batches of triples.
// RunQuery is the convenience form that collects everything into a QueryResult (tests and
// small internal queries).
//
// Limits: every query has one QueryContext (exec/physical.h): the deadline from
// QueryOptions::timeout_seconds and the caller's token (either can stop it), and a memory
// budget (QueryOptions::memory_limit_bytes) that every blocking operator draws on.
//
// Errors: InvalidInput for a malformed query (the message has line, column and a caret) or
// an unsupported feature; Cancelled when the deadline or the caller's token fires ("timed
// out after 5 s", "cancelled"); ResourceExhausted when the query needs more memory than its
// budget; other codes for store failures. After an error the cursor stays at its end.
//
// Ownership and thread safety: a PreparedQuery reads `snapshot` (not owned; must outlive it)
// and is used by one thread at a time. The caller's token may be cancelled from any thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rdf/status.h"
#include "rdf/term.h"
#include "sparql/syntax/ast.h"
#include "store/cancellation.h"
#include "store/store.h"

namespace hamlet::sparql {

struct QueryOptions {
  double timeout_seconds = 0;  // 0: no limit
  std::string base_iri;        // for relative IRIs in the query
  // Stop with an error once a SELECT produces more rows than this (0: no limit).
  uint64_t max_rows = 0;
  // Memory a hash join may hold before it falls back to index lookups (0: the default,
  // exec::kDefaultHashJoinBudgetBytes). The query's memory budget bounds it too.
  size_t hash_join_budget_bytes = 0;
  // The query's memory budget for everything its operators hold (0: the default,
  // exec::kDefaultQueryMemoryBytes). ORDER BY spills to disk beyond it; other operators stop
  // the query with ResourceExhausted.
  size_t memory_limit_bytes = 0;
  // Where ORDER BY writes its sorted runs when it spills ("": $TMPDIR, else /tmp). The files
  // are removed as soon as the sort is read or the query ends.
  std::string spill_dir;
  // RunQuery only: also fill QueryResult::algebra and ::plan (printing the algebra of a huge
  // query costs more than running it, so it is done only when asked).
  bool explain = false;
};

// A batch of SELECT solutions: `width` ids per row, kNoTerm (0) for unbound.
struct SolutionBatch {
  size_t width = 0;
  size_t count = 0;  // rows (kept apart: a SELECT with no variables still has rows)
  std::vector<store::TermId> ids;
  size_t rows() const { return count; }
  const store::TermId* row(size_t i) const { return ids.data() + i * width; }
};

class PreparedQuery {
 public:
  using Form = ast::Query::Form;

  // Parses and plans `text`. The deadline starts here, so parsing and planning a huge query
  // count against it. `cancel` (may be null; not owned) must outlive the PreparedQuery.
  static Result<std::unique_ptr<PreparedQuery>> Prepare(
      const store::Snapshot& snapshot, std::string_view text, const QueryOptions& options = {},
      const store::CancellationToken* cancel = nullptr);
  ~PreparedQuery();
  PreparedQuery(const PreparedQuery&) = delete;
  PreparedQuery& operator=(const PreparedQuery&) = delete;

  Form form() const;
  // SELECT: the projected variables (names without '?'), in order.
  const std::vector<std::string>& variables() const;
  // The prefixes the query declares, in order.
  const std::vector<std::pair<std::string, std::string>>& prefixes() const;

  // SELECT: replaces `*batch` with the next solutions (at most `max_rows`, > 0). Returns
  // false at the end or on error (see status()).
  bool NextSolutions(SolutionBatch* batch, size_t max_rows = 1024);
  // The terms of row `i` of `batch` (std::nullopt for unbound).
  Status DecodeRow(const SolutionBatch& batch, size_t i,
                   std::vector<std::optional<rdf::Term>>* out);
  // ASK: whether the pattern has a solution.
  Result<bool> Ask();
  // CONSTRUCT / DESCRIBE: replaces `*out` with the next triples (graph left empty). Each
  // triple is written once as long as the de-duplication set fits its share of the memory
  // budget (see construct_fully_deduplicated()). Returns false at the end or on error.
  bool NextTriples(std::vector<rdf::Quad>* out, size_t max_triples = 1024);
  // False once CONSTRUCT had more distinct triples than its de-duplication set may hold;
  // later repeats of a triple may then appear again (the same RDF graph, written longer).
  bool construct_fully_deduplicated() const;

  // OK, or why the cursor stopped early.
  Status status() const;

  // The query's algebra as an S-expression (built now, on request).
  std::string AlgebraText() const;
  // The physical plan with estimated rows and the rows produced so far per operator.
  std::string PlanText() const;
  // The most memory the query's operators held at once.
  size_t peak_memory_bytes() const;

  struct State;  // the parsed query, its plan and cursor (query_engine.cpp)

 private:
  explicit PreparedQuery(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// A materialised result (small queries, tests).
struct QueryResult {
  ast::Query::Form form = ast::Query::Form::kSelect;
  std::vector<std::string> variables;                         // SELECT
  std::vector<std::vector<std::optional<rdf::Term>>> rows;    // SELECT
  bool boolean = false;                                       // ASK
  std::vector<rdf::Quad> triples;                             // CONSTRUCT, DESCRIBE (sorted)
  std::vector<std::pair<std::string, std::string>> prefixes;  // declared in the query
  // With QueryOptions::explain: the query's algebra (S-expression) and the physical plan
  // with estimated and actual rows per operator.
  std::string algebra;
  std::string plan;
};

// Prepare + drain the cursor into a QueryResult.
Result<QueryResult> RunQuery(const store::Snapshot& snapshot, std::string_view text,
                             const QueryOptions& options = {},
                             const store::CancellationToken* cancel = nullptr);

}  // namespace hamlet::sparql
