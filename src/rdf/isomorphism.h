// Isomorphism of RDF datasets: equality of two sets of quads up to a renaming of blank
// nodes (one bijection for the whole dataset). Used by conformance runners and tests.
//
// Duplicate quads are ignored (datasets are sets). Cost: near-linear when blank nodes are
// distinguishable by their neighbourhoods; backtracking otherwise (fine for test-sized data).
#pragma once

#include <string>
#include <vector>

#include "rdf/term.h"

namespace hamlet::rdf {

// Returns true iff `a` and `b` are isomorphic. When they are not and `why` is non-null, it
// receives a short explanation (e.g. a quad present in one and not the other).
bool AreIsomorphic(const std::vector<Quad>& a, const std::vector<Quad>& b,
                   std::string* why = nullptr);

}  // namespace hamlet::rdf
