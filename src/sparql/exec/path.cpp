#include "sparql/exec/path.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>
#include <unordered_set>

namespace hamlet::sparql::exec {

using PK = ast::Path::Kind;

// Terms kept in the per-query path cache before it is emptied (8 bytes each).
constexpr size_t kMaxCachedPathTerms = 4 << 20;

Result<CompiledPath> CompilePath(const ast::Path& path, TermResolver* terms) {
  CompiledPath c;
  c.kind = path.kind;
  if (path.kind == PK::kLink) {
    auto id = terms->StoreId(rdf::Term::Iri(path.iri.value));
    if (!id.ok()) return id.status();
    c.iri = *id;
  }
  for (const auto& n : path.negated) {
    auto id = terms->StoreId(rdf::Term::Iri(n.iri.value));
    if (!id.ok()) return id.status();
    c.negated.emplace_back(*id, n.inverse);
  }
  for (const auto& a : path.args) {
    auto sub = CompilePath(a, terms);
    if (!sub.ok()) return sub.status();
    c.args.push_back(std::move(*sub));
  }
  return c;
}

namespace {

// Evaluates paths inside one graph (store::kNoTerm = the default graph of the dataset).
class PathEvaluator {
 public:
  PathEvaluator(ExecContext& ctx, TermId graph, bool default_graph)
      : ctx_(ctx), graph_(graph), default_graph_(default_graph) {}

  // Nodes reachable from `node` along `p` (forward) or against it (backward).
  Status Step(TermId node, const CompiledPath& p, bool forward, std::vector<TermId>* out) {
    switch (p.kind) {
      case PK::kLink:
        if (p.iri == store::kNoTerm) return Status::Ok();
        return Scan(forward ? node : store::kNoTerm, p.iri, forward ? store::kNoTerm : node,
                    forward, out);
      case PK::kInverse:
        return Step(node, p.args[0], !forward, out);
      case PK::kSequence: {
        std::vector<TermId> frontier = {node};
        size_t n = p.args.size();
        for (size_t i = 0; i < n; ++i) {
          const CompiledPath& a = p.args[forward ? i : n - 1 - i];
          std::vector<TermId> next;
          for (TermId x : frontier) HAMLET_RETURN_IF_ERROR(Step(x, a, forward, &next));
          frontier.swap(next);
        }
        out->insert(out->end(), frontier.begin(), frontier.end());
        return Status::Ok();
      }
      case PK::kAlternative:
        for (const auto& a : p.args) HAMLET_RETURN_IF_ERROR(Step(node, a, forward, out));
        return Status::Ok();
      case PK::kZeroOrOne: {
        std::set<TermId> set = {node};
        std::vector<TermId> one;
        HAMLET_RETURN_IF_ERROR(Step(node, p.args[0], forward, &one));
        set.insert(one.begin(), one.end());
        out->insert(out->end(), set.begin(), set.end());
        return Status::Ok();
      }
      case PK::kZeroOrMore:
      case PK::kOneOrMore: {
        std::unordered_set<TermId> seen;
        std::deque<TermId> queue;
        if (p.kind == PK::kZeroOrMore) {
          seen.insert(node);
          out->push_back(node);
        }
        std::vector<TermId> next;
        HAMLET_RETURN_IF_ERROR(Step(node, p.args[0], forward, &next));
        for (TermId x : next) queue.push_back(x);
        while (!queue.empty()) {
          TermId x = queue.front();
          queue.pop_front();
          if (!seen.insert(x).second) continue;
          out->push_back(x);
          next.clear();
          HAMLET_RETURN_IF_ERROR(Step(x, p.args[0], forward, &next));
          for (TermId y : next) {
            if (!seen.count(y)) queue.push_back(y);
          }
          if (ctx_.cancel != nullptr && (seen.size() & 255) == 0)
            HAMLET_RETURN_IF_ERROR(ctx_.cancel->Check());
        }
        return Status::Ok();
      }
      case PK::kNegated: {
        std::set<TermId> fwd, inv;
        bool any_fwd = false, any_inv = false;
        for (auto [id, inverse] : p.negated) {
          (inverse ? inv : fwd).insert(id);
          (inverse ? any_inv : any_fwd) = true;
        }
        // !(a|b) matches forward; !(^a|^b) backward; a mix matches both ways.
        bool do_fwd = any_fwd || !any_inv, do_inv = any_inv;
        if (do_fwd) HAMLET_RETURN_IF_ERROR(ScanExcept(node, fwd, forward, out));
        if (do_inv) HAMLET_RETURN_IF_ERROR(ScanExcept(node, inv, !forward, out));
        return Status::Ok();
      }
    }
    return Status::Ok();
  }

