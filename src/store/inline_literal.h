// Small literals kept in their ids instead of the dictionary: xsd:integer, xsd:decimal,
// xsd:date and xsd:boolean values whose lexical form the id reproduces exactly. Filters,
// sums and sorts over such values then need no dictionary read (a RocksDB Get each), which
// dominated queries that touch hundreds of thousands of numbers or dates.
//
// An inline id has a top byte of kInlineInteger.. kInlineBoolean (above every dictionary
// kind) and the value in its low 56 bits. Only the lexical forms listed at each encoder are
// inlined, so one literal always gets the same id whichever way it reaches the store; any
// other form (leading zeros, '+', a time zone, too many digits) stays in the dictionary.
#pragma once

#include <string_view>

#include "rdf/term.h"
#include "store/ids.h"

namespace hamlet::store {

// The inline id of the literal "lexical"^^datatype, or kNoTerm when it is not inlined.
TermId InlineLiteralId(std::string_view datatype, std::string_view lexical);

// The same for any term (kNoTerm for IRIs, blank nodes and language-tagged literals).
inline TermId InlineTermId(const rdf::TermView& t) {
  if (t.kind != rdf::TermKind::kLiteral || !t.lang.empty()) return kNoTerm;
  return InlineLiteralId(t.datatype, t.value);
}

// The literal an inline id stands for. REQUIRES: IsInline(id).
rdf::Term DecodeInlineLiteral(TermId id);

}  // namespace hamlet::store
