// Expressions as the executor runs them: the parser's ast::Expr with constants converted to
// RDF terms, variables to row slots, and EXISTS patterns planned. Built by sparql/plan.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rdf/term.h"
#include "sparql/exec/physical.h"

namespace hamlet::sparql::expr {
struct FunctionRef;
}

namespace hamlet::sparql::exec {

struct CompiledExpr {
  enum class Kind {
    kConstant,   // constant
    kVariable,   // slot
    kOr,         // args
    kAnd,        // args
    kNot,        // args[0]
    kBound,      // slot
    kIf,         // args[0..2], lazy
    kCoalesce,   // args, lazy
    kIn,         // args[0] IN args[1..]
    kNotIn,      // args[0] NOT IN args[1..]
    kExists,     // pattern
    kNotExists,  // pattern
    kCall,       // name (operator symbol, upper-case builtin, or function IRI), args
  };
  Kind kind = Kind::kConstant;
  rdf::Term constant;
  size_t slot = 0;
  std::string name;
  // kCall: `name` resolved when the query was compiled (null: unknown, an error per row).
  std::shared_ptr<const expr::FunctionRef> function;
  std::vector<CompiledExpr> args;
  std::shared_ptr<PhysicalOp> pattern;
};

// The value of `e` on `row`, or nullopt for an error (type error, unbound variable, ...).
std::optional<rdf::Term> Evaluate(const CompiledExpr& e, const Row& row, ExecContext& ctx);

// The effective boolean value; errors count as false (as FILTER requires).
bool EvaluateFilter(const CompiledExpr& e, const Row& row, ExecContext& ctx);

// An S-expression of `e`, for EXPLAIN.
std::string Describe(const CompiledExpr& e, const ExplainNames& names);

}  // namespace hamlet::sparql::exec
