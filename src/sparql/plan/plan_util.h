// Variable-set helpers shared by the planner's files (private to sparql/plan).
#pragma once

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "sparql/algebra/algebra.h"
#include "sparql/exec/physical.h"

namespace hamlet::sparql::plan {

inline std::vector<size_t> Sorted(std::set<size_t> s) {
  return std::vector<size_t>(s.begin(), s.end());
}

inline std::set<size_t> Set(const std::vector<size_t>& v) {
  return std::set<size_t>(v.begin(), v.end());
}

// `op` binds `certain` in every row and `maybe` (a superset, once `certain` is added) in some.
inline void SetVars(exec::PhysicalOp* op, const std::set<size_t>& certain,
                    const std::set<size_t>& maybe) {
  op->certain_vars = Sorted(certain);
  std::set<size_t> all = maybe;
  all.insert(certain.begin(), certain.end());
  op->maybe_vars = Sorted(all);
}

inline std::vector<size_t> Intersect(const std::vector<size_t>& a, const std::vector<size_t>& b) {
  std::vector<size_t> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Every variable `op` or an operator under it mentions (a superset of those in scope).
void PatternVars(const algebra::Op& op, std::set<std::string>* out);

// `e` with the variables outside `scope` (not inside EXISTS) renamed to names no row binds:
// a FILTER sees only its own pattern's solutions, so they are unbound there even when the
// pattern runs seeded with an outer row (W3C optional-filter#dawg-optional-filter-005).
ast::Expr UnbindOutOfScope(const ast::Expr& e, const std::set<std::string>& scope);

inline bool IsStorePattern(const exec::PhysicalOp& op) {
  return op.SeekableBySeed();
}

}  // namespace hamlet::sparql::plan
