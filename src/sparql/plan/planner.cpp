#include "sparql/plan/planner.h"

#include "sparql/plan/plan_util.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "rdf/vocab.h"
#include "sparql/exec/group.h"
#include "sparql/exec/ops.h"
#include "sparql/exec/path.h"

namespace hamlet::sparql::plan {

using algebra::Op;
using exec::CompiledExpr;
using exec::GraphContext;

rdf::Term ToRdfTerm(const ast::Term& t) {
  switch (t.kind) {
    case ast::Term::Kind::kIri:
      return rdf::Term::Iri(t.value);
    case ast::Term::Kind::kBlank:
      return rdf::Term::Blank(t.value);
    case ast::Term::Kind::kLiteral:
      if (!t.lang.empty()) return rdf::Term::LangLiteral(t.value, t.lang);
      return rdf::Term::Literal(t.value, t.datatype);
    case ast::Term::Kind::kVariable:
      break;
  }
  return rdf::Term();
}

std::string Planner::ScopedName(const std::string& name) const {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    if (std::find(it->projected.begin(), it->projected.end(), name) == it->projected.end()) {
      return name + "@" + std::to_string(it->id);
    }
  }
  return name;
}

size_t Planner::Slot(const std::string& name) {
  std::string scoped = ScopedName(name);
  auto it = slots_.find(scoped);
  if (it != slots_.end()) return it->second;
  size_t slot = names_.size();
  slots_.emplace(scoped, slot);
  names_.push_back(scoped);
  return slot;
}

Result<rdf::Term> Planner::Constant(const ast::Term& t) {
  return ToRdfTerm(t);
}

Result<exec::PatternTerm> Planner::PatternTermOf(const ast::Term& t) {
  exec::PatternTerm p;
  if (t.is_variable() || t.is_blank()) {
    p.is_var = true;
    // Blank nodes in patterns are variables that are never projected ("_:" is no VARNAME).
    p.slot = Slot(t.is_blank() ? "_:" + t.value : t.value);
    return p;
  }
  auto id = terms_->StoreId(ToRdfTerm(t));
  if (!id.ok()) return id.status();
  p.id = *id;
  return p;
}

// Path ends may be constants the store lacks: a zero-length path still matches them.
Result<exec::PatternTerm> Planner::PathEnd(const ast::Term& t) {
  auto p = PatternTermOf(t);
  if (!p.ok() || p->is_var || p->id != store::kNoTerm) return p;
  auto id = terms_->Intern(ToRdfTerm(t));
  if (!id.ok()) return id.status();
  p->id = *id;
  return p;
}

