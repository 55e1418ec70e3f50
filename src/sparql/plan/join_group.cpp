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

// The state of planning one join group: the chain of operators built so far, the run of
// triple patterns not yet turned into one index scan, which variables are bound, and the
// filters waiting for their variables. Steps are placed greedily, cheapest connected first.
class Planner::JoinGroupBuilder {
 public:
  JoinGroupBuilder(Planner* planner, const GraphContext& g) : pl_(*planner), g_(g) {}

  Status AddSteps(const JoinGroup& group);
  Status AddFilters(const std::vector<ast::Expr>& filters);
  size_t steps() const { return steps_.size(); }
  // Places the n-th step (n = how many are placed already), then the filters it enables.
  Status PlaceNext(size_t n);
  Result<std::unique_ptr<PhysicalOp>> Finish();

 private:
  struct Step {
    bool is_path = false;
    exec::IdTriplePattern triple;
    exec::PatternTerm s, o;  // paths
    const Op* path = nullptr;
  };
  struct Pending {
    CompiledExpr expr;
    std::set<size_t> slots;
    bool movable;
    bool placed = false;
  };

  bool IsBound(const exec::PatternTerm& t) const {
    return !t.is_var || (t.slot < bound_.size() && bound_[t.slot]);
  }
  void Bind(const exec::PatternTerm& t) {
    if (!t.is_var) return;
    if (t.slot >= bound_.size()) bound_.resize(t.slot + 1, false);
    bound_[t.slot] = true;
  }
  // The cheapest step not used yet, preferring steps connected to bound variables.
  size_t PickStep(size_t n, double* cost, bool* connected) const;
  Status PlacePath(const Step& st, double cost);
  Status PlacePattern(size_t index, size_t n, double cost, bool connected);
  // Turns the pending run of patterns into one index scan joined to the chain.
  Status Flush();
  // Filters whose variables are all bound (all: every one left) go on top of the chain.
  Status PlaceFilters(bool all);
  void Join(std::unique_ptr<PhysicalOp> op) {
    chain_ = chain_ ? pl_.MakeJoin(std::move(chain_), std::move(op)) : std::move(op);
  }

  Planner& pl_;
  const GraphContext& g_;
  std::vector<Step> steps_;
  std::vector<bool> used_;
  std::vector<Pending> pending_;
  std::vector<bool> bound_;
  std::unique_ptr<PhysicalOp> chain_;
  std::vector<size_t> run_steps_;  // triple patterns not yet turned into an index scan
  double run_rows_ = 1;            // estimated rows of the pending run per input row
  // The slot the chain's rows come sorted by: the first scan's leading variable, kept by
  // every join after it (index lookups, hash probes and merges all stream the left side in
  // order). Lets a later pattern sorted by the same variable be merge-joined.
  std::optional<size_t> chain_sorted_;
};

Status Planner::JoinGroupBuilder::AddSteps(const JoinGroup& group) {
  for (const auto& t : group.triples) {
    Step st;
    auto s = pl_.PatternTermOf(t.subject);
    if (!s.ok()) return s.status();
    auto p = pl_.PatternTermOf(t.predicate);
    if (!p.ok()) return p.status();
    auto o = pl_.PatternTermOf(t.object);
    if (!o.ok()) return o.status();
    st.triple = exec::IdTriplePattern{*s, *p, *o};
    steps_.push_back(st);
  }
  for (const Op* p : group.paths) {
    Step st;
    st.is_path = true;
    st.path = p;
    auto s = pl_.PathEnd(p->subject);
    if (!s.ok()) return s.status();
    auto o = pl_.PathEnd(p->object);
    if (!o.ok()) return o.status();
    st.s = *s, st.o = *o;
    steps_.push_back(st);
  }
  used_.assign(steps_.size(), false);
  bound_.assign(pl_.names_.size() + 1, false);
  if (g_.mode == GraphContext::Mode::kVariable)
    bound_.resize(std::max(bound_.size(), g_.slot + 1), false);
  return Status::Ok();
}

