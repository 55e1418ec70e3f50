#include "rdf/xsd.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "rdf/vocab.h"
#include "rdf/xsd_integer.h"

namespace hamlet::rdf {

namespace {

// An integer type's value range; nullopt: unbounded on that side.
struct IntRange {
  std::string_view local;
  std::optional<__int128> lo, hi;
};

constexpr __int128 kI64Min = std::numeric_limits<int64_t>::min();
constexpr __int128 kI64Max = std::numeric_limits<int64_t>::max();
constexpr __int128 kU64Max = std::numeric_limits<uint64_t>::max();
constexpr std::nullopt_t kNone = std::nullopt;

const IntRange kIntegerTypes[] = {
    {"integer", kNone, kNone},
    {"long", kI64Min, kI64Max},
    {"int", -2147483648LL, 2147483647LL},
    {"short", -32768, 32767},
    {"byte", -128, 127},
    {"nonNegativeInteger", 0, kNone},
    {"positiveInteger", 1, kNone},
    {"nonPositiveInteger", kNone, 0},
    {"negativeInteger", kNone, -1},
    {"unsignedLong", 0, kU64Max},
    {"unsignedInt", 0, 4294967295LL},
    {"unsignedShort", 0, 65535},
    {"unsignedByte", 0, 255},
};

const IntRange* FindIntegerType(std::string_view dt) {
  if (dt.substr(0, vocab::kXsd.size()) != vocab::kXsd) return nullptr;
  std::string_view local = dt.substr(vocab::kXsd.size());
  for (const auto& r : kIntegerTypes) {
    if (r.local == local) return &r;
  }
  return nullptr;
}

std::string Invalid(std::string_view lex, std::string_view what) {
  return "'" + std::string(lex) + "' is not a valid xsd:" + std::string(what);
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Parses [+-]digits[.digits] into a scaled decimal. Returns false on syntax or range error.
bool ParseDecimalLex(std::string_view s, bool allow_point, Decimal* out, bool* range_error) {
  *range_error = false;
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  __int128 whole = 0;
  size_t digits = 0;
  constexpr __int128 kLimit = static_cast<__int128>(170141183460469231LL) * 1000;  // ~1.7e20
  while (i < s.size() && IsDigit(s[i])) {
    whole = whole * 10 + (s[i++] - '0');
    ++digits;
    if (whole > kLimit) {
      *range_error = true;
      return false;
    }
  }
  __int128 frac = 0;
  int frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    if (!allow_point) return false;
    ++i;
    while (i < s.size() && IsDigit(s[i])) {
      if (frac_digits < Decimal::kScaleDigits) {
        frac = frac * 10 + (s[i] - '0');
        ++frac_digits;
      } else if (s[i] != '0') {
        *range_error = true;  // more precision than we keep exactly
        return false;
      }
      ++i;
      ++digits;
    }
  }
  if (digits == 0 || i != s.size()) return false;
  __int128 scale = 1;
  for (int k = 0; k < Decimal::kScaleDigits; ++k) scale *= 10;
  for (int k = frac_digits; k < Decimal::kScaleDigits; ++k) frac *= 10;
  out->scaled = whole * scale + frac;
  if (neg) out->scaled = -out->scaled;
  return true;
}

bool ParseFloatLex(std::string_view s, double* out) {
  if (s == "INF" || s == "+INF") {
    *out = std::numeric_limits<double>::infinity();
    return true;
  }
  if (s == "-INF") {
    *out = -std::numeric_limits<double>::infinity();
    return true;
  }
  if (s == "NaN") {
    *out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  // XSD: (\+|-)?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee](\+|-)?[0-9]+)?
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t mant = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++mant;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++mant;
  }
  if (mant == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp = 0;
    while (i < s.size() && IsDigit(s[i])) ++i, ++exp;
    if (exp == 0) return false;
  }
  if (i != s.size()) return false;
  std::string copy(s[0] == '+' ? s.substr(1) : s);
  char* end = nullptr;
  *out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size();
}

int DaysInMonth(int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

bool ReadFixed(std::string_view s, size_t* i, int n, int* out) {
  if (*i + n > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[*i + k];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *i += n;
  *out = v;
  return true;
}

bool ParseDateTimeLex(std::string_view s, bool date_only, DateTime* dt) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && s[i] == '-') neg = true, ++i;
  size_t ystart = i;
  int64_t year = 0;
  while (i < s.size() && IsDigit(s[i])) {
    year = year * 10 + (s[i++] - '0');
    if (year > 999999999) return false;
  }
  size_t ylen = i - ystart;
  if (ylen < 4 || (ylen > 4 && s[ystart] == '0')) return false;
  if (year == 0) return false;  // XSD 1.0: no year zero
  dt->year = neg ? -year : year;
  if (i >= s.size() || s[i++] != '-') return false;
  if (!ReadFixed(s, &i, 2, &dt->month) || dt->month < 1 || dt->month > 12) return false;
  if (i >= s.size() || s[i++] != '-') return false;
  if (!ReadFixed(s, &i, 2, &dt->day) || dt->day < 1 || dt->day > DaysInMonth(dt->year, dt->month))
    return false;
  dt->is_date = date_only;
  if (!date_only) {
    if (i >= s.size() || s[i++] != 'T') return false;
    int sec = 0;
    if (!ReadFixed(s, &i, 2, &dt->hour) || i >= s.size() || s[i++] != ':') return false;
    if (!ReadFixed(s, &i, 2, &dt->minute) || i >= s.size() || s[i++] != ':') return false;
    if (!ReadFixed(s, &i, 2, &sec)) return false;
    int64_t nanos = int64_t{sec} * 1000000000;
    if (i < s.size() && s[i] == '.') {
      ++i;
      int64_t scale = 100000000;
      size_t n = 0;
      while (i < s.size() && IsDigit(s[i])) {
        nanos += (s[i++] - '0') * scale;
        scale /= 10;
        ++n;
      }
      if (n == 0) return false;
    }
    dt->nanos = nanos;
    bool end_of_day = dt->hour == 24 && dt->minute == 0 && nanos == 0;
    if ((dt->hour > 23 && !end_of_day) || dt->minute > 59 || sec > 59) return false;
  }
  if (i < s.size()) {
    if (s[i] == 'Z') {
      ++i;
      dt->has_tz = true;
    } else if (s[i] == '+' || s[i] == '-') {
      int sign = s[i++] == '-' ? -1 : 1;
      int h = 0, m = 0;
      if (!ReadFixed(s, &i, 2, &h) || i >= s.size() || s[i++] != ':' || !ReadFixed(s, &i, 2, &m))
        return false;
      if (h > 14 || m > 59 || (h == 14 && m != 0)) return false;
      dt->has_tz = true;
      dt->tz_minutes = sign * (h * 60 + m);
    }
  }
  return i == s.size();
}

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string Int128ToString(__int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u =
      neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string s;
  while (u > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (neg) s.insert(s.begin(), '-');
  return s;
}

}  // namespace

__int128 DateTime::Instant() const {
  __int128 days = DaysFromCivil(year, month, day);
  __int128 secs = days * 86400 + hour * 3600 + minute * 60 - tz_minutes * 60;
  return secs * 1000000000 + nanos;
}

XsdType ClassifyDatatype(std::string_view dt) {
  if (dt == vocab::kXsdString) return XsdType::kString;
  if (dt == vocab::kXsdBoolean) return XsdType::kBoolean;
  if (dt == vocab::kXsdDecimal) return XsdType::kDecimal;
  if (dt == vocab::kXsdFloat) return XsdType::kFloat;
  if (dt == vocab::kXsdDouble) return XsdType::kDouble;
  if (dt == vocab::kXsdDate) return XsdType::kDate;
  if (dt == vocab::kXsdDateTime) return XsdType::kDateTime;
  if (FindIntegerType(dt) != nullptr) return XsdType::kInteger;
  return XsdType::kOther;
}

Result<XsdValue> ParseXsd(std::string_view lex, std::string_view dt) {
  XsdValue v;
  v.type = ClassifyDatatype(dt);
  bool range_error = false;
  switch (v.type) {
    case XsdType::kOther:
    case XsdType::kString:
      return Status::InvalidArgument("datatype <" + std::string(dt) + "> has no value space here");
    case XsdType::kBoolean:
      if (lex == "true" || lex == "1") {
        v.boolean = true;
      } else if (lex == "false" || lex == "0") {
        v.boolean = false;
      } else {
        return Status::InvalidInput(Invalid(lex, "boolean"));
      }
      return v;
    case XsdType::kInteger: {
      const IntRange* r = FindIntegerType(dt);
      Decimal d;
      if (!ParseDecimalLex(lex, false, &d, &range_error)) {
        if (!range_error) return Status::InvalidInput(Invalid(lex, r->local));
      } else {
        __int128 whole = d.scaled / 1000000000000000000LL;
        if (whole >= kI64Min && whole <= kI64Max && (!r->lo || whole >= *r->lo) &&
            (!r->hi || whole <= *r->hi)) {
          v.integer = static_cast<int64_t>(whole);
          return v;
        }
      }
      // Beyond 64 bits, or outside the type's range: checked exactly.
      HAMLET_RETURN_IF_ERROR(xsd_internal::ParseWideInteger(lex, r->lo, r->hi, r->local, &v));
      return v;
    }
    case XsdType::kDecimal:
      if (!ParseDecimalLex(lex, true, &v.decimal, &range_error)) {
        if (range_error) {
          return Status::InvalidInput(
              "'" + std::string(lex) +
              "' is outside the decimal range or precision Hamlet supports");
        }
        return Status::InvalidInput(Invalid(lex, "decimal"));
      }
      return v;
    case XsdType::kFloat:
    case XsdType::kDouble:
      if (!ParseFloatLex(lex, &v.floating)) {
        return Status::InvalidInput(Invalid(lex, v.type == XsdType::kFloat ? "float" : "double"));
      }
      if (v.type == XsdType::kFloat) v.floating = static_cast<float>(v.floating);
      return v;
    case XsdType::kDate:
    case XsdType::kDateTime: {
      bool date_only = v.type == XsdType::kDate;
      if (!ParseDateTimeLex(lex, date_only, &v.datetime)) {
        return Status::InvalidInput(Invalid(lex, date_only ? "date" : "dateTime"));
      }
      return v;
    }
  }
  return Status::Internal("unreachable");
}

namespace {

bool IsNumeric(XsdType t) {
  return t == XsdType::kInteger || t == XsdType::kDecimal || t == XsdType::kFloat ||
         t == XsdType::kDouble;
}

double AsDouble(const XsdValue& v) {
  switch (v.type) {
    case XsdType::kInteger:
      return IntegerToDouble(v);
    case XsdType::kDecimal:
      return static_cast<double>(v.decimal.scaled) / 1e18;
    default:
      return v.floating;
  }
}

}  // namespace

std::partial_ordering CompareXsd(const XsdValue& a, const XsdValue& b) {
  if (IsNumeric(a.type) && IsNumeric(b.type)) {
    if (a.type == XsdType::kInteger && b.type == XsdType::kInteger) return CompareIntegers(a, b);
    if (a.type == XsdType::kDecimal && b.type == XsdType::kDecimal) return a.decimal <=> b.decimal;
    if (a.type == XsdType::kInteger && b.type == XsdType::kDecimal) {
      return CompareIntegerDecimal(a, b.decimal);
    }
    if (a.type == XsdType::kDecimal && b.type == XsdType::kInteger) {
      return 0 <=> CompareIntegerDecimal(b, a.decimal);
    }
    return AsDouble(a) <=> AsDouble(b);
  }
  if (a.type == XsdType::kBoolean && b.type == XsdType::kBoolean) return a.boolean <=> b.boolean;
  if (a.type == b.type && (a.type == XsdType::kDate || a.type == XsdType::kDateTime)) {
    return a.datetime.Instant() <=> b.datetime.Instant();
  }
  return std::partial_ordering::unordered;
}

std::string CanonicalLexical(const XsdValue& v) {
  switch (v.type) {
    case XsdType::kBoolean:
      return v.boolean ? "true" : "false";
    case XsdType::kInteger:
      return v.big_integer.empty() ? std::to_string(v.integer) : v.big_integer;
    case XsdType::kDecimal: {
      __int128 scale = 1000000000000000000LL;
      __int128 s = v.decimal.scaled;
      bool neg = s < 0;
      if (neg) s = -s;
      std::string whole = Int128ToString(s / scale);
      std::string frac = Int128ToString(s % scale);
      frac.insert(frac.begin(), Decimal::kScaleDigits - frac.size(), '0');
      while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
      return (neg ? "-" : "") + whole + "." + frac;
    }
    case XsdType::kFloat:
    case XsdType::kDouble: {
      double d = v.floating;
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "INF" : "-INF";
      if (d == 0) return std::signbit(d) ? "-0.0E0" : "0.0E0";
      char buf[64];
      std::snprintf(buf, sizeof buf, v.type == XsdType::kFloat ? "%.8E" : "%.17E", d);
      // Shortest round-trip mantissa: trim trailing zeros of the mantissa.
      std::string s = buf;
      for (int prec = 0; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*E", prec, d);
        double back = std::strtod(buf, nullptr);
        bool same = v.type == XsdType::kFloat ? static_cast<float>(back) == static_cast<float>(d)
                                              : back == d;
        if (same) {
          s = buf;
          break;
        }
      }
      size_t e = s.find('E');
      std::string mant = s.substr(0, e);
      int exp = std::atoi(s.c_str() + e + 1);
      if (mant.find('.') == std::string::npos) mant += ".0";
      return mant + "E" + std::to_string(exp);
    }
    case XsdType::kDate:
    case XsdType::kDateTime: {
      const DateTime& t = v.datetime;
      char buf[96];
      int n = std::snprintf(buf, sizeof buf, "%s%04lld-%02d-%02d", t.year < 0 ? "-" : "",
                            static_cast<long long>(t.year < 0 ? -t.year : t.year), t.month, t.day);
      std::string s(buf, n);
      if (!t.is_date) {
        int64_t sec = t.nanos / 1000000000, frac = t.nanos % 1000000000;
        n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02lld", t.hour, t.minute,
                          static_cast<long long>(sec));
        s.append(buf, n);
        if (frac != 0) {
          n = std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(frac));
          std::string f(buf, n);
          while (f.back() == '0') f.pop_back();
          s += f;
        }
      }
      if (t.has_tz) {
        if (t.tz_minutes == 0) {
          s += "Z";
        } else {
          int m = t.tz_minutes < 0 ? -t.tz_minutes : t.tz_minutes;
          n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", t.tz_minutes < 0 ? '-' : '+', m / 60,
                            m % 60);
          s.append(buf, n);
        }
      }
      return s;
    }
    default:
      return {};
  }
}

}  // namespace hamlet::rdf
