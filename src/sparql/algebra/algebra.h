// SPARQL algebra (SPARQL 1.1 section 18) over the parser's AST terms and expressions, the
// translation from the AST (18.2) and an S-expression printer (for EXPLAIN and `hamlet parse`).
//
// Translation follows the specification:
// - a group's FILTERs are collected and applied to the whole group: Filter(F1 && ..., G);
// - OPTIONAL { P FILTER(F) } becomes LeftJoin(G, P, F);
// - BIND is Extend over what precedes it in its group; MINUS is Minus(G, P); other elements
//   are joined in order; Join(Z, A) = A (Z = the unit table);
// - triples become BGPs; property paths: ^p swaps ends, p/q introduces a fresh variable
//   (??pN), other paths stay Path(subject, path, object) operators between BGP parts;
// - SELECT: Group (GROUP BY keys, aggregates replaced by ?.N variables), Filter (HAVING),
//   Extend (each (expr AS ?v)), Join with the VALUES table, OrderBy, Project, Distinct /
//   Reduced, Slice (LIMIT/OFFSET). SELECT * is not projected.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sparql/syntax/ast.h"

namespace hamlet::sparql::algebra {

struct Op {
  enum class Kind : std::uint8_t {
    kBgp,       // triples
    kPath,      // subject, path, object
    kJoin,      // children[0], children[1]
    kLeftJoin,  // children[0], children[1], exprs (the OPTIONAL's filter; empty = true)
    kFilter,    // exprs (conjunction), children[0]
    kUnion,     // children[0], children[1]
    kMinus,     // children[0], children[1]
    kGraph,     // name, children[0]
    kService,   // name, silent, children[0]
    kExtend,    // var, expr, children[0]
    kTable,     // table (no variables and one empty row: the unit table)
    kGroup,     // group_keys, aggregates, children[0]
    kOrderBy,   // order, children[0]
    kProject,   // vars, children[0]
    kDistinct,  // children[0]
    kReduced,   // children[0]
    kSlice,     // offset, limit, children[0]
  };
  Kind kind = Kind::kBgp;
  std::vector<Op> children;
  std::vector<ast::TriplePattern> triples;
  ast::Term subject, object;
  ast::Path path;
  std::vector<ast::Expr> exprs;
  ast::Term name;  // graph / service
  bool silent = false;
  ast::Term var;   // extend
  ast::Expr expr;  // extend
  ast::InlineData table;
  std::vector<ast::GroupCondition> group_keys;
  std::vector<std::pair<ast::Term, ast::Expr>> aggregates;  // ?.N -> aggregate expression
  std::vector<ast::OrderCondition> order;
  std::vector<ast::Term> vars;
  std::optional<std::uint64_t> offset, limit;

  static Op Unit();  // the unit table Z
  bool IsUnit() const;
};

// The algebra of a query: the pattern with its solution modifiers, plus the query form.
struct QueryAlgebra {
  ast::Query::Form form = ast::Query::Form::kSelect;
  Op op;
  std::vector<ast::TriplePattern> construct_template;  // CONSTRUCT
  std::vector<ast::Term> describe;                     // DESCRIBE (empty with describe_all)
  bool describe_all = false;
  std::vector<ast::DatasetClause> dataset;
  std::vector<std::pair<std::string, std::string>> prefixes;  // for printing
};

QueryAlgebra Translate(const ast::Query& query);
Op TranslatePattern(const ast::GroupGraphPattern& pattern);

// S-expression printing. IRIs are abbreviated with `prefixes` (prefix without ':' -> IRI)
// when the local part is a plain name; the output then starts with (prefix (...) ...).
struct PrintOptions {
  std::vector<std::pair<std::string, std::string>> prefixes;
};

std::string ToSse(const Op& op, const PrintOptions& options = {});
std::string ToSse(const ast::Expr& expr, const PrintOptions& options = {});
// SELECT: the op; ASK: (ask op); CONSTRUCT: (construct (template ...) op); DESCRIBE:
// (describe (terms) op). Wrapped in (prefix ...) when the query declares prefixes.
std::string ToSse(const QueryAlgebra& query);
// (update op...) with insertdata, deletedata, deletewhere, modify, load, clear, drop,
// create, add, move, copy.
std::string ToSse(const ast::Update& update);

}  // namespace hamlet::sparql::algebra
