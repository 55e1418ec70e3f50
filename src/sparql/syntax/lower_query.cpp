// Lowering of graph patterns, queries and updates, with the scope checks of the
// specification (BIND scope, AS scope, grouping, blank-node label scope; see detail/lower.h).
#include <limits>
#include <utility>

#include "sparql/syntax/detail/lower.h"

namespace hamlet::sparql::syntax::detail {
namespace {

using EK = ast::GraphPatternElement::Kind;

// Variables in scope after a pattern element (SPARQL 1.1 section 18.2.1).
void ScopeOf(const ast::Query& q, const VarSet& where_scope, VarSet& out) {
  if (q.select_all) {
    out.insert(where_scope.begin(), where_scope.end());
    return;
  }
  for (const ast::Projection& p : q.projection) out.insert(p.var.value);
}

// First variable of e (outside aggregates and EXISTS) that is not in allowed.
const ast::Expr* FindUngrouped(const ast::Expr& e, const VarSet& allowed) {
  switch (e.kind) {
    case ast::Expr::Kind::kTerm:
      return e.term.is_variable() && !allowed.count(e.term.value) ? &e : nullptr;
    case ast::Expr::Kind::kAggregate:
    case ast::Expr::Kind::kExists:
    case ast::Expr::Kind::kNotExists:
      return nullptr;
    default:
      for (const ast::Expr& a : e.args) {
        if (const ast::Expr* bad = FindUngrouped(a, allowed)) return bad;
      }
      return nullptr;
  }
}

std::uint64_t ParseCount(const std::string& digits) {
  std::uint64_t v = 0;
  for (char c : digits) {
    auto d = static_cast<std::uint64_t>(c - '0');
    if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10) {
      return std::numeric_limits<std::uint64_t>::max();
    }
    v = v * 10 + d;
  }
  return v;
}

}  // namespace

ast::GroupGraphPattern Lowerer::Group(const Node& n, VarSet* scope) {
  ast::GroupGraphPattern g;
  g.offset = n.pos;
  VarSet local;
  const Node& inner = n.kids[0];
  if (inner.kind == Kind::kSubSelect) {
    ast::GraphPatternElement el;
    el.kind = EK::kSubSelect;
    el.offset = inner.pos;
    el.subquery = SubSelect(inner, &local);
    g.elements.push_back(std::move(el));
    if (scope) scope->insert(local.begin(), local.end());
    return g;
  }
  int my_bgp = 0;  // 0: no basic graph pattern open
  for (const Node& k : inner.kids) {
    ast::GraphPatternElement el;
    el.offset = k.pos;
    if (k.kind != Kind::kTriplesBlock && k.kind != Kind::kFilter) my_bgp = 0;
    switch (k.kind) {
      case Kind::kTriplesBlock: {
        if (my_bgp == 0) my_bgp = ++bgp_counter_;
        current_bgp_ = my_bgp;
        el.kind = EK::kTriples;
        for (const Node& t : k.kids) Triples(t, el.triples, TripleCtx{});
        for (const ast::TriplePattern& t : el.triples) CollectVars(t, local);
        break;
      }
      case Kind::kFilter:
        el.kind = EK::kFilter;
        el.expr = Expression(k.kids[0], /*allow_aggregates=*/false);
        break;
      case Kind::kOptional:
      case Kind::kMinus: {
        el.kind = k.kind == Kind::kOptional ? EK::kOptional : EK::kMinus;
        VarSet sub;
        el.patterns.push_back(Group(k.kids[0], &sub));
        if (k.kind == Kind::kOptional) local.insert(sub.begin(), sub.end());
        break;
      }
      case Kind::kGroup:
        el.kind = EK::kGroup;
        el.patterns.push_back(Group(k, &local));
        break;
      case Kind::kUnion:
        el.kind = EK::kUnion;
        for (const Node& alt : k.kids) el.patterns.push_back(Group(alt, &local));
        break;
      case Kind::kGraph:
      case Kind::kService: {
        el.kind = k.kind == Kind::kGraph ? EK::kGraph : EK::kService;
        std::size_t i = 0;
        if (k.kids[0].kind == Kind::kFlag) {
          el.silent = true;
          ++i;
        }
        el.name = Term(k.kids[i], TripleCtx{});
        CollectVars(el.name, local);
        el.patterns.push_back(Group(k.kids[i + 1], &local));
        break;
      }
      case Kind::kBind: {
        el.kind = EK::kBind;
        el.expr = Expression(k.kids[0], /*allow_aggregates=*/false);
        el.var = ast::Term::Variable(k.kids[1].text);
        if (local.count(el.var.value)) {
          Fail(k.kids[1], "BIND cannot assign ?" + el.var.value +
                              ": the variable is already in scope in this group");
        }
        local.insert(el.var.value);
        break;
      }
      case Kind::kValues:
        el.kind = EK::kValues;
        el.data = Values(k);
        for (const ast::Term& v : el.data.variables) local.insert(v.value);
        break;
      default:
        Fail(k, "internal error: unexpected pattern element");
    }
    g.elements.push_back(std::move(el));
  }
  if (scope) scope->insert(local.begin(), local.end());
  return g;
}

