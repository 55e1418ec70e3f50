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
  switch (op.kind) {
    case Op::Kind::kBgp:
      return PlanBgpOp(op, g, top);
    case Op::Kind::kPath:
      return PlanPathOp(op, g, top);
    case Op::Kind::kJoin:
      return PlanJoinOp(op, g, top);
    case Op::Kind::kLeftJoin:
      return PlanLeftJoinOp(op, g, top);
    case Op::Kind::kUnion:
      return PlanUnionOp(op, g, top);
    case Op::Kind::kMinus:
      return PlanMinusOp(op, g, top);
    case Op::Kind::kFilter:
      return PlanFilterOp(op, g, top);
    case Op::Kind::kGraph:
      return PlanGraphOp(op, g, top);
    case Op::Kind::kService:
      return PlanServiceOp(op, g, top);
    case Op::Kind::kExtend:
      return PlanExtendOp(op, g, top);
    case Op::Kind::kTable:
      return PlanTableOp(op, g, top);
    case Op::Kind::kGroup:
      return PlanGroupOp(op, g, top);
    case Op::Kind::kOrderBy:
      return PlanOrderByOp(op, g, top);
    case Op::Kind::kProject:
      return PlanProjectOp(op, g, top);
    case Op::Kind::kDistinct:
    case Op::Kind::kReduced:
      return PlanDistinctOp(op, g, top);
    case Op::Kind::kSlice:
      return PlanSliceOp(op, g, top);
  }
  return Status::Internal("unknown algebra operator");
}

}  // namespace hamlet::sparql::plan
