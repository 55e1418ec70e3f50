// Function dispatch by name (Call) and the arity table (IsKnownFunction).
#include <algorithm>
#include <cctype>
#include <limits>

#include "rdf/vocab.h"
#include "sparql/expr/detail.h"

namespace hamlet::sparql::expr {

namespace {

constexpr size_t kMany = std::numeric_limits<size_t>::max();

struct Arity {
  std::string_view name;
  size_t min, max;
};

constexpr Arity kFunctions[] = {
    {"+", 1, 2},
    {"-", 1, 2},
    {"*", 2, 2},
    {"/", 2, 2},
    {"=", 2, 2},
    {"!=", 2, 2},
    {"<", 2, 2},
    {">", 2, 2},
    {"<=", 2, 2},
    {">=", 2, 2},
    {"!", 1, 1},
    {"&&", 2, 2},
    {"||", 2, 2},
    {"NEG", 1, 1},
    {"POS", 1, 1},
    {"NOT", 1, 1},
    {"SAMETERM", 2, 2},
    {"IN", 1, kMany},
    {"NOT IN", 1, kMany},
    {"NOTIN", 1, kMany},
    {"BOUND", 1, 1},
    {"IF", 3, 3},
    {"COALESCE", 0, kMany},
    {"STR", 1, 1},
    {"LANG", 1, 1},
    {"LANGMATCHES", 2, 2},
    {"DATATYPE", 1, 1},
    {"IRI", 1, 1},
    {"URI", 1, 1},
    {"BNODE", 0, 1},
    {"RAND", 0, 0},
    {"ABS", 1, 1},
    {"CEIL", 1, 1},
    {"FLOOR", 1, 1},
    {"ROUND", 1, 1},
    {"CONCAT", 0, kMany},
    {"SUBSTR", 2, 3},
    {"STRLEN", 1, 1},
    {"REPLACE", 3, 4},
    {"UCASE", 1, 1},
    {"LCASE", 1, 1},
    {"ENCODE_FOR_URI", 1, 1},
    {"CONTAINS", 2, 2},
    {"STRSTARTS", 2, 2},
    {"STRENDS", 2, 2},
    {"STRBEFORE", 2, 2},
    {"STRAFTER", 2, 2},
    {"YEAR", 1, 1},
    {"MONTH", 1, 1},
    {"DAY", 1, 1},
    {"HOURS", 1, 1},
    {"MINUTES", 1, 1},
    {"SECONDS", 1, 1},
    {"TIMEZONE", 1, 1},
    {"TZ", 1, 1},
    {"NOW", 0, 0},
    {"UUID", 0, 0},
    {"STRUUID", 0, 0},
    {"MD5", 1, 1},
    {"SHA1", 1, 1},
    {"SHA256", 1, 1},
    {"SHA384", 1, 1},
    {"SHA512", 1, 1},
    {"STRLANG", 2, 2},
    {"STRDT", 2, 2},
    {"ISIRI", 1, 1},
    {"ISURI", 1, 1},
    {"ISBLANK", 1, 1},
    {"ISLITERAL", 1, 1},
    {"ISNUMERIC", 1, 1},
    {"REGEX", 2, 3},
};

bool IsCastTarget(std::string_view name) {
  if (name.substr(0, rdf::vocab::kXsd.size()) != rdf::vocab::kXsd) return false;
  rdf::XsdType t = rdf::ClassifyDatatype(name);
  return t != rdf::XsdType::kOther;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

const Arity* Find(std::string_view upper) {
  for (const Arity& a : kFunctions) {
    if (a.name == upper) return &a;
  }
  return nullptr;
}

}  // namespace

bool IsKnownFunction(std::string_view name, size_t arity) {
  if (IsCastTarget(name)) return arity == 1;
  const Arity* a = Find(Upper(name));
  return a != nullptr && arity >= a->min && arity <= a->max;
}

std::optional<FunctionRef> ResolveFunction(std::string_view name, size_t arity) {
  if (!IsKnownFunction(name, arity)) return std::nullopt;
  FunctionRef f;
  f.is_cast = IsCastTarget(name);
  f.name = f.is_cast ? std::string(name) : Upper(name);
  if (f.is_cast) {
    f.min_args = f.max_args = 1;
  } else {
    const Arity* a = Find(f.name);
    f.min_args = a->min;
    f.max_args = a->max;
  }
  return f;
}

ExprResult Call(std::string_view name, std::span<const ExprResult> args, Context& ctx) {
  auto f = ResolveFunction(name, args.size());
  if (!f) return std::nullopt;
  return Call(*f, args, ctx);
}

ExprResult Call(const FunctionRef& f, std::span<const ExprResult> args, Context& ctx) {
  if (f.is_cast) {
    if (args.size() != 1) return std::nullopt;
    return Cast(args[0], f.name);
  }
  // A view: == on views compares lengths first, so the dispatch below is cheap per row.
  std::string_view up = f.name;
  if (args.size() < f.min_args || args.size() > f.max_args) return std::nullopt;
  const size_t n = args.size();
  // Operators.
  if (up == "+") return n == 1 ? UnaryPlus(args[0]) : Add(args[0], args[1]);
  if (up == "-") return n == 1 ? UnaryMinus(args[0]) : Subtract(args[0], args[1]);
  if (up == "NEG") return UnaryMinus(args[0]);
  if (up == "POS") return UnaryPlus(args[0]);
  if (up == "*") return Multiply(args[0], args[1]);
  if (up == "/") return Divide(args[0], args[1]);
  if (up == "=") return Equal(args[0], args[1]);
  if (up == "!=") return NotEqual(args[0], args[1]);
  if (up == "<") return Less(args[0], args[1]);
  if (up == ">") return Greater(args[0], args[1]);
  if (up == "<=") return LessEqual(args[0], args[1]);
  if (up == ">=") return GreaterEqual(args[0], args[1]);
  if (up == "!" || up == "NOT") return LogicalNot(args[0]);
  if (up == "&&") return LogicalAnd(args[0], args[1]);
  if (up == "||") return LogicalOr(args[0], args[1]);
  if (up == "SAMETERM") return SameTerm(args[0], args[1]);
  if (up == "IN") return In(args[0], args.subspan(1));
  if (up == "NOT IN" || up == "NOTIN") return NotIn(args[0], args.subspan(1));
  // Eager versions of the lazy forms (same results; the executor should prefer If/Coalesce).
  if (up == "BOUND") return MakeBoolean(args[0].has_value());
  if (up == "IF") {
    return If(
        args[0], [&] { return args[1]; }, [&] { return args[2]; });
  }
  if (up == "COALESCE") return Coalesce(n, [&](size_t i) { return args[i]; });
  bool found = false;
  ExprResult r = detail::CallString(up, args, ctx, &found);
  if (found) return r;
  return detail::CallNumericOrDate(up, args, ctx, &found);
}

}  // namespace hamlet::sparql::expr
