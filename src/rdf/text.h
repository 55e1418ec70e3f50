// Text shown to people: widths of UTF-8 text on a terminal, cutting it with "…", and the one
// rule for shortening IRIs with a prefix list (tables, EXPLAIN, stats, the REPL).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hamlet::rdf {

using PrefixList = std::vector<std::pair<std::string, std::string>>;  // (name, namespace IRI)

// Columns `s` takes on a terminal: one per code point (combining marks and wide CJK
// characters are rare in this data and not measured).
size_t DisplayWidth(std::string_view s);

// `s` cut to at most `max` columns, ending in "…" when cut (max 0: no limit).
std::string Truncate(std::string_view s, size_t max);

// True when `local` can follow "prefix:" in Turtle and SPARQL without escapes (PN_LOCAL,
// restricted to the characters that need no escaping; non-ASCII is accepted).
bool IsPlainLocalName(std::string_view local);

// `iri` as prefix:local with the longest matching namespace whose local part is a plain
// local name, else in angle brackets (<iri>, N-Triples escapes).
std::string ShortIri(std::string_view iri, const PrefixList& prefixes);

}  // namespace hamlet::rdf
