// Shorthands for building terms and calling the expression library in tests.
#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "rdf/term.h"
#include "rdf/vocab.h"
#include "sparql/expr/expr.h"

namespace hamlet::sparql::expr::testing {

inline std::string XsdIri(const std::string& local) {
  return std::string(rdf::vocab::kXsd) + local;
}
inline ExprResult Typed(const std::string& lex, const std::string& xsd_local) {
  return rdf::Term::Literal(lex, XsdIri(xsd_local));
}
inline ExprResult Int(const std::string& lex) {
  return Typed(lex, "integer");
}
inline ExprResult Dec(const std::string& lex) {
  return Typed(lex, "decimal");
}
inline ExprResult Dbl(const std::string& lex) {
  return Typed(lex, "double");
}
inline ExprResult Flt(const std::string& lex) {
  return Typed(lex, "float");
}
inline ExprResult Bool(bool b) {
  return MakeBoolean(b);
}
inline ExprResult Str(const std::string& s) {
  return rdf::Term::Literal(s);
}
inline ExprResult Lang(const std::string& s, const std::string& tag) {
  return rdf::Term::LangLiteral(s, tag);
}
inline ExprResult Iri(const std::string& s) {
  return rdf::Term::Iri(s);
}
inline ExprResult Blank(const std::string& s) {
  return rdf::Term::Blank(s);
}
inline ExprResult DateTimeLit(const std::string& s) {
  return Typed(s, "dateTime");
}
inline const ExprResult kErr = std::nullopt;

// N-Triples form of a result, "error" for an error: readable failure messages.
inline std::string Show(const ExprResult& r) {
  return r ? r->ToNTriples() : std::string("error");
}

struct Fn {
  Context ctx;
  ExprResult operator()(std::string_view name, std::vector<ExprResult> args) {
    return Call(name, args, ctx);
  }
};

}  // namespace hamlet::sparql::expr::testing

namespace hamlet::rdf {
// Readable gtest output for terms (and optional terms) in failed expectations.
inline void PrintTo(const Term& t, std::ostream* os) {
  *os << t.ToNTriples();
}
}  // namespace hamlet::rdf
