// Private: turns the generic parse tree (node.h) into the public AST (ast.h): resolves IRIs
// against BASE, expands prefixed names, decodes string escapes, expands collections and
// property lists, and runs the semantic checks of the specification. Errors are thrown as
// SyntaxException with a byte offset into the decoded text. No X3 here.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sparql/syntax/ast.h"
#include "sparql/syntax/detail/node.h"

namespace hamlet::sparql::syntax::detail {

using VarSet = std::set<std::string>;

class Lowerer {
 public:
  explicit Lowerer(std::string base) : base_(std::move(base)) {}

  ast::Query LowerQuery(const Node& query);
  ast::Update LowerUpdate(const Node& update);

 private:
  // Where blank nodes appear; decides which checks apply.
  enum class BNodeMode { kPattern, kTemplate, kInsertData, kNoBlank };
  struct TripleCtx {
    BNodeMode mode = BNodeMode::kPattern;
    const char* where = "";  // for messages: "DELETE DATA", ...
    bool allow_vars = true;
  };

  [[noreturn]] static void Fail(const Node& at, std::string message);
  [[noreturn]] static void Fail(std::size_t offset, std::string message);

  // Terms (lower_terms.cpp).
  void Prologue(const Node& decl, ast::Prologue& out);
  ast::Term Iri(const Node& n);
  ast::Term Term(const Node& n, const TripleCtx& ctx);
  ast::Term Literal(const Node& n);
  ast::Term FreshBlank();
  static std::string DecodeString(const Node& n);

  // Triples and paths (lower_terms.cpp).
  void Triples(const Node& n, std::vector<ast::TriplePattern>& out, const TripleCtx& ctx);
  void PropertyList(const ast::Term& subject, const Node& list,
                    std::vector<ast::TriplePattern>& out, const TripleCtx& ctx);
  ast::Term GraphNode(const Node& n, std::vector<ast::TriplePattern>& out, const TripleCtx& ctx);
  ast::Path PathOf(const Node& n);
  void Emit(ast::Term s, const Node& verb, ast::Term o, std::vector<ast::TriplePattern>& out,
            const TripleCtx& ctx);

  // Expressions (lower_expr.cpp).
  ast::Expr Expression(const Node& n, bool allow_aggregates);
  void CheckBuiltinArity(const Node& n, std::size_t count);

  // Patterns, queries, updates (lower_query.cpp).
  ast::GroupGraphPattern Group(const Node& n, VarSet* scope);
  std::shared_ptr<ast::Query> SubSelect(const Node& n, VarSet* scope);
  void Select(const Node& clause, ast::Query& q);
  void SolutionModifier(const Node& n, ast::Query& q);
  void CheckProjection(const Node& clause, ast::Query& q, const VarSet& where_scope,
                       bool aggregate_query);
  ast::InlineData Values(const Node& n);
  std::vector<ast::QuadBlock> Quads(const Node& n, const TripleCtx& ctx);
  ast::GraphTarget Target(const Node& n);
  void QueryBody(const Node& form, ast::Query& q);
  ast::UpdateOperation Operation(const Node& n, std::size_t index);

  std::string base_;
  std::map<std::string, std::string> prefixes_;
  ast::Prologue prologue_;
  // Blank-node labels of patterns: label -> basic graph pattern number.
  std::map<std::string, int> bgp_of_label_;
  int current_bgp_ = 0;
  int bgp_counter_ = 0;
  // Labels used by INSERT DATA operations: label -> operation index.
  std::map<std::string, std::size_t> insert_data_labels_;
  std::size_t current_operation_ = 0;
  int anon_counter_ = 0;
  bool saw_aggregate_ = false;
  int expression_depth_ = 0;  // of the expression being lowered (see kMaxExpressionDepth)
};

// Variables of a term / triple / expression (helpers shared by the checks).
void CollectVars(const ast::Term& t, VarSet& out);
void CollectVars(const ast::TriplePattern& t, VarSet& out);
// Variables of an expression outside aggregates (and not inside EXISTS).
void CollectFreeVars(const ast::Expr& e, VarSet& out);
bool HasAggregate(const ast::Expr& e);

}  // namespace hamlet::sparql::syntax::detail
