// Private: shared Boost.Spirit X3 machinery of the grammar translation units: the one context
// type every cross-TU rule is instantiated with, the skipper, keyword/character primitives,
// the semantic actions that build detail::Node trees, and the rule-ID bases that record node
// positions (mark<K>[]) and note unclosed braces. Include only from grammar_*.cpp
// and parser.cpp; never from a public header.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <cctype>
#include <cstdint>
#include <string>

#include "sparql/syntax/detail/node.h"

namespace hamlet::sparql::syntax::detail {

namespace x3 = boost::spirit::x3;

using Iterator = const char*;

// Mutable parse state reachable from every rule through the context (tag: state_tag).
struct ParseState {
  const char* begin = nullptr;
  const char* end = nullptr;
  // Set when a '}' is missing: what was opened ("group", ...) and the offset of its '{'.
  const char* unclosed_what = nullptr;
  std::size_t unclosed_offset = 0;
  int depth = 0;  // nesting depth guard (see guarded[])
};
struct state_tag;

inline constexpr int kMaxNesting = 96;

// ---------------------------------------------------------------------------------------------
// Character classification (UTF-8).

// Decodes one UTF-8 sequence at p (< end); returns its length, 0 if invalid.
int DecodeUtf8(const char* p, const char* end, std::uint32_t& cp);

enum class CharClass { kBase, kU, kVarRest, kChars };
bool InClass(CharClass c, std::uint32_t cp);
// True when p starts a character that would continue a keyword or a name (PN_CHARS or ':').
bool IsNameContinuation(const char* p, const char* end);
// Skips whitespace and comments.
const char* SkipWs(const char* p, const char* end);

// ---------------------------------------------------------------------------------------------
// Skipper: SPARQL white space and comments.

inline const auto skipper = x3::omit[x3::char_(" \t\r\n")] | x3::omit['#' >> *~x3::char_("\r\n")];
using skipper_type = std::remove_cv_t<decltype(skipper)>;

using skip_context_type = x3::context<x3::skipper_tag, const skipper_type, x3::unused_type>;
using context_type = x3::context<state_tag, ParseState, skip_context_type>;

// ---------------------------------------------------------------------------------------------
// Primitive parsers.

// Case-insensitive keyword that is not followed by a name character.
struct kw_parser : x3::parser<kw_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  const char* word;  // lower case
  constexpr explicit kw_parser(const char* w) : word(w) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    It i = first;
    for (const char* w = word; *w; ++w, ++i) {
      if (i == last) return false;
      char c = *i;
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != *w) return false;
    }
    if (IsNameContinuation(i, last)) return false;
    first = i;
    return true;
  }
};
constexpr kw_parser kw(const char* w) {
  return kw_parser(w);
}

// One character of a name class (used inside lexemes only).
template <CharClass C>
struct name_char_parser : x3::parser<name_char_parser<C>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first == last) return false;
    std::uint32_t cp;
    int n = DecodeUtf8(first, last, cp);
    if (n == 0 || !InClass(C, cp)) return false;
    first += n;
    return true;
  }
};

// A character allowed inside an IRIREF (UTF-8 sequences accepted whole).
struct iri_char_parser : x3::parser<iri_char_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first == last) return false;
    unsigned char c = static_cast<unsigned char>(*first);
    if (c <= 0x20) return false;
    switch (c) {
      case '<':
      case '>':
      case '"':
      case '{':
      case '}':
      case '|':
      case '^':
      case '`':
      case '\\':
        return false;
      default:
        break;
    }
    std::uint32_t cp;
    int n = DecodeUtf8(first, last, cp);
    if (n == 0) return false;
    first += n;
    return true;
  }
};

// Upper-case name of a built-in function (no aggregates), matched case-insensitively as a
// whole word. Attribute: the upper-case name.
bool MatchBuiltinName(const char*& first, const char* last, std::string& name);
bool MatchAggregateName(const char*& first, const char* last, std::string& name);

template <bool Aggregate>
struct function_name_parser : x3::parser<function_name_parser<Aggregate>> {
  using attribute_type = std::string;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    std::string name;
    const char* p = first;
    if (!(Aggregate ? MatchAggregateName(p, last, name) : MatchBuiltinName(p, last, name))) {
      return false;
    }
    first = p;
    x3::traits::move_to(name, attr);
    return true;
  }
};

