// REGEX and REPLACE (17.4.3.14, 17.4.3.15) with XPath flags i, s, m, x and q, on PCRE2 in
// UTF + UCP mode (so "." and \d see Unicode characters; \d matches Arabic-Indic digits, as
// XSD's \p{Nd} does). Patterns are XPath syntax, rewritten for PCRE2 by regex_translate.cpp.
//
// Backtracking is bounded (kMatchLimit steps, kDepthLimit nesting): a pattern such as
// (a+)+$ can need exponential time. Hitting the bound is not an evaluation error (that
// would silently drop the row from a FILTER); it is recorded in Context::SetFatal and the
// query fails with that message.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <memory>
#include <unordered_map>

#include "sparql/expr/detail.h"
#include "sparql/expr/regex_translate.h"

namespace hamlet::sparql::expr::detail {

namespace {

// Ten million steps take a few tenths of a second; ordinary patterns need thousands.
constexpr uint32_t kMatchLimit = 10'000'000;
constexpr uint32_t kDepthLimit = 100'000;

struct Compiled {
  pcre2_code* code = nullptr;  // null: the pattern or flags were rejected
  ~Compiled() { pcre2_code_free(code); }
};

// Compiles `pattern` with XPath `flags`. Results (also rejections) are cached per thread:
// the same pattern is typically used for every row.
std::shared_ptr<const Compiled> Compile(const std::string& pattern, const std::string& flags) {
  thread_local std::unordered_map<std::string, std::shared_ptr<const Compiled>> cache;
  std::string key = flags + '\x01' + pattern;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  auto compiled = std::make_shared<Compiled>();
  // DOLLAR_ENDONLY: without m, XPath's $ matches only at the very end (not before a final
  // newline as Perl's does).
  uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY;
  bool dot_all = false, strip = false, literal = false, ok = true;
  for (char f : flags) {
    switch (f) {
      case 'i':
        opts |= PCRE2_CASELESS;
        break;
      case 'm':
        opts |= PCRE2_MULTILINE;
        break;
      case 's':
        dot_all = true;
        break;
      case 'x':
        strip = true;
        break;
      case 'q':
        literal = true;
        break;
      default:
        ok = false;
    }
  }
  std::string translated;
  if (ok && literal) {
    translated = QuotePcre2(pattern);  // m, s and x have no effect with q
    opts &= ~PCRE2_MULTILINE;
  } else if (ok) {
    auto t = TranslateXPathRegex(pattern, dot_all, strip);
    ok = t.ok();
    if (ok) translated = std::move(t).value();
  }
  if (ok) {
    pcre2_compile_context* cctx = pcre2_compile_context_create(nullptr);
    pcre2_set_newline(cctx, PCRE2_NEWLINE_LF);  // m: lines end at \n, as in XPath
    int err = 0;
    PCRE2_SIZE err_offset = 0;
    compiled->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated.data()),
                                   translated.size(), opts, &err, &err_offset, cctx);
    pcre2_compile_context_free(cctx);
    // Without JIT support (or memory for it) the interpreter runs, with the same limits.
    if (compiled->code != nullptr) pcre2_jit_compile(compiled->code, PCRE2_JIT_COMPLETE);
  }
  if (cache.size() >= 256) cache.clear();
  cache.emplace(std::move(key), compiled);
  return compiled;
}

// Per-thread match context with the backtracking limits and a JIT stack big enough for
// ordinary nesting.
pcre2_match_context* MatchContext() {
  struct Holder {
    pcre2_match_context* mctx = pcre2_match_context_create(nullptr);
    pcre2_jit_stack* stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
    Holder() {
      pcre2_set_match_limit(mctx, kMatchLimit);
      pcre2_set_depth_limit(mctx, kDepthLimit);
      pcre2_jit_stack_assign(mctx, nullptr, stack);
    }
    ~Holder() {
      pcre2_jit_stack_free(stack);
      pcre2_match_context_free(mctx);
    }
  };
  thread_local Holder holder;
  return holder.mctx;
}

struct MatchDataDeleter {
  void operator()(pcre2_match_data* m) const { pcre2_match_data_free(m); }
};
using MatchData = std::unique_ptr<pcre2_match_data, MatchDataDeleter>;

enum class Outcome { kMatch, kNoMatch, kError, kLimit };

Outcome Match(const Compiled& re, std::string_view subject, size_t start, pcre2_match_data* md) {
  int rc = pcre2_match(re.code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), start,
                       0, md, MatchContext());
  if (rc >= 0) return Outcome::kMatch;
  if (rc == PCRE2_ERROR_NOMATCH) return Outcome::kNoMatch;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
      rc == PCRE2_ERROR_JIT_STACKLIMIT) {
    return Outcome::kLimit;
  }
  return Outcome::kError;  // e.g. invalid UTF-8 in the subject
}

// Records the resource limit as the query's fatal error.
void ReportLimit(Context& ctx, std::string_view function, const rdf::Term& pattern,
                 std::string_view subject) {
  ctx.SetFatal(Status::ResourceExhausted(
      std::string(function) + ": matching the pattern \"" + pattern.value() + "\" against a " +
      std::to_string(CountCodePoints(subject)) + "-character string needs more than " +
      std::to_string(kMatchLimit) +
      " backtracking steps (the limit); rewrite the pattern without nested repetition such as "
      "(a+)+"));
}

