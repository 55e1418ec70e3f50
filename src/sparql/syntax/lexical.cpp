// Character classes, keyword tables and other non-template helpers of the X3 grammar.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>

#include "rdf/utf8.h"
#include "sparql/syntax/detail/x3_support.h"

namespace hamlet::sparql::syntax::detail {

int DecodeUtf8(const char* p, const char* end, std::uint32_t& cp) {
  rdf::utf8::Decoded d = rdf::utf8::DecodeFirst(std::string_view(p, end - p));
  if (d.problem != rdf::utf8::Problem::kNone) return 0;
  cp = d.code_point;
  return static_cast<int>(d.length);
}

namespace {
bool InBase(std::uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}
}  // namespace

bool InClass(CharClass k, std::uint32_t c) {
  if (InBase(c)) return true;
  if (k == CharClass::kBase) return false;
  if (c == '_') return true;
  if (k == CharClass::kU) return false;
  if ((c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
      (c >= 0x203F && c <= 0x2040)) {
    return true;
  }
  return k == CharClass::kChars && c == '-';
}

bool IsNameContinuation(const char* p, const char* end) {
  if (p == end) return false;
  if (*p == ':') return true;
  std::uint32_t cp;
  int n = DecodeUtf8(p, end, cp);
  return n > 0 && InClass(CharClass::kChars, cp);
}

const char* SkipWs(const char* p, const char* end) {
  while (p != end) {
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
      ++p;
    } else if (*p == '#') {
      while (p != end && *p != '\n' && *p != '\r') ++p;
    } else {
      break;
    }
  }
  return p;
}

void NoteUnclosed(ParseState& st, const char* rule_first, const char* what) {
  if (st.unclosed_what != nullptr) return;  // the innermost block wins
  const char* open = SkipWs(rule_first, st.end);
  st.unclosed_what = what;
  st.unclosed_offset = static_cast<std::size_t>(open - st.begin);
}

namespace {

constexpr std::string_view kBuiltins[] = {
    "ABS",         "BNODE",     "BOUND",     "CEIL",      "COALESCE",
    "CONCAT",      "CONTAINS",  "DATATYPE",  "DAY",       "ENCODE_FOR_URI",
    "FLOOR",       "HOURS",     "IF",        "IRI",       "ISBLANK",
    "ISIRI",       "ISLITERAL", "ISNUMERIC", "ISURI",     "LANG",
    "LANGMATCHES", "LCASE",     "MD5",       "MINUTES",   "MONTH",
    "NOW",         "RAND",      "REGEX",     "REPLACE",   "ROUND",
    "SAMETERM",    "SECONDS",   "SHA1",      "SHA256",    "SHA384",
    "SHA512",      "STR",       "STRAFTER",  "STRBEFORE", "STRDT",
    "STRENDS",     "STRLANG",   "STRLEN",    "STRSTARTS", "STRUUID",
    "SUBSTR",      "TIMEZONE",  "TZ",        "UCASE",     "URI",
    "UUID",        "YEAR"};
constexpr std::string_view kAggregates[] = {"AVG", "COUNT",  "GROUP_CONCAT", "MAX",
                                            "MIN", "SAMPLE", "SUM"};

// Reads a whole word of [A-Za-z0-9_] at first; fails when a name continues after it.
bool ReadWord(const char*& first, const char* last, std::string& upper) {
  const char* p = first;
  upper.clear();
  while (p != last && (std::isalnum(static_cast<unsigned char>(*p)) || *p == '_')) {
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
    ++p;
  }
  if (upper.empty() || IsNameContinuation(p, last)) return false;
  first = p;
  return true;
}

template <std::size_t N>
bool MatchWord(const char*& first, const char* last, std::string& name,
               const std::string_view (&table)[N]) {
  const char* p = first;
  std::string upper;
  if (!ReadWord(p, last, upper)) return false;
  if (std::find(std::begin(table), std::end(table), std::string_view(upper)) == std::end(table)) {
    return false;
  }
  first = p;
  name = std::move(upper);
  return true;
}

}  // namespace

bool MatchBuiltinName(const char*& first, const char* last, std::string& name) {
  return MatchWord(first, last, name, kBuiltins);
}

bool MatchAggregateName(const char*& first, const char* last, std::string& name) {
  return MatchWord(first, last, name, kAggregates);
}

}  // namespace hamlet::sparql::syntax::detail
