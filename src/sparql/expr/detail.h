// Internal helpers shared by the expression library's source files. Not a public API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rdf/term.h"
#include "rdf/xsd.h"
#include "sparql/expr/expr.h"

namespace hamlet::sparql::expr::detail {

inline constexpr __int128 kDecimalScale = 1000000000000000000LL;  // 10^18

// ---- Classification -----------------------------------------------------------------------

bool IsNumericType(rdf::XsdType t);
// Simple literal or xsd:string.
bool IsPlainString(const rdf::Term& t);
// Simple literal, xsd:string or language-tagged ("string literal" in the spec).
bool IsStringLiteral(const rdf::Term& t);
bool IsLangString(const rdf::Term& t);

// The value of a numeric literal with a valid lexical form; nullopt otherwise.
std::optional<rdf::XsdValue> NumericValue(const rdf::Term& t);
// The value of a literal of any interpreted datatype (numbers, boolean, date, dateTime).
std::optional<rdf::XsdValue> LiteralValue(const rdf::Term& t);

// ---- Construction -------------------------------------------------------------------------

rdf::Term MakeTyped(std::string lex, std::string_view datatype);
rdf::Term MakeDecimal(rdf::Decimal d);
rdf::Term MakeDouble(double d);
rdf::Term MakeFloat(float f);
// A numeric value as a literal of its type in canonical form (integer results typed
// xsd:integer).
rdf::Term MakeNumber(const rdf::XsdValue& v);

enum class ArithOp { kAdd, kSub, kMul, kDiv };
// x op y on numeric values with XPath type promotion (integer < decimal < float < double);
// nullopt on integer or decimal overflow and for a decimal division by zero.
std::optional<rdf::XsdValue> ArithValues(ArithOp op, const rdf::XsdValue& x,
                                         const rdf::XsdValue& y);
// A literal "like" `model` (same language tag, or xsd:string) with lexical form `lex`.
rdf::Term MakeLike(const rdf::Term& model, std::string lex);
std::string Xsd(std::string_view local);

// The canonical decimal form without a trailing ".0" for integral values ("2", "2.5").
std::string DecimalNoPointZero(rdf::Decimal d);

// ---- Numbers ------------------------------------------------------------------------------

double ToDouble(const rdf::XsdValue& v);
// REQUIRES integer or decimal. nullopt for an integer beyond the decimal range (xsd.h).
std::optional<rdf::Decimal> ToDecimal(const rdf::XsdValue& v);
// Exact a*b and a/b on decimals; nullopt on overflow of the supported range (or b == 0).
std::optional<rdf::Decimal> DecimalMul(rdf::Decimal a, rdf::Decimal b);
std::optional<rdf::Decimal> DecimalDiv(rdf::Decimal a, rdf::Decimal b);
bool DecimalInRange(rdf::Decimal d);
// XPath string form of a number (cast to xsd:string): "1" for 1.0E0, "1.25", "1.0E7".
std::string NumberToXPathString(const rdf::XsdValue& v);

// ---- UTF-8 --------------------------------------------------------------------------------

// Code points of a UTF-8 string (invalid bytes map to U+FFFD).
std::u32string DecodeUtf8(std::string_view s);
std::string EncodeUtf8(std::u32string_view s);
size_t CountCodePoints(std::string_view s);

// ---- Function groups (each returns an error for wrong argument types) ---------------------

using Args = std::span<const ExprResult>;

// strings.cpp
ExprResult CallString(std::string_view name, Args args, Context& ctx, bool* found);
// numeric_functions.cpp: ABS CEIL FLOOR ROUND RAND + date/time functions + hashes + UUIDs.
ExprResult CallNumericOrDate(std::string_view name, Args args, Context& ctx, bool* found);
// regex.cpp
// A backtracking limit hit is reported through ctx.SetFatal (and gives an error here).
ExprResult Regex(const rdf::Term& text, const rdf::Term& pattern, const rdf::Term* flags,
                 Context& ctx);
ExprResult Replace(const rdf::Term& text, const rdf::Term& pattern, const rdf::Term& replacement,
                   const rdf::Term* flags, Context& ctx);

}  // namespace hamlet::sparql::expr::detail
