#include "store/inline_literal.h"

#include <string>

#include "rdf/vocab.h"

namespace hamlet::store {

namespace {

constexpr uint64_t kPayloadBits = kKindShift;
// Integers are stored offset so that id order is numeric order within the kind.
constexpr int64_t kIntegerLimit = int64_t{1} << 54;
// Decimals: 50 bits of digits (all the digits, without the point), a sign bit, and the
// number of digits after the point (1..15).
constexpr int kDecimalMaxDigits = 15;
constexpr int kDecimalDigitBits = 50;

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

uint64_t ParseDigits(std::string_view s) {
  uint64_t v = 0;
  for (char c : s) v = v * 10 + static_cast<uint64_t>(c - '0');
  return v;
}

TermId Make(uint8_t kind, uint64_t payload) {
  return (static_cast<TermId>(kind) << kKindShift) | (payload & kSequenceMask);
}

// "0" or -?[1-9][0-9]* below 2^54 in magnitude.
TermId EncodeInteger(std::string_view lex) {
  bool negative = !lex.empty() && lex[0] == '-';
  std::string_view digits = negative ? lex.substr(1) : lex;
  if (!AllDigits(digits) || digits.size() > 17) return kNoTerm;
  if (digits.size() > 1 && digits[0] == '0') return kNoTerm;
  if (negative && digits == "0") return kNoTerm;
  auto v = static_cast<int64_t>(ParseDigits(digits));
  if (v >= kIntegerLimit) return kNoTerm;
  if (negative) v = -v;
  return Make(kInlineInteger, static_cast<uint64_t>(v + kIntegerLimit));
}

// -?(0|[1-9][0-9]*)\.[0-9]{1,15} with at most 15 digits in all.
TermId EncodeDecimal(std::string_view lex) {
  bool negative = !lex.empty() && lex[0] == '-';
  std::string_view rest = negative ? lex.substr(1) : lex;
  size_t dot = rest.find('.');
  if (dot == std::string_view::npos) return kNoTerm;
  std::string_view whole = rest.substr(0, dot), frac = rest.substr(dot + 1);
  if (!AllDigits(whole) || !AllDigits(frac)) return kNoTerm;
  if (whole.size() > 1 && whole[0] == '0') return kNoTerm;
  if (whole.size() + frac.size() > kDecimalMaxDigits) return kNoTerm;
  uint64_t digits = ParseDigits(whole);
  for (char c : frac) digits = digits * 10 + static_cast<uint64_t>(c - '0');
  uint64_t payload = (digits << 6) | (negative ? 1u << 5 : 0u) | frac.size();
  return Make(kInlineDecimal, payload);
}

// YYYY-MM-DD with a month 01-12 and a day 01-31 (no time zone).
TermId EncodeDate(std::string_view lex) {
  if (lex.size() != 10 || lex[4] != '-' || lex[7] != '-') return kNoTerm;
  std::string_view y = lex.substr(0, 4), m = lex.substr(5, 2), d = lex.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return kNoTerm;
  uint64_t month = ParseDigits(m), day = ParseDigits(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return kNoTerm;
  return Make(kInlineDate, (ParseDigits(y) << 9) | (month << 5) | day);
}

std::string Pad(uint64_t v, size_t width) {
  std::string s = std::to_string(v);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

}  // namespace

static_assert(kDecimalDigitBits + 6 <= kPayloadBits, "decimal payload must fit");

TermId InlineLiteralId(std::string_view datatype, std::string_view lexical) {
  if (datatype.size() <= rdf::vocab::kXsd.size() ||
      datatype.compare(0, rdf::vocab::kXsd.size(), rdf::vocab::kXsd) != 0) {
    return kNoTerm;
  }
  if (datatype == rdf::vocab::kXsdInteger) return EncodeInteger(lexical);
  if (datatype == rdf::vocab::kXsdDecimal) return EncodeDecimal(lexical);
  if (datatype == rdf::vocab::kXsdDate) return EncodeDate(lexical);
  if (datatype == rdf::vocab::kXsdBoolean) {
    if (lexical == "true") return Make(kInlineBoolean, 1);
    if (lexical == "false") return Make(kInlineBoolean, 0);
  }
  return kNoTerm;
}

rdf::Term DecodeInlineLiteral(TermId id) {
  uint64_t payload = id & kSequenceMask;
  switch (static_cast<uint8_t>(id >> kKindShift)) {
    case kInlineInteger:
      return rdf::Term::Literal(std::to_string(static_cast<int64_t>(payload) - kIntegerLimit),
                                std::string(rdf::vocab::kXsdInteger));
    case kInlineDecimal: {
      size_t frac = payload & 31;
      bool negative = (payload >> 5) & 1;
      std::string digits = Pad(payload >> 6, frac + 1);
      digits.insert(digits.size() - frac, ".");
      return rdf::Term::Literal((negative ? "-" : "") + digits,
                                std::string(rdf::vocab::kXsdDecimal));
    }
    case kInlineDate:
      return rdf::Term::Literal(
          Pad(payload >> 9, 4) + "-" + Pad((payload >> 5) & 15, 2) + "-" + Pad(payload & 31, 2),
          std::string(rdf::vocab::kXsdDate));
    default:
      return rdf::Term::Literal(payload != 0 ? "true" : "false",
                                std::string(rdf::vocab::kXsdBoolean));
  }
}

}  // namespace hamlet::store
