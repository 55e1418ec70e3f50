// SPARQL 1.1 expressions (spec section 17): pure functions over RDF terms.
//
// Error model. Every operator and function returns an ExprResult: a term, or std::nullopt for
// an *error* (type error, unbound variable, bad argument, unknown function). Arguments are
// ExprResults too, so an error in an argument flows in; every function except the logical
// ones (||, &&, which follow the spec's truth tables) and the lazy forms (IF, COALESCE, BOUND,
// which the executor evaluates itself, see below) returns an error when an argument is one.
// Nothing here throws.
//
// Numbers. xsd:integer and its derived types are unbounded integers (64-bit arithmetic while
// it does not overflow, then exact big-integer arithmetic; rdf/xsd.h), decimals are exact
// with 18 fractional digits (rdf/xsd.h), float/double are IEEE. Binary
// numeric operators promote integer -> decimal -> float -> double; integer / integer gives a
// decimal; division by zero is an error for integer/decimal and INF/NaN for float/double.
// Computed numbers are written in XSD 1.0 canonical form: "2.0"^^xsd:decimal,
// "2.5E0"^^xsd:double, "3"^^xsd:integer (CEIL, FLOOR, ROUND and SECONDS write an integral
// decimal without ".0", as the W3C tests expect: "2"^^xsd:decimal).
//
// Strings count characters (Unicode code points of the UTF-8 lexical form), not bytes.
//
// Lazy forms. The executor evaluates these itself, using the helpers below:
//   BOUND(?v)           -> MakeBoolean(row has ?v)
//   IF(c, a, b)         -> c's EffectiveBooleanValue: error -> error; true -> eval a; else eval b
//   COALESCE(e1, ...)   -> first argument that evaluates without error; error if none
//   EXISTS / NOT EXISTS -> MakeBoolean(...)
// `If` and `Coalesce` templates below implement exactly that given evaluation callbacks.
//
// Thread safety: the functions are pure except for Context, which is per query and must not
// be shared between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rdf/status.h"
#include "rdf/term.h"

namespace hamlet::sparql::expr {

// A term, or nullopt for an error.
using ExprResult = std::optional<rdf::Term>;

// Per-query evaluation state: the base IRI for IRI(), the query's NOW(), the random source
// and the blank nodes BNODE() makes.
class Context {
 public:
  // NOW is the current time (UTC, millisecond precision); the random source is seeded from
  // std::random_device.
  Context();

  // Base IRI that IRI()/URI() resolve relative references against (empty: none).
  std::string base_iri;
  // Labels of blank nodes made by BNODE() start with this prefix, then a counter. Pick one
  // that cannot collide with blank-node labels the store hands out.
  std::string bnode_prefix = "expr_b";

  // NOW() for the whole query: an xsd:dateTime literal.
  const rdf::Term& now() const { return now_; }
  void set_now(rdf::Term now) { now_ = std::move(now); }

  // Starts the evaluation of a new solution: BNODE("x") returns the same blank node for the
  // same string only within one solution. Call once per solution (row) before evaluating its
  // expressions (cheap when BNODE(str) was not used).
  void NextSolution();

  // A blank node never returned before by this context (BNODE()).
  rdf::Term FreshBlank();
  // The blank node for `key` in the current solution (BNODE(str)).
  rdf::Term BlankFor(std::string_view key);
  // Uniform in [0, 1) (RAND()).
  double Random();
  // 16 random bytes as a version-4 UUID "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" (lowercase).
  std::string RandomUuid();
  // Reseeds the random source (tests).
  void Seed(uint64_t seed) { rng_.seed(seed); }

  // Fatal errors. An evaluation error only makes an expression an error (a FILTER drops the
  // row, BIND leaves the variable unbound), as the spec says. Running out of a resource
  // (REGEX's backtracking limit) is not the data's fault and must not change the answer
  // silently: the function records it here and returns an error, and whoever runs the
  // query checks fatal() when execution ends and fails the query with it. The first one
  // recorded wins.
  void SetFatal(Status s) {
    if (fatal_.ok()) fatal_ = std::move(s);
  }
  const Status& fatal() const { return fatal_; }