// guarded[p]: limits recursion depth (deeply nested input must not overflow the stack).
template <typename Subject>
struct guard_directive : x3::unary_parser<Subject, guard_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, guard_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr explicit guard_directive(Subject const& s) : base_type(s) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    ParseState& st = x3::get<state_tag>(ctx);
    if (st.depth >= kMaxNesting) {
      throw SyntaxException{
          static_cast<std::size_t>(SkipWs(first, last) - st.begin),
          "nesting is too deep (more than " + std::to_string(kMaxNesting) + " levels)"};
    }
    ++st.depth;
    bool r;
    try {
      r = this->subject.parse(first, last, ctx, rctx, attr);
    } catch (...) {
      --st.depth;
      throw;
    }
    --st.depth;
    return r;
  }
};
struct guard_gen {
  template <typename Subject>
  constexpr guard_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return guard_directive<typename x3::extension::as_parser<Subject>::value_type>(
        x3::as_parser(s));
  }
};
constexpr guard_gen guarded{};

// ---------------------------------------------------------------------------------------------
// Semantic actions.

struct push_fn {
  template <typename C>
  void operator()(C& c) const {
    x3::_val(c).kids.push_back(std::move(x3::_attr(c)));
  }
};
constexpr push_fn push{};

struct assign_fn {
  template <typename C>
  void operator()(C& c) const {
    x3::_val(c) = std::move(x3::_attr(c));
  }
};
constexpr assign_fn assign{};

// Sets the node text from an x3::raw[] range.
struct raw_text_fn {
  template <typename C>
  void operator()(C& c) const {
    auto const& r = x3::_attr(c);
    x3::_val(c).text.assign(r.begin(), r.end());
  }
};
constexpr raw_text_fn raw_text{};

// Sets the node text from a std::string attribute.
struct string_text_fn {
  template <typename C>
  void operator()(C& c) const {
    x3::_val(c).text = std::move(x3::_attr(c));
  }
};
constexpr string_text_fn string_text{};

struct set_text_fn {
  const char* text;
  template <typename C>
  void operator()(C& c) const {
    x3::_val(c).text = text;
  }
};
constexpr set_text_fn set_text(const char* t) {
  return {t};
}

// Appends a kFlag child (DISTINCT, SILENT, ...).
struct flag_fn {
  const char* text;
  template <typename C>
  void operator()(C& c) const {
    Node n;
    n.kind = Kind::kFlag;
    n.text = text;
    x3::_val(c).kids.push_back(std::move(n));
  }
};
constexpr flag_fn flag(const char* t) {
  return {t};
}

// Appends a kStar child.
struct star_fn {
  template <typename C>
  void operator()(C& c) const {
    Node n;
    n.kind = Kind::kStar;
    x3::_val(c).kids.push_back(std::move(n));
  }
};
constexpr star_fn star{};

// _val = Kind(text)[_val, _attr]: left-associative binary node.
struct binop_fn {
  Kind kind;
  const char* text;
  template <typename C>
  void operator()(C& c) const {
    Node& v = x3::_val(c);
    Node n;
    n.kind = kind;
    n.text = text;
    n.pos = v.pos;
    n.end = x3::_attr(c).end;
    n.kids.push_back(std::move(v));
    n.kids.push_back(std::move(x3::_attr(c)));
    v = std::move(n);
  }
};
constexpr binop_fn binop(Kind k, const char* t) {
  return {k, t};
}

// Appends _attr to _val when _val already is a Kind node, else wraps _val first (n-ary
// chains such as UNION, path alternatives and sequences stay flat).
struct chain_fn {
  Kind kind;
  template <typename C>
  void operator()(C& c) const {
    Node& v = x3::_val(c);
    if (v.kind != kind || v.text != "chain") {
      Node n;
      n.kind = kind;
      n.text = "chain";
      n.pos = v.pos;
      n.kids.push_back(std::move(v));
      v = std::move(n);
    }
    v.end = x3::_attr(c).end;
    v.kids.push_back(std::move(x3::_attr(c)));
  }
};
constexpr chain_fn chain(Kind k) {
  return {k};
}

// _val = Kind(text)[_val] (path modifiers).
struct wrap_fn {
  Kind kind;
  template <typename C>
  void operator()(C& c) const {
    Node& v = x3::_val(c);
    Node n;
    n.kind = kind;
    auto const& r = x3::_attr(c);  // raw[] range of the modifier
    n.text.assign(r.begin(), r.end());
    n.pos = v.pos;
    n.end = v.end + 1;
    n.kids.push_back(std::move(v));
    v = std::move(n);
  }
};
constexpr wrap_fn wrap(Kind k) {
  return {k};
}

// ---------------------------------------------------------------------------------------------
// Rule ID bases.

// Rule ID tags: node_id<K> / brace_id<K> name the kind of Node a rule builds (the definition
// wraps its body in mark<K>[...], which sets kind and position: X3 calls on_success with an
// unused attribute when the body has semantic actions, so it cannot do this).
template <Kind K>
struct node_id {};

void NoteUnclosed(ParseState& st, const char* rule_first, const char* what);

