// CONSTRUCT and DESCRIBE: the triples of one solution, written once each.
//
// Triples are de-duplicated on ids, not strings: a term of the store or of the query has one
// id, and a blank node of the template gets a fresh id per solution from a range no term
// uses, so (s, p, o) ids are equal exactly when the triples are.
#include <string>

#include "sparql/engine/engine_state.h"

namespace hamlet::sparql {

namespace {

using exec::TermId;

// Fresh template blank nodes: ids with both top bits set (store ids have neither; query-local
// ids only the top one).
constexpr TermId kFreshBits = TermId{3} << 62;
bool IsFresh(TermId id) {
  return (id & kFreshBits) == kFreshBits;
}

// True when the triple was not written before (or can no longer be told apart).
Result<bool> FirstTime(PreparedQuery::State& st, const TermId (&key)[3]) {
  if (!st.seen_triples) {
    st.seen_triples = std::make_unique<exec::RowSet>(3);
    st.seen_lease = std::make_unique<exec::MemoryLease>(st.memory.get(), "CONSTRUCT");
  }
  if (!st.fully_deduplicated) return true;
  bool fresh = st.seen_triples->Insert(key);
  size_t bytes = st.seen_triples->bytes();
  if (bytes > st.seen_lease->held()) {
    // The set's share of the budget: beyond it, stop growing and let repeats through, rather
    // than failing a query whose answer is simply big.
    if (bytes > st.memory->limit() / kConstructDedupShare || !st.seen_lease->Fits(bytes)) {
      st.fully_deduplicated = false;
      st.seen_triples = std::make_unique<exec::RowSet>(3);
      HAMLET_RETURN_IF_ERROR(st.seen_lease->Set(0));
      return true;
    }
    HAMLET_RETURN_IF_ERROR(st.seen_lease->Set(bytes));
  }
  return fresh;
}

Status DecodeInto(PreparedQuery::State& st, TermId id, rdf::Term* out) {
  auto t = st.terms->DecodeValue(id);
  if (!t.ok()) return t.status();
  *out = std::move(*t);
  return Status::Ok();
}

}  // namespace

Status AppendConstructTriples(PreparedQuery::State& st, std::vector<rdf::Quad>* out) {
  // Blank nodes of the template are fresh for each solution.
  std::vector<std::pair<std::string, TermId>> fresh;
  auto fresh_id = [&](const std::string& label) {
    for (const auto& [l, id] : fresh) {
      if (l == label) return id;
    }
    TermId id = kFreshBits | st.fresh_blanks++;
    fresh.emplace_back(label, id);
    return id;
  };
  for (const auto& t : st.algebra.construct_template) {
    const ast::Term* src[3] = {&t.subject, &t.predicate, &t.object};
    TermId key[3];
    bool bound = true;
    for (int k = 0; k < 3 && bound; ++k) {
      if (src[k]->is_variable()) {
        key[k] = st.row[st.template_slots[src[k]->value]];
        bound = key[k] != store::kNoTerm;
      } else if (src[k]->is_blank()) {
        key[k] = fresh_id(src[k]->value);
      } else {
        auto id = st.terms->Intern(plan::ToRdfTerm(*src[k]));
        if (!id.ok()) return id.status();
        key[k] = *id;
      }
    }
    if (!bound) continue;
    rdf::Quad quad;
    rdf::Term* dst[3] = {&quad.subject, &quad.predicate, &quad.object};
    for (int k = 0; k < 3; ++k) {
      if (IsFresh(key[k])) {
        *dst[k] = rdf::Term::Blank("c" + std::to_string(key[k] & ~kFreshBits));
      } else {
        HAMLET_RETURN_IF_ERROR(DecodeInto(st, key[k], dst[k]));
      }
    }
    // Only valid RDF triples: no literal subject, IRI predicate.
    if (quad.subject.is_literal() || !quad.predicate.is_iri()) continue;
    auto first = FirstTime(st, key);
    if (!first.ok()) return first.status();
    if (*first) out->push_back(std::move(quad));
  }
  return Status::Ok();
}

// Concise bounded description: the resource's triples, and those of blank nodes reached
// from them.
Status AppendDescribedTriples(PreparedQuery::State& st, TermId resource,
                              std::vector<rdf::Quad>* out) {
  if (!st.described) st.described = std::make_unique<exec::RowSet>(1);
  std::vector<TermId> todo = {resource};
  while (!todo.empty()) {
    TermId id = todo.back();
    todo.pop_back();
    if (exec::IsLocal(id) || !st.described->Insert(&id)) continue;
    store::QuadPattern p;
    p.s = id;
    p.scope = store::GraphScope::kDefault;
    auto c = st.snapshot->Scan(p, &st.token);
    for (; c->Valid(); c->Next()) {
      const auto& q = c->quad();
      TermId key[3] = {q.s, q.p, q.o};
      auto first = FirstTime(st, key);
      if (!first.ok()) return first.status();
      if (!*first) continue;
      rdf::Quad quad;
      HAMLET_RETURN_IF_ERROR(DecodeInto(st, q.s, &quad.subject));
      HAMLET_RETURN_IF_ERROR(DecodeInto(st, q.p, &quad.predicate));
      HAMLET_RETURN_IF_ERROR(DecodeInto(st, q.o, &quad.object));
      if (quad.object.is_blank()) todo.push_back(q.o);
      out->push_back(std::move(quad));
    }
    HAMLET_RETURN_IF_ERROR(c->status());
  }
  return Status::Ok();
}

}  // namespace hamlet::sparql
