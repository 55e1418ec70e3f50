// EBV, logical operators, arithmetic, comparison, IN and the ORDER BY order.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include "rdf/vocab.h"
#include "sparql/expr/detail.h"

namespace hamlet::sparql::expr {

using detail::ArithOp;
using detail::IsLangString;
using detail::IsPlainString;
using detail::NumericValue;
using rdf::XsdType;
using rdf::XsdValue;

namespace {

bool LangEquals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// Same RDF term, with language tags compared case-insensitively and an empty datatype read
// as xsd:string.
bool TermsIdentical(const rdf::Term& a, const rdf::Term& b) {
  if (a.kind() != b.kind() || a.value() != b.value()) return false;
  if (!a.is_literal()) return true;
  if (IsPlainString(a) || IsPlainString(b)) return IsPlainString(a) && IsPlainString(b);
  return a.datatype() == b.datatype() && LangEquals(a.lang(), b.lang());
}

// kUnordered: NaN involved (false for every operator but !=). kIndeterminate: a date/dateTime
// with a timezone against one without, closer than 14 hours (an error for every operator).
// kIncomparable: no operator mapping (= falls back to RDFterm-equal; < is an error).
enum class Cmp { kLess, kEqual, kGreater, kUnordered, kIndeterminate, kIncomparable };

Cmp FromPartial(std::partial_ordering o) {
  if (o == std::partial_ordering::less) return Cmp::kLess;
  if (o == std::partial_ordering::greater) return Cmp::kGreater;
  if (o == std::partial_ordering::equivalent) return Cmp::kEqual;
  return Cmp::kUnordered;
}

// Operator mapping for = and <: numbers, strings, booleans, dateTimes, dates.
Cmp CompareInternal(const rdf::Term& a, const rdf::Term& b) {
  if (!a.is_literal() || !b.is_literal()) return Cmp::kIncomparable;
  if (IsPlainString(a) && IsPlainString(b)) {
    int c = a.value().compare(b.value());  // UTF-8 byte order is code point order
    return c < 0 ? Cmp::kLess : c > 0 ? Cmp::kGreater : Cmp::kEqual;
  }
  auto x = detail::LiteralValue(a);
  if (!x) return Cmp::kIncomparable;
  auto y = detail::LiteralValue(b);
  if (!y) return Cmp::kIncomparable;
  bool both_numeric = detail::IsNumericType(x->type) && detail::IsNumericType(y->type);
  if (!both_numeric && x->type != y->type) return Cmp::kIncomparable;
  if ((x->type == XsdType::kDate || x->type == XsdType::kDateTime) &&
      x->datetime.has_tz != y->datetime.has_tz) {
    // XPath: a value without a timezone may be anywhere in -14:00..+14:00.
    constexpr __int128 k14Hours = static_cast<__int128>(14) * 3600 * 1000000000;
    __int128 d = x->datetime.Instant() - y->datetime.Instant();
    if (d <= k14Hours && d >= -k14Hours) return Cmp::kIndeterminate;
  }
  return FromPartial(rdf::CompareXsd(*x, *y));
}

bool KnownAndValid(const rdf::Term& t) {
  if (IsPlainString(t)) return true;
  return detail::LiteralValue(t).has_value();
}

std::optional<bool> EqualsInternal(const rdf::Term& a, const rdf::Term& b) {
  switch (CompareInternal(a, b)) {
    case Cmp::kEqual:
      return true;
    case Cmp::kLess:
    case Cmp::kGreater:
    case Cmp::kUnordered:
      return false;
    case Cmp::kIndeterminate:
      return std::nullopt;
    case Cmp::kIncomparable:
      break;
  }
  if (TermsIdentical(a, b)) return true;
  if (!a.is_literal() || !b.is_literal()) return false;
  if (IsLangString(a) || IsLangString(b)) return false;
  if (KnownAndValid(a) && KnownAndValid(b)) return false;
  return std::nullopt;  // unknown datatype or ill-typed literal: cannot tell
}

}  // namespace

namespace detail {

std::optional<XsdValue> ArithValues(ArithOp op, const XsdValue& x, const XsdValue& y) {
  XsdType t = std::max(x.type, y.type);  // integer < decimal < float < double
  XsdValue out;
  if (t == XsdType::kInteger && op != ArithOp::kDiv) {
    int64_t r = 0;
    bool big = !x.big_integer.empty() || !y.big_integer.empty();
    bool overflow =
        big || (op == ArithOp::kAdd   ? __builtin_add_overflow(x.integer, y.integer, &r)
                : op == ArithOp::kSub ? __builtin_sub_overflow(x.integer, y.integer, &r)
                                      : __builtin_mul_overflow(x.integer, y.integer, &r));
    // xsd:integer is unbounded: past 64 bits the exact (slower) arithmetic takes over.
    if (overflow) {
      return rdf::IntegerArith(op == ArithOp::kAdd   ? rdf::IntegerOp::kAdd
                               : op == ArithOp::kSub ? rdf::IntegerOp::kSub
                                                     : rdf::IntegerOp::kMul,
                               x, y);
    }
    out.type = XsdType::kInteger;
    out.integer = r;
    return out;
  }
  if (t == XsdType::kInteger || t == XsdType::kDecimal) {
    std::optional<rdf::Decimal> dp = ToDecimal(x), dq = ToDecimal(y);
    if (!dp || !dq) return std::nullopt;  // an integer beyond the decimal range
    rdf::Decimal p = *dp, q = *dq;
    std::optional<rdf::Decimal> r;
    switch (op) {
      case ArithOp::kAdd:
      case ArithOp::kSub: {
        __int128 v = 0;
        bool overflow = op == ArithOp::kAdd ? __builtin_add_overflow(p.scaled, q.scaled, &v)
                                            : __builtin_sub_overflow(p.scaled, q.scaled, &v);
        if (!overflow) r = rdf::Decimal{v};
        break;
      }
      case ArithOp::kMul:
        r = DecimalMul(p, q);
        break;
      case ArithOp::kDiv:
        r = DecimalDiv(p, q);  // nullopt for division by zero
        break;
    }
    if (!r || !DecimalInRange(*r)) return std::nullopt;
    out.type = XsdType::kDecimal;
    out.decimal = *r;
    return out;
  }
  double p = ToDouble(x), q = ToDouble(y), r = 0;
  switch (op) {
    case ArithOp::kAdd:
      r = p + q;
      break;
    case ArithOp::kSub:
      r = p - q;
      break;
    case ArithOp::kMul:
      r = p * q;
      break;
    case ArithOp::kDiv:
      r = p / q;  // IEEE: INF or NaN for a zero divisor
      break;
  }
  out.type = t == XsdType::kFloat ? XsdType::kFloat : XsdType::kDouble;
  out.floating = t == XsdType::kFloat ? static_cast<double>(static_cast<float>(r)) : r;
  return out;
}

}  // namespace detail

namespace {

ExprResult Arith(ArithOp op, const ExprResult& a, const ExprResult& b) {
  if (!a || !b) return std::nullopt;
  auto x = NumericValue(*a);
  if (!x) return std::nullopt;
  auto y = NumericValue(*b);
  if (!y) return std::nullopt;
  auto r = detail::ArithValues(op, *x, *y);
  if (!r) return std::nullopt;
  return detail::MakeNumber(*r);
}

ExprResult CompareOp(const ExprResult& a, const ExprResult& b, bool lt, bool eq, bool gt) {
  if (!a || !b) return std::nullopt;
  switch (CompareInternal(*a, *b)) {
    case Cmp::kLess:
      return MakeBoolean(lt);
    case Cmp::kEqual:
      return MakeBoolean(eq);
    case Cmp::kGreater:
      return MakeBoolean(gt);
    case Cmp::kUnordered:
      return MakeBoolean(false);
    case Cmp::kIndeterminate:
    case Cmp::kIncomparable:
      break;
  }
  return std::nullopt;
}

}  // namespace

// ---- EBV and logic ----

std::optional<bool> EffectiveBooleanValue(const ExprResult& t) {
  if (!t || !t->is_literal()) return std::nullopt;
  if (IsPlainString(*t)) return !t->value().empty();
  if (IsLangString(*t)) return std::nullopt;
  XsdType type = rdf::ClassifyDatatype(t->datatype());
  if (type == XsdType::kBoolean) {
    auto v = detail::LiteralValue(*t);
    return v && v->boolean;
  }
  if (detail::IsNumericType(type)) {
    auto v = detail::LiteralValue(*t);
    if (!v) return false;
    switch (v->type) {
      case XsdType::kInteger:
        return v->integer != 0 || !v->big_integer.empty();
      case XsdType::kDecimal:
        return v->decimal.scaled != 0;
      default:
        return !(std::isnan(v->floating) || v->floating == 0);
    }
  }
  return std::nullopt;
}

ExprResult LogicalOr(const ExprResult& a, const ExprResult& b) {
  auto x = EffectiveBooleanValue(a), y = EffectiveBooleanValue(b);
  if ((x && *x) || (y && *y)) return MakeBoolean(true);
  if (!x || !y) return std::nullopt;
  return MakeBoolean(false);
}

ExprResult LogicalAnd(const ExprResult& a, const ExprResult& b) {
  auto x = EffectiveBooleanValue(a), y = EffectiveBooleanValue(b);
  if ((x && !*x) || (y && !*y)) return MakeBoolean(false);
  if (!x || !y) return std::nullopt;
  return MakeBoolean(true);
}

ExprResult LogicalNot(const ExprResult& a) {
  auto x = EffectiveBooleanValue(a);
  if (!x) return std::nullopt;
  return MakeBoolean(!*x);
}

// ---- Arithmetic ----

ExprResult Add(const ExprResult& a, const ExprResult& b) {
  return Arith(ArithOp::kAdd, a, b);
}
ExprResult Subtract(const ExprResult& a, const ExprResult& b) {
  return Arith(ArithOp::kSub, a, b);
}
ExprResult Multiply(const ExprResult& a, const ExprResult& b) {
  return Arith(ArithOp::kMul, a, b);
}
ExprResult Divide(const ExprResult& a, const ExprResult& b) {
  return Arith(ArithOp::kDiv, a, b);
}

ExprResult UnaryMinus(const ExprResult& a) {
  if (!a) return std::nullopt;
  auto x = NumericValue(*a);
  if (!x) return std::nullopt;
  switch (x->type) {
    case XsdType::kInteger: {
      XsdValue zero;
      zero.type = XsdType::kInteger;
      *x = rdf::IntegerArith(rdf::IntegerOp::kSub, zero, *x);  // -(-2^63) is big
      break;
    }
    case XsdType::kDecimal:
      x->decimal.scaled = -x->decimal.scaled;
      break;
    default:
      x->floating = -x->floating;
      break;
  }
  return detail::MakeNumber(*x);
}

ExprResult UnaryPlus(const ExprResult& a) {
  if (!a) return std::nullopt;
  auto x = NumericValue(*a);
  if (!x) return std::nullopt;
  return detail::MakeNumber(*x);
}

// ---- Comparison ----

std::optional<bool> ValueEquals(const rdf::Term& a, const rdf::Term& b) {
  return EqualsInternal(a, b);
}

std::optional<int> CompareValues(const rdf::Term& a, const rdf::Term& b) {
  switch (CompareInternal(a, b)) {
    case Cmp::kLess:
      return -1;
    case Cmp::kEqual:
      return 0;
    case Cmp::kGreater:
      return 1;
    default:
      return std::nullopt;
  }
}

ExprResult Equal(const ExprResult& a, const ExprResult& b) {
  if (!a || !b) return std::nullopt;
  auto r = EqualsInternal(*a, *b);
  if (!r) return std::nullopt;
  return MakeBoolean(*r);
}

ExprResult NotEqual(const ExprResult& a, const ExprResult& b) {
  if (!a || !b) return std::nullopt;
  auto r = EqualsInternal(*a, *b);
  if (!r) return std::nullopt;
  return MakeBoolean(!*r);
}

ExprResult Less(const ExprResult& a, const ExprResult& b) {
  return CompareOp(a, b, true, false, false);
}
ExprResult Greater(const ExprResult& a, const ExprResult& b) {
  return CompareOp(a, b, false, false, true);
}
ExprResult LessEqual(const ExprResult& a, const ExprResult& b) {
  return CompareOp(a, b, true, true, false);
}
ExprResult GreaterEqual(const ExprResult& a, const ExprResult& b) {
  return CompareOp(a, b, false, true, true);
}

ExprResult SameTerm(const ExprResult& a, const ExprResult& b) {
  if (!a || !b) return std::nullopt;
  return MakeBoolean(TermsIdentical(*a, *b));
}

ExprResult In(const ExprResult& lhs, std::span<const ExprResult> list) {
  if (list.empty()) return MakeBoolean(false);  // an empty disjunction, whatever lhs is
  if (!lhs) return std::nullopt;
  bool error = false;
  for (const ExprResult& e : list) {
    if (!e) {
      error = true;
      continue;
    }
    auto r = EqualsInternal(*lhs, *e);
    if (!r) {
      error = true;
    } else if (*r) {
      return MakeBoolean(true);
    }
  }
  if (error) return std::nullopt;
  return MakeBoolean(false);
}

ExprResult NotIn(const ExprResult& lhs, std::span<const ExprResult> list) {
  ExprResult r = In(lhs, list);
  if (!r) return std::nullopt;
  return LogicalNot(r);
}

// ---- ORDER BY ----

namespace {

int KindRank(const ExprResult& t) {
  if (!t || t->is_none()) return 0;
  if (t->is_blank()) return 1;
  if (t->is_iri()) return 2;
  return 3;
}

// Category of a literal for ordering, and its value when it has one.
int LiteralCategory(const rdf::Term& t, std::optional<XsdValue>* value) {
  if (IsPlainString(t)) return 4;
  if (IsLangString(t)) return 5;
  *value = detail::LiteralValue(t);
  if (!*value) return 6;
  switch ((*value)->type) {
    case XsdType::kBoolean:
      return 1;
    case XsdType::kDateTime:
      return 2;
    case XsdType::kDate:
      return 3;
    default:
      return 0;  // numbers
  }
}

int Sign(int c) {
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int TieBreak(const rdf::Term& a, const rdf::Term& b) {
  if (int c = a.value().compare(b.value())) return Sign(c);
  std::string_view da = IsPlainString(a) ? rdf::vocab::kXsdString : a.datatype();
  std::string_view db = IsPlainString(b) ? rdf::vocab::kXsdString : b.datatype();
  if (int c = da.compare(db)) return Sign(c);
  return Sign(a.lang().compare(b.lang()));
}

}  // namespace

int OrderCompare(const ExprResult& a, const ExprResult& b) {
  int ka = KindRank(a), kb = KindRank(b);
  if (ka != kb) return ka < kb ? -1 : 1;
  if (ka == 0) return 0;
  if (ka != 3) return Sign(a->value().compare(b->value()));
  std::optional<XsdValue> va, vb;
  int ca = LiteralCategory(*a, &va), cb = LiteralCategory(*b, &vb);
  if (ca != cb) return ca < cb ? -1 : 1;
  if (ca == 5) {
    if (int c = a->value().compare(b->value())) return Sign(c);
    return TieBreak(*a, *b);
  }
  if (va && vb) {
    bool nan_a =
        detail::IsNumericType(va->type) && va->type >= XsdType::kFloat && std::isnan(va->floating);
    bool nan_b =
        detail::IsNumericType(vb->type) && vb->type >= XsdType::kFloat && std::isnan(vb->floating);
    if (nan_a != nan_b) return nan_a ? -1 : 1;
    std::partial_ordering o = rdf::CompareXsd(*va, *vb);
    if (o == std::partial_ordering::less) return -1;
    if (o == std::partial_ordering::greater) return 1;
  }
  if (ca == 6) {
    // Unknown datatypes and ill-typed literals: by datatype, then lexical form.
    if (int c = a->datatype().compare(b->datatype())) return Sign(c);
  }
  return TieBreak(*a, *b);
}

}  // namespace hamlet::sparql::expr
