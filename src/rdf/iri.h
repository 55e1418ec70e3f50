// IRI reference resolution (RFC 3986 section 5.2, with dot-segment removal).
#pragma once

#include <string>
#include <string_view>

namespace hamlet::rdf {

// Resolves `reference` against `base`. An absolute reference is returned unchanged; an empty
// base returns the reference unchanged.
std::string ResolveIri(std::string_view base, std::string_view reference);

// True when `iri` starts with a scheme ("http:", "urn:", ...).
bool HasScheme(std::string_view iri);

}  // namespace hamlet::rdf
