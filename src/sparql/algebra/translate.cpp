// AST -> SPARQL algebra (SPARQL 1.1 section 18.2). See algebra.h.
#include <algorithm>
#include <utility>

#include "sparql/algebra/algebra.h"

namespace hamlet::sparql::algebra {
namespace {

using EK = ast::GraphPatternElement::Kind;
using PK = ast::Path::Kind;

Op Unary(Op::Kind kind, Op child) {
  Op op;
  op.kind = kind;
  op.children.push_back(std::move(child));
  return op;
}

Op Binary(Op::Kind kind, Op left, Op right) {
  Op op;
  op.kind = kind;
  op.children.push_back(std::move(left));
  op.children.push_back(std::move(right));
  return op;
}

// Join(Z, A) = A and Join(A, Z) = A (18.2.2.8).
Op Join(Op left, Op right) {
  if (left.IsUnit()) return right;
  if (right.IsUnit()) return left;
  return Binary(Op::Kind::kJoin, std::move(left), std::move(right));
}

class Translator {
 public:
  Op Group(const ast::GroupGraphPattern& g);
  Op Query(const ast::Query& q);

 private:
  void Triples(const std::vector<ast::TriplePattern>& triples, Op& out);
  void PathTriple(const ast::Term& s, const ast::Path& p, const ast::Term& o,
                  std::vector<ast::TriplePattern>& bgp, std::vector<Op>& parts);
  void FlushBgp(std::vector<ast::TriplePattern>& bgp, std::vector<Op>& parts);
  ast::Expr ReplaceAggregates(const ast::Expr& e,
                              std::vector<std::pair<ast::Term, ast::Expr>>& aggs);

