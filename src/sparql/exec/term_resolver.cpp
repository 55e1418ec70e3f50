#include "sparql/exec/term_resolver.h"

namespace hamlet::sparql::exec {

Result<const rdf::Term*> TermResolver::Decode(TermId id) {
  if (IsLocal(id)) {
    size_t i = static_cast<size_t>(id & ~kLocalBit);
    if (i >= local_.size()) return Status::Internal("unknown query-local term id");
    return local_[i].get();
  }
  auto it = cache_.find(id);
  if (it != cache_.end()) return &it->second;
  // Emptied wholesale when full: a scan over millions of terms must not keep them all.
  if (cache_.size() >= kMaxCachedTerms) cache_.clear();
  auto t = snapshot_.Decode(id);
  if (!t.ok()) return t.status();
  return &cache_.emplace(id, std::move(*t)).first->second;
}

Result<TermId> TermResolver::StoreId(const rdf::Term& term) {
  std::string key = term.ToNTriples();
  auto it = store_index_.find(key);
  if (it != store_index_.end()) return it->second;
  auto id = snapshot_.Lookup(term.view());
  if (!id.ok()) return id.status();
  store_index_.emplace(std::move(key), *id);
  return *id;
}

Result<TermId> TermResolver::Intern(const rdf::Term& term) {
  auto sid = StoreId(term);
  if (!sid.ok()) return sid.status();
  if (*sid != store::kNoTerm) return *sid;
  std::string key = term.ToNTriples();
  auto it = local_index_.find(key);
  if (it != local_index_.end()) return it->second;
  TermId id = kLocalBit | local_.size();
  local_.push_back(std::make_unique<rdf::Term>(term));
  local_index_.emplace(std::move(key), id);
  return id;
}

}  // namespace hamlet::sparql::exec
