#include "sparql/exec/compiled_expr.h"

#include "sparql/exec/functions.h"
#include "sparql/exec/ops.h"
#include "sparql/expr/expr.h"

namespace hamlet::sparql::exec {

namespace {

std::optional<bool> Ebv(const CompiledExpr& e, const Row& row, ExecContext& ctx) {
  auto v = Evaluate(e, row, ctx);
  if (!v) return std::nullopt;
  return EffectiveBoolean(*v);
}

rdf::Term Bool(bool b) {
  return rdf::Term::Literal(b ? "true" : "false", "http://www.w3.org/2001/XMLSchema#boolean");
}

// BNODE(str) gives the same node for the same string within one solution, and only there
// (17.4.2.9). The solution is identified by its row's hash, leaving out the blank nodes
// BNODE() itself put in the row (query-local blank ids): in
// `SELECT (BNODE(?x) AS ?a) (BNODE(?x) AS ?b)` the second call sees ?a bound, and must still
// be in the same solution as the first (W3C functions#bnode01).
uint64_t SolutionKey(const Row& row, ExecContext& ctx) {
  uint64_t h = RowHash::kSeed;
  for (TermId id : row) {
    if (IsLocal(id) && ctx.terms != nullptr) {
      auto t = ctx.terms->Decode(id);
      if (t.ok() && (*t)->is_blank()) id = store::kNoTerm;  // as before it was bound
    }
    h = RowHash::Combine(h, id);
  }
  return h;
}

}  // namespace

std::optional<rdf::Term> Evaluate(const CompiledExpr& e, const Row& row, ExecContext& ctx) {
  using K = CompiledExpr::Kind;
  switch (e.kind) {
    case K::kConstant:
      return e.constant;
    case K::kVariable: {
      if (e.slot >= row.size() || row[e.slot] == store::kNoTerm) return std::nullopt;
      auto t = ctx.terms->DecodeValue(row[e.slot]);
      if (!t.ok()) return std::nullopt;
      return std::move(*t);
    }
    case K::kBound:
      return Bool(e.slot < row.size() && row[e.slot] != store::kNoTerm);
    case K::kOr: {
      // true || error = true; false || error = error (SPARQL 17.2).
      bool error = false;
      for (const auto& a : e.args) {
        auto b = Ebv(a, row, ctx);
        if (b && *b) return Bool(true);
        if (!b) error = true;
      }
      if (error) return std::nullopt;
      return Bool(false);
    }
    case K::kAnd: {
      bool error = false;
      for (const auto& a : e.args) {
        auto b = Ebv(a, row, ctx);
        if (b && !*b) return Bool(false);
        if (!b) error = true;
      }
      if (error) return std::nullopt;
      return Bool(true);
    }
    case K::kNot: {
      auto b = Ebv(e.args[0], row, ctx);
      if (!b) return std::nullopt;
      return Bool(!*b);
    }
    case K::kIf: {
      auto b = Ebv(e.args[0], row, ctx);
      if (!b) return std::nullopt;
      return Evaluate(e.args[*b ? 1 : 2], row, ctx);
    }
    case K::kCoalesce:
      for (const auto& a : e.args) {
        auto v = Evaluate(a, row, ctx);
        if (v) return v;
      }
      return std::nullopt;
    case K::kIn:
    case K::kNotIn: {
      auto lhs = Evaluate(e.args[0], row, ctx);
      if (!lhs) return std::nullopt;
      bool error = false;
      for (size_t i = 1; i < e.args.size(); ++i) {
        auto v = Evaluate(e.args[i], row, ctx);
        std::optional<bool> eq = v ? ValueEqual(*lhs, *v) : std::nullopt;
        if (eq && *eq) return Bool(e.kind == K::kIn);
        if (!eq) error = true;
      }
      if (error) return std::nullopt;
      return Bool(e.kind == K::kNotIn);
    }
    case K::kExists:
    case K::kNotExists: {
      // The pattern is evaluated with the current solution's bindings substituted.
      auto cursor = e.pattern->Open(ctx, row);
      Row r;
      bool found = cursor->Next(&r);
      if (!cursor->status().ok()) return std::nullopt;
      return Bool(found == (e.kind == K::kExists));
    }
    case K::kCall: {
      std::vector<std::optional<rdf::Term>> args;
      args.reserve(e.args.size());
      for (const auto& a : e.args) {
        args.push_back(Evaluate(a, row, ctx));
        if (!args.back()) return std::nullopt;
      }
      // Only BNODE(str) depends on the solution; other calls keep the current one.
      bool per_solution = args.size() == 1 && e.function != nullptr && e.function->name == "BNODE";
      uint64_t key = per_solution ? SolutionKey(row, ctx) : ctx.last_solution;
      return CallFunction(e.name, e.function.get(), args, ctx, key);
    }
  }
  return std::nullopt;
}

bool EvaluateFilter(const CompiledExpr& e, const Row& row, ExecContext& ctx) {
  auto b = Ebv(e, row, ctx);
  return b && *b;
}

std::string Describe(const CompiledExpr& e, const ExplainNames& names) {
  using K = CompiledExpr::Kind;
  std::string head;
  switch (e.kind) {
    case K::kConstant:
      return e.constant.ToNTriples();
    case K::kVariable:
      return names.Var(e.slot);
    case K::kBound:
      return "(bound " + names.Var(e.slot) + ")";
    case K::kOr:
      head = "||";
      break;
    case K::kAnd:
      head = "&&";
      break;
    case K::kNot:
      head = "!";
      break;
    case K::kIf:
      head = "if";
      break;
    case K::kCoalesce:
      head = "coalesce";
      break;
    case K::kIn:
      head = "in";
      break;
    case K::kNotIn:
      head = "notin";
      break;
    case K::kExists:
      return "(exists ...)";
    case K::kNotExists:
      return "(notexists ...)";
    case K::kCall:
      head = e.name;
      break;
  }
  std::string s = "(" + head;
  for (const auto& a : e.args) s += " " + Describe(a, names);
  return s + ")";
}

int OrderCompare(const std::optional<rdf::Term>& a, const std::optional<rdf::Term>& b) {
  return CompareForOrder(a, b);
}

}  // namespace hamlet::sparql::exec
