// XPath regular expression syntax -> PCRE2 syntax (see regex_translate.h). The pattern is
// UTF-8; every character with a meaning is ASCII, so other characters are copied byte by byte.
#include "sparql/expr/regex_translate.h"

#include <unicode/uchar.h>
#include <unicode/uniset.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace hamlet::sparql::expr::detail {

namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

// XML 1.0 (fifth edition) NameStartChar and the extra NameChar ranges: \i and \c.
const Ranges kNameStart = {
    {':', ':'},       {'A', 'Z'},       {'_', '_'},       {'a', 'z'},
    {0xC0, 0xD6},     {0xD8, 0xF6},     {0xF8, 0x2FF},    {0x370, 0x37D},
    {0x37F, 0x1FFF},  {0x200C, 0x200D}, {0x2070, 0x218F}, {0x2C00, 0x2FEF},
    {0x3001, 0xD7FF}, {0xF900, 0xFDCF}, {0xFDF0, 0xFFFD}, {0x10000, 0xEFFFF}};
const Ranges kNameExtra = {{'-', '.'}, {'0', '9'}, {0xB7, 0xB7}, {0x300, 0x36F}, {0x203F, 0x2040}};
// XSD \s: space, tab, newline, carriage return (PCRE2's \s with UCP would take all of Z).
const Ranges kSpace = {{'\t', '\n'}, {'\r', '\r'}, {' ', ' '}};

Ranges NameChars() {
  Ranges r = kNameStart;
  r.insert(r.end(), kNameExtra.begin(), kNameExtra.end());
  return r;
}

// The code points not in `r` (PCRE2 classes cannot nest a negated class).
Ranges Complement(Ranges r) {
  std::sort(r.begin(), r.end());
  Ranges out;
  char32_t next = 0;
  for (const auto& [lo, hi] : r) {
    if (lo > next) out.push_back({next, lo - 1});
    if (hi + 1 > next) next = hi + 1;
  }
  if (next <= 0x10FFFF) out.push_back({next, 0x10FFFF});
  return out;
}

// Class body text for ranges: \x{41}-\x{5a}...
std::string RangesBody(const Ranges& r) {
  std::string out;
  char buf[32];
  for (const auto& [lo, hi] : r) {
    std::snprintf(buf, sizeof buf, "\\x{%x}-\\x{%x}", static_cast<unsigned>(lo),
                  static_cast<unsigned>(hi));
    out += buf;
  }
  return out;
}

// The Unicode general categories XSD names (PCRE2 spells them the same way).
bool IsCategory(std::string_view name) {
  static const std::set<std::string_view> kCategories = {
      "L",  "Lu", "Ll", "Lt", "Lm", "Lo", "M",  "Mn", "Mc", "Me", "N",  "Nd",
      "Nl", "No", "P",  "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Z",  "Zs",
      "Zl", "Zp", "S",  "Sm", "Sc", "Sk", "So", "C",  "Cc", "Cf", "Co", "Cn"};
  return kCategories.count(name) > 0;
}

// The code points of the Unicode block `name` ("BasicLatin", "Greek"...; ICU matches names
// ignoring case, spaces, hyphens and underscores, and knows the older aliases XSD uses).
std::optional<Ranges> BlockRanges(std::string_view name) {
  std::string n(name);
  int32_t value = u_getPropertyValueEnum(UCHAR_BLOCK, n.c_str());
  if (value == UCHAR_INVALID_CODE) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set;
  set.applyIntPropertyValue(UCHAR_BLOCK, value, status);
  if (U_FAILURE(status) || set.getRangeCount() == 0) return std::nullopt;
  Ranges out;
  for (int32_t i = 0; i < set.getRangeCount(); ++i) {
    out.push_back(
        {static_cast<char32_t>(set.getRangeStart(i)), static_cast<char32_t>(set.getRangeEnd(i))});
  }
  return out;
}

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  return 4;
}

class Translator {
 public:
  Translator(std::string_view p, bool dot_all, bool strip)
      : p_(p), dot_all_(dot_all), strip_(strip) {}

  Result<std::string> Run() {
    std::string out;
    while (pos_ < p_.size() && error_.empty()) Branch(&out);
    if (error_.empty() && !open_.empty()) error_ = "unclosed '('";
    if (!error_.empty()) return Status::InvalidInput("invalid regular expression: " + error_);
    return out;
  }

