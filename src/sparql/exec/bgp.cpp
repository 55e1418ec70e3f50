#include "sparql/exec/bgp.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace hamlet::sparql::exec {

namespace {

TermId Value(const PatternTerm& p, const Row& row) {
  return p.is_var ? row[p.slot] : p.id;
}

bool Contains(const std::vector<TermId>& v, TermId id) {
  return std::find(v.begin(), v.end(), id) != v.end();
}

bool BindOne(const PatternTerm& p, TermId value, Row* row) {
  if (!p.is_var) return true;  // constants were used in the scan
  TermId& slot = (*row)[p.slot];
  if (slot == store::kNoTerm) {
    slot = value;
    return true;
  }
  return slot == value;
}

}  // namespace

std::vector<store::QuadPattern> ScansFor(const IdTriplePattern& t, const GraphContext& g,
                                         const Dataset& ds, const Row& row, bool* binds_graph) {
  *binds_graph = false;
  store::QuadPattern base;
  for (auto [pos, out] :
       {std::pair{&t.s, &base.s}, std::pair{&t.p, &base.p}, std::pair{&t.o, &base.o}}) {
    if (!pos->is_var && pos->id == store::kNoTerm) return {};  // constant not in the store
    if (IsLocal(Value(*pos, row))) return {};                  // computed term: not stored
    *out = Value(*pos, row);
  }
  std::vector<store::QuadPattern> scans;
  auto fixed = [&](TermId graph) {
    store::QuadPattern p = base;
    p.scope = graph == store::kNoTerm ? store::GraphScope::kDefault : store::GraphScope::kGraph;
    p.g = graph;
    scans.push_back(p);
  };
  switch (g.mode) {
    case GraphContext::Mode::kDefault:
      if (ds.default_is_store_default) {
        fixed(store::kNoTerm);
      } else {
        for (TermId id : ds.default_graphs) {
          if (id != store::kNoTerm && !IsLocal(id)) fixed(id);
        }
      }
      break;
    case GraphContext::Mode::kNamed:
      if (g.graph == store::kNoTerm || IsLocal(g.graph)) break;
      if (!ds.named_is_all && !Contains(ds.named_graphs, g.graph)) break;
      fixed(g.graph);
      break;
    case GraphContext::Mode::kVariable: {
      TermId bound = row[g.slot];
      if (bound != store::kNoTerm) {
        if (IsLocal(bound) || (!ds.named_is_all && !Contains(ds.named_graphs, bound))) break;
        fixed(bound);
      } else if (ds.named_is_all) {
        store::QuadPattern p = base;
        p.scope = store::GraphScope::kAnyNamed;
        scans.push_back(p);
        *binds_graph = true;
      } else {
        for (TermId id : ds.named_graphs) {
          if (id != store::kNoTerm && !IsLocal(id)) fixed(id);
        }
        *binds_graph = true;
      }
      break;
    }
  }
  return scans;
}

bool BindQuad(const IdTriplePattern& t, const GraphContext& g, bool bind_graph,
              const store::IdQuad& q, Row* row) {
  if (!BindOne(t.s, q.s, row) || !BindOne(t.p, q.p, row) || !BindOne(t.o, q.o, row)) return false;
  if (bind_graph && g.mode == GraphContext::Mode::kVariable) {
    TermId& slot = (*row)[g.slot];
    if (slot == store::kNoTerm) {
      slot = q.g;
    } else if (slot != q.g) {
      return false;
    }
  }
  return true;
}

namespace {

class BgpCursor : public Cursor {
 public:
  BgpCursor(const BgpOp& op, ExecContext& ctx, const Row& seed)
      : op_(op), ctx_(ctx), pool_(op.patterns().size()) {
    Start(seed);
  }

  bool Reseed(const Row& seed) override {
    levels_.clear();
    status_ = Status::Ok();
    Start(seed);
    return true;
  }

  void Start(const Row& seed) {
    if (op_.patterns().empty()) {
      // An empty pattern matches once; inside GRAPH <g> only if the dataset has graph g.
      has_single_ = true;
      if (op_.graph().mode == GraphContext::Mode::kNamed) {
        auto graphs = NamedGraphs(ctx_);
        has_single_ = graphs.ok() &&
                      std::find(graphs->begin(), graphs->end(), op_.graph().graph) != graphs->end();
      }
      single_ = seed;
      return;
    }
    Push(seed);
  }

