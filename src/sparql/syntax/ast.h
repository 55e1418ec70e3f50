// Public SPARQL 1.1 abstract syntax tree produced by sparql/syntax/parser.h.
//
// Contract:
// - Independent of the rest of Hamlet (own term type; a later engine maps ast::Term to store
//   terms). No Boost header.
// - IRIs are absolute after BASE / PREFIX resolution (relative only when the query has no
//   base at all). Prefixed names are expanded; `a` is rdf:type.
// - Literals keep their lexical form exactly as written, escapes decoded: "01"^^xsd:integer
//   stays "01"; numbers written bare (1, 1.0, 1e0, -5) are xsd:integer / xsd:decimal /
//   xsd:double literals with the written lexical form; true/false (any case) are xsd:boolean
//   "true"/"false"; simple literals have datatype xsd:string; tagged ones rdf:langString and
//   the tag as written.
// - Blank nodes keep their label; [] , collections and [ ... ] property lists introduce
//   anonymous blank nodes (anonymous = true, label "b<N>", unique within the request).
// - Syntax sugar is expanded: collections become rdf:first/rdf:rest triples; property and
//   object lists become one triple each. Property paths other than a single IRI or variable are
//   kept as ast::Path on the triple.
// - `offset` fields are byte offsets into the original text (for error messages).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hamlet::sparql::ast {

inline constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr const char* kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr const char* kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr const char* kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr const char* kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr const char* kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr const char* kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr const char* kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr const char* kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
inline constexpr const char* kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
inline constexpr const char* kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";

struct Term {
  enum class Kind : std::uint8_t { kIri, kBlank, kLiteral, kVariable };
  Kind kind = Kind::kIri;
  std::string value;       // IRI, blank node label, lexical form, or variable name (no ?/$)
  std::string datatype;    // literals only
  std::string lang;        // literals only, as written
  bool anonymous = false;  // blank nodes only

  static Term Iri(std::string iri);
  static Term Blank(std::string label, bool anonymous = false);
  static Term Literal(std::string lexical, std::string datatype, std::string lang = {});
  static Term Variable(std::string name);

  bool is_iri() const { return kind == Kind::kIri; }
  bool is_blank() const { return kind == Kind::kBlank; }
  bool is_literal() const { return kind == Kind::kLiteral; }
  bool is_variable() const { return kind == Kind::kVariable; }
  bool operator==(const Term&) const = default;
};

// Turtle-like form: <iri>, _:label, "lex"^^<dt>, "lex"@lang, "lex", ?name.
std::string ToString(const Term& t);

struct Path {
  enum class Kind : std::uint8_t {
    kLink,         // iri
    kInverse,      // ^args[0]
    kSequence,     // args[0] / args[1] / ...
    kAlternative,  // args[0] | args[1] | ...
    kZeroOrMore,   // args[0]*
    kOneOrMore,    // args[0]+
    kZeroOrOne,    // args[0]?
    kNegated,      // !(negated...)
  };
  struct NegatedItem {
    Term iri;
    bool inverse = false;
    bool operator==(const NegatedItem&) const = default;
  };
  Kind kind = Kind::kLink;
  Term iri;
  std::vector<Path> args;
  std::vector<NegatedItem> negated;
  bool operator==(const Path&) const = default;
};

struct TriplePattern {
  Term subject;
  Term predicate;            // IRI or variable when path is empty
  std::optional<Path> path;  // a property path that is not a plain IRI
  Term object;
  bool operator==(const TriplePattern&) const = default;
};

struct GroupGraphPattern;

struct Expr {
  enum class Kind : std::uint8_t {
    kTerm,       // term (variable, IRI, literal)
    kBinary,     // op: || && = != < > <= >= + - * /; args: lhs, rhs
    kUnary,      // op: ! + -; args: operand
    kIn,         // args: lhs, list...
    kNotIn,      // args: lhs, list...
    kBuiltin,    // op: upper-case name (STR, REGEX, ...); args
    kFunction,   // term: function IRI; args; distinct
    kAggregate,  // op: COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT; args (empty for COUNT(*))
    kExists,     // pattern
    kNotExists,  // pattern
  };
  Kind kind = Kind::kTerm;
  std::string op;
  Term term;
  std::vector<Expr> args;
  bool distinct = false;
  bool star = false;                           // COUNT(*)
  std::optional<std::string> separator;        // GROUP_CONCAT(... ; SEPARATOR = "...")
  std::shared_ptr<GroupGraphPattern> pattern;  // EXISTS / NOT EXISTS
  std::size_t offset = 0;
};