  // Every subject and object of the graph (start nodes when both ends are unbound).
  Status AllNodes(std::vector<TermId>* out) {
    std::set<TermId> nodes;
    for (const auto& pat : Patterns(store::kNoTerm, store::kNoTerm, store::kNoTerm)) {
      auto c = ctx_.snapshot->Scan(pat, ctx_.cancel);
      for (; c->Valid(); c->Next()) {
        nodes.insert(c->quad().s);
        nodes.insert(c->quad().o);
      }
      HAMLET_RETURN_IF_ERROR(c->status());
    }
    out->assign(nodes.begin(), nodes.end());
    return Status::Ok();
  }

  // True when `t` is a subject or an object of the active graph.
  Result<bool> IsNode(TermId t) {
    for (bool as_subject : {true, false}) {
      for (const auto& pat : Patterns(as_subject ? t : store::kNoTerm, store::kNoTerm,
                                      as_subject ? store::kNoTerm : t)) {
        auto c = ctx_.snapshot->Scan(pat, ctx_.cancel);
        if (c->Valid()) return true;
        HAMLET_RETURN_IF_ERROR(c->status());
      }
    }
    return false;
  }

 private:
  std::vector<store::QuadPattern> Patterns(TermId s, TermId p, TermId o) {
    std::vector<store::QuadPattern> out;
    if (IsLocal(s) || IsLocal(o)) return out;
    auto add = [&](TermId g) {
      store::QuadPattern q;
      q.s = s, q.p = p, q.o = o;
      q.scope = g == store::kNoTerm ? store::GraphScope::kDefault : store::GraphScope::kGraph;
      q.g = g;
      out.push_back(q);
    };
    if (!default_graph_) {
      add(graph_);
    } else if (ctx_.dataset.default_is_store_default) {
      add(store::kNoTerm);
    } else {
      for (TermId g : ctx_.dataset.default_graphs) add(g);
    }
    return out;
  }

  Status Scan(TermId s, TermId p, TermId o, bool forward, std::vector<TermId>* out) {
    for (const auto& pat : Patterns(s, p, o)) {
      auto c = ctx_.snapshot->Scan(pat, ctx_.cancel);
      for (; c->Valid(); c->Next()) out->push_back(forward ? c->quad().o : c->quad().s);
      HAMLET_RETURN_IF_ERROR(c->status());
    }
    return Status::Ok();
  }

  Status ScanExcept(TermId node, const std::set<TermId>& excluded, bool forward,
                    std::vector<TermId>* out) {
    for (const auto& pat : Patterns(forward ? node : store::kNoTerm, store::kNoTerm,
                                    forward ? store::kNoTerm : node)) {
      auto c = ctx_.snapshot->Scan(pat, ctx_.cancel);
      for (; c->Valid(); c->Next()) {
        if (excluded.count(c->quad().p)) continue;
        out->push_back(forward ? c->quad().o : c->quad().s);
      }
      HAMLET_RETURN_IF_ERROR(c->status());
    }
    return Status::Ok();
  }