 private:
  void Branch(std::string* out) {
    char c = p_[pos_];
    if (strip_ && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      ++pos_;
      return;
    }
    switch (c) {
      case '\\':
        ++pos_;
        EscapeOutside(out);
        return;
      case '[': {
        auto cls = Class();
        if (cls) *out += *cls;
        return;
      }
      case '.':
        ++pos_;
        *out += dot_all_ ? "(?s:.)" : "[^\\n\\r]";
        return;
      case '(':
        ++pos_;
        if (pos_ < p_.size() && p_[pos_] == '?') {
          // XPath 3.1 has only non-capturing groups; no lookaround, no inline options.
          if (pos_ + 1 >= p_.size() || p_[pos_ + 1] != ':') return Fail("'(?' other than '(?:'");
          pos_ += 2;
          open_.push_back(0);
          *out += "(?:";
          return;
        }
        open_.push_back(++groups_);
        *out += '(';
        return;
      case ')':
        ++pos_;
        if (open_.empty()) return Fail("unmatched ')'");
        if (open_.back() != 0) closed_.insert(open_.back());
        open_.pop_back();
        *out += ')';
        return;
      case '{':
        return Quantity(out);
      case ']':
      case '}':
        return Fail(std::string("unescaped '") + c + "'");
      default: {
        size_t len = Utf8Length(static_cast<unsigned char>(c));
        out->append(p_.substr(pos_, len));
        pos_ += len;
      }
    }
  }

  // {n}, {n,}, {n,m}: PCRE2 would read anything else as literal text.
  void Quantity(std::string* out) {
    size_t start = pos_++;
    auto digits = [&] {
      size_t d = pos_;
      while (pos_ < p_.size() && p_[pos_] >= '0' && p_[pos_] <= '9') ++pos_;
      return pos_ > d;
    };
    if (!digits()) return Fail("'{' not followed by a number");
    if (pos_ < p_.size() && p_[pos_] == ',') {
      ++pos_;
      digits();
    }
    if (pos_ >= p_.size() || p_[pos_] != '}') return Fail("unterminated quantifier");
    ++pos_;
    out->append(p_.substr(start, pos_ - start));
  }

  // After a backslash outside a class.
  void EscapeOutside(std::string* out) {
    if (pos_ >= p_.size()) return Fail("'\\' at the end");
    char e = p_[pos_];
    if (e >= '1' && e <= '9') return BackReference(out);
    if (auto cls = MultiCharEscape(/*in_class=*/false)) {
      *out += *cls;
      return;
    }
    if (!error_.empty()) return;
    if (auto single = SingleCharEscape()) {
      *out += *single;
      return;
    }
    Fail(std::string("unknown escape '\\") + e + "'");
  }

  // \N: the longest digit sequence naming a group closed before it (XPath 3.1, 5.6.1).
  void BackReference(std::string* out) {
    size_t n = static_cast<size_t>(p_[pos_++] - '0');
    if (!closed_.count(n)) return Fail("back-reference to a group not closed before it");
    while (pos_ < p_.size() && p_[pos_] >= '0' && p_[pos_] <= '9' &&
           closed_.count(n * 10 + static_cast<size_t>(p_[pos_] - '0'))) {
      n = n * 10 + static_cast<size_t>(p_[pos_++] - '0');
    }
    *out += "\\g{" + std::to_string(n) + "}";
  }

  // \n \r \t and escaped metacharacters (pos_ after the backslash); nullopt otherwise.
  std::optional<std::string> SingleCharEscape() {
    char e = p_[pos_];
    if (e == 'n' || e == 'r' || e == 't') {
      ++pos_;
      return std::string("\\") + e;
    }
    if (std::string_view("\\|.-^?*+{}()[]$").find(e) != std::string_view::npos) {
      ++pos_;
      return std::string("\\") + e;
    }
    return std::nullopt;
  }

  // \d \s \w \i \c \p{..} and their negations (pos_ after the backslash), as a PCRE2 item
  // outside a class or as class body text inside one. nullopt (error_ set on a bad \p)
  // when the escape is not one of these.
  std::optional<std::string> MultiCharEscape(bool in_class) {
    char e = p_[pos_];
    auto as_set = [&](const Ranges& r, bool negate) -> std::string {
      if (in_class) return RangesBody(negate ? Complement(r) : r);
      return (negate ? "[^" : "[") + RangesBody(r) + "]";
    };
    switch (e) {
      case 'd':
      case 'D':
        ++pos_;
        return std::string("\\") + e;  // \d is \p{Nd} under PCRE2_UCP, as in XSD
      case 's':
      case 'S':
        ++pos_;
        return as_set(kSpace, e == 'S');
      case 'i':
      case 'I':
        ++pos_;
        return as_set(kNameStart, e == 'I');
      case 'c':
      case 'C':
        ++pos_;
        return as_set(NameChars(), e == 'C');
      case 'w':
      case 'W': {
        // XSD \w is everything but punctuation, separators and other (P, Z, C).
        ++pos_;
        std::string body = e == 'w' ? "\\p{L}\\p{M}\\p{N}\\p{S}" : "\\p{P}\\p{Z}\\p{C}";
        return in_class ? body : "[" + body + "]";
      }
      case 'p':
      case 'P':
        return Property(e == 'P', as_set);
      default:
        return std::nullopt;
    }
  }

