// Term helpers of the public AST.
#include "sparql/syntax/ast.h"

#include "rdf/term.h"

namespace hamlet::sparql::ast {

Term Term::Iri(std::string iri) {
  Term t;
  t.kind = Kind::kIri;
  t.value = std::move(iri);
  return t;
}

Term Term::Blank(std::string label, bool anonymous) {
  Term t;
  t.kind = Kind::kBlank;
  t.value = std::move(label);
  t.anonymous = anonymous;
  return t;
}

Term Term::Literal(std::string lexical, std::string datatype, std::string lang) {
  Term t;
  t.kind = Kind::kLiteral;
  t.value = std::move(lexical);
  t.datatype = std::move(datatype);
  t.lang = std::move(lang);
  return t;
}

Term Term::Variable(std::string name) {
  Term t;
  t.kind = Kind::kVariable;
  t.value = std::move(name);
  return t;
}

namespace {
void AppendEscaped(std::string& out, const std::string& s) {
  rdf::AppendEscapedString(s, &out);
}
}  // namespace

std::string ToString(const Term& t) {
  switch (t.kind) {
    case Term::Kind::kIri:
      return "<" + t.value + ">";
    case Term::Kind::kBlank:
      return "_:" + t.value;
    case Term::Kind::kVariable:
      return "?" + t.value;
    case Term::Kind::kLiteral: {
      std::string out = "\"";
      AppendEscaped(out, t.value);
      out += '"';
      if (!t.lang.empty()) return out + "@" + t.lang;
      if (t.datatype.empty() || t.datatype == kXsdString) return out;
      return out + "^^<" + t.datatype + ">";
    }
  }
  return {};
}

}  // namespace hamlet::sparql::ast
