#include "sparql/engine/query_engine.h"

#include "sparql/engine/engine_state.h"

#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "rdf/text.h"
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

// Slots of the variables SELECT projects, CONSTRUCT's template uses and DESCRIBE names,
// created before execution fixes the row width.
void AssignOutputSlots(PreparedQuery::State& st) {
  for (const auto& v : st.out_vars) st.out_slots.push_back(st.planner->Slot(v));
  for (const auto& t : st.algebra.construct_template) {
    for (const auto* term : {&t.subject, &t.predicate, &t.object}) {
      if (term->is_variable()) st.template_slots[term->value] = st.planner->Slot(term->value);
    }
  }
  for (const auto& d : st.algebra.describe) {
    if (d.is_variable()) st.describe_slots.push_back(st.planner->Slot(d.value));
  }
  if (st.algebra.describe_all && st.query.where) {
    std::vector<std::string> all;
    CollectVars(*st.query.where, &all);
    for (const auto& v : all) st.describe_slots.push_back(st.planner->Slot(v));
  }
}

// FROM / FROM NAMED: the query runs on exactly the dataset they describe (FROM alone means no
// named graphs, FROM NAMED alone an empty default graph).
Status ResolveDataset(PreparedQuery::State& st) {
  if (st.algebra.dataset.empty()) return Status::Ok();
  st.ctx.dataset.default_is_store_default = false;
  st.ctx.dataset.named_is_all = false;
  for (const auto& d : st.algebra.dataset) {
    auto id = st.terms->StoreId(plan::ToRdfTerm(d.iri));
    if (!id.ok()) return id.status();
    if (*id == store::kNoTerm) continue;
    (d.named ? st.ctx.dataset.named_graphs : st.ctx.dataset.default_graphs).push_back(*id);
  }
  return Status::Ok();
}

// The variables SELECT returns. SELECT * projects the query's own variables before planning,
// so that hidden ones (blank nodes of patterns, path and graph helpers) never make rows
// differ under DISTINCT.
void ChooseOutputVariables(PreparedQuery::State& st) {
  const ast::Query& query = st.query;
  if (query.form != ast::Query::Form::kSelect) return;
  if (query.select_all) {
    if (query.where) CollectVars(*query.where, &st.out_vars);
    ProjectVisible(&st.algebra.op, st.out_vars);
  } else {
    for (const auto& p : query.projection) st.out_vars.push_back(p.var.value);
  }
}

Status PlanQuery(PreparedQuery::State& st) {
  ChooseOutputVariables(st);
  auto stats = st.snapshot->GetStatistics();
  if (!stats.ok()) return stats.status();
  st.stats = std::make_unique<store::Statistics>(std::move(*stats));
  st.terms = std::make_unique<exec::TermResolver>(*st.snapshot);
  st.planner = std::make_unique<plan::Planner>(st.terms.get(), st.stats.get());
  st.planner->set_default_graph_is_store_default(st.algebra.dataset.empty());
  auto root = st.planner->Plan(st.algebra.op, st.query.form == ast::Query::Form::kAsk);
  if (!root.ok()) return root.status();
  st.root = std::move(*root);
  HAMLET_RETURN_IF_ERROR(st.token.Check());

  exec::ExecContext& ctx = st.ctx;
  ctx.snapshot = st.snapshot;
  ctx.terms = st.terms.get();
  ctx.cancel = &st.token;
  ctx.memory = st.memory.get();
  ctx.spill_dir = st.options.spill_dir;
  if (st.options.hash_join_budget_bytes > 0)
    ctx.hash_join_budget_bytes = st.options.hash_join_budget_bytes;
  st.functions.base_iri = st.query.prologue.base;
  // BNODE() labels must not collide with the store's ("l<load>f<file>_...").
  st.functions.bnode_prefix = "q_b";
  ctx.functions = &st.functions;
  HAMLET_RETURN_IF_ERROR(ResolveDataset(st));
  AssignOutputSlots(st);
  ctx.slots = st.planner->slots();
  return Status::Ok();
}

}  // namespace

bool PreparedQuery::State::EnsureOpen() {
  if (cursor) return !done;
  if (done) return false;
  exec::Row seed(ctx.slots, store::kNoTerm);
  cursor = root->Open(ctx, seed);
  return true;
}

