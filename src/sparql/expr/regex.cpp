// REGEX and REPLACE (17.4.3.14, 17.4.3.15) with XPath flags i, s, m, x (and q), using
// Boost.Regex (header-only) in Perl mode over UTF-32 code points so that "." and character
// classes see characters, not bytes. Differences from XPath regular expressions: Perl syntax
// is a superset (back-references, lookaround are accepted), and case-insensitive matching uses
// the "C.UTF-8" locale's simple case mapping when available (ASCII otherwise).
#include <algorithm>
#include <boost/regex.hpp>
#include <list>
#include <locale>
#include <memory>
#include <unordered_map>

#include "sparql/expr/detail.h"

namespace hamlet::sparql::expr::detail {

namespace {

using WRegex = boost::basic_regex<wchar_t>;

static_assert(sizeof(wchar_t) == 4, "wchar_t must hold a code point");

std::wstring ToWide(std::string_view s) {
  // ASCII text (most of it) widens byte by byte, without the detour through UTF-32.
  if (std::all_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::wstring(s.begin(), s.end());
  }
  std::u32string u = DecodeUtf8(s);
  return std::wstring(u.begin(), u.end());
}

std::string FromWide(const std::wstring& w) {
  std::u32string u(w.begin(), w.end());
  return EncodeUtf8(u);
}

const std::locale* Utf8CppLocale() {
  static const std::locale* loc = []() -> const std::locale* {
    try {
      return new std::locale("C.UTF-8");
    } catch (...) {
      return nullptr;
    }
  }();
  return loc;
}

std::wstring QuoteMeta(const std::wstring& p) {
  std::wstring out;
  for (wchar_t c : p) {
    if (std::wstring_view(L"\\^$.|?*+()[]{}").find(c) != std::wstring_view::npos) out += L'\\';
    out += c;
  }
  return out;
}

// XPath Unicode category escapes \p{..} / \P{..} mapped to the locale classes Boost knows
// (approximations: L -> alpha, Lu -> upper, Ll -> lower, N/Nd -> digit, P -> punct,
// Z/Zs -> space): \p{alpha} outside brackets, [:alpha:] inside. Other escapes are left for
// Boost (unknown ones, and \P{..} inside brackets, make the pattern invalid).
std::wstring MapCategoryEscapes(const std::wstring& p) {
  static const std::pair<std::wstring_view, std::wstring_view> kMap[] = {
      {L"L", L"alpha"},  {L"Lu", L"upper"}, {L"Ll", L"lower"}, {L"N", L"digit"},
      {L"Nd", L"digit"}, {L"P", L"punct"},  {L"Z", L"space"},  {L"Zs", L"space"},
  };
  std::wstring out;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    wchar_t c = p[i];
    if (c != L'\\' || i + 1 >= p.size()) {
      if (c == L'[' && !in_class) {
        in_class = true;
        out += c;
        if (i + 1 < p.size() && p[i + 1] == L'^') out += p[++i];
        if (i + 1 < p.size() && p[i + 1] == L']') out += p[++i];  // literal ']' first
        continue;
      }
      if (c == L']' && in_class) in_class = false;
      out += c;
      continue;
    }
    wchar_t e = p[i + 1];
    size_t close = p.find(L'}', i);
    if ((e == L'p' || e == L'P') && i + 2 < p.size() && p[i + 2] == L'{' &&
        close != std::wstring::npos && !(in_class && e == L'P')) {
      std::wstring_view name(p.data() + i + 3, close - (i + 3));
      bool mapped = false;
      for (const auto& [from, to] : kMap) {
        if (name != from) continue;
        if (in_class) {
          out.append(L"[:").append(to).append(L":]");
        } else {
          out.append(1, L'\\').append(1, e).append(1, L'{').append(to).append(1, L'}');
        }
        mapped = true;
        break;
      }
      if (mapped) {
        i = close;
        continue;
      }
    }
    out += c;
    out += p[++i];
  }
  return out;
}

// Compiles `pattern` with XPath `flags`; nullptr on a bad pattern or unknown flag. Compiled
// expressions are cached per thread (the same pattern is typically used for every row).
std::shared_ptr<const WRegex> Compile(const std::string& pattern, const std::string& flags) {
  thread_local std::unordered_map<std::string, std::shared_ptr<const WRegex>> cache;
  std::string key = flags + '\x01' + pattern;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  boost::regex_constants::syntax_option_type opts = boost::regex_constants::perl |
                                                    boost::regex_constants::no_mod_m |
                                                    boost::regex_constants::no_mod_s;
  bool literal = false;
  for (char f : flags) {
    switch (f) {
      case 'i':
        opts |= boost::regex_constants::icase;
        break;
      case 's':
        opts &= ~boost::regex_constants::no_mod_s;
        opts |= boost::regex_constants::mod_s;
        break;
      case 'm':
        opts &= ~boost::regex_constants::no_mod_m;
        break;
      case 'x':
        opts |= boost::regex_constants::mod_x;
        break;
      case 'q':
        literal = true;
        break;
      default:
        return nullptr;
    }
  }
  std::wstring wpattern = ToWide(pattern);
  wpattern = literal ? QuoteMeta(wpattern) : MapCategoryEscapes(wpattern);
  std::shared_ptr<WRegex> re;
  try {
    re = std::make_shared<WRegex>();
    if (const std::locale* loc = Utf8CppLocale()) re->imbue(*loc);
    re->assign(wpattern, opts);
  } catch (const std::exception&) {
    return nullptr;
  }
  if (cache.size() >= 256) cache.clear();
  cache.emplace(std::move(key), re);
  return re;
}

bool FlagsOk(const rdf::Term* flags, std::string* out) {
  if (flags == nullptr) return true;
  if (!IsPlainString(*flags)) return false;
  *out = flags->value();
  return true;
}

}  // namespace

