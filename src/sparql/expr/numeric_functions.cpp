// Numeric functions (17.4.4), date/time functions (17.4.5) and hash functions (17.4.6).
// Hashes use libcrypto (OpenSSL 3, EVP interface).
#include <openssl/evp.h>

#include <cmath>
#include <cstdio>
#include <limits>

#include "rdf/vocab.h"
#include "sparql/expr/detail.h"

namespace hamlet::sparql::expr::detail {

namespace {

using rdf::XsdType;
using rdf::XsdValue;

enum class Rounding { kCeil, kFloor, kRound };

__int128 FloorDiv(__int128 a, __int128 b) {
  __int128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

ExprResult RoundNumber(const rdf::Term& t, Rounding mode) {
  auto v = NumericValue(t);
  if (!v) return std::nullopt;
  switch (v->type) {
    case XsdType::kInteger:
      return MakeNumber(*v);
    case XsdType::kDecimal: {
      __int128 s = v->decimal.scaled;
      __int128 whole = FloorDiv(s, kDecimalScale);
      __int128 rem = s - whole * kDecimalScale;  // 0 <= rem < 10^18
      if ((mode == Rounding::kCeil && rem != 0) ||
          (mode == Rounding::kRound && rem * 2 >= kDecimalScale)) {
        ++whole;
      }
      // The result is within one of the input; check it stays inside the decimal range.
      constexpr __int128 kMaxWhole = static_cast<__int128>(170141183460469231LL) * 1000;
      if (whole > kMaxWhole || whole < -kMaxWhole) return std::nullopt;
      return MakeTyped(DecimalNoPointZero(rdf::Decimal{whole * kDecimalScale}),
                       rdf::vocab::kXsdDecimal);
    }
    default: {
      double d = v->floating, r = d;
      if (!std::isnan(d) && !std::isinf(d)) {
        if (mode == Rounding::kCeil) {
          r = std::ceil(d);
        } else if (mode == Rounding::kFloor) {
          r = std::floor(d);
        } else {
          r = std::floor(d);
          if (d - r >= 0.5) r += 1;
          if (r == 0 && std::signbit(d)) r = -0.0;
        }
      }
      v->floating = r;
      return MakeNumber(*v);
    }
  }
}

ExprResult Abs(const rdf::Term& t) {
  auto v = NumericValue(t);
  if (!v) return std::nullopt;
  switch (v->type) {
    case XsdType::kInteger:
      if (v->integer < 0 || (!v->big_integer.empty() && v->big_integer[0] == '-')) {
        XsdValue zero;
        zero.type = XsdType::kInteger;
        *v = rdf::IntegerArith(rdf::IntegerOp::kSub, zero, *v);  // |-2^63| is big
      }
      break;
    case XsdType::kDecimal:
      if (v->decimal.scaled < 0) v->decimal.scaled = -v->decimal.scaled;
      break;
    default:
      v->floating = std::fabs(v->floating);
      break;
  }
  return MakeNumber(*v);
}

// The dateTime (or date, when `allow_date`) value of `t`.
std::optional<rdf::DateTime> DateTimeOf(const rdf::Term& t, bool allow_date) {
  auto v = LiteralValue(t);
  if (!v) return std::nullopt;
  if (v->type == XsdType::kDateTime || (allow_date && v->type == XsdType::kDate)) {
    return v->datetime;
  }
  return std::nullopt;
}

std::string DayTimeDuration(int tz_minutes) {
  if (tz_minutes == 0) return "PT0S";
  int m = tz_minutes < 0 ? -tz_minutes : tz_minutes;
  std::string s = tz_minutes < 0 ? "-PT" : "PT";
  if (m / 60 != 0) s += std::to_string(m / 60) + "H";
  if (m % 60 != 0) s += std::to_string(m % 60) + "M";
  return s;
}

std::string TzString(const rdf::DateTime& dt) {
  if (!dt.has_tz) return "";
  if (dt.tz_minutes == 0) return "Z";
  int m = dt.tz_minutes < 0 ? -dt.tz_minutes : dt.tz_minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", dt.tz_minutes < 0 ? '-' : '+', m / 60, m % 60);
  return buf;
}

ExprResult DateFunction(std::string_view name, const rdf::Term& t) {
  bool date_ok =
      name == "YEAR" || name == "MONTH" || name == "DAY" || name == "TZ" || name == "TIMEZONE";
  auto dt = DateTimeOf(t, date_ok);
  if (!dt) return std::nullopt;
  if (name == "YEAR") return MakeInteger(dt->year);
  if (name == "MONTH") return MakeInteger(dt->month);
  if (name == "DAY") return MakeInteger(dt->day);
  if (name == "HOURS") return MakeInteger(dt->hour);
  if (name == "MINUTES") return MakeInteger(dt->minute);
  if (name == "SECONDS") {
    rdf::Decimal d{static_cast<__int128>(dt->nanos) * 1000000000};
    return MakeTyped(DecimalNoPointZero(d), rdf::vocab::kXsdDecimal);
  }
  if (name == "TIMEZONE") {
    if (!dt->has_tz) return std::nullopt;
    return MakeTyped(DayTimeDuration(dt->tz_minutes), Xsd("dayTimeDuration"));
  }
  return MakeString(TzString(*dt));  // TZ
}

ExprResult Hash(std::string_view name, const rdf::Term& t) {
  if (!IsPlainString(t)) return std::nullopt;
  const EVP_MD* md = name == "MD5"      ? EVP_md5()
                     : name == "SHA1"   ? EVP_sha1()
                     : name == "SHA256" ? EVP_sha256()
                     : name == "SHA384" ? EVP_sha384()
                                        : EVP_sha512();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (md == nullptr ||
      EVP_Digest(t.value().data(), t.value().size(), digest, &len, md, nullptr) != 1) {
    return std::nullopt;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return MakeString(std::move(out));
}

}  // namespace

ExprResult CallNumericOrDate(std::string_view name, Args args, Context& ctx, bool* found) {
  *found = true;
  for (const ExprResult& a : args) {
    if (!a) return std::nullopt;
  }
  const size_t n = args.size();
  if (n == 0) {
    if (name == "RAND") return MakeDouble(ctx.Random());
    if (name == "NOW") return ctx.now();
    if (name == "UUID") return rdf::Term::Iri("urn:uuid:" + ctx.RandomUuid());
    if (name == "STRUUID") return MakeString(ctx.RandomUuid());
  }
  if (n == 1) {
    const rdf::Term& t = *args[0];
    if (name == "ABS") return Abs(t);
    if (name == "CEIL") return RoundNumber(t, Rounding::kCeil);
    if (name == "FLOOR") return RoundNumber(t, Rounding::kFloor);
    if (name == "ROUND") return RoundNumber(t, Rounding::kRound);
    if (name == "YEAR" || name == "MONTH" || name == "DAY" || name == "HOURS" ||
        name == "MINUTES" || name == "SECONDS" || name == "TIMEZONE" || name == "TZ") {
      return DateFunction(name, t);
    }
    if (name == "MD5" || name == "SHA1" || name == "SHA256" || name == "SHA384" ||
        name == "SHA512") {
      return Hash(name, t);
    }
  }
  *found = false;
  return std::nullopt;
}

}  // namespace hamlet::sparql::expr::detail
