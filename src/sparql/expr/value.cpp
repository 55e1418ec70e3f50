// Term classification and construction, exact decimal arithmetic, UTF-8 and Context.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "rdf/utf8.h"
#include "rdf/vocab.h"
#include "sparql/expr/detail.h"

namespace hamlet::sparql::expr {

namespace {

using u128 = unsigned __int128;

// ---- 256-bit helpers for exact decimal multiplication and division ----

struct U256 {
  u128 hi = 0, lo = 0;
};

U256 Mul128(u128 a, u128 b) {
  const u128 mask = ~uint64_t{0};
  u128 a0 = a & mask, a1 = a >> 64, b0 = b & mask, b1 = b >> 64;
  u128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  u128 mid = (p00 >> 64) + (p01 & mask) + (p10 & mask);
  U256 r;
  r.lo = (p00 & mask) | (mid << 64);
  r.hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
  return r;
}

// n / d by shift-and-subtract; nullopt when the quotient does not fit in 127 bits.
std::optional<u128> Div256(U256 n, u128 d) {
  if (d == 0) return std::nullopt;
  u128 rem = 0;
  U256 q;
  for (int i = 255; i >= 0; --i) {
    bool bit = i >= 128 ? ((n.hi >> (i - 128)) & 1) : ((n.lo >> i) & 1);
    bool carry = (rem >> 127) & 1;
    rem = (rem << 1) | static_cast<u128>(bit);
    if (carry || rem >= d) {
      rem -= d;
      if (i >= 128) {
        q.hi |= u128{1} << (i - 128);
      } else {
        q.lo |= u128{1} << i;
      }
    }
  }
  if (q.hi != 0 || (q.lo >> 127) != 0) return std::nullopt;
  return q.lo;
}

u128 Abs128(__int128 v) {
  return v < 0 ? -static_cast<u128>(v) : static_cast<u128>(v);
}

std::string FormatNow() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                        tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                        static_cast<int>(ms % 1000));
  return std::string(buf, n);
}

}  // namespace

// ---- Context ------------------------------------------------------------------------------

Context::Context() : rng_(std::random_device{}()) {
  std::string lex = FormatNow();
  auto v = rdf::ParseXsd(lex, rdf::vocab::kXsdDateTime);
  if (v.ok()) lex = rdf::CanonicalLexical(*v);  // drops trailing zeros of the fraction
  now_ = rdf::Term::Literal(std::move(lex), std::string(rdf::vocab::kXsdDateTime));
}

void Context::NextSolution() {
  if (!solution_bnodes_.empty()) solution_bnodes_.clear();
}

rdf::Term Context::FreshBlank() {
  return rdf::Term::Blank(bnode_prefix + std::to_string(bnode_counter_++));
}

rdf::Term Context::BlankFor(std::string_view key) {
  auto [it, inserted] = solution_bnodes_.try_emplace(std::string(key));
  if (inserted) it->second = bnode_prefix + std::to_string(bnode_counter_++);
  return rdf::Term::Blank(it->second);
}

double Context::Random() {
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
}