bool FlagsOk(const rdf::Term* flags, std::string* out) {
  if (flags == nullptr) return true;
  if (!IsPlainString(*flags)) return false;
  *out = flags->value();
  return true;
}

// Appends the XPath replacement string `rep` for one match ($N groups, \$ and \\);
// false when `rep` is malformed (FORX0004).
bool AppendReplacement(std::string_view subject, std::string_view rep, const PCRE2_SIZE* ov,
                       size_t groups, std::string* out) {
  for (size_t i = 0; i < rep.size(); ++i) {
    char c = rep[i];
    if (c == '\\') {
      if (i + 1 < rep.size() && (rep[i + 1] == '\\' || rep[i + 1] == '$')) {
        *out += rep[++i];
        continue;
      }
      return false;
    }
    if (c != '$') {
      *out += c;
      continue;
    }
    if (i + 1 >= rep.size() || rep[i + 1] < '0' || rep[i + 1] > '9') return false;
    size_t group = static_cast<size_t>(rep[++i] - '0');
    // The longest digit sequence that still names an existing group.
    while (i + 1 < rep.size() && rep[i + 1] >= '0' && rep[i + 1] <= '9' &&
           group * 10 + static_cast<size_t>(rep[i + 1] - '0') < groups) {
      group = group * 10 + static_cast<size_t>(rep[++i] - '0');
    }
    if (group < groups && ov[2 * group] != PCRE2_UNSET) {
      out->append(subject.substr(ov[2 * group], ov[2 * group + 1] - ov[2 * group]));
    }
  }
  return true;
}

}  // namespace

ExprResult Regex(const rdf::Term& text, const rdf::Term& pattern, const rdf::Term* flags,
                 Context& ctx) {
  std::string f;
  if (!IsStringLiteral(text) || !IsPlainString(pattern) || !FlagsOk(flags, &f)) {
    return std::nullopt;
  }
  if (!ctx.fatal().ok()) return std::nullopt;  // the query fails anyway: skip the work
  auto re = Compile(pattern.value(), f);
  if (re->code == nullptr) return std::nullopt;
  MatchData md(pcre2_match_data_create_from_pattern(re->code, nullptr));
  switch (Match(*re, text.value(), 0, md.get())) {
    case Outcome::kMatch:
      return MakeBoolean(true);
    case Outcome::kNoMatch:
      return MakeBoolean(false);
    case Outcome::kLimit:
      ReportLimit(ctx, "REGEX", pattern, text.value());
      return std::nullopt;
    case Outcome::kError:
      break;
  }
  return std::nullopt;
}

ExprResult Replace(const rdf::Term& text, const rdf::Term& pattern, const rdf::Term& replacement,
                   const rdf::Term* flags, Context& ctx) {
  std::string f;
  if (!IsStringLiteral(text) || !IsPlainString(pattern) || !IsPlainString(replacement) ||
      !FlagsOk(flags, &f)) {
    return std::nullopt;
  }
  if (!ctx.fatal().ok()) return std::nullopt;
  auto re = Compile(pattern.value(), f);
  if (re->code == nullptr) return std::nullopt;
  MatchData md(pcre2_match_data_create_from_pattern(re->code, nullptr));
  // XPath: a pattern that matches the empty string is an error (FORX0003).
  if (Match(*re, "", 0, md.get()) != Outcome::kNoMatch) return std::nullopt;
  bool literal_replacement = f.find('q') != std::string::npos;
  const std::string& in = text.value();
  const std::string& rep = replacement.value();
  std::string out;
  size_t last = 0;
  while (last <= in.size()) {
    Outcome o = Match(*re, in, last, md.get());
    if (o == Outcome::kNoMatch) break;
    if (o == Outcome::kLimit) ReportLimit(ctx, "REPLACE", pattern, in);
    if (o != Outcome::kMatch) return std::nullopt;
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md.get());
    out.append(in, last, ov[0] - last);
    if (literal_replacement) {
      out += rep;
    } else if (!AppendReplacement(in, rep, ov, pcre2_get_ovector_count(md.get()), &out)) {
      return std::nullopt;  // FORX0004
    }
    // A pattern that does not match "" can still match empty in context (e.g. \b-like
    // anchors with m): step over one character so that the loop ends.
    if (ov[1] == ov[0]) {
      if (ov[1] >= in.size()) {
        last = in.size() + 1;
        break;
      }
      size_t step = 1;
      while (ov[1] + step < in.size() &&
             (static_cast<unsigned char>(in[ov[1] + step]) & 0xC0) == 0x80)
        ++step;
      out.append(in, ov[1], step);
      last = ov[1] + step;
    } else {
      last = ov[1];
    }
  }
  if (last < in.size()) out.append(in, last, std::string::npos);
  return MakeLike(text, std::move(out));
}

}  // namespace hamlet::sparql::expr::detail