Status Planner::JoinGroupBuilder::AddFilters(const std::vector<ast::Expr>& filters) {
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
  for (const auto& f : conjuncts) {
    auto c = pl_.Compile(f);
    if (!c.ok()) return c.status();
    Pending p{std::move(*c), {}, true};
    p.movable = ExprSlots(p.expr, &p.slots);
    pending_.push_back(std::move(p));
  }
  // Compiling may have given new variables slots.
  bound_.resize(std::max(bound_.size(), pl_.names_.size() + 1), false);
  return Status::Ok();
}

size_t Planner::JoinGroupBuilder::PickStep(size_t n, double* best_cost,
                                           bool* best_connected) const {
  size_t best = 0;
  *best_cost = -1;
  *best_connected = false;
  for (size_t i = 0; i < steps_.size(); ++i) {
    if (used_[i]) continue;
    const Step& st = steps_[i];
    bool connected = n == 0;
    double cost;
    if (st.is_path) {
      bool sb = IsBound(st.s), ob = IsBound(st.o);
      connected = connected || (st.s.is_var && sb) || (st.o.is_var && ob);
      // A path walks from a bound end; with neither bound it enumerates every node.
      cost = sb && ob ? 1 : (sb || ob) ? 30 : 1e12;
    } else {
      for (const auto* pt : {&st.triple.s, &st.triple.p, &st.triple.o}) {
        if (pt->is_var && pt->slot < bound_.size() && bound_[pt->slot]) connected = true;
      }
      cost = pl_.EstimatePattern(st.triple, bound_);
    }
    if (*best_cost < 0 || (connected && !*best_connected) ||
        (connected == *best_connected && cost < *best_cost)) {
      best = i, *best_cost = cost, *best_connected = connected;
    }
  }
  return best;
}

Status Planner::JoinGroupBuilder::PlaceNext(size_t n) {
  double cost = 0;
  bool connected = false;
  size_t best = PickStep(n, &cost, &connected);
  used_[best] = true;
  if (steps_[best].is_path) {
    HAMLET_RETURN_IF_ERROR(PlacePath(steps_[best], cost));
  } else {
    HAMLET_RETURN_IF_ERROR(PlacePattern(best, n, cost, connected));
  }
  return PlaceFilters(false);
}

Status Planner::JoinGroupBuilder::PlacePath(const Step& st, double cost) {
  HAMLET_RETURN_IF_ERROR(Flush());
  auto compiled = exec::CompilePath(st.path->path, pl_.terms_);
  if (!compiled.ok()) return compiled.status();
  auto p = std::make_unique<exec::PathOp>(st.s, std::move(*compiled), st.o, g_);
  std::set<size_t> vars;
  if (st.s.is_var) vars.insert(st.s.slot);
  if (st.o.is_var) vars.insert(st.o.slot);
  p->certain_vars.assign(vars.begin(), vars.end());
  p->maybe_vars = p->certain_vars;
  p->estimated_rows = cost;
  Join(std::move(p));
  Bind(st.s);
  Bind(st.o);
  return Status::Ok();
}

Status Planner::JoinGroupBuilder::PlacePattern(size_t index, size_t n, double cost,
                                               bool connected) {
  const Step& st = steps_[index];
  // Rows that would each seek into this pattern, against scanning it whole once.
  double rows_before = (chain_ ? chain_->estimated_rows : 1) * (run_steps_.empty() ? 1 : run_rows_);
  double scan_rows = pl_.EstimatePattern(st.triple, std::vector<bool>(bound_.size(), false));
  bool hash = !pl_.first_rows_ && pl_.correlated_ == 0 && n > 0 && connected &&
              rows_before * kSeekCost > scan_rows + rows_before;
  if (hash) {
    HAMLET_RETURN_IF_ERROR(Flush());
    std::set<size_t> vars;
    for (const auto* pt : {&st.triple.s, &st.triple.p, &st.triple.o}) {
      if (pt->is_var) vars.insert(pt->slot);
    }
    if (g_.mode == GraphContext::Mode::kVariable) vars.insert(g_.slot);
    auto scan = std::make_unique<exec::BgpOp>(std::vector<exec::IdTriplePattern>{st.triple}, g_);
    scan->estimated_rows = scan_rows;
    scan->certain_vars.assign(vars.begin(), vars.end());
    scan->maybe_vars = scan->certain_vars;
    double rows = std::max(1.0, rows_before * std::max(cost, 1.0));
    std::optional<size_t> sorted = pl_.SortedSlot(st.triple, g_);
    if (chain_sorted_ && sorted == chain_sorted_ && IsBound(exec::PatternTerm{true, *sorted, 0})) {
      // Both sides sorted by the shared variable: merge, with no table at all.
      chain_ = pl_.MakeMergeJoin(std::move(chain_), std::move(scan), *sorted, rows);
    } else {
      chain_ = pl_.MakeHashJoin(std::move(chain_), std::move(scan), rows);
    }
  } else {
    run_steps_.push_back(index);
    run_rows_ *= std::max(cost, 1.0);
  }
  Bind(st.triple.s);
  Bind(st.triple.p);
  Bind(st.triple.o);
  return Status::Ok();
}