ast::InlineData Lowerer::Values(const Node& n) {
  ast::InlineData d;
  VarSet seen;
  for (const Node& v : n.kids[0].kids) {
    if (!seen.insert(v.text).second) Fail(v, "variable ?" + v.text + " is listed twice in VALUES");
    d.variables.push_back(ast::Term::Variable(v.text));
  }
  for (std::size_t r = 1; r < n.kids.size(); ++r) {
    const Node& row = n.kids[r];
    if (row.kids.size() != d.variables.size()) {
      Fail(row, "VALUES row has " + std::to_string(row.kids.size()) + " value" +
                    (row.kids.size() == 1 ? "" : "s") + " but " +
                    std::to_string(d.variables.size()) + " variable" +
                    (d.variables.size() == 1 ? " is" : "s are") + " declared");
    }
    std::vector<std::optional<ast::Term>> values;
    for (const Node& v : row.kids) {
      if (v.kind == Kind::kUndef) {
        values.emplace_back(std::nullopt);
      } else {
        values.emplace_back(Term(v, TripleCtx{}));
      }
    }
    d.rows.push_back(std::move(values));
  }
  return d;
}

void Lowerer::Select(const Node& clause, ast::Query& q) {
  for (const Node& k : clause.kids) {
    if (k.kind == Kind::kFlag) {
      (k.text == "DISTINCT" ? q.distinct : q.reduced) = true;
    } else if (k.kind == Kind::kStar) {
      q.select_all = true;
    } else if (k.kind == Kind::kVar) {
      q.projection.push_back({ast::Term::Variable(k.text), std::nullopt});
    } else {  // kSelectExpr: expr, var
      q.projection.push_back(
          {ast::Term::Variable(k.kids[1].text), Expression(k.kids[0], /*allow_aggregates=*/true)});
    }
  }
}

void Lowerer::SolutionModifier(const Node& n, ast::Query& q) {
  ast::SolutionModifiers& m = q.modifiers;
  for (const Node& k : n.kids) {
    switch (k.kind) {
      case Kind::kGroupBy:
        for (const Node& c : k.kids) {
          ast::GroupCondition g;
          g.expr = Expression(c.kids[0], /*allow_aggregates=*/false);
          if (c.kids.size() > 1) g.var = ast::Term::Variable(c.kids[1].text);
          m.group_by.push_back(std::move(g));
        }
        break;
      case Kind::kHaving:
        for (const Node& c : k.kids) m.having.push_back(Expression(c, true));
        break;
      case Kind::kOrderBy:
        for (const Node& c : k.kids) {
          m.order_by.push_back({Expression(c.kids[0], true), c.text == "DESC"});
        }
        break;
      case Kind::kLimit:
        m.limit = ParseCount(k.text);
        break;
      case Kind::kOffset:
        m.offset = ParseCount(k.text);
        break;
      default:
        break;
    }
  }
}

