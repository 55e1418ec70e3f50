// Internal to rdf/xsd: xsd:integer values beyond 64 bits (see xsd.h, XsdValue::big_integer).
#pragma once

#include <optional>
#include <string_view>

#include "rdf/status.h"
#include "rdf/xsd.h"

namespace hamlet::rdf::xsd_internal {

// Parses `lex` ([+-]digits) as an integer of any size into *v: a 64-bit value when it fits,
// else XsdValue::big_integer. `lo` / `hi` are the type's bounds (nullopt: unbounded).
// InvalidInput naming `local` when the lexical form is bad or the value out of the bounds.
Status ParseWideInteger(std::string_view lex, std::optional<__int128> lo,
                        std::optional<__int128> hi, std::string_view local, XsdValue* v);

}  // namespace hamlet::rdf::xsd_internal