double Planner::EstimatePattern(const exec::IdTriplePattern& t,
                                const std::vector<bool>& bound) const {
  auto is_bound = [&](const exec::PatternTerm& p) { return !p.is_var || bound[p.slot]; };
  bool s = is_bound(t.s), p = is_bound(t.p), o = is_bound(t.o);
  double total = std::max<double>(1, stats_ != nullptr ? stats_->quads : 1e6);
  double pred = total;
  if (!t.p.is_var && stats_ != nullptr) {
    pred = 0;
    for (const auto& e : stats_->predicates) {
      if (e.id == t.p.id) pred = e.count;
    }
    if (!t.o.is_var && t.p.id != store::kNoTerm && !s) {
      // rdf:type with a known class: the class count is exact (with the subject bound it
      // is a check of at most one row, priced below).
      for (const auto& e : stats_->classes) {
        if (e.id == t.o.id && pred > 0) {
          auto tid = terms_->StoreId(rdf::Term::Iri(std::string(rdf::vocab::kRdfType)));
          if (tid.ok() && *tid == t.p.id) return std::max<double>(1, e.count);
        }
      }
    }
  }
  if ((!t.s.is_var && t.s.id == store::kNoTerm) || (!t.p.is_var && t.p.id == store::kNoTerm) ||
      (!t.o.is_var && t.o.id == store::kNoTerm)) {
    return 0;  // a constant the store lacks: no matches
  }
  if (s && p && o) return 1;
  if (p && !t.p.is_var && stats_ != nullptr && (s || o)) {
    // Rows per bound subject (object): the predicate's quads over its distinct subjects
    // (objects), from the statistics' sketches when the store has them.
    for (const auto& d : stats_->distinct) {
      if (d.predicate != t.p.id) continue;
      double distinct = s ? d.subjects : d.objects;
      if (distinct >= 1) return std::max(1.0, pred / distinct);
    }
  }
  if (s && p) return 2;
  if (s && o) return 1.5;
  if (s) return 8;
  if (p && o) return std::max(1.0, pred / 20);
  if (o) return 20;
  if (p) return pred;
  return total;
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanBgp(const std::vector<ast::TriplePattern>& triples,
                                                     const GraphContext& g) {
  std::vector<exec::IdTriplePattern> patterns;
  for (const auto& t : triples) {
    exec::IdTriplePattern p;
    auto s = PatternTermOf(t.subject);
    if (!s.ok()) return s.status();
    auto pr = PatternTermOf(t.predicate);
    if (!pr.ok()) return pr.status();
    auto o = PatternTermOf(t.object);
    if (!o.ok()) return o.status();
    p.s = *s, p.p = *pr, p.o = *o;
    patterns.push_back(p);
  }
  // Greedy order: cheapest next pattern given what is bound, preferring connected ones.
  std::vector<bool> bound(names_.size() + 1, false);
  if (g.mode == GraphContext::Mode::kVariable) bound.resize(std::max(bound.size(), g.slot + 1));
  std::vector<exec::IdTriplePattern> ordered;
  std::vector<bool> used(patterns.size(), false);
  double rows = 1;
  for (size_t n = 0; n < patterns.size(); ++n) {
    size_t best = 0;
    double best_cost = -1;
    bool best_connected = false;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (used[i]) continue;
      const auto& t = patterns[i];
      bool connected = n == 0;
      for (const auto* pt : {&t.s, &t.p, &t.o}) {
        if (pt->is_var && bound[pt->slot]) connected = true;
      }
      double cost = EstimatePattern(t, bound);
      if (best_cost < 0 || (connected && !best_connected) ||
          (connected == best_connected && cost < best_cost)) {
        best = i, best_cost = cost, best_connected = connected;
      }
    }
    used[best] = true;
    ordered.push_back(patterns[best]);
    rows *= std::max(best_cost, 0.0);
    for (const auto* pt : {&patterns[best].s, &patterns[best].p, &patterns[best].o}) {
      if (pt->is_var) {
        if (pt->slot >= bound.size()) bound.resize(pt->slot + 1);
        bound[pt->slot] = true;
      }
    }
  }
  std::set<size_t> vars;
  for (const auto& t : ordered) {
    for (const auto* pt : {&t.s, &t.p, &t.o}) {
      if (pt->is_var) vars.insert(pt->slot);
    }
  }
  if (g.mode == GraphContext::Mode::kVariable && !ordered.empty()) vars.insert(g.slot);
  auto op = std::make_unique<exec::BgpOp>(std::move(ordered), g);
  op->estimated_rows = rows;
  SetVars(op.get(), vars, {});
  return std::unique_ptr<PhysicalOp>(std::move(op));
}

std::unique_ptr<PhysicalOp> Planner::MakeJoin(std::unique_ptr<PhysicalOp> l,
                                              std::unique_ptr<PhysicalOp> r) {
  if (!IsStorePattern(*r) && IsStorePattern(*l)) std::swap(l, r);
  std::set<size_t> certain = Set(l->certain_vars), maybe = Set(l->maybe_vars);
  certain.insert(r->certain_vars.begin(), r->certain_vars.end());
  maybe.insert(r->maybe_vars.begin(), r->maybe_vars.end());
  bool bind = IsStorePattern(*r);
  auto keys = Intersect(l->certain_vars, r->certain_vars);
  auto op =
      std::make_unique<exec::JoinOp>(bind ? exec::JoinOp::Mode::kBind : exec::JoinOp::Mode::kHash,
                                     bind ? std::vector<size_t>() : keys);
  double lr = l->estimated_rows, rr = r->estimated_rows;
  op->estimated_rows = keys.empty() && !bind ? lr * rr : std::max(lr, rr);
  if (bind)
    op->estimated_rows = lr * std::max(1.0, rr / std::max(1.0, std::pow(10.0, keys.size())));
  op->children.push_back(std::move(l));
  op->children.push_back(std::move(r));
  SetVars(op.get(), certain, maybe);
  return op;
}

