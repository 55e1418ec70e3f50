// Text tables of results, the one renderer behind `--format table` (streaming, fixed widths)
// and the REPL (fitted to the terminal): terms shown on one line with IRIs shortened, column
// widths fitted to a width, and the +---+ / | cell | lines.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "rdf/term.h"
#include "rdf/text.h"

namespace hamlet::sparql::results {

// A term as a table shows it: IRIs shortened, numbers and booleans bare, other literals
// quoted with @lang or ^^datatype (shortened), blank nodes _:label, control characters
// escaped so a cell stays on one line; unbound: "".
std::string DisplayTerm(const std::optional<rdf::Term>& term, const rdf::PrefixList& prefixes);

// Column widths that fit `available` columns of cell text: narrow columns keep their natural
// width, the widest are cut to a common limit, none below `min_width` (or its natural width
// if smaller). When even that does not fit, the minimums are returned.
std::vector<size_t> FitColumns(const std::vector<size_t>& natural, size_t available,
                               size_t min_width = 6);

// "+----+---+\n" for these cell widths.
std::string TableRule(const std::vector<size_t>& widths);
// "| a  | b |\n": each cell cut to its width ("…") and padded. Missing cells are empty.
std::string TableRow(const std::vector<std::string>& cells, const std::vector<size_t>& widths);

struct TableLayout {
  size_t width = 0;         // terminal columns; 0: no limit
  size_t max_cell = 0;      // cut cells at this many columns too (0: no limit)
  bool header_rule = true;  // a rule under the header row
};

// The natural widths of `lines` (the widest cell per column, at most layout.max_cell),
// fitted to layout.width.
std::vector<size_t> LayoutColumns(const std::vector<std::vector<std::string>>& lines, size_t ncols,
                                  const TableLayout& layout);

// A boxed table: +---+ rules, | cells |, header first. `rows` may be empty.
std::string RenderTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows,
                        const TableLayout& layout);

// A SELECT result as a table (header ?var).
std::string RenderResultTable(const std::vector<std::string>& variables,
                              const std::vector<std::vector<std::optional<rdf::Term>>>& rows,
                              const rdf::PrefixList& prefixes, const TableLayout& layout);

}  // namespace hamlet::sparql::results
