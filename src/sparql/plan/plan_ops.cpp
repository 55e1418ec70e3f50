// The physical plan of each algebra operator: one function per kind, dispatched by
// Planner::PlanOpIn (planner.cpp). Join groups (BGPs, paths and filters joined together) are
// planned in join_group.cpp.
#include <algorithm>
#include <set>

#include "sparql/exec/group.h"
#include "sparql/exec/ops.h"
#include "sparql/exec/path.h"
#include "sparql/plan/plan_util.h"
#include "sparql/plan/planner.h"

namespace hamlet::sparql::plan {

using algebra::Op;
using exec::CompiledExpr;
using exec::GraphContext;

namespace {

// `parent` on top of `child`, passing its rows through: same variables, same estimate.
std::unique_ptr<PhysicalOp> PassThrough(std::unique_ptr<PhysicalOp> parent,
                                        std::unique_ptr<PhysicalOp> child) {
  parent->certain_vars = child->certain_vars;
  parent->maybe_vars = child->maybe_vars;
  parent->estimated_rows = child->estimated_rows;
  parent->children.push_back(std::move(child));
  return parent;
}

}  // namespace

Result<std::unique_ptr<PhysicalOp>> Planner::PlanBgpOp(const Op& op, const GraphContext& g,
                                                       bool /*top*/) {
  if (op.triples.empty()) return PlanBgp(op.triples, g);
  JoinGroup group;
  CollectGroup(op, &group);
  return PlanGroup(group, {}, g);
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanPathOp(const Op& op, const GraphContext& g,
                                                        bool /*top*/) {
  auto s = PathEnd(op.subject);
  if (!s.ok()) return s.status();
  auto o = PathEnd(op.object);
  if (!o.ok()) return o.status();
  auto path = exec::CompilePath(op.path, terms_);
  if (!path.ok()) return path.status();
  auto p = std::make_unique<exec::PathOp>(*s, std::move(*path), *o, g);
  std::set<size_t> vars;
  if (s->is_var) vars.insert(s->slot);
  if (o->is_var) vars.insert(o->slot);
  if (g.mode == GraphContext::Mode::kVariable) vars.insert(g.slot);
  p->estimated_rows = 100;
  SetVars(p.get(), vars, {});
  return std::unique_ptr<PhysicalOp>(std::move(p));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanJoinOp(const Op& op, const GraphContext& g,
                                                        bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  JoinGroup group;
  if (CollectGroup(op, &group)) return PlanGroup(group, {}, g);
  auto l = child(0);
  if (!l.ok()) return l;
  auto r = child(1);
  if (!r.ok()) return r;
  return MakeJoin(std::move(*l), std::move(*r));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanLeftJoinOp(const Op& op, const GraphContext& g,
                                                            bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  auto l = child(0);
  if (!l.ok()) return l;
  auto r = child(1);
  if (!r.ok()) return r;
  std::vector<CompiledExpr> filter;
  for (const auto& e : op.exprs) {
    auto c = Compile(e);
    if (!c.ok()) return c.status();
    filter.push_back(std::move(*c));
  }
  bool bind = IsStorePattern(**r);
  auto keys = Intersect((*l)->certain_vars, (*r)->certain_vars);
  auto lj = std::make_unique<exec::LeftJoinOp>(
      bind ? exec::JoinOp::Mode::kBind : exec::JoinOp::Mode::kHash,
      bind ? std::vector<size_t>() : keys, std::move(filter));
  std::set<size_t> maybe = Set((*l)->maybe_vars);
  maybe.insert((*r)->maybe_vars.begin(), (*r)->maybe_vars.end());
  SetVars(lj.get(), Set((*l)->certain_vars), maybe);
  lj->estimated_rows = (*l)->estimated_rows;
  lj->children.push_back(std::move(*l));
  lj->children.push_back(std::move(*r));
  return std::unique_ptr<PhysicalOp>(std::move(lj));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanUnionOp(const Op& op, const GraphContext& g,
                                                         bool /*top*/) {
  auto u = std::make_unique<exec::UnionOp>();
  std::set<size_t> certain, maybe;
  bool first = true;
  // UNION chains are left-deep in the algebra (A UNION B UNION C is ((A B) C)): planned
  // as one n-ary union, so 10,000 branches cost neither 10,000 stack frames nor cursors.
  std::vector<const Op*> branches, todo = {&op};
  while (!todo.empty()) {
    const Op* cur = todo.back();
    todo.pop_back();
    if (cur->kind != Op::Kind::kUnion) {
      branches.push_back(cur);
      continue;
    }
    for (size_t i = cur->children.size(); i-- > 0;) todo.push_back(&cur->children[i]);
  }
  for (const Op* branch : branches) {
    auto c = PlanOp(*branch, g, false);
    if (!c.ok()) return c;
    std::set<size_t> cc = Set((*c)->certain_vars);
    if (first) {
      certain = cc;
    } else {
      std::set<size_t> both;
      std::set_intersection(certain.begin(), certain.end(), cc.begin(), cc.end(),
                            std::inserter(both, both.end()));
      certain = both;
    }
    first = false;
    maybe.insert((*c)->maybe_vars.begin(), (*c)->maybe_vars.end());
    u->estimated_rows += (*c)->estimated_rows;
    u->children.push_back(std::move(*c));
  }
  SetVars(u.get(), certain, maybe);
  return std::unique_ptr<PhysicalOp>(std::move(u));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanMinusOp(const Op& op, const GraphContext& g,
                                                         bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  auto l = child(0);
  if (!l.ok()) return l;
  auto r = child(1);
  if (!r.ok()) return r;
  auto m = std::make_unique<exec::MinusOp>(Intersect((*l)->certain_vars, (*r)->certain_vars),
                                           graph_slots_);
  m->certain_vars = (*l)->certain_vars;
  m->maybe_vars = (*l)->maybe_vars;
  m->estimated_rows = (*l)->estimated_rows;
  m->children.push_back(std::move(*l));
  m->children.push_back(std::move(*r));
  return std::unique_ptr<PhysicalOp>(std::move(m));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanFilterOp(const Op& op, const GraphContext& g,
                                                          bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  std::set<std::string> scope;
  PatternVars(op.children[0], &scope);
  // Inside EXISTS the pattern is the outer solution substituted in (18.6), so there the
  // outer variables stay visible.
  std::vector<ast::Expr> scoped;
  for (const auto& e : op.exprs) {
    scoped.push_back(correlated_ > 0 ? e : UnbindOutOfScope(e, scope));
  }
  JoinGroup group;
  if (CollectGroup(op.children[0], &group)) return PlanGroup(group, scoped, g);
  auto c = child(0);
  if (!c.ok()) return c;
  std::vector<CompiledExpr> exprs;
  for (const auto& e : scoped) {
    auto ce = Compile(e);
    if (!ce.ok()) return ce.status();
    exprs.push_back(std::move(*ce));
  }
  auto f = std::make_unique<exec::FilterOp>(std::move(exprs));
  f->certain_vars = (*c)->certain_vars;
  f->maybe_vars = (*c)->maybe_vars;
  f->estimated_rows = (*c)->estimated_rows / 2;
  f->children.push_back(std::move(*c));
  return std::unique_ptr<PhysicalOp>(std::move(f));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanGraphOp(const Op& op, const GraphContext& /*g*/,
                                                         bool /*top*/) {
  GraphContext inner;
  if (op.name.is_variable()) {
    // The pattern runs with the graph's name in a hidden slot; ?g itself is bound after
    // it, so that a ?g used inside the pattern stays a variable of its own there.
    inner.mode = GraphContext::Mode::kVariable;
    inner.slot = Slot("graph:" + std::to_string(next_graph_++));
    graph_slots_.push_back(inner.slot);
  } else {
    inner.mode = GraphContext::Mode::kNamed;
    auto id = terms_->StoreId(ToRdfTerm(op.name));
    if (!id.ok()) return id.status();
    inner.graph = *id;
  }
  auto c = PlanOp(op.children[0], inner, false);
  if (inner.mode == GraphContext::Mode::kVariable) graph_slots_.pop_back();
  if (!c.ok()) return c;
  const auto& certain = (*c)->certain_vars;
  if (inner.mode == GraphContext::Mode::kVariable &&
      !std::binary_search(certain.begin(), certain.end(), inner.slot)) {
    // A body that does not bind ?g itself (GRAPH ?g { }) still ranges over the names.
    auto names = std::make_unique<exec::GraphNamesOp>(inner.slot);
    SetVars(names.get(), {inner.slot}, {});
    names->estimated_rows = 10;
    c = MakeJoin(std::move(names), std::move(*c));
  }
  if (inner.mode == GraphContext::Mode::kNamed && !IsStorePattern(**c)) {
    // Patterns over the store find nothing in a missing graph by themselves; anything
    // else (an empty group, BIND, VALUES) must be told that the graph is missing.
    auto exists = std::make_unique<exec::GraphExistsOp>(inner.graph);
    exists->estimated_rows = 1;
    c = MakeJoin(std::move(exists), std::move(*c));
  }
  if (inner.mode == GraphContext::Mode::kVariable) {
    size_t var = Slot(op.name.value);
    auto bind = std::make_unique<exec::GraphBindOp>(inner.slot, var);
    std::set<size_t> certain = Set((*c)->certain_vars), maybe = Set((*c)->maybe_vars);
    certain.insert(var);
    SetVars(bind.get(), certain, maybe);
    bind->estimated_rows = (*c)->estimated_rows;
    bind->children.push_back(std::move(*c));
    return std::unique_ptr<PhysicalOp>(std::move(bind));
  }
  return c;
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanServiceOp(const Op& op, const GraphContext& /*g*/,
                                                           bool /*top*/) {
  if (op.silent) {
    auto t = std::make_unique<exec::TableOp>(
        std::vector<size_t>{}, std::vector<std::vector<std::optional<rdf::Term>>>{{}});
    t->estimated_rows = 1;
    return std::unique_ptr<PhysicalOp>(std::move(t));
  }
  return Status::InvalidInput("SERVICE is not supported: Hamlet does not query remote endpoints");
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanExtendOp(const Op& op, const GraphContext& g,
                                                          bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  auto c = child(0);
  if (!c.ok()) return c;
  auto e = Compile(op.expr);
  if (!e.ok()) return e.status();
  size_t slot = Slot(op.var.value);
  auto x = std::make_unique<exec::ExtendOp>(slot, std::move(*e));
  std::set<size_t> maybe = Set((*c)->maybe_vars);
  maybe.insert(slot);
  SetVars(x.get(), Set((*c)->certain_vars), maybe);
  x->estimated_rows = (*c)->estimated_rows;
  x->children.push_back(std::move(*c));
  return std::unique_ptr<PhysicalOp>(std::move(x));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanTableOp(const Op& op, const GraphContext& /*g*/,
                                                         bool /*top*/) {
  std::vector<size_t> slots;
  for (const auto& v : op.table.variables) slots.push_back(Slot(v.value));
  std::vector<std::vector<std::optional<rdf::Term>>> rows;
  std::set<size_t> certain(slots.begin(), slots.end());
  for (const auto& r : op.table.rows) {
    std::vector<std::optional<rdf::Term>> row;
    for (size_t i = 0; i < r.size(); ++i) {
      if (r[i]) {
        row.push_back(ToRdfTerm(*r[i]));
      } else {
        row.push_back(std::nullopt);
        certain.erase(slots[i]);
      }
    }
    rows.push_back(std::move(row));
  }
  auto t = std::make_unique<exec::TableOp>(slots, std::move(rows));
  SetVars(t.get(), certain, Set(slots));
  t->estimated_rows = static_cast<double>(op.table.rows.size());
  return std::unique_ptr<PhysicalOp>(std::move(t));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanGroupOp(const Op& op, const GraphContext& g,
                                                         bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  auto c = child(0);
  if (!c.ok()) return c;
  std::vector<exec::GroupKey> keys;
  std::set<size_t> out;
  for (const auto& k : op.group_keys) {
    auto e = Compile(k.expr);
    if (!e.ok()) return e.status();
    exec::GroupKey key{std::move(*e), std::nullopt};
    if (k.var) {
      key.slot = Slot(k.var->value);
    } else if (k.expr.kind == ast::Expr::Kind::kTerm && k.expr.term.is_variable()) {
      key.slot = Slot(k.expr.term.value);
    }
    if (key.slot) out.insert(*key.slot);
    keys.push_back(std::move(key));
  }
  std::vector<exec::AggregateSpec> aggs;
  for (const auto& [var, expr] : op.aggregates) {
    exec::AggregateSpec a;
    a.slot = Slot(var.value);
    a.name = expr.op;
    a.distinct = expr.distinct;
    a.star = expr.star;
    a.separator = expr.separator.value_or(" ");
    for (const auto& arg : expr.args) {
      auto e = Compile(arg);
      if (!e.ok()) return e.status();
      a.args.push_back(std::move(*e));
    }
    out.insert(a.slot);
    aggs.push_back(std::move(a));
  }
  auto grp = std::make_unique<exec::GroupOp>(std::move(keys), std::move(aggs));
  SetVars(grp.get(), {}, out);
  grp->estimated_rows = std::max(1.0, (*c)->estimated_rows / 10);
  grp->children.push_back(std::move(*c));
  return std::unique_ptr<PhysicalOp>(std::move(grp));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanOrderByOp(const Op& op, const GraphContext& g,
                                                           bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  auto c = child(0, true);
  if (!c.ok()) return c;
  std::vector<exec::SortKey> keys;
  for (const auto& o : op.order) {
    auto e = Compile(o.expr);
    if (!e.ok()) return e.status();
    keys.push_back(exec::SortKey{std::move(*e), o.descending});
  }
  auto s = std::make_unique<exec::OrderByOp>(std::move(keys));
  return PassThrough(std::move(s), std::move(*c));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanProjectOp(const Op& op, const GraphContext& g,
                                                           bool top) {
  std::vector<std::string> projected;
  for (const auto& v : op.vars) projected.push_back(v.value);
  // A subquery's own variables are invisible outside it unless projected.
  if (!top) scopes_.push_back(Scope{next_scope_++, projected});
  auto c = PlanOp(op.children[0], g, top);
  if (!top) scopes_.pop_back();
  if (!c.ok()) return c;
  std::vector<size_t> slots;
  for (const auto& v : op.vars) slots.push_back(Slot(v.value));
  auto p = std::make_unique<exec::ProjectOp>(slots);
  std::vector<size_t> sorted = slots;
  std::sort(sorted.begin(), sorted.end());
  p->certain_vars = Intersect((*c)->certain_vars, sorted);
  p->maybe_vars = Intersect((*c)->maybe_vars, sorted);
  p->estimated_rows = (*c)->estimated_rows;
  p->children.push_back(std::move(*c));
  return std::unique_ptr<PhysicalOp>(std::move(p));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanDistinctOp(const Op& op, const GraphContext& g,
                                                            bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  auto c = child(0, true);
  if (!c.ok()) return c;
  auto d = std::make_unique<exec::DistinctOp>();
  return PassThrough(std::move(d), std::move(*c));
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanSliceOp(const Op& op, const GraphContext& g,
                                                         bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  auto c = child(0, true);
  if (!c.ok()) return c;
  auto s = std::make_unique<exec::SliceOp>(op.offset.value_or(0), op.limit);
  s->certain_vars = (*c)->certain_vars;
  s->maybe_vars = (*c)->maybe_vars;
  s->estimated_rows =
      op.limit ? std::min<double>((*c)->estimated_rows, *op.limit) : (*c)->estimated_rows;
  s->children.push_back(std::move(*c));
  return std::unique_ptr<PhysicalOp>(std::move(s));
}

}  // namespace hamlet::sparql::plan
