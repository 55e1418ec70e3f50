// Validity checks for IRIs and language tags.
//
// Each returns OK or an InvalidInput status whose message says what is wrong
// ("IRI 'a b' contains a space at offset 1"), so it can be shown to a user as is.
#pragma once

#include <string_view>

#include "rdf/status.h"

namespace hamlet::rdf {

// An absolute IRI (RFC 3987): a scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )),
// a colon, and no characters that IRIs forbid (space, control characters, <>"{}|^`\).
Status CheckAbsoluteIri(std::string_view iri);

// A well-formed BCP 47 language tag (RFC 5646 "Language-Tag" production, case-insensitive):
// language[-extlang][-script][-region](-variant)*(-extension)*[-privateuse], a private-use
// tag (x-...), or one of the grandfathered tags.
Status CheckLanguageTag(std::string_view tag);

}  // namespace hamlet::rdf