void Lowerer::CheckProjection(const Node& clause, ast::Query& q, const VarSet& where_scope,
                              bool aggregate_query) {
  VarSet grouped;
  for (const ast::GroupCondition& g : q.modifiers.group_by) {
    if (g.var) {
      grouped.insert(g.var->value);
    } else if (g.expr.kind == ast::Expr::Kind::kTerm && g.expr.term.is_variable()) {
      grouped.insert(g.expr.term.value);
    }
  }
  // HAVING filters the groups before SELECT's expressions run (18.2.4.1): it may read the
  // group keys and aggregates only.
  if (aggregate_query) {
    for (const ast::Expr& h : q.modifiers.having) {
      if (const ast::Expr* bad = FindUngrouped(h, grouped)) {
        Fail(bad->offset, "variable ?" + bad->term.value +
                              " in HAVING is not grouped: use it in GROUP BY or inside an "
                              "aggregate");
      }
    }
  }
  VarSet projected;
  std::size_t i = 0;
  for (const Node& k : clause.kids) {
    if (k.kind == Kind::kStar && aggregate_query) {
      Fail(clause, "SELECT * is not allowed in a query with GROUP BY or aggregates");
    }
    if (k.kind != Kind::kVar && k.kind != Kind::kSelectExpr) continue;
    const ast::Projection& p = q.projection[i++];
    if (p.expr) {
      const Node& var = k.kids[1];
      if (where_scope.count(p.var.value)) {
        Fail(var, "(... AS ?" + p.var.value + ") assigns a variable that is already in scope");
      }
      if (projected.count(p.var.value)) {
        Fail(var, "variable ?" + p.var.value + " is already defined in the SELECT clause");
      }
      if (aggregate_query) {
        if (const ast::Expr* bad = FindUngrouped(*p.expr, grouped)) {
          Fail(bad->offset, "variable ?" + bad->term.value +
                                " is not grouped: use it in GROUP BY or inside an aggregate");
        }
      }
      grouped.insert(p.var.value);  // later expressions may use the alias
    } else if (aggregate_query && !grouped.count(p.var.value)) {
      Fail(k, "variable ?" + p.var.value +
                  " is not grouped: use it in GROUP BY or inside an aggregate");
    }
    projected.insert(p.var.value);
  }
}

std::shared_ptr<ast::Query> Lowerer::SubSelect(const Node& n, VarSet* scope) {
  // kSubSelect: kSelectClause, kGroup, kSolutionModifier, [kValues]
  auto q = std::make_shared<ast::Query>();
  q->form = ast::Query::Form::kSelect;
  bool outer_saw = std::exchange(saw_aggregate_, false);
  VarSet where_scope;
  q->where = Group(n.kids[1], &where_scope);
  Select(n.kids[0], *q);
  SolutionModifier(n.kids[2], *q);
  CheckProjection(n.kids[0], *q, where_scope, saw_aggregate_ || !q->modifiers.group_by.empty());
  if (n.kids.size() > 3) q->values = Values(n.kids[3]);
  saw_aggregate_ = outer_saw;
  if (scope) ScopeOf(*q, where_scope, *scope);
  return q;
}