bool PreparedQuery::State::NextRow() {
  if (!EnsureOpen()) return false;
  if (!cursor->Next(&row)) {
    Status s = cursor->status();
    if (s.ok()) s = token.Check();      // a cursor may end early because the token fired
    if (s.ok()) s = functions.fatal();  // e.g. REGEX's backtracking limit (expr.h)
    if (!s.ok()) Fail(s);
    done = true;
    return false;
  }
  row.resize(ctx.slots, store::kNoTerm);
  ++solutions;
  if ((solutions & 1023) == 0) {
    if (Status s = token.Check(); !s.ok()) {
      Fail(s);
      return false;
    }
  }
  return true;
}

PreparedQuery::PreparedQuery(std::unique_ptr<State> state) : state_(std::move(state)) {}
PreparedQuery::~PreparedQuery() = default;

Result<std::unique_ptr<PreparedQuery>> PreparedQuery::Prepare(
    const store::Snapshot& snapshot, std::string_view text, const QueryOptions& options,
    const store::CancellationToken* cancel) {
  auto st = std::make_unique<State>();
  st->snapshot = &snapshot;
  st->options = options;
  st->token.set_parent(cancel);
  st->token.SetTimeout(options.timeout_seconds);
  st->memory = std::make_unique<exec::MemoryBudget>(
      options.memory_limit_bytes > 0 ? options.memory_limit_bytes : exec::kDefaultQueryMemoryBytes);

  syntax::ParseOptions po;
  po.base_iri = options.base_iri;
  auto parsed = syntax::ParseQuery(text, po);
  if (!parsed.ok()) return Status::InvalidInput(parsed.error->ToString());
  st->query = std::move(*parsed.value);
  HAMLET_RETURN_IF_ERROR(st->token.Check());
  st->algebra = algebra::Translate(st->query);
  HAMLET_RETURN_IF_ERROR(st->token.Check());
  HAMLET_RETURN_IF_ERROR(PlanQuery(*st));
  return std::unique_ptr<PreparedQuery>(new PreparedQuery(std::move(st)));
}

PreparedQuery::Form PreparedQuery::form() const {
  return state_->query.form;
}
const std::vector<std::string>& PreparedQuery::variables() const {
  return state_->out_vars;
}
const std::vector<std::pair<std::string, std::string>>& PreparedQuery::prefixes() const {
  return state_->query.prologue.prefixes;
}
Status PreparedQuery::status() const {
  return state_->status;
}
bool PreparedQuery::construct_fully_deduplicated() const {
  return state_->fully_deduplicated;
}
size_t PreparedQuery::peak_memory_bytes() const {
  return state_->memory->peak();
}

bool PreparedQuery::NextSolutions(SolutionBatch* batch, size_t max_rows) {
  State& st = *state_;
  batch->width = st.out_slots.size();
  batch->count = 0;
  batch->ids.clear();
  if (st.query.form != Form::kSelect) {
    st.Fail(Status::InvalidArgument("NextSolutions is for SELECT queries"));
    return false;
  }
  size_t n = 0;
  while (n < max_rows && st.NextRow()) {
    if (st.options.max_rows > 0 && st.solutions > st.options.max_rows) {
      st.Fail(Status::InvalidInput("the query returns more than " +
                                   std::to_string(st.options.max_rows) +
                                   " rows (the configured result limit)"));
      break;
    }
    for (size_t slot : st.out_slots) batch->ids.push_back(st.row[slot]);
    ++n;
  }
  batch->count = n;
  return n > 0 || (st.status.ok() && !st.done);
}

Status PreparedQuery::DecodeRow(const SolutionBatch& batch, size_t i,
                                std::vector<std::optional<rdf::Term>>* out) {
  out->resize(batch.width);
  const TermId* ids = batch.row(i);
  for (size_t c = 0; c < batch.width; ++c) {
    if (ids[c] == store::kNoTerm) {
      (*out)[c].reset();
      continue;
    }
    auto t = state_->terms->DecodeValue(ids[c]);
    if (!t.ok()) return t.status();
    (*out)[c] = std::move(*t);
  }
  return Status::Ok();
}

