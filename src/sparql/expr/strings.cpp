// String and term functions (17.4.2, 17.4.3): STR LANG DATATYPE IRI BNODE STRDT STRLANG,
// is* tests, STRLEN SUBSTR UCASE LCASE STRSTARTS STRENDS CONTAINS STRBEFORE STRAFTER
// ENCODE_FOR_URI CONCAT LANGMATCHES REGEX REPLACE.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>

#include "rdf/check.h"
#include "rdf/iri.h"
#include "rdf/vocab.h"
#include "sparql/expr/detail.h"

namespace hamlet::sparql::expr::detail {

namespace {

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string MapCase(std::string_view s, bool upper) {
  // ASCII text (most of it) maps byte by byte; the ICU round trip costs ten times more.
  if (std::all_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(s);
    for (char& c : out) {
      if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  // XPath fn:upper-case / fn:lower-case use Unicode's full case mappings, which may change
  // the length ("straße" -> "STRASSE"); ICU's root locale applies them without any
  // language-specific tailoring (no Turkish dotless i). Invalid UTF-8 becomes U+FFFD.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  if (upper) {
    u.toUpper(icu::Locale::getRoot());
  } else {
    u.toLower(icu::Locale::getRoot());
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Argument compatibility (17.4.3.1.2): both simple/xsd:string, both language-tagged with the
// same tag, or arg1 language-tagged and arg2 simple/xsd:string.
bool Compatible(const rdf::Term& a, const rdf::Term& b) {
  if (!IsStringLiteral(a) || !IsStringLiteral(b)) return false;
  if (IsPlainString(b)) return true;
  return IsLangString(a) && ToLowerAscii(a.lang()) == ToLowerAscii(b.lang());
}

// XPath fn:round on a double: half rounds towards positive infinity.
double XPathRound(double x) {
  if (std::isnan(x) || std::isinf(x)) return x;
  double r = std::floor(x);
  if (x - r >= 0.5) r += 1;
  return r;
}

ExprResult Substr(const rdf::Term& s, const rdf::Term& start, const rdf::Term* len) {
  if (!IsStringLiteral(s)) return std::nullopt;
  auto st = NumericValue(start);
  if (!st) return std::nullopt;
  double from = XPathRound(ToDouble(*st));
  double to = std::numeric_limits<double>::infinity();
  if (len != nullptr) {
    auto ln = NumericValue(*len);
    if (!ln) return std::nullopt;
    to = from + XPathRound(ToDouble(*ln));
  }
  std::u32string cps = DecodeUtf8(s.value());
  std::u32string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    double p = static_cast<double>(i + 1);
    if (p >= from && p < to) out.push_back(cps[i]);
  }
  return MakeLike(s, EncodeUtf8(out));
}

ExprResult EncodeForUri(const rdf::Term& s) {
  if (!IsStringLiteral(s)) return std::nullopt;
  std::string out;
  for (unsigned char c : s.value()) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return MakeString(std::move(out));
}

ExprResult Concat(Args args) {
  std::string out;
  bool all_plain = true, same_lang = true;
  const std::string* lang = nullptr;
  for (const ExprResult& a : args) {
    if (!a || !IsStringLiteral(*a)) return std::nullopt;
    out += a->value();
    if (IsLangString(*a)) {
      all_plain = false;
      if (lang == nullptr) {
        lang = &a->lang();
      } else if (ToLowerAscii(*lang) != ToLowerAscii(a->lang())) {
        same_lang = false;
      }
    } else {
      same_lang = false;
    }
  }
  if (!all_plain && same_lang && lang != nullptr) return rdf::Term::LangLiteral(out, *lang);
  return MakeString(std::move(out));
}

bool LangMatches(std::string_view tag, std::string_view range) {
  if (range == "*") return !tag.empty();
  std::string t = ToLowerAscii(tag), r = ToLowerAscii(range);
  if (r.empty()) return t.empty();
  return t == r || (t.size() > r.size() && t.compare(0, r.size(), r) == 0 && t[r.size()] == '-');
}

ExprResult MakeIri(const rdf::Term& t, const Context& ctx) {
  if (t.is_iri()) return t;
  if (!IsPlainString(t)) return std::nullopt;
  std::string iri = rdf::ResolveIri(ctx.base_iri, t.value());
  if (!rdf::CheckAbsoluteIri(iri).ok()) return std::nullopt;
  return rdf::Term::Iri(std::move(iri));
}

}  // namespace

ExprResult CallString(std::string_view name, Args args, Context& ctx, bool* found) {
  *found = true;
  for (const ExprResult& a : args) {
    if (!a) return std::nullopt;
  }
  const size_t n = args.size();
  auto arg = [&](size_t i) -> const rdf::Term& { return *args[i]; };
  if (name == "STR" && n == 1) {
    if (arg(0).is_blank()) return std::nullopt;
    return MakeString(arg(0).value());
  }
  if (name == "LANG" && n == 1) {
    if (!arg(0).is_literal()) return std::nullopt;
    return MakeString(arg(0).lang());
  }
  if (name == "DATATYPE" && n == 1) {
    const rdf::Term& t = arg(0);
    if (!t.is_literal()) return std::nullopt;
    if (IsLangString(t)) return rdf::Term::Iri(std::string(rdf::vocab::kRdfLangString));
    return rdf::Term::Iri(t.datatype().empty() ? std::string(rdf::vocab::kXsdString)
                                               : t.datatype());
  }
  if ((name == "IRI" || name == "URI") && n == 1) return MakeIri(arg(0), ctx);
  if (name == "BNODE" && n == 0) return ctx.FreshBlank();
  if (name == "BNODE" && n == 1) {
    if (!IsPlainString(arg(0))) return std::nullopt;
    return ctx.BlankFor(arg(0).value());
  }
  if (name == "STRDT" && n == 2) {
    if (!IsPlainString(arg(0)) || !arg(1).is_iri()) return std::nullopt;
    if (arg(1).value() == rdf::vocab::kRdfLangString) return std::nullopt;
    return rdf::Term::Literal(arg(0).value(), arg(1).value());
  }
  if (name == "STRLANG" && n == 2) {
    if (!IsPlainString(arg(0)) || !IsPlainString(arg(1))) return std::nullopt;
    if (!rdf::CheckLanguageTag(arg(1).value()).ok()) return std::nullopt;
    return rdf::Term::LangLiteral(arg(0).value(), arg(1).value());
  }
  if ((name == "ISIRI" || name == "ISURI") && n == 1) return MakeBoolean(arg(0).is_iri());
  if (name == "ISBLANK" && n == 1) return MakeBoolean(arg(0).is_blank());
  if (name == "ISLITERAL" && n == 1) return MakeBoolean(arg(0).is_literal());
  if (name == "ISNUMERIC" && n == 1) return MakeBoolean(NumericValue(arg(0)).has_value());
  if (name == "STRLEN" && n == 1) {
    if (!IsStringLiteral(arg(0))) return std::nullopt;
    return MakeInteger(static_cast<int64_t>(CountCodePoints(arg(0).value())));
  }
  if (name == "SUBSTR" && (n == 2 || n == 3)) {
    return Substr(arg(0), arg(1), n == 3 ? &arg(2) : nullptr);
  }
  if ((name == "UCASE" || name == "LCASE") && n == 1) {
    if (!IsStringLiteral(arg(0))) return std::nullopt;
    return MakeLike(arg(0), MapCase(arg(0).value(), name == "UCASE"));
  }
  if (name == "ENCODE_FOR_URI" && n == 1) return EncodeForUri(arg(0));
  if (name == "CONCAT") return Concat(args);
  if (name == "LANGMATCHES" && n == 2) {
    if (!IsPlainString(arg(0)) || !IsPlainString(arg(1))) return std::nullopt;
    return MakeBoolean(LangMatches(arg(0).value(), arg(1).value()));
  }
  if ((name == "STRSTARTS" || name == "STRENDS" || name == "CONTAINS" || name == "STRBEFORE" ||
       name == "STRAFTER") &&
      n == 2) {
    const rdf::Term& a = arg(0);
    const rdf::Term& b = arg(1);
    if (!Compatible(a, b)) return std::nullopt;
    const std::string& s = a.value();
    const std::string& t = b.value();
    if (name == "STRSTARTS")
      return MakeBoolean(s.compare(0, t.size(), t) == 0 && s.size() >= t.size());
    if (name == "STRENDS") {
      return MakeBoolean(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    }
    size_t pos = s.find(t);
    if (name == "CONTAINS") return MakeBoolean(pos != std::string::npos);
    if (pos == std::string::npos) return MakeString("");
    if (name == "STRBEFORE") return MakeLike(a, s.substr(0, pos));
    return MakeLike(a, s.substr(pos + t.size()));
  }
  if (name == "REGEX" && (n == 2 || n == 3)) {
    return Regex(arg(0), arg(1), n == 3 ? &arg(2) : nullptr, ctx);
  }
  if (name == "REPLACE" && (n == 3 || n == 4)) {
    return Replace(arg(0), arg(1), arg(2), n == 4 ? &arg(3) : nullptr, ctx);
  }
  *found = false;
  return std::nullopt;
}

}  // namespace hamlet::sparql::expr::detail