void Lowerer::QueryBody(const Node& form, ast::Query& q) {
  std::size_t i = 0;
  const auto datasets = [&] {
    for (; i < form.kids.size() && form.kids[i].kind == Kind::kDataset; ++i) {
      const Node& d = form.kids[i];
      q.dataset.push_back({Iri(d.kids[0]), d.text == "NAMED"});
    }
  };
  VarSet where_scope;
  switch (form.kind) {
    case Kind::kSelect:
      q.form = ast::Query::Form::kSelect;
      i = 1;
      datasets();
      q.where = Group(form.kids[i], &where_scope);
      Select(form.kids[0], q);
      SolutionModifier(form.kids[i + 1], q);
      CheckProjection(form.kids[0], q, where_scope,
                      saw_aggregate_ || !q.modifiers.group_by.empty());
      return;
    case Kind::kConstruct:
      q.form = ast::Query::Form::kConstruct;
      for (const Node& t : form.kids[0].kids) {
        Triples(t, q.construct_template, TripleCtx{BNodeMode::kTemplate, "", true});
      }
      i = 1;
      datasets();
      q.where = Group(form.kids[i], &where_scope);
      SolutionModifier(form.kids[i + 1], q);
      return;
    case Kind::kConstructWhere: {
      q.form = ast::Query::Form::kConstruct;
      q.construct_where = true;
      datasets();
      current_bgp_ = ++bgp_counter_;
      for (const Node& t : form.kids[i].kids) Triples(t, q.construct_template, TripleCtx{});
      ast::GroupGraphPattern g;
      g.offset = form.kids[i].pos;
      if (!q.construct_template.empty()) {
        ast::GraphPatternElement el;
        el.kind = EK::kTriples;
        el.triples = q.construct_template;
        g.elements.push_back(std::move(el));
      }
      q.where = std::move(g);
      SolutionModifier(form.kids[i + 1], q);
      return;
    }
    case Kind::kDescribe:
      q.form = ast::Query::Form::kDescribe;
      for (; i < form.kids.size(); ++i) {
        const Node& k = form.kids[i];
        if (k.kind == Kind::kStar) {
          q.describe_all = true;
        } else if (k.kind == Kind::kVar || k.kind == Kind::kIriRef || k.kind == Kind::kPName) {
          q.describe.push_back(Term(k, TripleCtx{}));
        } else {
          break;
        }
      }
      datasets();
      if (form.kids[i].kind == Kind::kGroup) q.where = Group(form.kids[i++], &where_scope);
      SolutionModifier(form.kids[i], q);
      return;
    default:  // kAsk
      q.form = ast::Query::Form::kAsk;
      datasets();
      q.where = Group(form.kids[i], &where_scope);
      SolutionModifier(form.kids[i + 1], q);
      return;
  }
}

ast::Query Lowerer::LowerQuery(const Node& query) {
  ast::Query q;
  for (const Node& decl : query.kids[0].kids) Prologue(decl, prologue_);
  QueryBody(query.kids[1], q);
  if (query.kids.size() > 2) q.values = Values(query.kids[2]);
  q.prologue = prologue_;
  return q;
}

std::vector<ast::QuadBlock> Lowerer::Quads(const Node& n, const TripleCtx& ctx) {
  std::vector<ast::QuadBlock> out;
  for (const Node& k : n.kids) {
    ast::QuadBlock b;
    const Node* triples = &k;
    if (k.kind == Kind::kQuadsGraph) {
      b.graph = Term(k.kids[0], ctx);
      if (k.kids.size() < 2) {
        out.push_back(std::move(b));
        continue;
      }
      triples = &k.kids[1];
    }
    for (const Node& t : triples->kids) Triples(t, b.triples, ctx);
    out.push_back(std::move(b));
  }
  return out;
}

ast::GraphTarget Lowerer::Target(const Node& n) {
  ast::GraphTarget t;
  if (n.kind == Kind::kGraphRef || n.text == "GRAPH") {
    t.kind = ast::GraphTarget::Kind::kGraph;
    t.iri = Iri(n.kids[0]);
  } else if (n.text == "DEFAULT") {
    t.kind = ast::GraphTarget::Kind::kDefault;
  } else if (n.text == "NAMED") {
    t.kind = ast::GraphTarget::Kind::kNamed;
  } else {
    t.kind = ast::GraphTarget::Kind::kAll;
  }
  return t;
}

