// A materialised SPARQL query result: the answer to SELECT (variables + rows) or ASK (a
// boolean). Readers produce it, writers can write it, the comparator compares two of them.
//
// A row has one cell per variable, in the order of `variables`; std::nullopt = unbound.
// Blank-node labels are local to one result set (they mean nothing across result sets).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rdf/term.h"

namespace hamlet::sparql::results {

using Row = std::vector<std::optional<rdf::Term>>;

struct ResultSet {
  bool is_boolean = false;  // ASK result: `boolean` holds the answer, no variables/rows
  bool boolean = false;
  std::vector<std::string> variables;  // names without '?'
  std::vector<Row> rows;
  // Set by readers when the source states the order of rows (rs:index in a result graph).
  bool ordered = false;

  static ResultSet Boolean(bool value) {
    ResultSet r;
    r.is_boolean = true;
    r.boolean = value;
    return r;
  }
};

// Index of `name` in `rs.variables`, or -1.
int VariableIndex(const ResultSet& rs, const std::string& name);

// "?x=<http://a> ?y="b"@en" (unbound cells omitted): for diffs and messages.
std::string FormatRow(const std::vector<std::string>& variables, const Row& row);

// A short multi-line description (variables, then one FormatRow per line): for test output.
std::string DebugString(const ResultSet& rs);

}  // namespace hamlet::sparql::results
