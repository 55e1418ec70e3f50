// The executor's view of the SPARQL function library (sparql/expr): one adapter, so the
// operators do not depend on how the library spells things.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "rdf/term.h"
#include "sparql/exec/compiled_expr.h"
#include "sparql/exec/physical.h"

namespace hamlet::sparql::exec {

// Effective boolean value (SPARQL 17.2.2); nullopt for an error.
std::optional<bool> EffectiveBoolean(const rdf::Term& t);

// The '=' operator as IN / NOT IN use it; nullopt for an error.
std::optional<bool> ValueEqual(const rdf::Term& a, const rdf::Term& b);

// A built-in (upper-case name), an operator ("+", "=", "NEG", ...), or a function IRI (casts)
// applied to evaluated arguments. nullopt for an error. `row_key` identifies the solution
// (BNODE(str) gives the same node for the same string within one solution).
// `args` are all bound (the caller stops at the first error). `function` is `name` resolved
// by ResolveCall (null: look the name up now).
std::optional<rdf::Term> CallFunction(std::string_view name, const expr::FunctionRef* function,
                                      const std::vector<std::optional<rdf::Term>>& args,
                                      ExecContext& ctx, uint64_t row_key);

// `name` with `arity` arguments resolved once, so that rows skip the name lookup; null when
// the library does not know it.
std::shared_ptr<const expr::FunctionRef> ResolveCall(std::string_view name, size_t arity);

// ORDER BY's order over possibly unbound terms: negative, zero or positive.
int CompareForOrder(const std::optional<rdf::Term>& a, const std::optional<rdf::Term>& b);

// One aggregate over a group (COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT); DISTINCT is
// applied by the caller.
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // nullopt: the argument was an error (or unbound).
  virtual void Add(const std::optional<rdf::Term>& value) = 0;
  virtual std::optional<rdf::Term> Result() = 0;
};

std::unique_ptr<Aggregator> MakeAggregator(std::string_view name, std::string_view separator);

}  // namespace hamlet::sparql::exec
