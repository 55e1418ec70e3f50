// XSD values: parsing of lexical forms and value comparison for filters and ordering.
//
// Supported: xsd:boolean, xsd:integer and its derived types (long, int, short, byte,
// the unsigned and sign-restricted ones), xsd:decimal, xsd:float, xsd:double, xsd:date,
// xsd:dateTime. Limits (documented, checked, reported as errors rather than wrapped):
//   * integers have no limit: 64-bit values are kept as int64_t (the fast path), larger ones
//     as their digits (XsdValue::big_integer) and computed on with Boost.Multiprecision;
//   * decimals are exact with 18 fractional digits and |value| < 1.7e20.
// Dates without a timezone compare as if in UTC (the spec leaves a +-14h window
// indeterminate; we pick UTC so that ordering is total and stable).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/status.h"

namespace hamlet::rdf {

enum class XsdType : uint8_t {
  kOther = 0,  // any datatype this module does not interpret
  kString,
  kBoolean,
  kInteger,  // xsd:integer and every type derived from it
  kDecimal,
  kFloat,
  kDouble,
  kDate,
  kDateTime,
};

// Maps a datatype IRI to the value space it belongs to.
XsdType ClassifyDatatype(std::string_view datatype_iri);

// An exact decimal: value = scaled / 10^18.
struct Decimal {
  static constexpr int kScaleDigits = 18;
  __int128 scaled = 0;
  std::strong_ordering operator<=>(const Decimal&) const = default;
};

struct DateTime {
  int64_t year = 0;
  int month = 1, day = 1, hour = 0, minute = 0;
  int64_t nanos = 0;  // seconds within the minute, in nanoseconds
  bool has_tz = false;
  int tz_minutes = 0;  // offset from UTC
  bool is_date = false;
  // Instant in nanoseconds since 0001-01-01T00:00Z (proleptic Gregorian), tz applied.
  __int128 Instant() const;
};

struct XsdValue {
  XsdType type = XsdType::kOther;
  bool boolean = false;
  int64_t integer = 0;
  // kInteger beyond 64 bits: its canonical digits ("-12345678901234567890123"), and
  // `integer` is unused. Empty whenever the value fits in 64 bits, so each value has one form.
  std::string big_integer;
  Decimal decimal;
  double floating = 0;  // float and double
  DateTime datetime;
};

// Parses `lexical` as a value of `datatype_iri`. Returns InvalidInput with a message such as
// "'abc' is not a valid xsd:integer" when the lexical form is not in the lexical space, and
// InvalidArgument when the datatype is not one this module interprets (kOther, kString).
Result<XsdValue> ParseXsd(std::string_view lexical, std::string_view datatype_iri);

// Compares two values. Numbers compare across numeric types (integer < decimal < float <
// double promotion); booleans with booleans; date/dateTime with their own type. Anything
// else is unordered.
std::partial_ordering CompareXsd(const XsdValue& a, const XsdValue& b);

// Exact integer arithmetic for kInteger values of any size (either may be big); the result
// is a 64-bit value whenever it fits. Callers use it when the 64-bit operation overflows or
// an operand is big.
enum class IntegerOp { kAdd, kSub, kMul };
XsdValue IntegerArith(IntegerOp op, const XsdValue& x, const XsdValue& y);
// A kInteger value as an exact Decimal; nullopt beyond Decimal's range.
std::optional<Decimal> IntegerToDecimal(const XsdValue& v);
// A kInteger value as the nearest double.
double IntegerToDouble(const XsdValue& v);
// Exact comparisons of kInteger values (any size) with each other and with decimals.
std::strong_ordering CompareIntegers(const XsdValue& a, const XsdValue& b);
std::strong_ordering CompareIntegerDecimal(const XsdValue& i, const Decimal& d);

// The canonical lexical form of a value (e.g. "1.0" for a decimal one, "1.0E0" for a double).
std::string CanonicalLexical(const XsdValue& v);

}  // namespace hamlet::rdf