ast::UpdateOperation Lowerer::Operation(const Node& n, std::size_t index) {
  using OK = ast::UpdateOperation::Kind;
  ast::UpdateOperation op;
  op.offset = n.pos;
  op.prologue = prologue_;
  current_operation_ = index;
  bgp_of_label_.clear();
  std::size_t i = 0;
  if (!n.kids.empty() && n.kids[0].kind == Kind::kFlag) {
    op.silent = true;
    ++i;
  }
  switch (n.kind) {
    case Kind::kLoad:
      op.kind = OK::kLoad;
      op.source = Iri(n.kids[i]);
      if (i + 1 < n.kids.size()) op.into = Iri(n.kids[i + 1].kids[0]);
      break;
    case Kind::kClear:
    case Kind::kDrop:
    case Kind::kCreate:
      op.kind = n.kind == Kind::kClear  ? OK::kClear
                : n.kind == Kind::kDrop ? OK::kDrop
                                        : OK::kCreate;
      op.target = Target(n.kids[i]);
      break;
    case Kind::kAdd:
    case Kind::kMove:
    case Kind::kCopy:
      op.kind = n.kind == Kind::kAdd ? OK::kAdd : n.kind == Kind::kMove ? OK::kMove : OK::kCopy;
      op.target = Target(n.kids[i]);
      op.destination = Target(n.kids[i + 1]);
      break;
    case Kind::kInsertData:
      op.kind = OK::kInsertData;
      op.insert_quads = Quads(n.kids[0], TripleCtx{BNodeMode::kInsertData, "INSERT DATA", false});
      break;
    case Kind::kDeleteData:
      op.kind = OK::kDeleteData;
      op.delete_quads = Quads(n.kids[0], TripleCtx{BNodeMode::kNoBlank, "DELETE DATA", false});
      break;
    case Kind::kDeleteWhere: {
      op.kind = OK::kDeleteWhere;
      op.delete_quads = Quads(n.kids[0], TripleCtx{BNodeMode::kNoBlank, "DELETE WHERE", true});
      ast::GroupGraphPattern g;
      g.offset = n.kids[0].pos;
      for (const ast::QuadBlock& b : op.delete_quads) {
        ast::GraphPatternElement el;
        el.kind = EK::kTriples;
        el.triples = b.triples;
        if (b.graph) {
          ast::GraphPatternElement graph;
          graph.kind = EK::kGraph;
          graph.name = *b.graph;
          graph.patterns.emplace_back();
          if (!el.triples.empty()) graph.patterns[0].elements.push_back(std::move(el));
          g.elements.push_back(std::move(graph));
        } else if (!el.triples.empty()) {
          g.elements.push_back(std::move(el));
        }
      }
      op.where = std::move(g);
      break;
    }
    default:  // kModify
      op.kind = OK::kModify;
      for (const Node& k : n.kids) {
        switch (k.kind) {
          case Kind::kWith:
            op.with = Iri(k.kids[0]);
            break;
          case Kind::kDeleteClause:
            op.has_delete_clause = true;
            op.delete_quads =
                Quads(k.kids[0], TripleCtx{BNodeMode::kNoBlank, "DELETE templates", true});
            break;
          case Kind::kInsertClause:
            op.has_insert_clause = true;
            op.insert_quads = Quads(k.kids[0], TripleCtx{BNodeMode::kTemplate, "", true});
            break;
          case Kind::kUsing:
            op.using_clauses.push_back({Iri(k.kids[0]), k.text == "NAMED"});
            break;
          default:  // kGroup
            op.where = Group(k, nullptr);
            break;
        }
      }
      break;
  }
  return op;
}

ast::Update Lowerer::LowerUpdate(const Node& update) {
  ast::Update u;
  for (const Node& seg : update.kids) {
    for (const Node& k : seg.kids) {
      if (k.kind == Kind::kBaseDecl || k.kind == Kind::kPrefixDecl) {
        Prologue(k, prologue_);
      } else {
        u.operations.push_back(Operation(k, u.operations.size()));
      }
    }
  }
  return u;
}

}  // namespace hamlet::sparql::syntax::detail