struct InlineData {
  std::vector<Term> variables;
  std::vector<std::vector<std::optional<Term>>> rows;  // nullopt = UNDEF
};

struct Query;

struct GraphPatternElement {
  enum class Kind : std::uint8_t {
    kTriples,    // triples (one TriplesBlock)
    kFilter,     // expr
    kOptional,   // patterns[0]
    kMinus,      // patterns[0]
    kGroup,      // patterns[0] (a nested { ... })
    kUnion,      // patterns (two or more)
    kGraph,      // name, patterns[0]
    kService,    // name, silent, patterns[0]
    kBind,       // expr, var
    kValues,     // data
    kSubSelect,  // subquery
  };
  Kind kind = Kind::kTriples;
  std::vector<TriplePattern> triples;
  Expr expr;
  Term var;
  Term name;
  bool silent = false;
  std::vector<GroupGraphPattern> patterns;
  std::shared_ptr<Query> subquery;
  InlineData data;
  std::size_t offset = 0;
};

struct GroupGraphPattern {
  std::vector<GraphPatternElement> elements;
  std::size_t offset = 0;
};

struct Prologue {
  std::string base;                                           // final base IRI ("" = none)
  std::vector<std::pair<std::string, std::string>> prefixes;  // prefix (no ':') -> IRI
};

struct Projection {
  Term var;
  std::optional<Expr> expr;  // (expr AS ?var)
};

struct GroupCondition {
  Expr expr;
  std::optional<Term> var;  // (expr AS ?var)
};

struct OrderCondition {
  Expr expr;
  bool descending = false;
};

struct SolutionModifiers {
  std::vector<GroupCondition> group_by;
  std::vector<Expr> having;
  std::vector<OrderCondition> order_by;
  std::optional<std::uint64_t> limit;
  std::optional<std::uint64_t> offset;
};

struct DatasetClause {
  Term iri;
  bool named = false;
};

struct Query {
  enum class Form : std::uint8_t { kSelect, kConstruct, kDescribe, kAsk };
  Form form = Form::kSelect;
  Prologue prologue;
  bool distinct = false;
  bool reduced = false;
  bool select_all = false;  // SELECT *
  std::vector<Projection> projection;
  std::vector<TriplePattern> construct_template;
  bool construct_where = false;  // CONSTRUCT WHERE { template }
  std::vector<Term> describe;    // variables and IRIs
  bool describe_all = false;     // DESCRIBE *
  std::vector<DatasetClause> dataset;
  std::optional<GroupGraphPattern> where;  // absent only for DESCRIBE without WHERE
  SolutionModifiers modifiers;
  std::optional<InlineData> values;  // trailing VALUES clause
};

struct QuadBlock {
  std::optional<Term> graph;  // GRAPH name { ... }; nullopt = default graph
  std::vector<TriplePattern> triples;
};

struct GraphTarget {
  enum class Kind : std::uint8_t { kGraph, kDefault, kNamed, kAll };
  Kind kind = Kind::kGraph;
  Term iri;  // kGraph only
};

struct UpdateOperation {
  enum class Kind : std::uint8_t {
    kLoad,
    kClear,
    kDrop,
    kCreate,
    kAdd,
    kMove,
    kCopy,
    kInsertData,
    kDeleteData,
    kDeleteWhere,
    kModify,
  };
  Kind kind = Kind::kLoad;
  Prologue prologue;  // as in effect for this operation
  bool silent = false;
  Term source;                          // LOAD: document IRI
  std::optional<Term> into;             // LOAD ... INTO GRAPH
  GraphTarget target;                   // CLEAR / DROP / CREATE; ADD / MOVE / COPY: source
  GraphTarget destination;              // ADD / MOVE / COPY
  std::vector<QuadBlock> delete_quads;  // DELETE DATA, DELETE WHERE, DELETE { }
  std::vector<QuadBlock> insert_quads;  // INSERT DATA, INSERT { }
  bool has_delete_clause = false;       // Modify: DELETE { } present
  bool has_insert_clause = false;       // Modify: INSERT { } present
  std::optional<Term> with;
  std::vector<DatasetClause> using_clauses;
  std::optional<GroupGraphPattern> where;  // Modify
  std::size_t offset = 0;
};

struct Update {
  std::vector<UpdateOperation> operations;
};

}  // namespace hamlet::sparql::ast
