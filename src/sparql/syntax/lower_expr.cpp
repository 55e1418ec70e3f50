// Lowering of expressions: operators, built-in calls (with arity checks), aggregates,
// function calls, EXISTS (see detail/lower.h).
#include <cstring>
#include <utility>

#include "sparql/syntax/detail/lower.h"

namespace hamlet::sparql::syntax::detail {
namespace {

struct Arity {
  const char* name;
  int min;
  int max;  // -1: any
};

constexpr Arity kArities[] = {
    {"ABS", 1, 1},         {"BNODE", 0, 1},
    {"BOUND", 1, 1},       {"CEIL", 1, 1},
    {"COALESCE", 0, -1},   {"CONCAT", 0, -1},
    {"CONTAINS", 2, 2},    {"DATATYPE", 1, 1},
    {"DAY", 1, 1},         {"ENCODE_FOR_URI", 1, 1},
    {"FLOOR", 1, 1},       {"HOURS", 1, 1},
    {"IF", 3, 3},          {"IRI", 1, 1},
    {"ISBLANK", 1, 1},     {"ISIRI", 1, 1},
    {"ISLITERAL", 1, 1},   {"ISNUMERIC", 1, 1},
    {"ISURI", 1, 1},       {"LANG", 1, 1},
    {"LANGMATCHES", 2, 2}, {"LCASE", 1, 1},
    {"MD5", 1, 1},         {"MINUTES", 1, 1},
    {"MONTH", 1, 1},       {"NOW", 0, 0},
    {"RAND", 0, 0},        {"REGEX", 2, 3},
    {"REPLACE", 3, 4},     {"ROUND", 1, 1},
    {"SAMETERM", 2, 2},    {"SECONDS", 1, 1},
    {"SHA1", 1, 1},        {"SHA256", 1, 1},
    {"SHA384", 1, 1},      {"SHA512", 1, 1},
    {"STR", 1, 1},         {"STRAFTER", 2, 2},
    {"STRBEFORE", 2, 2},   {"STRDT", 2, 2},
    {"STRENDS", 2, 2},     {"STRLANG", 2, 2},
    {"STRLEN", 1, 1},      {"STRSTARTS", 2, 2},
    {"STRUUID", 0, 0},     {"SUBSTR", 2, 3},
    {"TIMEZONE", 1, 1},    {"TZ", 1, 1},
    {"UCASE", 1, 1},       {"URI", 1, 1},
    {"UUID", 0, 0},        {"YEAR", 1, 1},
};

std::string Plural(int n) {
  return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

}  // namespace

void Lowerer::CheckBuiltinArity(const Node& n, std::size_t count) {
  for (const Arity& a : kArities) {
    if (n.text != a.name) continue;
    int c = static_cast<int>(count);
    if (c >= a.min && (a.max < 0 || c <= a.max)) return;
    std::string expected = a.min == a.max ? Plural(a.min)
                           : a.max < 0    ? "at least " + Plural(a.min)
                                          : std::to_string(a.min) + " to " + Plural(a.max);
    Fail(n, n.text + " takes " + expected + ", found " + std::to_string(c));
  }
}

// Operators nested deeper than this are refused: every later pass (algebra, compilation,
// evaluation, printing) walks expressions recursively, and a chain of 4,000 `+` overflowed
// the stack there. Brackets are limited to 96 levels by the grammar; this bounds operator
// chains (1+1+...+1), which the grammar reads flat. Far beyond any hand-written query.
constexpr int kMaxExpressionDepth = 1000;

ast::Expr Lowerer::Expression(const Node& n, bool allow_aggregates) {
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(++d) {}
    ~DepthGuard() { --depth; }
  } guard(expression_depth_);
  if (expression_depth_ > kMaxExpressionDepth) {
    Fail(n, "expression is too deeply nested (more than " + std::to_string(kMaxExpressionDepth) +
                " nested operators or calls)");
  }
  ast::Expr e;
  e.offset = n.pos;
  switch (n.kind) {
    case Kind::kBinary:
      e.kind = ast::Expr::Kind::kBinary;
      e.op = n.text;
      e.args.push_back(Expression(n.kids[0], allow_aggregates));
      e.args.push_back(Expression(n.kids[1], allow_aggregates));
      return e;
    case Kind::kUnary:
      e.kind = ast::Expr::Kind::kUnary;
      e.op = n.text;
      e.args.push_back(Expression(n.kids[0], allow_aggregates));
      return e;
    case Kind::kIn:
      e.kind = n.text == "IN" ? ast::Expr::Kind::kIn : ast::Expr::Kind::kNotIn;
      for (const Node& k : n.kids) e.args.push_back(Expression(k, allow_aggregates));
      return e;
    case Kind::kBuiltin:
      e.kind = ast::Expr::Kind::kBuiltin;
      e.op = n.text;
      CheckBuiltinArity(n, n.kids.size());
      if (n.text == "BOUND" && n.kids[0].kind != Kind::kVar) {
        Fail(n.kids[0], "BOUND takes a variable");
      }
      for (const Node& k : n.kids) e.args.push_back(Expression(k, allow_aggregates));
      return e;
    case Kind::kFunction: {
      e.kind = ast::Expr::Kind::kFunction;
      e.term = Iri(n.kids[0]);
      for (const Node& k : n.kids[1].kids) {
        if (k.kind == Kind::kFlag) {
          e.distinct = true;
        } else {
          e.args.push_back(Expression(k, allow_aggregates));
        }
      }
      return e;
    }
    case Kind::kAggregate: {
      if (!allow_aggregates) {
        Fail(n, "aggregate " + n.text +
                    " is not allowed here (only in SELECT, HAVING and ORDER BY, not nested)");
      }
      saw_aggregate_ = true;
      e.kind = ast::Expr::Kind::kAggregate;
      e.op = n.text;
      for (const Node& k : n.kids) {
        if (k.kind == Kind::kFlag) {
          e.distinct = true;
        } else if (k.kind == Kind::kStar) {
          if (n.text != "COUNT") Fail(n, "'*' is only allowed in COUNT(*), not in " + n.text);
          e.star = true;
        } else if (k.kind == Kind::kSeparator) {
          if (n.text != "GROUP_CONCAT") Fail(k, "SEPARATOR is only allowed in GROUP_CONCAT");
          e.separator = DecodeString(k.kids[0]);
        } else {
          e.args.push_back(Expression(k, /*allow_aggregates=*/false));
        }
      }
      return e;
    }
    case Kind::kExists: {
      e.kind = n.text == "EXISTS" ? ast::Expr::Kind::kExists : ast::Expr::Kind::kNotExists;
      e.pattern = std::make_shared<ast::GroupGraphPattern>(Group(n.kids[0], nullptr));
      return e;
    }
    default:
      e.kind = ast::Expr::Kind::kTerm;
      e.term = Term(n, TripleCtx{});
      return e;
  }
}

void CollectVars(const ast::Term& t, VarSet& out) {
  if (t.is_variable()) out.insert(t.value);
}

void CollectVars(const ast::TriplePattern& t, VarSet& out) {
  CollectVars(t.subject, out);
  if (!t.path) CollectVars(t.predicate, out);
  CollectVars(t.object, out);
}

void CollectFreeVars(const ast::Expr& e, VarSet& out) {
  switch (e.kind) {
    case ast::Expr::Kind::kTerm:
      CollectVars(e.term, out);
      return;
    case ast::Expr::Kind::kAggregate:
    case ast::Expr::Kind::kExists:
    case ast::Expr::Kind::kNotExists:
      return;
    default:
      for (const ast::Expr& a : e.args) CollectFreeVars(a, out);
  }
}

bool HasAggregate(const ast::Expr& e) {
  if (e.kind == ast::Expr::Kind::kAggregate) return true;
  for (const ast::Expr& a : e.args) {
    if (HasAggregate(a)) return true;
  }
  return false;
}

}  // namespace hamlet::sparql::syntax::detail