Result<bool> PreparedQuery::Ask() {
  State& st = *state_;
  if (st.query.form != Form::kAsk) return Status::InvalidArgument("Ask is for ASK queries");
  bool found = st.NextRow();  // one solution answers ASK
  if (!st.status.ok()) return st.status;
  st.done = true;
  return found;
}

bool PreparedQuery::NextTriples(std::vector<rdf::Quad>* out, size_t max_triples) {
  State& st = *state_;
  out->clear();
  bool construct = st.query.form == Form::kConstruct;
  if (!construct && st.query.form != Form::kDescribe) {
    st.Fail(Status::InvalidArgument("NextTriples is for CONSTRUCT and DESCRIBE queries"));
    return false;
  }
  while (out->size() < max_triples && st.status.ok()) {
    if (st.NextRow()) {
      Status s = Status::Ok();
      if (construct) {
        s = AppendConstructTriples(st, out);
      } else {
        for (size_t slot : st.describe_slots) {
          if (st.row[slot] != store::kNoTerm) s = AppendDescribedTriples(st, st.row[slot], out);
          if (!s.ok()) break;
        }
      }
      if (!s.ok()) st.Fail(s);
      continue;
    }
    if (!st.status.ok() || construct || st.described_constants) break;
    // DESCRIBE <iri>: the constant resources, after the pattern's.
    st.described_constants = true;
    for (const auto& d : st.algebra.describe) {
      if (d.is_variable()) continue;
      auto id = st.terms->StoreId(plan::ToRdfTerm(d));
      Status s = id.ok() ? Status::Ok() : id.status();
      if (s.ok() && *id != store::kNoTerm) s = AppendDescribedTriples(st, *id, out);
      if (!s.ok()) st.Fail(s);
    }
  }
  return !out->empty();
}

std::string PreparedQuery::AlgebraText() const {
  return algebra::ToSse(state_->algebra);
}

std::string PreparedQuery::PlanText() const {
  const State& st = *state_;
  exec::ExplainNames names;
  names.vars = st.planner->names();
  names.term = [&](TermId id) -> std::string {
    auto t = st.terms->DecodeValue(id);
    if (!t.ok()) return "#" + std::to_string(id);
    // IRIs shortened with the query's own prefixes, as the user wrote them.
    if (t->is_iri()) return rdf::ShortIri(t->value(), st.query.prologue.prefixes);
    return t->ToNTriples();
  };
  return plan::Explain(*st.root, names);
}

Result<QueryResult> RunQuery(const store::Snapshot& snapshot, std::string_view text,
                             const QueryOptions& options, const store::CancellationToken* cancel) {
  auto prepared = PreparedQuery::Prepare(snapshot, text, options, cancel);
  if (!prepared.ok()) return prepared.status();
  PreparedQuery& q = **prepared;
  QueryResult result;
  result.form = q.form();
  result.prefixes = q.prefixes();
  result.variables = q.variables();
  switch (q.form()) {
    case PreparedQuery::Form::kSelect: {
      SolutionBatch batch;
      while (q.NextSolutions(&batch)) {
        for (size_t i = 0; i < batch.rows(); ++i) {
          result.rows.emplace_back();
          HAMLET_RETURN_IF_ERROR(q.DecodeRow(batch, i, &result.rows.back()));
        }
      }
      break;
    }
    case PreparedQuery::Form::kAsk: {
      auto b = q.Ask();
      if (!b.ok()) return b.status();
      result.boolean = *b;
      break;
    }
    case PreparedQuery::Form::kConstruct:
    case PreparedQuery::Form::kDescribe: {
      std::vector<rdf::Quad> batch;
      std::set<rdf::Quad> graph;
      while (q.NextTriples(&batch)) {
        for (auto& t : batch) graph.insert(std::move(t));
      }
      result.triples.assign(graph.begin(), graph.end());
      break;
    }
  }
  HAMLET_RETURN_IF_ERROR(q.status());
  if (options.explain) {
    result.algebra = q.AlgebraText();
    result.plan = q.PlanText();
  }
  return result;
}

}  // namespace hamlet::sparql
