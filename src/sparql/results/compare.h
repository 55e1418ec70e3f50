// Comparison of SPARQL result sets for conformance tests (see shared/w3c/README.md,
// "Comparing results").
//
// Two SELECT results are equal when their variable sets are equal (column order is free) and
// ONE renaming of blank nodes (a bijection for the whole result, not per row) makes their
// rows equal: as multisets (RowOrder::kMultiset), as sequences (kSequence), or, for ORDER BY
// whose ties may come in any order, with rows grouped into runs of equal sort keys that
// must follow in the same sequence while rows inside a run match as multisets
// (kSequenceOfKeys; runs are computed on each side from `key_variables`). Unbound is a value
// of its own. Two ASK results are equal when their booleans are.
//
// Terms: IRIs and blank nodes (up to the renaming) by identity; literals as RDF 1.1 terms
// ("a" == "a"^^xsd:string, language tags case-insensitive, otherwise lexical form and
// datatype exactly). LiteralMatch::kByValue (triage only) also equates numbers of equal value
// across numeric datatypes (1 == 1.0 == 1.0E0), booleans ("1" == "true"), and equal
// date/dateTime instants.
//
// Cost: linear for rows without blank nodes; rows with blank nodes are matched by colour
// refinement and then backtracking, bounded by `search_budget` steps (beyond it the result
// is "not equal" with an explanation saying the search gave up).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "rdf/term.h"
#include "sparql/results/result_set.h"

namespace hamlet::sparql::results {

enum class RowOrder { kMultiset, kSequence, kSequenceOfKeys };
enum class LiteralMatch { kExact, kByValue };

struct CompareOptions {
  RowOrder order = RowOrder::kMultiset;
  std::vector<std::string> key_variables;  // kSequenceOfKeys: the ORDER BY variables
  LiteralMatch literals = LiteralMatch::kExact;
  // mf:LaxCardinality (REDUCED): drop duplicate rows on both sides, compare as sets.
  bool as_sets = false;
  // At most this many missing and this many unexpected rows are listed in the explanation.
  size_t max_diff_rows = 5;
  size_t search_budget = 1'000'000;
};

struct Comparison {
  bool equal = false;
  // Empty when equal; otherwise a human-readable account: variable sets, row counts, then
  // the first rows expected but missing and the first unexpected rows ("#3" positions when
  // order counts), or why no blank-node bijection exists.
  std::string explanation;
};

Comparison CompareResultSets(const ResultSet& expected, const ResultSet& actual,
                             const CompareOptions& options = {});

// The key under which two terms compare equal (see above); blank nodes give "_:label".
std::string TermKey(const rdf::Term& t, LiteralMatch mode);

// What a result set looks like after a round trip through CSV (compare it with ParseCsv of
// the expected .csv): every bound term becomes an xsd:string literal of its CSV text, except
// blank nodes (and texts starting with "_:"), which stay blank nodes; empty texts become
// unbound.
ResultSet CsvProjection(const ResultSet& rs);

}  // namespace hamlet::sparql::results