  ExecContext& ctx_;
  TermId graph_;
  bool default_graph_;
};

bool Bind(const PatternTerm& p, TermId v, Row* row) {
  if (!p.is_var) return p.id == v;
  TermId& slot = (*row)[p.slot];
  if (slot == store::kNoTerm) {
    slot = v;
    return true;
  }
  return slot == v;
}

}  // namespace

std::unique_ptr<Cursor> PathOp::Open(ExecContext& ctx, const Row& seed) const {
  std::vector<Row> rows;
  Status status;
  auto lease = std::make_unique<MemoryLease>(ctx.memory, "a property path");
  auto run_in = [&](TermId graph, bool default_graph) -> Status {
    PathEvaluator ev(ctx, graph, default_graph);
    Row base = seed;
    if (g_.mode == GraphContext::Mode::kVariable &&
        !Bind(PatternTerm{true, g_.slot, 0}, graph, &base)) {
      return Status::Ok();
    }
    TermId s = s_.is_var ? base[s_.slot] : s_.id;
    TermId o = o_.is_var ? base[o_.slot] : o_.id;
    std::vector<TermId> starts;
    bool forward = true;
    // A start node bound by a variable from outside (a join's seed) stands for "every node of
    // the graph" narrowed down: the spec evaluates the path with that variable free, so a
    // zero-length match there needs a node of the graph (W3C property-path#values_and_path).
    // A constant start matches itself with zero length even outside the graph.
    bool seeded_start = s != store::kNoTerm ? s_.is_var : (o != store::kNoTerm && o_.is_var);
    if (s != store::kNoTerm) {
      starts.push_back(s);
    } else if (o != store::kNoTerm) {
      starts.push_back(o);
      forward = false;
    } else {
      HAMLET_RETURN_IF_ERROR(ev.AllNodes(&starts));
    }
    for (TermId start : starts) {
      auto key = std::make_tuple(static_cast<const void*>(this), graph, start, forward);
      auto cached = ctx.path_cache.find(key);
      if (cached == ctx.path_cache.end()) {
        std::vector<TermId> found;
        HAMLET_RETURN_IF_ERROR(ev.Step(start, path_, forward, &found));
        // Bounded: a query visiting millions of start nodes must not keep them all.
        if (ctx.path_cache_terms > kMaxCachedPathTerms) {
          ctx.path_cache.clear();
          ctx.path_cache_terms = 0;
        }
        ctx.path_cache_terms += found.size() + 1;
        cached = ctx.path_cache.emplace(key, std::move(found)).first;
      }
      const std::vector<TermId>& ends = cached->second;
      std::optional<bool> start_is_node;
      for (TermId end : ends) {
        if (end == start && seeded_start && !start_is_node) {
          auto is_node = ev.IsNode(start);
          if (!is_node.ok()) return is_node.status();
          start_is_node = *is_node;
        }
        if (end == start && seeded_start && !*start_is_node) continue;
        Row r = base;
        TermId sv = forward ? start : end, ov = forward ? end : start;
        if (!Bind(s_, sv, &r) || !Bind(o_, ov, &r)) continue;
        rows.push_back(std::move(r));
        if ((rows.size() & 1023) == 0) {
          HAMLET_RETURN_IF_ERROR(lease->Set(rows.capacity() * (sizeof(Row) + base.size() * 8) +
                                            ctx.path_cache_terms * 2 * sizeof(TermId)));
          if (ctx.cancel != nullptr) HAMLET_RETURN_IF_ERROR(ctx.cancel->Check());
        }
      }
    }
    return Status::Ok();
  };
  switch (g_.mode) {
    case GraphContext::Mode::kDefault:
      status = run_in(store::kNoTerm, true);
      break;
    case GraphContext::Mode::kNamed: {
      bool allowed = g_.graph != store::kNoTerm && !IsLocal(g_.graph);
      if (allowed && !ctx.dataset.named_is_all) {
        allowed = std::find(ctx.dataset.named_graphs.begin(), ctx.dataset.named_graphs.end(),
                            g_.graph) != ctx.dataset.named_graphs.end();
      }
      if (allowed) status = run_in(g_.graph, false);
      break;
    }
    case GraphContext::Mode::kVariable: {
      auto graphs = NamedGraphs(ctx);
      if (!graphs.ok()) {
        status = graphs.status();
        break;
      }
      for (TermId g : *graphs) {
        if (seed[g_.slot] != store::kNoTerm && seed[g_.slot] != g) continue;
        status = run_in(g, false);
        if (!status.ok()) break;
      }
      break;
    }
  }
  class Result : public Cursor {
   public:
    Result(std::vector<Row> rows, Status st, std::unique_ptr<MemoryLease> lease)
        : inner_(std::move(rows)), st_(std::move(st)), lease_(std::move(lease)) {}
    bool Next(Row* r) override { return st_.ok() && inner_.Next(r); }
    Status status() const override { return st_; }

   private:
    VectorCursor inner_;
    Status st_;
    std::unique_ptr<MemoryLease> lease_;  // the rows stay in the budget until read
  };
  return Counted(*this,
                 std::make_unique<Result>(std::move(rows), std::move(status), std::move(lease)));
}

std::string PathOp::Describe(const ExplainNames& names) const {
  auto term = [&](const PatternTerm& p) { return p.is_var ? names.Var(p.slot) : names.term(p.id); };
  return "PropertyPath " + term(s_) + " ... " + term(o_);
}

std::unique_ptr<Cursor> GraphNamesOp::Open(ExecContext& ctx, const Row& seed) const {
  auto graphs = NamedGraphs(ctx);
  std::vector<Row> rows;
  if (graphs.ok()) {
    for (TermId g : *graphs) {
      if (seed[slot_] != store::kNoTerm && seed[slot_] != g) continue;
      Row r = seed;
      r[slot_] = g;
      rows.push_back(std::move(r));
    }
  }
  return Counted(*this, std::make_unique<VectorCursor>(std::move(rows)));
}

std::unique_ptr<Cursor> GraphExistsOp::Open(ExecContext& ctx, const Row& seed) const {
  std::vector<Row> rows;
  auto graphs = NamedGraphs(ctx);
  if (graphs.ok() && std::find(graphs->begin(), graphs->end(), graph_) != graphs->end())
    rows.push_back(seed);
  return Counted(*this, std::make_unique<VectorCursor>(std::move(rows)));
}

}  // namespace hamlet::sparql::exec
