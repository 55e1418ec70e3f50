// Expressions and EXPLAIN: the parser's expressions compiled against the planner's slots
// (constants to terms, variables to slots, EXISTS patterns planned, functions resolved), and
// the plan printed with estimated and actual rows.
#include "sparql/exec/functions.h"
#include "sparql/plan/planner.h"

#include <set>
#include <string>

#include "sparql/plan/plan_util.h"

namespace hamlet::sparql::plan {

using algebra::Op;
using exec::CompiledExpr;

namespace {

void AddVar(const ast::Term& t, std::set<std::string>* out) {
  if (t.is_variable()) out->insert(t.value);
}

}  // namespace

void PatternVars(const Op& op, std::set<std::string>* out) {
  for (const auto& t : op.triples) {
    AddVar(t.subject, out);
    AddVar(t.predicate, out);
    AddVar(t.object, out);
  }
  AddVar(op.subject, out);
  AddVar(op.object, out);
  AddVar(op.name, out);
  AddVar(op.var, out);
  for (const auto& v : op.table.variables) AddVar(v, out);
  for (const auto& g : op.group_keys) {
    if (g.var) AddVar(*g.var, out);
    if (g.expr.kind == ast::Expr::Kind::kTerm) AddVar(g.expr.term, out);
  }
  for (const auto& a : op.aggregates) AddVar(a.first, out);
  for (const auto& v : op.vars) AddVar(v, out);
  for (const auto& c : op.children) PatternVars(c, out);
}

ast::Expr UnbindOutOfScope(const ast::Expr& e, const std::set<std::string>& scope) {
  if (e.kind == ast::Expr::Kind::kExists || e.kind == ast::Expr::Kind::kNotExists) return e;
  ast::Expr out = e;
  if (e.kind == ast::Expr::Kind::kTerm && e.term.is_variable() && !scope.count(e.term.value)) {
    // No query can spell this name ('.' cannot start a variable), so it is never bound.
    out.term.value = ".out_of_scope." + e.term.value;
    return out;
  }
  for (auto& a : out.args) a = UnbindOutOfScope(a, scope);
  return out;
}

Result<CompiledExpr> Planner::Compile(const ast::Expr& e) {
  CompiledExpr c;
  auto compile_args = [&](size_t from) -> Status {
    for (size_t i = from; i < e.args.size(); ++i) {
      auto a = Compile(e.args[i]);
      if (!a.ok()) return a.status();
      c.args.push_back(std::move(*a));
    }
    return Status::Ok();
  };
  // Function calls look their function up once here rather than once per row.
  auto resolved = [](CompiledExpr call) -> Result<CompiledExpr> {
    if (call.kind == CompiledExpr::Kind::kCall) {
      call.function = exec::ResolveCall(call.name, call.args.size());
    }
    return call;
  };
  using K = ast::Expr::Kind;
  switch (e.kind) {
    case K::kTerm:
      if (e.term.is_variable()) {
        c.kind = CompiledExpr::Kind::kVariable;
        c.slot = Slot(e.term.value);
      } else {
        c.kind = CompiledExpr::Kind::kConstant;
        c.constant = ToRdfTerm(e.term);
      }
      return c;
    case K::kBinary:
      c.kind = e.op == "||"   ? CompiledExpr::Kind::kOr
               : e.op == "&&" ? CompiledExpr::Kind::kAnd
                              : CompiledExpr::Kind::kCall;
      c.name = e.op;
      HAMLET_RETURN_IF_ERROR(compile_args(0));
      return resolved(std::move(c));
    case K::kUnary:
      c.kind = e.op == "!" ? CompiledExpr::Kind::kNot : CompiledExpr::Kind::kCall;
      c.name = e.op == "-" ? "NEG" : e.op == "+" ? "POS" : e.op;
      HAMLET_RETURN_IF_ERROR(compile_args(0));
      return resolved(std::move(c));
    case K::kIn:
    case K::kNotIn:
      c.kind = e.kind == K::kIn ? CompiledExpr::Kind::kIn : CompiledExpr::Kind::kNotIn;
      HAMLET_RETURN_IF_ERROR(compile_args(0));
      return c;
    case K::kBuiltin:
      if (e.op == "BOUND") {
        c.kind = CompiledExpr::Kind::kBound;
        c.slot = Slot(e.args.at(0).term.value);
        return c;
      }
      c.kind = e.op == "IF"         ? CompiledExpr::Kind::kIf
               : e.op == "COALESCE" ? CompiledExpr::Kind::kCoalesce
                                    : CompiledExpr::Kind::kCall;
      c.name = e.op;
      HAMLET_RETURN_IF_ERROR(compile_args(0));
      return resolved(std::move(c));
    case K::kFunction:
      c.kind = CompiledExpr::Kind::kCall;
      c.name = e.term.value;
      HAMLET_RETURN_IF_ERROR(compile_args(0));
      return resolved(std::move(c));
    case K::kAggregate:
      return Status::InvalidInput("aggregate " + e.op + " used outside a grouping");
    case K::kExists:
    case K::kNotExists: {
      c.kind = e.kind == K::kExists ? CompiledExpr::Kind::kExists : CompiledExpr::Kind::kNotExists;
      Op pattern = algebra::TranslatePattern(*e.pattern);
      // The pattern is opened again for every row it filters, seeded with that row.
      ++correlated_;
      auto p = PlanOp(pattern, current_graph_, false);
      --correlated_;
      if (!p.ok()) return p.status();
      c.pattern = std::shared_ptr<PhysicalOp>(std::move(*p));
      return c;
    }
  }
  return Status::Internal("unknown expression kind");
}

namespace {

void ExplainInto(const PhysicalOp& op, const exec::ExplainNames& names, int depth,
                 std::string* out) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "  [est %.0f, actual %llu]", op.estimated_rows,
                static_cast<unsigned long long>(op.actual_rows));
  out->append(static_cast<size_t>(depth) * 2, ' ');
  out->append(op.Describe(names));
  out->append(buf);
  out->push_back('\n');
  for (const auto& c : op.children) ExplainInto(*c, names, depth + 1, out);
}

}  // namespace

std::string Explain(const PhysicalOp& root, const exec::ExplainNames& names) {
  std::string out;
  ExplainInto(root, names, 0, &out);
  return out;
}

}  // namespace hamlet::sparql::plan
