// xsd:integer beyond 64 bits, on Boost.Multiprecision's cpp_int. Values that fit in 64 bits
// never come here (XsdValue::integer is the fast path); a result that fits again goes back
// to it, so a value has one representation and equal values compare equal.
#include "rdf/xsd_integer.h"

#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <limits>
#include <string>

namespace hamlet::rdf {

namespace {

using boost::multiprecision::cpp_int;

cpp_int ToBig(const XsdValue& v) {
  if (v.big_integer.empty()) return cpp_int(v.integer);
  return cpp_int(v.big_integer);
}

// The value back in XsdValue form: 64-bit when it fits.
XsdValue FromBig(const cpp_int& n) {
  XsdValue v;
  v.type = XsdType::kInteger;
  if (n >= std::numeric_limits<int64_t>::min() && n <= std::numeric_limits<int64_t>::max()) {
    v.integer = n.convert_to<int64_t>();
  } else {
    v.big_integer = n.str();
  }
  return v;
}

const cpp_int& DecimalScale() {
  static const cpp_int kScale = [] {
    cpp_int s = 1;
    for (int i = 0; i < Decimal::kScaleDigits; ++i) s *= 10;
    return s;
  }();
  return kScale;
}

}  // namespace

namespace xsd_internal {

Status ParseWideInteger(std::string_view lex, std::optional<__int128> lo,
                        std::optional<__int128> hi, std::string_view local, XsdValue* v) {
  size_t i = (!lex.empty() && (lex[0] == '+' || lex[0] == '-')) ? 1 : 0;
  if (i == lex.size()) {
    return Status::InvalidInput("'" + std::string(lex) +
                                "' is not a valid xsd:" + std::string(local));
  }
  for (size_t k = i; k < lex.size(); ++k) {
    if (lex[k] < '0' || lex[k] > '9') {
      return Status::InvalidInput("'" + std::string(lex) +
                                  "' is not a valid xsd:" + std::string(local));
    }
  }
  // cpp_int reads a leading 0 as octal: strip leading zeros (and the sign) first.
  size_t first = lex.find_first_not_of('0', i);
  std::string digits = first == std::string_view::npos ? "0" : std::string(lex.substr(first));
  cpp_int n(digits);
  if (lex[0] == '-') n = -n;
  if ((lo && n < cpp_int(*lo)) || (hi && n > cpp_int(*hi))) {
    return Status::InvalidInput("'" + std::string(lex) +
                                "' is outside the range of xsd:" + std::string(local));
  }
  XsdValue out = FromBig(n);
  v->integer = out.integer;
  v->big_integer = std::move(out.big_integer);
  return Status::Ok();
}

}  // namespace xsd_internal

XsdValue IntegerArith(IntegerOp op, const XsdValue& x, const XsdValue& y) {
  cpp_int a = ToBig(x), b = ToBig(y);
  switch (op) {
    case IntegerOp::kAdd:
      return FromBig(a + b);
    case IntegerOp::kSub:
      return FromBig(a - b);
    case IntegerOp::kMul:
      return FromBig(a * b);
  }
  return FromBig(0);
}

std::optional<Decimal> IntegerToDecimal(const XsdValue& v) {
  if (v.big_integer.empty())
    return Decimal{static_cast<__int128>(v.integer) * 1000000000000000000LL};
  cpp_int scaled = cpp_int(v.big_integer) * DecimalScale();
  // Decimal's own range (xsd.h): about 1.7e20.
  static const cpp_int kMax =
      cpp_int(static_cast<__int128>(170141183460469231LL) * 1000) * DecimalScale();
  if (scaled > kMax || scaled < -kMax) return std::nullopt;
  return Decimal{scaled.convert_to<__int128>()};
}

double IntegerToDouble(const XsdValue& v) {
  if (v.big_integer.empty()) return static_cast<double>(v.integer);
  return cpp_int(v.big_integer).convert_to<double>();
}

std::strong_ordering CompareIntegerDecimal(const XsdValue& i, const Decimal& d) {
  if (i.big_integer.empty()) {
    // |integer| * 10^18 < 2^63 * 10^18 fits in __int128.
    return Decimal{static_cast<__int128>(i.integer) * 1000000000000000000LL} <=> d;
  }
  cpp_int a = cpp_int(i.big_integer) * DecimalScale(), b(d.scaled);
  return a < b   ? std::strong_ordering::less
         : a > b ? std::strong_ordering::greater
                 : std::strong_ordering::equal;
}

std::strong_ordering CompareIntegers(const XsdValue& a, const XsdValue& b) {
  if (a.big_integer.empty() && b.big_integer.empty()) return a.integer <=> b.integer;
  cpp_int x = ToBig(a), y = ToBig(b);
  return x < y   ? std::strong_ordering::less
         : x > y ? std::strong_ordering::greater
                 : std::strong_ordering::equal;
}

}  // namespace hamlet::rdf