  template <typename AsSet>
  std::optional<std::string> Property(bool negate, const AsSet& as_set) {
    size_t close = p_.find('}', pos_);
    if (pos_ + 1 >= p_.size() || p_[pos_ + 1] != '{' || close == std::string_view::npos) {
      Fail("'\\p' or '\\P' without '{name}'");
      return std::nullopt;
    }
    std::string_view name = p_.substr(pos_ + 2, close - (pos_ + 2));
    pos_ = close + 1;
    if (IsCategory(name)) return std::string(negate ? "\\P{" : "\\p{") + std::string(name) + "}";
    if (name.substr(0, 2) == "Is") {
      if (auto r = BlockRanges(name.substr(2))) return as_set(*r, negate);
    }
    Fail("unknown category or block '" + std::string(name) + "'");
    return std::nullopt;
  }

  // A character class starting at '['; also [base-[subtracted]].
  std::optional<std::string> Class() {
    ++pos_;  // '['
    bool negated = pos_ < p_.size() && p_[pos_] == '^';
    if (negated) ++pos_;
    std::string body;
    std::optional<std::string> subtracted;
    bool empty = true;
    while (error_.empty()) {
      if (pos_ >= p_.size()) return Fail("unterminated '['"), std::nullopt;
      char c = p_[pos_];
      if (c == ']') {
        ++pos_;
        break;
      }
      if (c == '-' && pos_ + 1 < p_.size() && p_[pos_ + 1] == '[') {
        ++pos_;
        subtracted = Class();
        if (!subtracted) return std::nullopt;
        if (pos_ >= p_.size() || p_[pos_] != ']')
          return Fail("text after a subtraction"), std::nullopt;
        ++pos_;
        break;
      }
      if (c == '[') return Fail("unescaped '[' in a class"), std::nullopt;
      ClassItem(&body);
      empty = false;
    }
    if (!error_.empty()) return std::nullopt;
    if (empty) return Fail("empty class"), std::nullopt;
    std::string cls = (negated ? "[^" : "[") + body + "]";
    if (subtracted) return "(?:(?!" + *subtracted + ")" + cls + ")";
    return cls;
  }

  // One character, range or class escape inside a class.
  void ClassItem(std::string* body) {
    std::optional<char32_t> first = ClassChar(body);
    if (!first) return;  // a class escape, already appended (or an error)
    // A range, unless '-' closes the class or starts a subtraction.
    if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']' && p_[pos_ + 1] != '[') {
      ++pos_;
      std::string end_text;
      std::optional<char32_t> last = ClassChar(&end_text);
      if (!error_.empty()) return;
      if (!last) return Fail("a class escape as the end of a range");
      if (*last < *first) return Fail("range out of order");
      *body += "-" + end_text;
    }
  }

  // A single character in a class, appended escaped; its code point. A class escape is
  // appended as class body text and gives nullopt.
  std::optional<char32_t> ClassChar(std::string* body) {
    unsigned char c = static_cast<unsigned char>(p_[pos_]);
    if (c == '\\') {
      ++pos_;
      if (pos_ >= p_.size()) return Fail("'\\' at the end"), std::nullopt;
      char e = p_[pos_];
      if (auto cls = MultiCharEscape(/*in_class=*/true)) {
        *body += *cls;
        return std::nullopt;
      }
      if (!error_.empty()) return std::nullopt;
      if (!SingleCharEscape())
        return Fail(std::string("unknown escape '\\") + e + "'"), std::nullopt;
      *body += std::string("\\") + e;
      return e == 'n' ? U'\n' : e == 'r' ? U'\r' : e == 't' ? U'\t' : static_cast<char32_t>(e);
    }
    size_t len = Utf8Length(c);
    if (pos_ + len > p_.size()) return Fail("truncated UTF-8"), std::nullopt;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t i = 1; i < len; ++i)
      cp = (cp << 6) | (static_cast<unsigned char>(p_[pos_ + i]) & 0x3F);
    if (len == 1 && !std::isalnum(c)) *body += '\\';  // PCRE2 reads [:, \, ^ and - specially
    body->append(p_.substr(pos_, len));
    pos_ += len;
    return cp;
  }

  void Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why) + " at offset " + std::to_string(pos_);
  }

  std::string_view p_;
  bool dot_all_, strip_;
  size_t pos_ = 0;
  size_t groups_ = 0;
  std::vector<size_t> open_;  // open groups: their numbers, 0 for (?:
  std::set<size_t> closed_;
  std::string error_;
};

}  // namespace

Result<std::string> TranslateXPathRegex(std::string_view pattern, bool dot_all,
                                        bool strip_whitespace) {
  return Translator(pattern, dot_all, strip_whitespace).Run();
}

std::string QuotePcre2(std::string_view pattern) {
  std::string out;
  for (char c : pattern) {
    unsigned char u = static_cast<unsigned char>(c);
    // Any ASCII non-alphanumeric character is literal after a backslash in PCRE2.
    if (u < 0x80 && !std::isalnum(u)) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace hamlet::sparql::expr::detail
