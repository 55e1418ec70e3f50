// Ids <-> terms during one query.
//
// Operators move TermIds. Terms the store holds have store ids; terms a query computes
// (BIND, aggregates, VALUES constants the store lacks) get query-local ids, marked by the top
// bit. A computed term that the store holds gets the store's id, so equal terms always have
// equal ids and joins can compare ids.
//
// Thread safety: one resolver per query, used by one thread.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rdf/status.h"
#include "rdf/term.h"
#include "store/ids.h"
#include "store/inline_literal.h"
#include "store/store.h"

namespace hamlet::sparql::exec {

using store::TermId;

inline constexpr TermId kLocalBit = TermId{1} << 63;
inline bool IsLocal(TermId id) {
  return (id & kLocalBit) != 0;
}

class TermResolver {
 public:
  explicit TermResolver(const store::Snapshot& snapshot) : snapshot_(snapshot) {}

  // REQUIRES: id != kNoTerm. The pointer stays valid until the next call of Decode (the
  // cache of decoded terms is bounded and may be emptied then): copy what you keep.
  Result<const rdf::Term*> Decode(TermId id);
  // The term as a value. Numbers and dates kept in their ids are decoded on the spot
  // without entering the cache (filling the cache cost more than decoding them).
  Result<rdf::Term> DecodeValue(TermId id) {
    if (store::IsInline(id)) return store::DecodeInlineLiteral(id);
    auto t = Decode(id);
    if (!t.ok()) return t.status();
    return **t;
  }
  // The id of `term`: the store's id when it has one, else a query-local id.
  Result<TermId> Intern(const rdf::Term& term);
  // The store's id of `term`, or kNoTerm when the store does not hold it.
  Result<TermId> StoreId(const rdf::Term& term);

  const store::Snapshot& snapshot() const { return snapshot_; }

 private:
  // Decoded store terms kept per query; bounded so that a query touching millions of terms
  // keeps memory in check (entries are dropped wholesale, and decoded again if needed).
  static constexpr size_t kMaxCachedTerms = 1 << 18;

  const store::Snapshot& snapshot_;
  // Node-based: a term keeps its address while the map grows, so no separate allocation.
  using Cache = std::unordered_map<TermId, rdf::Term>;
  Cache cache_;
  std::vector<std::unique_ptr<rdf::Term>> local_;
  std::unordered_map<std::string, TermId> local_index_;  // N-Triples form -> local id
  std::unordered_map<std::string, TermId> store_index_;  // N-Triples form -> store id
};

}  // namespace hamlet::sparql::exec