namespace {

// True when `op` is a LIMIT whose input streams (no ORDER BY, GROUP BY or DISTINCT under it).
bool StopsEarly(const Op& op) {
  const Op* o = &op;
  while (o->kind == Op::Kind::kProject || o->kind == Op::Kind::kReduced) o = &o->children[0];
  if (o->kind != Op::Kind::kSlice || !o->limit) return false;
  for (o = &o->children[0];; o = &o->children[0]) {
    switch (o->kind) {
      case Op::Kind::kOrderBy:
      case Op::Kind::kGroup:
      case Op::Kind::kDistinct:
        return false;
      case Op::Kind::kProject:
      case Op::Kind::kExtend:
      case Op::Kind::kReduced:
      case Op::Kind::kFilter:
        continue;
      default:
        return true;
    }
  }
}

}  // namespace

Result<std::unique_ptr<PhysicalOp>> Planner::Plan(const Op& op, bool first_rows_only) {
  first_rows_ = first_rows_only || StopsEarly(op);
  return PlanOp(op, GraphContext{}, true);
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanOp(const Op& op, const GraphContext& g, bool top) {
  // Expressions compiled while planning `op` (filters, EXISTS) run in its graph context.
  GraphContext saved = current_graph_;
  current_graph_ = g;
  auto result = PlanOpIn(op, g, top);
  current_graph_ = saved;
  return result;
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanOpIn(const Op& op, const GraphContext& g,
                                                      bool top) {
  auto child = [&](size_t i, bool keep_top = false) {
    return PlanOp(op.children[i], g, keep_top && top);
  };
  switch (op.kind) {
    case Op::Kind::kBgp: {
      if (op.triples.empty()) return PlanBgp(op.triples, g);
      JoinGroup group;
      CollectGroup(op, &group);
      return PlanGroup(group, {}, g);
    }
    case Op::Kind::kPath: {
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
    case Op::Kind::kJoin: {
      JoinGroup group;
      if (CollectGroup(op, &group)) return PlanGroup(group, {}, g);
      auto l = child(0);
      if (!l.ok()) return l;
      auto r = child(1);
      if (!r.ok()) return r;
      return MakeJoin(std::move(*l), std::move(*r));
    }
    case Op::Kind::kLeftJoin: {
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
    case Op::Kind::kUnion: {
      auto u = std::make_unique<exec::UnionOp>();
      std::set<size_t> certain, maybe;
      bool first = true;
      for (size_t i = 0; i < op.children.size(); ++i) {
        auto c = child(i);
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
    case Op::Kind::kMinus: {
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
    case Op::Kind::kFilter: {
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
    case Op::Kind::kGraph: {
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
    case Op::Kind::kService:
      if (op.silent) {
        auto t = std::make_unique<exec::TableOp>(
            std::vector<size_t>{}, std::vector<std::vector<std::optional<rdf::Term>>>{{}});
        t->estimated_rows = 1;
        return std::unique_ptr<PhysicalOp>(std::move(t));
      }
      return Status::InvalidInput(
          "SERVICE is not supported: Hamlet does not query remote endpoints");
    case Op::Kind::kExtend: {
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
    case Op::Kind::kTable: {
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
    case Op::Kind::kGroup: {
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
    case Op::Kind::kOrderBy: {
      auto c = child(0, true);
      if (!c.ok()) return c;
      std::vector<exec::SortKey> keys;
      for (const auto& o : op.order) {
        auto e = Compile(o.expr);
        if (!e.ok()) return e.status();
        keys.push_back(exec::SortKey{std::move(*e), o.descending});
      }
      auto s = std::make_unique<exec::OrderByOp>(std::move(keys));
      s->certain_vars = (*c)->certain_vars;
      s->maybe_vars = (*c)->maybe_vars;
      s->estimated_rows = (*c)->estimated_rows;
      s->children.push_back(std::move(*c));
      return std::unique_ptr<PhysicalOp>(std::move(s));
    }
    case Op::Kind::kProject: {
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
    case Op::Kind::kDistinct:
    case Op::Kind::kReduced: {
      auto c = child(0, true);
      if (!c.ok()) return c;
      auto d = std::make_unique<exec::DistinctOp>();
      d->certain_vars = (*c)->certain_vars;
      d->maybe_vars = (*c)->maybe_vars;
      d->estimated_rows = (*c)->estimated_rows;
      d->children.push_back(std::move(*c));
      return std::unique_ptr<PhysicalOp>(std::move(d));
    }
    case Op::Kind::kSlice: {
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
  }
  return Status::Internal("unknown algebra operator");
}

}  // namespace hamlet::sparql::plan
