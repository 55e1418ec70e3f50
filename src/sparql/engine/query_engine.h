// Runs a SPARQL 1.1 query on a store snapshot: parse -> algebra -> plan -> execute -> terms.
//
// Errors: InvalidInput for a malformed query (the message has line, column and a caret) or
// an unsupported feature; Cancelled when the timeout or the caller's token fires ("timed out
// after 5 s"); other codes for store failures.
#pragma once

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
  // exec::kDefaultHashJoinBudgetBytes).
  size_t hash_join_budget_bytes = 0;
};

struct QueryResult {
  ast::Query::Form form = ast::Query::Form::kSelect;
  std::vector<std::string> variables;                         // SELECT
  std::vector<std::vector<std::optional<rdf::Term>>> rows;    // SELECT
  bool boolean = false;                                       // ASK
  std::vector<rdf::Quad> triples;                             // CONSTRUCT, DESCRIBE
  std::vector<std::pair<std::string, std::string>> prefixes;  // declared in the query
  std::string algebra;                                        // the query's algebra (S-expression)
  std::string plan;  // the physical plan with estimated and actual rows per operator
};

Result<QueryResult> RunQuery(const store::Snapshot& snapshot, std::string_view text,
                             const QueryOptions& options = {},
                             const store::CancellationToken* cancel = nullptr);

}  // namespace hamlet::sparql