Status Planner::JoinGroupBuilder::Flush() {
  if (run_steps_.empty()) return Status::Ok();
  if (!chain_) chain_sorted_ = pl_.SortedSlot(steps_[run_steps_[0]].triple, g_);
  std::vector<exec::IdTriplePattern> patterns;
  std::set<size_t> vars;
  double rows = run_rows_;
  run_rows_ = 1;
  for (size_t i : run_steps_) patterns.push_back(steps_[i].triple);
  for (const auto& t : patterns) {
    for (const auto* pt : {&t.s, &t.p, &t.o}) {
      if (pt->is_var) vars.insert(pt->slot);
    }
  }
  if (g_.mode == GraphContext::Mode::kVariable) vars.insert(g_.slot);
  auto op = std::make_unique<exec::BgpOp>(std::move(patterns), g_);
  op->estimated_rows = rows;  // with a chain: per row of the chain; MakeJoin scales it
  op->certain_vars.assign(vars.begin(), vars.end());
  op->maybe_vars = op->certain_vars;
  run_steps_.clear();
  Join(std::move(op));
  return Status::Ok();
}

Status Planner::JoinGroupBuilder::PlaceFilters(bool all) {
  std::vector<CompiledExpr> ready;
  for (auto& p : pending_) {
    if (p.placed) continue;
    bool ok = all || (p.movable && std::all_of(p.slots.begin(), p.slots.end(), [&](size_t s) {
                        return s < bound_.size() && bound_[s];
                      }));
    if (!ok) continue;
    p.placed = true;
    ready.push_back(p.expr);
  }
  if (ready.empty()) return Status::Ok();
  HAMLET_RETURN_IF_ERROR(Flush());
  if (!chain_) {
    auto unit = std::make_unique<exec::TableOp>(
        std::vector<size_t>{}, std::vector<std::vector<std::optional<rdf::Term>>>{{}});
    unit->estimated_rows = 1;
    chain_ = std::move(unit);
  }
  auto f = std::make_unique<exec::FilterOp>(std::move(ready));
  f->certain_vars = chain_->certain_vars;
  f->maybe_vars = chain_->maybe_vars;
  f->estimated_rows = std::max(1.0, chain_->estimated_rows / 2);
  f->children.push_back(std::move(chain_));
  chain_ = std::move(f);
  return Status::Ok();
}

Result<std::unique_ptr<PhysicalOp>> Planner::JoinGroupBuilder::Finish() {
  HAMLET_RETURN_IF_ERROR(Flush());
  HAMLET_RETURN_IF_ERROR(PlaceFilters(true));
  if (!chain_) return pl_.PlanBgp({}, g_);
  return std::move(chain_);
}

Result<std::unique_ptr<PhysicalOp>> Planner::PlanGroup(const JoinGroup& group,
                                                       const std::vector<ast::Expr>& filters,
                                                       const GraphContext& g) {
  JoinGroupBuilder builder(this, g);
  HAMLET_RETURN_IF_ERROR(builder.AddSteps(group));
  HAMLET_RETURN_IF_ERROR(builder.AddFilters(filters));
  for (size_t n = 0; n < builder.steps(); ++n) HAMLET_RETURN_IF_ERROR(builder.PlaceNext(n));
  return builder.Finish();
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