  bool Next(Row* out) override {
    if (has_single_) {
      has_single_ = false;
      *out = std::move(single_);
      return true;
    }
    while (!levels_.empty() && status_.ok()) {
      // Store cursors check the token every few hundred keys; a join of many short scans
      // needs its own check.
      if (++steps_ % kCancelCheckInterval == 0 && ctx_.cancel != nullptr) {
        status_ = ctx_.cancel->Check();
        if (!status_.ok()) return false;
      }
      Level& level = levels_.back();
      if (!level.cursor || !level.cursor->Valid()) {
        if (level.cursor) {
          status_ = level.cursor->status();
          if (!status_.ok()) return false;
        }
        if (level.next_scan >= level.scans.size()) {
          levels_.pop_back();
          continue;
        }
        // One store cursor per depth, repositioned for each row: no iterator churn.
        auto& pooled = pool_[levels_.size() - 1];
        if (!pooled) {
          pooled = ctx_.snapshot->Scan(level.scans[level.next_scan++], ctx_.cancel);
        } else {
          pooled->Reset(level.scans[level.next_scan++]);
        }
        level.cursor = pooled.get();
        continue;
      }
      store::IdQuad q = level.cursor->quad();
      level.cursor->Next();
      const IdTriplePattern& t = op_.patterns()[levels_.size() - 1];
      if (level.dedupe && !level.seen.insert({q.s, q.p, q.o}).second) continue;
      Row row = level.row;
      if (!BindQuad(t, op_.graph(), level.binds_graph, q, &row)) continue;
      if (levels_.size() == op_.patterns().size()) {
        *out = std::move(row);
        return true;
      }
      Push(row);
    }
    return false;
  }

  Status status() const override { return status_; }

 private:
  struct Level {
    Row row;  // bindings before this pattern
    std::vector<store::QuadPattern> scans;
    size_t next_scan = 0;
    bool binds_graph = false;
    // FROM with several graphs: their merge is a set, so a triple found in two graphs
    // counts once.
    bool dedupe = false;
    std::set<std::tuple<TermId, TermId, TermId>> seen;
    store::QuadCursor* cursor = nullptr;  // pool_[depth], positioned for this level
  };

  void Push(const Row& row) {
    Level level;
    level.row = row;
    const IdTriplePattern& t = op_.patterns()[levels_.size()];
    level.scans = ScansFor(t, op_.graph(), ctx_.dataset, row, &level.binds_graph);
    level.dedupe = op_.graph().mode == GraphContext::Mode::kDefault && level.scans.size() > 1;
    levels_.push_back(std::move(level));
  }

  // Steps between two checks of the cancellation token (a clock read each).
  static constexpr uint64_t kCancelCheckInterval = 256;

  const BgpOp& op_;
  ExecContext& ctx_;
  uint64_t steps_ = 0;
  std::vector<Level> levels_;
  std::vector<std::unique_ptr<store::QuadCursor>> pool_;
  Row single_;
  bool has_single_ = false;
  Status status_;
};

}  // namespace

std::unique_ptr<Cursor> BgpOp::Open(ExecContext& ctx, const Row& seed) const {
  return Counted(*this, std::make_unique<BgpCursor>(*this, ctx, seed));
}

std::string BgpOp::Describe(const ExplainNames& names) const {
  auto term = [&](const PatternTerm& p) {
    if (p.is_var) return names.Var(p.slot);
    return p.id == store::kNoTerm ? std::string("<not in store>") : names.term(p.id);
  };
  std::string s = "IndexScan";
  if (graph_.mode == GraphContext::Mode::kNamed) {
    s += " GRAPH " + (graph_.graph == store::kNoTerm ? std::string("<not in store>")
                                                     : names.term(graph_.graph));
  }
  if (graph_.mode == GraphContext::Mode::kVariable) s += " GRAPH " + names.Var(graph_.slot);
  for (const auto& t : patterns_) s += " (" + term(t.s) + " " + term(t.p) + " " + term(t.o) + ")";
  return s;
}

}  // namespace hamlet::sparql::exec
