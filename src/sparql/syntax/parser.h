// Public entry points of the SPARQL 1.1 parser (Boost.Spirit X3 inside; no X3 header here).
//
// ParseQuery / ParseUpdate accept the full SPARQL 1.1 Query / Update grammar and return the
// AST of sparql/syntax/ast.h, or a SyntaxError. Besides grammar errors, the checks the
// specification requires are errors too: undeclared prefixes, blank-node labels shared by
// two basic graph patterns (or by two INSERT DATA operations of one request), BIND to a
// variable already in scope, (expr AS ?v) with ?v already in scope, non-grouped variables
// in SELECT of an aggregate query, aggregates outside SELECT/HAVING/ORDER BY, VALUES rows of
// the wrong width, variables in INSERT DATA / DELETE DATA, blank nodes in DELETE, built-in
// calls with the wrong number of arguments.
//
// Codepoint escapes (\uXXXX, \UXXXXXXXX) are decoded in one pass before parsing, as the
// specification says (section 19.2); positions in errors refer to the original text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sparql/syntax/ast.h"

namespace hamlet::sparql::syntax {

struct SyntaxError {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, in characters (code points)
  std::size_t offset = 0;  // byte offset into the original text
  std::string message;     // e.g. "expected '}' to close the group opened at line 3, found '.'"
  std::string line_text;   // the offending line (without its line break)

  // "line L, column C: message"
  std::string Headline() const;
  // Headline, then the line and a caret under the error column:
  //   line 2, column 14: expected '}' ..., found '.'
  //   { ?s ?p ?o . . }
  //                ^
  std::string ToString() const;
};

struct ParseOptions {
  // Base IRI for relative IRIs before any BASE declaration (e.g. the file's IRI). Empty: no
  // base; relative IRIs then stay relative.
  std::string base_iri;
};

template <typename T>
struct ParseResult {
  std::optional<T> value;
  std::optional<SyntaxError> error;
  bool ok() const { return value.has_value(); }
};

ParseResult<ast::Query> ParseQuery(std::string_view text, const ParseOptions& options = {});
ParseResult<ast::Update> ParseUpdate(std::string_view text, const ParseOptions& options = {});

}  // namespace hamlet::sparql::syntax
