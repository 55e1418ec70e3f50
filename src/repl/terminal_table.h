// Result tables for a terminal: columns that fit its width, long cells cut with "…", IRIs
// shortened with the session's prefixes. (`hamlet query --format table` keeps its own fixed
// layout in sparql/results; this one adapts to the screen.)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/writer.h"
#include "rdf/term.h"

namespace hamlet::repl {

// Columns a string takes on a terminal: one per code point (combining marks and wide CJK
// characters are rare in this data and not measured).
size_t DisplayWidth(std::string_view s);

// `s` cut to at most `max` columns, ending in "…" when cut (max 0: no limit).
std::string Truncate(std::string_view s, size_t max);

// `iri` as prefix:local with the longest matching namespace whose local part is a valid
// local name, else <iri>.
std::string ShortIri(std::string_view iri, const io::PrefixList& prefixes);

// A term as the table shows it: IRIs shortened, numbers and booleans bare, other literals
// quoted with @lang or ^^datatype (shortened), blank nodes _:label; unbound: "".
std::string DisplayTerm(const std::optional<rdf::Term>& term, const io::PrefixList& prefixes);

// Column widths that fit `available` columns of cell text: narrow columns keep their natural
// width, the widest are cut to a common limit, none below `min_width` (or its natural width
// if smaller). When even that does not fit, the minimums are returned.
std::vector<size_t> FitColumns(const std::vector<size_t>& natural, size_t available,
                               size_t min_width = 6);

struct TableLayout {
  size_t width = 0;         // terminal columns; 0: no limit
  size_t max_cell = 0;      // cut cells at this many columns too (0: no limit)
  bool header_rule = true;  // a rule under the header row
};

// A boxed table: +---+ rules, | cells |, header first. `rows` may be empty.
std::string RenderTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows,
                        const TableLayout& layout);

// A SELECT result as a table (header ?var).
std::string RenderResultTable(const std::vector<std::string>& variables,
                              const std::vector<std::vector<std::optional<rdf::Term>>>& rows,
                              const io::PrefixList& prefixes, const TableLayout& layout);

}  // namespace hamlet::repl