 private:
  rdf::Term now_;
  uint64_t bnode_counter_ = 0;
  std::unordered_map<std::string, std::string> solution_bnodes_;
  std::mt19937_64 rng_;
  Status fatal_;
};

// ---- Term constructors --------------------------------------------------------------------

rdf::Term MakeBoolean(bool b);
rdf::Term MakeInteger(int64_t i);
rdf::Term MakeString(std::string s);  // simple literal (xsd:string)

// ---- Effective boolean value and logic (17.2.2, 17.4.1.1) --------------------------------

// The EBV of `t`: booleans (an invalid lexical form is false), numbers (false for 0 and NaN
// and invalid lexical forms), xsd:string / simple literals (false when empty). Anything else
// (IRIs, blank nodes, language-tagged literals, other datatypes, errors) is an error (nullopt).
std::optional<bool> EffectiveBooleanValue(const ExprResult& t);

// a || b and a && b on the EBVs of the operands with the spec's error tables:
// true || error = true, false && error = false, otherwise an error operand gives an error.
ExprResult LogicalOr(const ExprResult& a, const ExprResult& b);
ExprResult LogicalAnd(const ExprResult& a, const ExprResult& b);
ExprResult LogicalNot(const ExprResult& a);

// ---- Arithmetic (17.3) --------------------------------------------------------------------

ExprResult Add(const ExprResult& a, const ExprResult& b);
ExprResult Subtract(const ExprResult& a, const ExprResult& b);
ExprResult Multiply(const ExprResult& a, const ExprResult& b);
ExprResult Divide(const ExprResult& a, const ExprResult& b);
ExprResult UnaryMinus(const ExprResult& a);
ExprResult UnaryPlus(const ExprResult& a);  // numeric identity; error for non-numbers

// ---- Comparison (17.3, 17.4.1.7) ----------------------------------------------------------

// `=`: value equality for numbers, strings, booleans, dates and dateTimes; otherwise
// RDFterm-equal: identical terms (language tags compared case-insensitively) are equal;
// different terms are unequal when either is an IRI, a blank node or a language-tagged
// literal, or when both are valid literals of known but incomparable datatypes; an error
// when either is a literal with an unknown datatype or an invalid lexical form.
std::optional<bool> ValueEquals(const rdf::Term& a, const rdf::Term& b);
// `<` family: numbers, simple/xsd:string literals (by code point), booleans, dateTimes,
// dates. -1, 0, +1; nullopt when the pair is not comparable (an error for < > <= >=), and
// also for NaN operands (Less etc. give false there). A date/dateTime with a timezone and one
// without compare only when more than 14 hours apart (XPath); closer, every comparison
// (including =) is an error.
std::optional<int> CompareValues(const rdf::Term& a, const rdf::Term& b);

ExprResult Equal(const ExprResult& a, const ExprResult& b);
ExprResult NotEqual(const ExprResult& a, const ExprResult& b);
ExprResult Less(const ExprResult& a, const ExprResult& b);
ExprResult Greater(const ExprResult& a, const ExprResult& b);
ExprResult LessEqual(const ExprResult& a, const ExprResult& b);
ExprResult GreaterEqual(const ExprResult& a, const ExprResult& b);
ExprResult SameTerm(const ExprResult& a, const ExprResult& b);

// lhs IN (list): true if some element is `=` to lhs; otherwise an error if some comparison
// was an error (or lhs is an error); otherwise false. An empty list gives false even for an
// error lhs (the spec defines IN as a disjunction). NOT IN is its negation (same errors).
ExprResult In(const ExprResult& lhs, std::span<const ExprResult> list);
ExprResult NotIn(const ExprResult& lhs, std::span<const ExprResult> list);

// ---- ORDER BY (15.1) ----------------------------------------------------------------------

// A total order over optional terms (nullopt = unbound): unbound < blank nodes < IRIs <
// literals. Blank nodes and IRIs by label / IRI string. Literals by category, then by value
// within it: numbers (NaN first) < booleans < dateTimes < dates < simple/xsd:string (code
// point order) < language-tagged (by lexical form, then tag) < all others; ties in value
// (e.g. 1 and 1.0) are broken by lexical form, then datatype, then language, so the order is
// total and deterministic. Returns <0, 0 (same term) or >0.
int OrderCompare(const ExprResult& a, const ExprResult& b);
struct OrderLess {
  bool operator()(const ExprResult& a, const ExprResult& b) const { return OrderCompare(a, b) < 0; }
};

// ---- Function dispatch (17.4) -------------------------------------------------------------

// Evaluates the builtin or cast `name` on `args`. `name` is an upper-case keyword ("STRLEN",
// "REGEX", "isIRI" is accepted in any case), an operator ("+", "-", "*", "/", "=", "!=",
// "<", ">", "<=", ">=", "!", "&&", "||"; "NEG"/"POS" or "-"/"+" with one argument for the
// unary forms), "SAMETERM", "IN"/"NOT IN" (first argument is the left-hand side), or an XSD
// datatype IRI for a cast ("http://www.w3.org/2001/XMLSchema#integer"; also the derived
// integer types). Unknown names and wrong arities give an error. BOUND, IF and COALESCE are
// accepted with already evaluated arguments (BOUND: true unless its argument is an error,
// i.e. unbound) and give the same results as the lazy forms, minus the laziness.
ExprResult Call(std::string_view name, std::span<const ExprResult> args, Context& ctx);

// A function name resolved once (when a query is compiled), so that evaluating it per row
// skips the name lookup: Call(ref, args, ctx) == Call(name, args, ctx).
struct FunctionRef {
  std::string name;  // canonical: upper-case keyword / operator, or the cast's datatype IRI
  bool is_cast = false;
  size_t min_args = 0, max_args = 0;  // arity accepted (checked again by Call)
};
// nullopt when `name` is unknown or does not take `arity` arguments.
std::optional<FunctionRef> ResolveFunction(std::string_view name, size_t arity);
// REQUIRES: `f` comes from ResolveFunction (a hand-made ref may skip the arity checks).
ExprResult Call(const FunctionRef& f, std::span<const ExprResult> args, Context& ctx);

// True when Call knows `name` with `arity` arguments (for reporting unknown functions or
// wrong arities when a query is compiled). The lazy forms IF, COALESCE, BOUND count as known.
bool IsKnownFunction(std::string_view name, size_t arity);

// XSD cast to `datatype_iri` (17.5). Error for unsupported targets and bad lexical forms.
ExprResult Cast(const ExprResult& v, std::string_view datatype_iri);

// ---- Lazy helpers -------------------------------------------------------------------------

// IF(cond, then, else): `eval_then` / `eval_else` are called only when chosen.
template <typename Then, typename Else>
ExprResult If(const ExprResult& cond, Then&& eval_then, Else&& eval_else) {
  std::optional<bool> b = EffectiveBooleanValue(cond);
  if (!b) return std::nullopt;
  return *b ? eval_then() : eval_else();
}

// COALESCE(e0..en-1): `eval(i)` is called for i = 0, 1, ... until one is not an error.
template <typename Eval>
ExprResult Coalesce(size_t n, Eval&& eval) {
  for (size_t i = 0; i < n; ++i) {
    ExprResult r = eval(i);
    if (r) return r;
  }
  return std::nullopt;
}

}  // namespace hamlet::sparql::expr