  int path_vars_ = 0;
};

void Translator::FlushBgp(std::vector<ast::TriplePattern>& bgp, std::vector<Op>& parts) {
  if (bgp.empty()) return;
  Op op;
  op.kind = Op::Kind::kBgp;
  op.triples = std::move(bgp);
  bgp.clear();
  parts.push_back(std::move(op));
}

void Translator::PathTriple(const ast::Term& s, const ast::Path& p, const ast::Term& o,
                            std::vector<ast::TriplePattern>& bgp, std::vector<Op>& parts) {
  switch (p.kind) {
    case PK::kLink:
      bgp.push_back({s, p.iri, std::nullopt, o});
      return;
    case PK::kInverse:
      PathTriple(o, p.args[0], s, bgp, parts);
      return;
    case PK::kSequence: {
      ast::Term left = s;
      for (std::size_t i = 0; i < p.args.size(); ++i) {
        ast::Term right =
            i + 1 == p.args.size() ? o : ast::Term::Variable("?p" + std::to_string(path_vars_++));
        PathTriple(left, p.args[i], right, bgp, parts);
        left = right;
      }
      return;
    }
    default: {
      FlushBgp(bgp, parts);
      Op op;
      op.kind = Op::Kind::kPath;
      op.subject = s;
      op.path = p;
      op.object = o;
      parts.push_back(std::move(op));
      return;
    }
  }
}

void Translator::Triples(const std::vector<ast::TriplePattern>& triples, Op& out) {
  std::vector<ast::TriplePattern> bgp;
  std::vector<Op> parts;
  for (const ast::TriplePattern& t : triples) {
    if (t.path) {
      PathTriple(t.subject, *t.path, t.object, bgp, parts);
    } else {
      bgp.push_back(t);
    }
  }
  FlushBgp(bgp, parts);
  Op g = Op::Unit();
  for (Op& p : parts) g = Join(std::move(g), std::move(p));
  out = std::move(g);
}

Op Translator::Group(const ast::GroupGraphPattern& group) {
  std::vector<ast::Expr> filters;
  Op g = Op::Unit();
  // Adjacent triples blocks separated only by FILTERs form one basic graph pattern.
  std::vector<ast::TriplePattern> pending;
  bool has_pending = false;
  auto flush = [&] {
    if (!has_pending) return;
    Op a;
    Triples(pending, a);
    if (a.IsUnit()) {
      a = Op();
      a.kind = Op::Kind::kBgp;
    }
    g = Join(std::move(g), std::move(a));
    pending.clear();
    has_pending = false;
  };
  for (const ast::GraphPatternElement& e : group.elements) {
    if (e.kind == EK::kTriples) {
      pending.insert(pending.end(), e.triples.begin(), e.triples.end());
      has_pending = true;
      continue;
    }
    if (e.kind == EK::kFilter) {
      filters.push_back(e.expr);
      continue;
    }
    flush();
    switch (e.kind) {
      case EK::kOptional: {
        Op a = Group(e.patterns[0]);
        Op lj;
        lj.kind = Op::Kind::kLeftJoin;
        // Only the OPTIONAL's own FILTERs become the left join's condition; a Filter from a
        // nested group ({ { P FILTER(F) } }) stays inside, where F cannot see the left
        // side (18.2.2: Join(Z, A) = A is a later simplification;
        // optional-filter#dawg-optional-filter-005-not-simplified).
        bool own_filters =
            std::any_of(e.patterns[0].elements.begin(), e.patterns[0].elements.end(),
                        [](const ast::GraphPatternElement& x) { return x.kind == EK::kFilter; });
        if (a.kind == Op::Kind::kFilter && own_filters) {
          lj.exprs = std::move(a.exprs);
          Op inner = std::move(a.children[0]);
          a = std::move(inner);
        }
        lj.children.push_back(std::move(g));
        lj.children.push_back(std::move(a));
        g = std::move(lj);
        break;
      }
      case EK::kMinus:
        g = Binary(Op::Kind::kMinus, std::move(g), Group(e.patterns[0]));
        break;
      case EK::kBind: {
        Op ext = Unary(Op::Kind::kExtend, std::move(g));
        ext.var = e.var;
        ext.expr = e.expr;
        g = std::move(ext);
        break;
      }
      case EK::kGroup:
        g = Join(std::move(g), Group(e.patterns[0]));
        break;
      case EK::kUnion: {
        Op u = Group(e.patterns[0]);
        for (std::size_t i = 1; i < e.patterns.size(); ++i) {
          u = Binary(Op::Kind::kUnion, std::move(u), Group(e.patterns[i]));
        }
        g = Join(std::move(g), std::move(u));
        break;
      }
      case EK::kGraph:
      case EK::kService: {
        Op op = Unary(e.kind == EK::kGraph ? Op::Kind::kGraph : Op::Kind::kService,
                      Group(e.patterns[0]));
        op.name = e.name;
        op.silent = e.silent;
        g = Join(std::move(g), std::move(op));
        break;
      }
      case EK::kValues: {
        Op t;
        t.kind = Op::Kind::kTable;
        t.table = e.data;
        g = Join(std::move(g), std::move(t));
        break;
      }
      case EK::kSubSelect:
        g = Join(std::move(g), Query(*e.subquery));
        break;
      default:
        break;
    }
  }
  flush();
  if (!filters.empty()) {
    Op f = Unary(Op::Kind::kFilter, std::move(g));
    f.exprs = std::move(filters);
    g = std::move(f);
  }
  return g;
}

ast::Expr Translator::ReplaceAggregates(const ast::Expr& e,
                                        std::vector<std::pair<ast::Term, ast::Expr>>& aggs) {
  if (e.kind == ast::Expr::Kind::kAggregate) {
    std::string printed = ToSse(e);
    for (const auto& [var, agg] : aggs) {
      if (ToSse(agg) == printed) {
        ast::Expr v;
        v.term = var;
        v.offset = e.offset;
        return v;
      }
    }
    ast::Term var = ast::Term::Variable("." + std::to_string(aggs.size()));
    aggs.emplace_back(var, e);
    ast::Expr v;
    v.term = var;
    v.offset = e.offset;
    return v;
  }
  ast::Expr copy = e;
  for (ast::Expr& a : copy.args) a = ReplaceAggregates(a, aggs);
  return copy;
}

bool HasAggregates(const ast::Expr& e) {
  if (e.kind == ast::Expr::Kind::kAggregate) return true;
  for (const ast::Expr& a : e.args) {
    if (HasAggregates(a)) return true;
  }
  return false;
}

Op Translator::Query(const ast::Query& q) {
  Op g = q.where ? Group(*q.where) : Op::Unit();
  const ast::SolutionModifiers& m = q.modifiers;
  bool grouped = !m.group_by.empty() || !m.having.empty();
  for (const ast::Projection& p : q.projection) grouped |= p.expr && HasAggregates(*p.expr);
  for (const ast::OrderCondition& o : m.order_by) grouped |= HasAggregates(o.expr);

  std::vector<std::pair<ast::Term, ast::Expr>> aggs;
  std::vector<ast::Expr> having;
  std::vector<ast::Projection> projection = q.projection;
  std::vector<ast::OrderCondition> order = m.order_by;
  if (grouped) {
    for (const ast::Expr& h : m.having) having.push_back(ReplaceAggregates(h, aggs));
    for (ast::Projection& p : projection) {
      if (p.expr) p.expr = ReplaceAggregates(*p.expr, aggs);
    }
    for (ast::OrderCondition& o : order) o.expr = ReplaceAggregates(o.expr, aggs);
    Op grp = Unary(Op::Kind::kGroup, std::move(g));
    grp.group_keys = m.group_by;
    grp.aggregates = std::move(aggs);
    g = std::move(grp);
    if (!having.empty()) {
      Op f = Unary(Op::Kind::kFilter, std::move(g));
      f.exprs = std::move(having);
      g = std::move(f);
    }
  }
  for (const ast::Projection& p : projection) {
    if (!p.expr) continue;
    Op ext = Unary(Op::Kind::kExtend, std::move(g));
    ext.var = p.var;
    ext.expr = *p.expr;
    g = std::move(ext);
  }
  if (q.values) {
    Op t;
    t.kind = Op::Kind::kTable;
    t.table = *q.values;
    g = Join(std::move(g), std::move(t));
  }
  if (!order.empty()) {
    Op o = Unary(Op::Kind::kOrderBy, std::move(g));
    o.order = std::move(order);
    g = std::move(o);
  }
  if (q.form == ast::Query::Form::kSelect && !q.select_all) {
    Op p = Unary(Op::Kind::kProject, std::move(g));
    for (const ast::Projection& pr : q.projection) p.vars.push_back(pr.var);
    g = std::move(p);
  }
  if (q.distinct) g = Unary(Op::Kind::kDistinct, std::move(g));
  if (q.reduced) g = Unary(Op::Kind::kReduced, std::move(g));
  if (m.limit || m.offset) {
    Op s = Unary(Op::Kind::kSlice, std::move(g));
    s.offset = m.offset;
    s.limit = m.limit;
    g = std::move(s);
  }
  return g;
}

}  // namespace

Op Op::Unit() {
  Op op;
  op.kind = Kind::kTable;
  op.table.rows.emplace_back();
  return op;
}

bool Op::IsUnit() const {
  return kind == Kind::kTable && table.variables.empty() && table.rows.size() == 1;
}

Op TranslatePattern(const ast::GroupGraphPattern& pattern) {
  return Translator().Group(pattern);
}

QueryAlgebra Translate(const ast::Query& query) {
  QueryAlgebra a;
  a.form = query.form;
  a.op = Translator().Query(query);
  a.construct_template = query.construct_template;
  a.describe = query.describe;
  a.describe_all = query.describe_all;
  a.dataset = query.dataset;
  a.prefixes = query.prologue.prefixes;
  return a;
}

}  // namespace hamlet::sparql::algebra
