// Join groups: a basic graph pattern, the property paths joined with it and the FILTERs over
// them, planned together. Triple patterns and paths are chained in one greedy order (cheapest
// next step given what is bound, connected steps first), and each filter runs as soon as the
// variables it reads are bound, instead of after the whole group.
#include <algorithm>
#include <optional>
#include <set>

#include "sparql/exec/ops.h"
#include "sparql/exec/path.h"
#include "sparql/plan/plan_util.h"
#include "sparql/plan/planner.h"

namespace hamlet::sparql::plan {

using algebra::Op;
using exec::CompiledExpr;
using exec::GraphContext;

namespace {

// Cost of one index seek (a bound-variable lookup) in units of one row scanned and put into a
// hash table. A RocksDB seek with its key decoding costs a few microseconds, a sequential step
// and a hash insert well under one, so a pattern is scanned whole and hash-joined once the
// rows that would each seek into it cost more than scanning it. Too high a value hash-joins
// small inputs against large patterns; too low a value seeks millions of times (q12 at 10 M).
constexpr double kSeekCost = 6;

// The slots an expression reads; false when it also depends on more (EXISTS patterns).
bool ExprSlots(const CompiledExpr& e, std::set<size_t>* out) {
  using K = CompiledExpr::Kind;
  if (e.kind == K::kExists || e.kind == K::kNotExists) return false;
  if (e.kind == K::kVariable || e.kind == K::kBound) out->insert(e.slot);
  bool ok = true;
  for (const auto& a : e.args) ok = ExprSlots(a, out) && ok;
  return ok;
}

}  // namespace

bool Planner::CollectGroup(const Op& op, JoinGroup* group) {
  switch (op.kind) {
    case Op::Kind::kBgp:
      group->triples.insert(group->triples.end(), op.triples.begin(), op.triples.end());
      return true;
    case Op::Kind::kPath:
      group->paths.push_back(&op);
      return true;
    case Op::Kind::kJoin:
      return CollectGroup(op.children[0], group) && CollectGroup(op.children[1], group);
    default:
      return false;
  }
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanGroup(const JoinGroup& group,
                                                       const std::vector<ast::Expr>& filters,
                                                       const GraphContext& g) {
  struct Step {
    bool is_path = false;
    exec::IdTriplePattern triple;
    exec::PatternTerm s, o;  // paths
    const Op* path = nullptr;
  };
  std::vector<Step> steps;
  for (const auto& t : group.triples) {
    Step st;
    auto s = PatternTermOf(t.subject);
    if (!s.ok()) return s.status();
    auto p = PatternTermOf(t.predicate);
    if (!p.ok()) return p.status();
    auto o = PatternTermOf(t.object);
    if (!o.ok()) return o.status();
    st.triple = exec::IdTriplePattern{*s, *p, *o};
    steps.push_back(st);
  }
  for (const Op* p : group.paths) {
    Step st;
    st.is_path = true;
    st.path = p;
    auto s = PathEnd(p->subject);
    if (!s.ok()) return s.status();
    auto o = PathEnd(p->object);
    if (!o.ok()) return o.status();
    st.s = *s, st.o = *o;
    steps.push_back(st);
  }
  struct Pending {
    CompiledExpr expr;
    std::set<size_t> slots;
    bool movable;
    bool placed = false;
  };
  // FILTER(a && b) is FILTER(a) FILTER(b): each conjunct can run as early as its own
  // variables allow.
  std::vector<ast::Expr> conjuncts;
  std::vector<const ast::Expr*> todo;
  for (const auto& f : filters) todo.push_back(&f);
  while (!todo.empty()) {
    const ast::Expr* e = todo.back();
    todo.pop_back();
    if (e->kind == ast::Expr::Kind::kBinary && e->op == "&&") {
      todo.push_back(&e->args[1]);
      todo.push_back(&e->args[0]);
    } else {
      conjuncts.push_back(*e);
    }
  }
  std::vector<Pending> pending;
  for (const auto& f : conjuncts) {
    auto c = Compile(f);
    if (!c.ok()) return c.status();
    Pending p{std::move(*c), {}, true};
    p.movable = ExprSlots(p.expr, &p.slots);
    pending.push_back(std::move(p));
  }

  std::vector<bool> bound(names_.size() + 1, false);
  auto is_bound = [&](const exec::PatternTerm& t) {
    return !t.is_var || (t.slot < bound.size() && bound[t.slot]);
  };
  auto bind = [&](const exec::PatternTerm& t) {
    if (!t.is_var) return;
    if (t.slot >= bound.size()) bound.resize(t.slot + 1, false);
    bound[t.slot] = true;
  };
  if (g.mode == GraphContext::Mode::kVariable)
    bound.resize(std::max(bound.size(), g.slot + 1), false);

  std::unique_ptr<PhysicalOp> chain;
  std::vector<ast::TriplePattern> run;  // triple patterns not yet turned into an index scan
  std::vector<size_t> run_steps;
  double run_rows = 1;  // estimated rows of the pending run per input row
  // The slot the chain's rows come sorted by: the first scan's leading variable, kept by
  // every join after it (index lookups, hash probes and merges all stream the left side in
  // order). Lets a later pattern sorted by the same variable be merge-joined.
  std::optional<size_t> chain_sorted;
  auto flush = [&]() -> Status {
    if (run_steps.empty()) return Status::Ok();
    if (!chain) chain_sorted = SortedSlot(steps[run_steps[0]].triple, g);
    std::vector<exec::IdTriplePattern> patterns;
    std::set<size_t> vars;
    double rows = run_rows;
    run_rows = 1;
    for (size_t i : run_steps) patterns.push_back(steps[i].triple);
    for (const auto& t : patterns) {
      for (const auto* pt : {&t.s, &t.p, &t.o}) {
        if (pt->is_var) vars.insert(pt->slot);
      }
    }
    if (g.mode == GraphContext::Mode::kVariable) vars.insert(g.slot);
    auto op = std::make_unique<exec::BgpOp>(std::move(patterns), g);
    op->estimated_rows = rows;
    op->certain_vars.assign(vars.begin(), vars.end());
    op->maybe_vars = op->certain_vars;
    run_steps.clear();
    if (chain) op->estimated_rows = rows;  // per row of the chain; MakeJoin scales it
    chain = chain ? MakeJoin(std::move(chain), std::move(op)) : std::move(op);
    return Status::Ok();
  };
  auto place_filters = [&](bool all) -> Status {
    std::vector<CompiledExpr> ready;
    for (auto& p : pending) {
      if (p.placed) continue;
      bool ok = all || (p.movable && std::all_of(p.slots.begin(), p.slots.end(), [&](size_t s) {
                          return s < bound.size() && bound[s];
                        }));
      if (!ok) continue;
      p.placed = true;
      ready.push_back(p.expr);
    }
    if (ready.empty()) return Status::Ok();
    HAMLET_RETURN_IF_ERROR(flush());
    if (!chain) {
      auto unit = std::make_unique<exec::TableOp>(
          std::vector<size_t>{}, std::vector<std::vector<std::optional<rdf::Term>>>{{}});
      unit->estimated_rows = 1;
      chain = std::move(unit);
    }
    auto f = std::make_unique<exec::FilterOp>(std::move(ready));
    f->certain_vars = chain->certain_vars;
    f->maybe_vars = chain->maybe_vars;
    f->estimated_rows = std::max(1.0, chain->estimated_rows / 2);
    f->children.push_back(std::move(chain));
    chain = std::move(f);
    return Status::Ok();
  };

  std::vector<bool> used(steps.size(), false);
  for (size_t n = 0; n < steps.size(); ++n) {
    size_t best = 0;
    double best_cost = -1;
    bool best_connected = false;
    for (size_t i = 0; i < steps.size(); ++i) {
      if (used[i]) continue;
      const Step& st = steps[i];
      bool connected = n == 0;
      double cost;
      if (st.is_path) {
        bool sb = is_bound(st.s), ob = is_bound(st.o);
        connected = connected || (st.s.is_var && sb) || (st.o.is_var && ob);
        // A path walks from a bound end; with neither bound it enumerates every node.
        cost = sb && ob ? 1 : (sb || ob) ? 30 : 1e12;
      } else {
        for (const auto* pt : {&st.triple.s, &st.triple.p, &st.triple.o}) {
          if (pt->is_var && pt->slot < bound.size() && bound[pt->slot]) connected = true;
        }
        cost = EstimatePattern(st.triple, bound);
      }
      if (best_cost < 0 || (connected && !best_connected) ||
          (connected == best_connected && cost < best_cost)) {
        best = i, best_cost = cost, best_connected = connected;
      }
    }
    used[best] = true;
    const Step& st = steps[best];
    if (st.is_path) {
      HAMLET_RETURN_IF_ERROR(flush());
      auto compiled = exec::CompilePath(st.path->path, terms_);
      if (!compiled.ok()) return compiled.status();
      auto p = std::make_unique<exec::PathOp>(st.s, std::move(*compiled), st.o, g);
      std::set<size_t> vars;
      if (st.s.is_var) vars.insert(st.s.slot);
      if (st.o.is_var) vars.insert(st.o.slot);
      p->certain_vars.assign(vars.begin(), vars.end());
      p->maybe_vars = p->certain_vars;
      p->estimated_rows = best_cost;
      chain = chain ? MakeJoin(std::move(chain), std::move(p)) : std::move(p);
      bind(st.s);
      bind(st.o);
    } else {
      // Rows that would each seek into this pattern, against scanning it whole once.
      double rows_before = (chain ? chain->estimated_rows : 1) * (run_steps.empty() ? 1 : run_rows);
      double scan_rows = EstimatePattern(st.triple, std::vector<bool>(bound.size(), false));
      bool hash = !first_rows_ && correlated_ == 0 && n > 0 && best_connected &&
                  rows_before * kSeekCost > scan_rows + rows_before;
      if (hash) {
        HAMLET_RETURN_IF_ERROR(flush());
        std::set<size_t> vars;
        for (const auto* pt : {&st.triple.s, &st.triple.p, &st.triple.o}) {
          if (pt->is_var) vars.insert(pt->slot);
        }
        if (g.mode == GraphContext::Mode::kVariable) vars.insert(g.slot);
        auto scan = std::make_unique<exec::BgpOp>(std::vector<exec::IdTriplePattern>{st.triple}, g);
        scan->estimated_rows = scan_rows;
        scan->certain_vars.assign(vars.begin(), vars.end());
        scan->maybe_vars = scan->certain_vars;
        double rows = std::max(1.0, rows_before * std::max(best_cost, 1.0));
        std::optional<size_t> sorted = SortedSlot(st.triple, g);
        if (chain_sorted && sorted == chain_sorted &&
            is_bound(exec::PatternTerm{true, *sorted, 0})) {
          // Both sides sorted by the shared variable: merge, with no table at all.
          chain = MakeMergeJoin(std::move(chain), std::move(scan), *sorted, rows);
        } else {
          chain = MakeHashJoin(std::move(chain), std::move(scan), rows);
        }
      } else {
        run_steps.push_back(best);
        run_rows *= std::max(best_cost, 1.0);
      }
      bind(st.triple.s);
      bind(st.triple.p);
      bind(st.triple.o);
    }
    HAMLET_RETURN_IF_ERROR(place_filters(false));
  }
  HAMLET_RETURN_IF_ERROR(flush());
  HAMLET_RETURN_IF_ERROR(place_filters(true));
  if (!chain) return PlanBgp({}, g);
  return chain;
}

std::unique_ptr<PhysicalOp> Planner::MakeMergeJoin(std::unique_ptr<PhysicalOp> l,
                                                   std::unique_ptr<PhysicalOp> r, size_t key,
                                                   double estimated_rows) {
  std::set<size_t> certain = Set(l->certain_vars), maybe = Set(l->maybe_vars);
  certain.insert(r->certain_vars.begin(), r->certain_vars.end());
  maybe.insert(r->maybe_vars.begin(), r->maybe_vars.end());
  auto op = std::make_unique<exec::MergeJoinOp>(key);
  op->estimated_rows = estimated_rows;
  op->children.push_back(std::move(l));
  op->children.push_back(std::move(r));
  SetVars(op.get(), certain, maybe);
  return op;
}

std::optional<size_t> Planner::SortedSlot(const exec::IdTriplePattern& t,
                                          const GraphContext& g) const {
  if (g.mode != GraphContext::Mode::kDefault || !default_is_store_default_) return std::nullopt;
  store::QuadPattern q;
  q.scope = store::GraphScope::kDefault;
  const exec::PatternTerm* terms[3] = {&t.s, &t.p, &t.o};
  store::TermId* ids[3] = {&q.s, &q.p, &q.o};
  for (int i = 0; i < 3; ++i) {
    if (terms[i]->is_var) continue;
    if (terms[i]->id == store::kNoTerm) return std::nullopt;  // matches nothing anyway
    *ids[i] = terms[i]->id;
  }
  int pos = store::SortedPosition(q);
  if (pos < 0 || !terms[pos]->is_var) return std::nullopt;
  return terms[pos]->slot;
}

std::unique_ptr<PhysicalOp> Planner::MakeHashJoin(std::unique_ptr<PhysicalOp> l,
                                                  std::unique_ptr<PhysicalOp> r,
                                                  double estimated_rows) {
  std::set<size_t> certain = Set(l->certain_vars), maybe = Set(l->maybe_vars);
  certain.insert(r->certain_vars.begin(), r->certain_vars.end());
  maybe.insert(r->maybe_vars.begin(), r->maybe_vars.end());
  auto op = std::make_unique<exec::JoinOp>(exec::JoinOp::Mode::kHash,
                                           Intersect(l->certain_vars, r->certain_vars));
  op->estimated_rows = estimated_rows;
  op->children.push_back(std::move(l));
  op->children.push_back(std::move(r));
  SetVars(op.get(), certain, maybe);
  return op;
}

}  // namespace hamlet::sparql::plan
