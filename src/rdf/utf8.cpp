#include "rdf/utf8.h"

namespace hamlet::rdf::utf8 {

namespace {

bool IsContinuation(unsigned char b) {
  return (b & 0xC0) == 0x80;
}

// What table 3-7 allows as the second byte after `lead`, and what a byte outside that range
// means. Only E0, ED, F0 and F4 narrow it; the others take any continuation byte.
struct SecondByte {
  unsigned char lo = 0x80, hi = 0xBF;
  Problem below = Problem::kTruncated, above = Problem::kTruncated;
};

SecondByte SecondByteRange(unsigned char lead) {
  switch (lead) {
    case 0xE0:
      return {0xA0, 0xBF, Problem::kOverlong, Problem::kTruncated};
    case 0xED:
      return {0x80, 0x9F, Problem::kTruncated, Problem::kSurrogate};
    case 0xF0:
      return {0x90, 0xBF, Problem::kOverlong, Problem::kTruncated};
    case 0xF4:
      return {0x80, 0x8F, Problem::kTruncated, Problem::kTooLarge};
    default:
      return {};
  }
}

}  // namespace

const char* Describe(Problem p) {
  switch (p) {
    case Problem::kNone:
      return "valid UTF-8";
    case Problem::kStrayContinuation:
      return "a continuation byte that starts no character";
    case Problem::kInvalidByte:
      return "a byte that never occurs in UTF-8";
    case Problem::kOverlong:
      return "an overlong encoding";
    case Problem::kSurrogate:
      return "an encoded UTF-16 surrogate (U+D800..U+DFFF), which is not a character";
    case Problem::kTooLarge:
      return "a code point above U+10FFFF";
    case Problem::kTruncated:
      return "a sequence cut short";
  }
  return "invalid UTF-8";
}

Decoded DecodeFirst(std::string_view s) {
  auto lead = static_cast<unsigned char>(s[0]);
  if (lead < 0x80) return {lead, 1, Problem::kNone};
  if (IsContinuation(lead)) return {0, 1, Problem::kStrayContinuation};
  if (lead < 0xC2) return {0, 1, Problem::kOverlong};  // C0, C1: only overlong forms of ASCII
  if (lead > 0xF4) return {0, 1, lead < 0xF8 ? Problem::kTooLarge : Problem::kInvalidByte};
  size_t need = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t cp = lead & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
  for (size_t i = 1; i < need; ++i) {
    if (i == s.size()) return {0, i, Problem::kTruncated};  // the input ended inside
    auto b = static_cast<unsigned char>(s[i]);
    if (i == 1) {
      SecondByte r = SecondByteRange(lead);
      if (IsContinuation(b) && b < r.lo) return {0, 1, r.below};
      if (IsContinuation(b) && b > r.hi) return {0, 1, r.above};
    }
    if (!IsContinuation(b)) return {0, i, Problem::kTruncated};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, need, Problem::kNone};
}

std::optional<Invalid> FindInvalid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // ASCII runs are the common case: skip them without decoding.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    Decoded d = DecodeFirst(s.substr(i));
    if (d.problem != Problem::kNone) return Invalid{i, d.problem};
    i += d.length;
  }
  return std::nullopt;
}

void Append(char32_t cp, std::string* out) {
  if (!IsScalarValue(cp)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !IsContinuation(static_cast<unsigned char>(c));
  return n;
}

size_t PrefixBytes(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t chars = 0; i < s.size(); ++i) {
    if (!IsContinuation(static_cast<unsigned char>(s[i])) && chars++ == n) break;
  }
  return i;
}

}  // namespace hamlet::rdf::utf8
