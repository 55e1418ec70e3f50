// XSD constructor casts (17.5): xsd:string, boolean, integer (and derived types), decimal,
// float, double, dateTime, date.
#include <cmath>
#include <cstdio>

#include "rdf/vocab.h"
#include "sparql/expr/detail.h"

namespace hamlet::sparql::expr {

using detail::IsNumericType;
using detail::MakeTyped;
using rdf::XsdType;
using rdf::XsdValue;

namespace {

std::string_view Trim(std::string_view s) {
  const char* ws = " \t\r\n";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

ExprResult FromValue(const XsdValue& v, std::string_view dt) {
  return MakeTyped(rdf::CanonicalLexical(v), dt);
}

// A double as an exact-enough decimal (shortest decimal notation that reads back).
std::optional<rdf::Decimal> DoubleToDecimal(double d, bool is_float) {
  if (std::isnan(d) || std::isinf(d) || std::fabs(d) >= 1e20) return std::nullopt;
  char buf[80];
  for (int prec = 0; prec <= 18; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*f", prec, d);
    double back = std::strtod(buf, nullptr);
    if (is_float ? static_cast<float>(back) == static_cast<float>(d) : back == d) break;
  }
  auto r = rdf::ParseXsd(buf, rdf::vocab::kXsdDecimal);
  if (!r.ok()) return std::nullopt;
  return r->decimal;
}

// xsd:integer is unbounded, so the digits are produced as text (decimals and doubles past
// 64 bits included) and the target type's range is checked by parsing them back.
ExprResult ToInteger(const XsdValue& v, std::string_view dt) {
  std::string lex;
  switch (v.type) {
    case XsdType::kBoolean:
      lex = v.boolean ? "1" : "0";
      break;
    case XsdType::kInteger:
      lex = rdf::CanonicalLexical(v);
      break;
    case XsdType::kDecimal: {
      XsdValue whole = v;  // truncates towards zero: the digits before the point
      whole.decimal.scaled = v.decimal.scaled / detail::kDecimalScale * detail::kDecimalScale;
      lex = rdf::CanonicalLexical(whole);
      lex.resize(lex.find('.'));
      if (lex == "-0") lex = "0";
      break;
    }
    case XsdType::kFloat:
    case XsdType::kDouble: {
      double t = std::trunc(v.floating);
      if (std::isnan(t) || std::isinf(t)) return std::nullopt;
      char buf[400];
      std::snprintf(buf, sizeof buf, "%.0f", t);  // exact: t is integral
      lex = buf;
      if (lex == "-0") lex = "0";
      break;
    }
    default:
      return std::nullopt;
  }
  if (!rdf::ParseXsd(lex, dt).ok()) return std::nullopt;  // range of the derived type
  return MakeTyped(std::move(lex), dt);
}

}  // namespace

ExprResult Cast(const ExprResult& arg, std::string_view dt) {
  if (!arg) return std::nullopt;
  const rdf::Term& t = *arg;
  if (!t.is_iri() && !t.is_literal()) return std::nullopt;
  XsdType target = rdf::ClassifyDatatype(dt);
  if (target == XsdType::kString) {
    if (t.is_iri()) return MakeString(t.value());
    auto v = detail::LiteralValue(t);
    if (v && IsNumericType(v->type)) return MakeString(detail::NumberToXPathString(*v));
    if (v && v->type == XsdType::kBoolean) return MakeString(v->boolean ? "true" : "false");
    return MakeString(t.value());
  }
  if (target == XsdType::kOther || t.is_iri() || detail::IsLangString(t)) return std::nullopt;
  if (detail::IsPlainString(t)) {
    // From a string: the string must be in the target's lexical space.
    auto r = rdf::ParseXsd(Trim(t.value()), dt);
    if (!r.ok()) return std::nullopt;
    return FromValue(*r, dt);
  }
  auto v = detail::LiteralValue(t);
  if (!v) return std::nullopt;
  switch (target) {
    case XsdType::kBoolean:
      switch (v->type) {
        case XsdType::kBoolean:
          return FromValue(*v, dt);
        case XsdType::kInteger:
          return MakeBoolean(v->integer != 0);
        case XsdType::kDecimal:
          return MakeBoolean(v->decimal.scaled != 0);
        case XsdType::kFloat:
        case XsdType::kDouble:
          return MakeBoolean(!(v->floating == 0 || std::isnan(v->floating)));
        default:
          return std::nullopt;
      }
    case XsdType::kInteger:
      return ToInteger(*v, dt);
    case XsdType::kDecimal: {
      XsdValue out;
      out.type = XsdType::kDecimal;
      if (v->type == XsdType::kBoolean) {
        out.decimal.scaled = v->boolean ? detail::kDecimalScale : 0;
      } else if (v->type == XsdType::kInteger || v->type == XsdType::kDecimal) {
        auto d = detail::ToDecimal(*v);
        if (!d) return std::nullopt;  // an integer beyond the decimal range
        out.decimal = *d;
      } else if (v->type == XsdType::kFloat || v->type == XsdType::kDouble) {
        auto d = DoubleToDecimal(v->floating, v->type == XsdType::kFloat);
        if (!d) return std::nullopt;
        out.decimal = *d;
      } else {
        return std::nullopt;
      }
      return FromValue(out, dt);
    }
    case XsdType::kFloat:
    case XsdType::kDouble: {
      if (!IsNumericType(v->type) && v->type != XsdType::kBoolean) return std::nullopt;
      XsdValue out;
      out.type = target;
      out.floating = detail::ToDouble(*v);
      if (target == XsdType::kFloat) out.floating = static_cast<float>(out.floating);
      return FromValue(out, dt);
    }
    case XsdType::kDateTime:
    case XsdType::kDate: {
      if (v->type != XsdType::kDateTime && v->type != XsdType::kDate) return std::nullopt;
      XsdValue out = *v;
      out.type = target;
      out.datetime.is_date = target == XsdType::kDate;
      if (out.datetime.is_date) {
        out.datetime.hour = out.datetime.minute = 0;
        out.datetime.nanos = 0;
      }
      return FromValue(out, dt);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace hamlet::sparql::expr
