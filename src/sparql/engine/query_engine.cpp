#include "sparql/engine/query_engine.h"

#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "sparql/algebra/algebra.h"
#include "sparql/exec/physical.h"
#include "sparql/plan/planner.h"
#include "sparql/syntax/parser.h"

namespace hamlet::sparql {

namespace {

using exec::Row;
using exec::TermId;

// Variables of SELECT * in order of first appearance in the pattern.
void CollectVars(const ast::GroupGraphPattern& g, std::vector<std::string>* out);

void AddVar(const ast::Term& t, std::vector<std::string>* out) {
  if (t.is_variable() && std::find(out->begin(), out->end(), t.value) == out->end())
    out->push_back(t.value);
}

void CollectVars(const ast::GroupGraphPattern& g, std::vector<std::string>* out) {
  using K = ast::GraphPatternElement::Kind;
  for (const auto& e : g.elements) {
    switch (e.kind) {
      case K::kTriples:
        for (const auto& t : e.triples) {
          AddVar(t.subject, out);
          AddVar(t.predicate, out);
          AddVar(t.object, out);
        }
        break;
      case K::kBind:
        AddVar(e.var, out);
        break;
      case K::kValues:
        for (const auto& v : e.data.variables) AddVar(v, out);
        break;
      case K::kGraph:
        AddVar(e.name, out);
        for (const auto& p : e.patterns) CollectVars(p, out);
        break;
      case K::kSubSelect:
        if (e.subquery) {
          if (e.subquery->select_all && e.subquery->where) {
            CollectVars(*e.subquery->where, out);
          } else {
            for (const auto& p : e.subquery->projection) AddVar(p.var, out);
          }
        }
        break;
      case K::kMinus:
        break;  // MINUS binds nothing
      default:
        for (const auto& p : e.patterns) CollectVars(p, out);
    }
  }
}

// SELECT *: project the query's own variables, so that hidden ones (blank nodes of patterns,
// path and graph helpers) never make rows differ under DISTINCT.
void ProjectVisible(algebra::Op* op, const std::vector<std::string>& vars) {
  using K = algebra::Op::Kind;
  algebra::Op* cur = op;
  while (cur->kind == K::kSlice || cur->kind == K::kDistinct || cur->kind == K::kReduced) {
    cur = &cur->children[0];
  }
  algebra::Op p;
  p.kind = K::kProject;
  for (const auto& v : vars) p.vars.push_back(ast::Term::Variable(v));
  p.children.push_back(std::move(*cur));
  *cur = std::move(p);
}

Status Decode(exec::TermResolver& terms, TermId id, std::optional<rdf::Term>* out) {
  if (id == store::kNoTerm) {
    out->reset();
    return Status::Ok();
  }
  auto t = terms.Decode(id);
  if (!t.ok()) return t.status();
  *out = **t;
  return Status::Ok();
}

// Concise bounded description: the resource's triples, and those of blank nodes reached
// from them.
Status Describe(const exec::ExecContext& ctx, TermId resource, std::set<rdf::Quad>* out) {
  std::vector<TermId> todo = {resource};
  std::set<TermId> done;
  while (!todo.empty()) {
    TermId id = todo.back();
    todo.pop_back();
    if (!done.insert(id).second || exec::IsLocal(id)) continue;
    store::QuadPattern p;
    p.s = id;
    p.scope = store::GraphScope::kDefault;
    auto c = ctx.snapshot->Scan(p, ctx.cancel);
    for (; c->Valid(); c->Next()) {
      const auto& q = c->quad();
      rdf::Quad quad;
      for (auto [tid, dst] : {std::pair{q.s, &quad.subject}, std::pair{q.p, &quad.predicate},
                              std::pair{q.o, &quad.object}}) {
        auto t = ctx.terms->Decode(tid);
        if (!t.ok()) return t.status();
        *dst = **t;
      }
      if (quad.object.is_blank()) todo.push_back(q.o);
      out->insert(std::move(quad));
    }
    HAMLET_RETURN_IF_ERROR(c->status());
  }
  return Status::Ok();
}

}  // namespace

Result<QueryResult> RunQuery(const store::Snapshot& snapshot, std::string_view text,
                             const QueryOptions& options, const store::CancellationToken* cancel) {
  syntax::ParseOptions po;
  po.base_iri = options.base_iri;
  auto parsed = syntax::ParseQuery(text, po);
  if (!parsed.ok()) return Status::InvalidInput(parsed.error->ToString());
  const ast::Query& query = *parsed.value;

  QueryResult result;
  result.form = query.form;
  result.prefixes = query.prologue.prefixes;
  algebra::QueryAlgebra alg = algebra::Translate(query);
  result.algebra = algebra::ToSse(alg);

  store::CancellationToken local_token;
  const store::CancellationToken* token = cancel;
  if (options.timeout_seconds > 0) {
    if (cancel != nullptr)
      return Status::InvalidArgument("pass either a token or a timeout, not both");
    local_token.SetTimeout(options.timeout_seconds);
    token = &local_token;
  }

  std::vector<std::string> out_vars;
  if (query.form == ast::Query::Form::kSelect) {
    if (query.select_all) {
      if (query.where) CollectVars(*query.where, &out_vars);
      ProjectVisible(&alg.op, out_vars);
    } else {
      for (const auto& p : query.projection) out_vars.push_back(p.var.value);
    }
  }

  auto stats = snapshot.GetStatistics();
  if (!stats.ok()) return stats.status();
  exec::TermResolver terms(snapshot);
  plan::Planner planner(&terms, &*stats);
  planner.set_default_graph_is_store_default(alg.dataset.empty());
  auto root = planner.Plan(alg.op, query.form == ast::Query::Form::kAsk);
  if (!root.ok()) return root.status();

  exec::ExecContext ctx;
  ctx.snapshot = &snapshot;
  ctx.terms = &terms;
  ctx.cancel = token;
  if (options.hash_join_budget_bytes > 0)
    ctx.hash_join_budget_bytes = options.hash_join_budget_bytes;
  expr::Context functions;
  functions.base_iri = query.prologue.base;
  // BNODE() labels must not collide with the store's ("l<load>f<file>_...").
  functions.bnode_prefix = "q_b";
  ctx.functions = &functions;
  // A query with FROM or FROM NAMED runs on exactly the dataset they describe: FROM alone
  // means no named graphs, FROM NAMED alone an empty default graph.
  if (!alg.dataset.empty()) {
    ctx.dataset.default_is_store_default = false;
    ctx.dataset.named_is_all = false;
  }
  for (const auto& d : alg.dataset) {
    auto id = terms.StoreId(plan::ToRdfTerm(d.iri));
    if (!id.ok()) return id.status();
    if (d.named) {
      if (*id != store::kNoTerm) ctx.dataset.named_graphs.push_back(*id);
    } else {
      if (*id != store::kNoTerm) ctx.dataset.default_graphs.push_back(*id);
    }
  }

  // Slots the output needs, created before execution fixes the row width.
  std::vector<size_t> out_slots;
  for (const auto& v : out_vars) out_slots.push_back(planner.Slot(v));
  std::map<std::string, size_t> template_slots;
  for (const auto& t : alg.construct_template) {
    for (const auto* term : {&t.subject, &t.predicate, &t.object}) {
      if (term->is_variable()) template_slots[term->value] = planner.Slot(term->value);
    }
  }
  std::vector<size_t> describe_slots;
  for (const auto& d : alg.describe) {
    if (d.is_variable()) describe_slots.push_back(planner.Slot(d.value));
  }
  if (alg.describe_all && query.where) {
    std::vector<std::string> all;
    CollectVars(*query.where, &all);
    for (const auto& v : all) describe_slots.push_back(planner.Slot(v));
  }
  ctx.slots = planner.slots();

  Row seed(ctx.slots, store::kNoTerm);
  auto cursor = (*root)->Open(ctx, seed);
  Row row;
  std::set<rdf::Quad> graph;
  uint64_t n = 0;
  while (cursor->Next(&row)) {
    row.resize(ctx.slots, store::kNoTerm);
    ++n;
    if ((n & 1023) == 0 && token != nullptr) HAMLET_RETURN_IF_ERROR(token->Check());
    switch (query.form) {
      case ast::Query::Form::kSelect: {
        if (options.max_rows > 0 && n > options.max_rows) {
          return Status::InvalidInput("the query returns more than " +
                                      std::to_string(options.max_rows) +
                                      " rows (the configured result limit)");
        }
        std::vector<std::optional<rdf::Term>> out(out_slots.size());
        for (size_t i = 0; i < out_slots.size(); ++i)
          HAMLET_RETURN_IF_ERROR(Decode(terms, row[out_slots[i]], &out[i]));
        result.rows.push_back(std::move(out));
        break;
      }
      case ast::Query::Form::kAsk:
        result.boolean = true;
        break;
      case ast::Query::Form::kConstruct: {
        // Blank nodes of the template are fresh for each solution.
        std::map<std::string, rdf::Term> fresh;
        for (const auto& t : alg.construct_template) {
          rdf::Term parts[3];
          bool ok = true;
          const ast::Term* src[3] = {&t.subject, &t.predicate, &t.object};
          for (int k = 0; k < 3 && ok; ++k) {
            if (src[k]->is_variable()) {
              std::optional<rdf::Term> v;
              HAMLET_RETURN_IF_ERROR(Decode(terms, row[template_slots[src[k]->value]], &v));
              if (!v)
                ok = false;
              else
                parts[k] = *v;
            } else if (src[k]->is_blank()) {
              auto it = fresh.find(src[k]->value);
              if (it == fresh.end()) {
                it = fresh
                         .emplace(src[k]->value,
                                  rdf::Term::Blank("c" + std::to_string(n) + "_" + src[k]->value))
                         .first;
              }
              parts[k] = it->second;
            } else {
              parts[k] = plan::ToRdfTerm(*src[k]);
            }
          }
          // Only valid RDF triples: no literal subject, IRI predicate.
          if (!ok || parts[0].is_literal() || !parts[1].is_iri()) continue;
          graph.insert(rdf::Quad{parts[0], parts[1], parts[2], rdf::Term()});
        }
        break;
      }
      case ast::Query::Form::kDescribe:
        for (size_t slot : describe_slots) {
          if (row[slot] != store::kNoTerm) HAMLET_RETURN_IF_ERROR(Describe(ctx, row[slot], &graph));
        }
        break;
    }
    if (query.form == ast::Query::Form::kAsk) break;  // one solution answers ASK
  }
  HAMLET_RETURN_IF_ERROR(cursor->status());
  HAMLET_RETURN_IF_ERROR(functions.fatal());  // e.g. REGEX's backtracking limit (expr.h)
  if (query.form == ast::Query::Form::kDescribe) {
    for (const auto& d : alg.describe) {
      if (d.is_variable()) continue;
      auto id = terms.StoreId(plan::ToRdfTerm(d));
      if (!id.ok()) return id.status();
      if (*id != store::kNoTerm) HAMLET_RETURN_IF_ERROR(Describe(ctx, *id, &graph));
    }
  }
  result.triples.assign(graph.begin(), graph.end());
  result.variables = out_vars;

  exec::ExplainNames names;
  names.vars = planner.names();
  names.term = [&](TermId id) -> std::string {
    auto t = terms.Decode(id);
    if (!t.ok()) return "#" + std::to_string(id);
    const rdf::Term& term = **t;
    // IRIs shortened with the query's own prefixes, as the user wrote them.
    for (const auto& [prefix, ns] : query.prologue.prefixes) {
      if (term.is_iri() && term.value().size() > ns.size() &&
          term.value().compare(0, ns.size(), ns) == 0) {
        return prefix + ":" + term.value().substr(ns.size());
      }
    }
    return term.ToNTriples();
  };
  result.plan = plan::Explain(**root, names);
  return result;
}

}  // namespace hamlet::sparql