std::string Context::RandomUuid() {
  uint64_t a = rng_(), b = rng_();
  a = (a & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // variant 10
  char buf[40];
  std::snprintf(
      buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx",
      static_cast<unsigned long long>(a >> 32), static_cast<unsigned long long>((a >> 16) & 0xffff),
      static_cast<unsigned long long>(a & 0xffff), static_cast<unsigned long long>(b >> 48),
      static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

rdf::Term MakeBoolean(bool b) {
  return rdf::Term::Literal(b ? "true" : "false", std::string(rdf::vocab::kXsdBoolean));
}

rdf::Term MakeInteger(int64_t i) {
  return rdf::Term::Literal(std::to_string(i), std::string(rdf::vocab::kXsdInteger));
}

rdf::Term MakeString(std::string s) {
  return rdf::Term::Literal(std::move(s), std::string(rdf::vocab::kXsdString));
}

namespace detail {

bool IsNumericType(rdf::XsdType t) {
  return t == rdf::XsdType::kInteger || t == rdf::XsdType::kDecimal || t == rdf::XsdType::kFloat ||
         t == rdf::XsdType::kDouble;
}

bool IsPlainString(const rdf::Term& t) {
  return t.is_literal() && t.lang().empty() &&
         (t.datatype().empty() || t.datatype() == rdf::vocab::kXsdString);
}

bool IsLangString(const rdf::Term& t) {
  return t.is_literal() && !t.lang().empty();
}

bool IsStringLiteral(const rdf::Term& t) {
  return IsPlainString(t) || IsLangString(t);
}

std::optional<rdf::XsdValue> LiteralValue(const rdf::Term& t) {
  if (!t.is_literal() || !t.lang().empty()) return std::nullopt;
  rdf::XsdType type = rdf::ClassifyDatatype(t.datatype());
  if (type == rdf::XsdType::kOther || type == rdf::XsdType::kString) return std::nullopt;
  auto r = rdf::ParseXsd(t.value(), t.datatype());
  if (!r.ok()) return std::nullopt;
  return *r;
}

std::optional<rdf::XsdValue> NumericValue(const rdf::Term& t) {
  if (!t.is_literal() || !t.lang().empty()) return std::nullopt;
  if (!IsNumericType(rdf::ClassifyDatatype(t.datatype()))) return std::nullopt;
  return LiteralValue(t);
}

std::string Xsd(std::string_view local) {
  return std::string(rdf::vocab::kXsd) + std::string(local);
}

rdf::Term MakeTyped(std::string lex, std::string_view datatype) {
  return rdf::Term::Literal(std::move(lex), std::string(datatype));
}

rdf::Term MakeNumber(const rdf::XsdValue& v) {
  std::string_view dt = rdf::vocab::kXsdInteger;
  if (v.type == rdf::XsdType::kDecimal) dt = rdf::vocab::kXsdDecimal;
  if (v.type == rdf::XsdType::kFloat) dt = rdf::vocab::kXsdFloat;
  if (v.type == rdf::XsdType::kDouble) dt = rdf::vocab::kXsdDouble;
  return MakeTyped(rdf::CanonicalLexical(v), dt);
}

rdf::Term MakeDecimal(rdf::Decimal d) {
  rdf::XsdValue v;
  v.type = rdf::XsdType::kDecimal;
  v.decimal = d;
  return MakeNumber(v);
}

rdf::Term MakeDouble(double d) {
  rdf::XsdValue v;
  v.type = rdf::XsdType::kDouble;
  v.floating = d;
  return MakeNumber(v);
}

rdf::Term MakeFloat(float f) {
  rdf::XsdValue v;
  v.type = rdf::XsdType::kFloat;
  v.floating = f;
  return MakeNumber(v);
}

rdf::Term MakeLike(const rdf::Term& model, std::string lex) {
  if (!model.lang().empty()) return rdf::Term::LangLiteral(std::move(lex), model.lang());
  return MakeString(std::move(lex));
}

std::string DecimalNoPointZero(rdf::Decimal d) {
  rdf::XsdValue v;
  v.type = rdf::XsdType::kDecimal;
  v.decimal = d;
  std::string s = rdf::CanonicalLexical(v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

double ToDouble(const rdf::XsdValue& v) {
  switch (v.type) {
    case rdf::XsdType::kInteger:
      return rdf::IntegerToDouble(v);
    case rdf::XsdType::kDecimal: {
      // Whole and fractional parts separately keep full double precision.
      __int128 whole = v.decimal.scaled / kDecimalScale, frac = v.decimal.scaled % kDecimalScale;
      return static_cast<double>(whole) + static_cast<double>(frac) / 1e18;
    }
    case rdf::XsdType::kBoolean:
      return v.boolean ? 1.0 : 0.0;
    default:
      return v.floating;
  }
}

std::optional<rdf::Decimal> ToDecimal(const rdf::XsdValue& v) {
  if (v.type == rdf::XsdType::kDecimal) return v.decimal;
  return rdf::IntegerToDecimal(v);
}

bool DecimalInRange(rdf::Decimal d) {
  // rdf/xsd.h accepts |whole part| <= ~1.7e20; keep results inside what it can parse back.
  constexpr __int128 kLimit = static_cast<__int128>(170141183460469231LL) * 1000;
  __int128 whole = d.scaled / kDecimalScale;
  return whole <= kLimit && whole >= -kLimit;
}

std::optional<rdf::Decimal> DecimalMul(rdf::Decimal a, rdf::Decimal b) {
  bool neg = (a.scaled < 0) != (b.scaled < 0);
  auto q = Div256(Mul128(Abs128(a.scaled), Abs128(b.scaled)), static_cast<u128>(kDecimalScale));
  if (!q) return std::nullopt;
  rdf::Decimal r;
  r.scaled = neg ? -static_cast<__int128>(*q) : static_cast<__int128>(*q);
  if (!DecimalInRange(r)) return std::nullopt;
  return r;
}

std::optional<rdf::Decimal> DecimalDiv(rdf::Decimal a, rdf::Decimal b) {
  if (b.scaled == 0) return std::nullopt;
  bool neg = (a.scaled < 0) != (b.scaled < 0);
  auto q = Div256(Mul128(Abs128(a.scaled), static_cast<u128>(kDecimalScale)), Abs128(b.scaled));
  if (!q) return std::nullopt;
  rdf::Decimal r;
  r.scaled = neg ? -static_cast<__int128>(*q) : static_cast<__int128>(*q);
  if (!DecimalInRange(r)) return std::nullopt;
  return r;
}

std::string NumberToXPathString(const rdf::XsdValue& v) {
  switch (v.type) {
    case rdf::XsdType::kInteger:
      return rdf::CanonicalLexical(v);
    case rdf::XsdType::kDecimal:
      return DecimalNoPointZero(v.decimal);
    case rdf::XsdType::kFloat:
    case rdf::XsdType::kDouble: {
      double d = v.floating;
      double a = std::fabs(d);
      if (std::isnan(d) || std::isinf(d) || a == 0 || a < 1e-6 || a >= 1e6) {
        if (a == 0 && !std::isnan(d)) return std::signbit(d) ? "-0" : "0";
        return rdf::CanonicalLexical(v);
      }
      // Shortest decimal notation that reads back to the same value.
      char buf[64];
      for (int prec = 0; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*f", prec, d);
        double back = std::strtod(buf, nullptr);
        bool same = v.type == rdf::XsdType::kFloat
                        ? static_cast<float>(back) == static_cast<float>(d)
                        : back == d;
        if (same) break;
      }
      return buf;
    }
    default:
      return rdf::CanonicalLexical(v);
  }
}

// ---- UTF-8 ----

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    // One U+FFFD for each ill-formed sequence, as far as its bytes fit (Unicode's "maximal
    // subpart" practice).
    rdf::utf8::Decoded d = rdf::utf8::DecodeFirst(s.substr(i));
    out.push_back(d.problem == rdf::utf8::Problem::kNone ? d.code_point : U'\uFFFD');
    i += d.length;
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : s) rdf::utf8::Append(cp, &out);
  return out;
}

size_t CountCodePoints(std::string_view s) {
  return rdf::utf8::CountCodePoints(s);
}

}  // namespace detail
}  // namespace hamlet::sparql::expr