ExprResult Regex(const rdf::Term& text, const rdf::Term& pattern, const rdf::Term* flags) {
  std::string f;
  if (!IsStringLiteral(text) || !IsPlainString(pattern) || !FlagsOk(flags, &f)) {
    return std::nullopt;
  }
  auto re = Compile(pattern.value(), f);
  if (!re) return std::nullopt;
  try {
    std::wstring w = ToWide(text.value());
    return MakeBoolean(boost::regex_search(w, *re));
  } catch (const std::exception&) {
    return std::nullopt;  // e.g. match too complex
  }
}

ExprResult Replace(const rdf::Term& text, const rdf::Term& pattern, const rdf::Term& replacement,
                   const rdf::Term* flags) {
  std::string f;
  if (!IsStringLiteral(text) || !IsPlainString(pattern) || !IsPlainString(replacement) ||
      !FlagsOk(flags, &f)) {
    return std::nullopt;
  }
  auto re = Compile(pattern.value(), f);
  if (!re) return std::nullopt;
  bool literal_replacement = f.find('q') != std::string::npos;
  std::wstring rep = ToWide(replacement.value());
  try {
    // XPath: a pattern that matches the empty string is an error (FORX0003).
    if (boost::regex_match(std::wstring(), *re)) return std::nullopt;
    std::wstring in = ToWide(text.value());
    std::wstring out;
    auto last = in.cbegin();
    for (boost::wsregex_iterator it(in.cbegin(), in.cend(), *re), end; it != end; ++it) {
      const auto& m = *it;
      out.append(last, m[0].first);
      if (literal_replacement) {
        out += rep;
      } else {
        for (size_t i = 0; i < rep.size(); ++i) {
          wchar_t c = rep[i];
          if (c == L'\\') {
            if (i + 1 < rep.size() && (rep[i + 1] == L'\\' || rep[i + 1] == L'$')) {
              out += rep[++i];
              continue;
            }
            return std::nullopt;  // FORX0004
          }
          if (c == L'$') {
            if (i + 1 >= rep.size() || rep[i + 1] < L'0' || rep[i + 1] > L'9') {
              return std::nullopt;  // FORX0004
            }
            size_t group = static_cast<size_t>(rep[++i] - L'0');
            // Longest digit sequence that still names an existing group.
            while (i + 1 < rep.size() && rep[i + 1] >= L'0' && rep[i + 1] <= L'9' &&
                   group * 10 + static_cast<size_t>(rep[i + 1] - L'0') < m.size()) {
              group = group * 10 + static_cast<size_t>(rep[++i] - L'0');
            }
            if (group < m.size() && m[group].matched) out.append(m[group].first, m[group].second);
            continue;
          }
          out += c;
        }
      }
      last = m[0].second;
    }
    out.append(last, in.cend());
    return MakeLike(text, FromWide(out));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace hamlet::sparql::expr::detail
