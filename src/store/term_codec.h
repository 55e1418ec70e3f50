// The byte form of a term in the dictionary (key of term->id, value of id->term).
//
//   IRI:             'I' iri
//   blank node:      'B' label
//   xsd:string:      'S' lexical
//   language-tagged: 'L' tag '\0' lexical
//   other literal:   'T' datatype-iri '\0' lexical
//
// Lexical forms are stored exactly as read. Tags and IRIs never contain NUL (they are
// validated before they get here), so the first NUL separates the parts unambiguously.
#pragma once

#include <string>
#include <string_view>

#include "rdf/status.h"
#include "rdf/term.h"

namespace hamlet::store {

// Appends the encoding of `t` to `out`. REQUIRES: !t.is_none().
void EncodeTerm(const rdf::TermView& t, std::string* out);

// Decodes an encoding made by EncodeTerm. The view points into `bytes`.
// Returns Corruption when `bytes` is not a valid encoding.
Result<rdf::TermView> DecodeTermView(std::string_view bytes);

}  // namespace hamlet::store