constexpr bool IsBraceKind(Kind k) {
  return k == Kind::kGroup || k == Kind::kConstructTemplate || k == Kind::kTriplesTemplate ||
         k == Kind::kQuads || k == Kind::kValues;
}
constexpr const char* BraceWhat(Kind k) {
  switch (k) {
    case Kind::kGroup:
      return "group";
    case Kind::kConstructTemplate:
    case Kind::kTriplesTemplate:
      return "template";
    case Kind::kValues:
      return "VALUES block";
    default:
      return "block";
  }
}

// mark<K>[p]: parses p; on success gives the rule's Node (the rule context) kind K and the
// position of the match (leading white space skipped). Use only as a rule's whole body.
template <Kind K, typename Subject>
struct mark_directive : x3::unary_parser<Subject, mark_directive<K, Subject>> {
  using base_type = x3::unary_parser<Subject, mark_directive<K, Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr explicit mark_directive(Subject const& s) : base_type(s) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It start = first;
    if constexpr (IsBraceKind(K)) {
      // A missing '}' of this block: remember where the block was opened (innermost wins).
      try {
        if (!this->subject.parse(first, last, ctx, rctx, attr)) return false;
      } catch (x3::expectation_failure<It> const& x) {
        if (x.which() == "'}'") NoteUnclosed(x3::get<state_tag>(ctx), start, BraceWhat(K));
        throw;
      }
    } else {
      if (!this->subject.parse(first, last, ctx, rctx, attr)) return false;
    }
    if constexpr (std::is_same_v<RCtx, Node>) {
      ParseState const& st = x3::get<state_tag>(ctx);
      rctx.kind = K;
      rctx.pos = static_cast<std::uint32_t>(start - st.begin);
      rctx.end = static_cast<std::uint32_t>(first - st.begin);
    }
    return true;
  }
};
template <Kind K>
struct mark_gen {
  template <typename Subject>
  constexpr mark_directive<K, typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return mark_directive<K, typename x3::extension::as_parser<Subject>::value_type>(
        x3::as_parser(s));
  }
};
template <Kind K>
inline constexpr mark_gen<K> mark{};

// Rules that pass their matched alternative's Node through.
struct pass_id {};

// Declares rule `name` with its own ID type derived from `base` (node_id<K>, brace_id<K> or
// pass_id) and a description used in "expected ..." messages.
#define HAMLET_RULE(name, base, desc)            \
  struct name##_id : base {};                    \
  using name##_type = x3::rule<name##_id, Node>; \
  inline const name##_type name = desc;

// Brace-delimited rules ('{' ... '}') use brace_id<K>: a missing '}' names the block's line.
template <Kind K>
struct brace_id : node_id<K> {};

}  // namespace hamlet::sparql::syntax::detail

namespace boost::spirit::x3 {
template <>
struct get_info<hamlet::sparql::syntax::detail::kw_parser> {
  using result_type = std::string;
  std::string operator()(hamlet::sparql::syntax::detail::kw_parser const& p) const {
    std::string s = "'";
    for (const char* w = p.word; *w; ++w) {
      s += (p.word[1] == 0 && *w == 'a') ? 'a' : static_cast<char>(std::toupper(*w));
    }
    return s + "'";
  }
};
// Readable names for composite parsers in "expected ..." messages: actions, guards and
// expectation points show their subject, sequences their first element, alternatives all
// branches (separated by \x1f; the driver joins them as "a, b or c").
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(action<Subject, Action> const& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<hamlet::sparql::syntax::detail::guard_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(hamlet::sparql::syntax::detail::guard_directive<Subject> const& p) const {
    return what(p.subject);
  }
};
template <hamlet::sparql::syntax::detail::Kind K, typename Subject>
struct get_info<hamlet::sparql::syntax::detail::mark_directive<K, Subject>> {
  using result_type = std::string;
  std::string operator()(
      hamlet::sparql::syntax::detail::mark_directive<K, Subject> const& p) const {
    return what(p.subject);
  }
};
template <typename Subject>
struct get_info<expect_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(expect_directive<Subject> const& p) const { return what(p.subject); }
};
template <typename Subject>
struct get_info<plus<Subject>> {
  using result_type = std::string;
  std::string operator()(plus<Subject> const& p) const { return what(p.subject); }
};
template <typename Left, typename Right>
struct get_info<sequence<Left, Right>> {
  using result_type = std::string;
  std::string operator()(sequence<Left, Right> const& p) const { return what(p.left); }
};
template <typename Left, typename Right>
struct get_info<list<Left, Right>> {
  using result_type = std::string;
  std::string operator()(list<Left, Right> const& p) const { return what(p.left); }
};
template <typename Left, typename Right>
struct get_info<alternative<Left, Right>> {
  using result_type = std::string;
  std::string operator()(alternative<Left, Right> const& p) const {
    return what(p.left) + '\x1f' + what(p.right);
  }
};
}  // namespace boost::spirit::x3
