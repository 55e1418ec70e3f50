// RDF terms and quads.
//
// A Term is an IRI, a blank node or a literal. Literals always carry a datatype: a simple
// literal has xsd:string, a language-tagged one rdf:langString plus its tag. Lexical forms
// are kept exactly as written (no normalisation), because "01"^^xsd:integer and
// "1"^^xsd:integer are different terms in RDF 1.1.
//
// TermView is the non-owning twin of Term used on hot paths (readers, the loader): it
// points into buffers owned by someone else and is valid only while they are.
//
// Thread safety: immutable values; safe to share between threads once built.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace hamlet::rdf {

enum class TermKind : uint8_t {
  kNone = 0,  // no term: used for "the default graph" in the graph position of a quad
  kIri = 1,
  kBlank = 2,
  kLiteral = 3,
};

struct TermView {
  TermKind kind = TermKind::kNone;
  std::string_view value;     // IRI, blank-node label (without "_:") or lexical form
  std::string_view datatype;  // literals only: datatype IRI
  std::string_view lang;      // literals only: language tag, empty if none

  bool is_none() const { return kind == TermKind::kNone; }
  bool operator==(const TermView&) const = default;
};

class Term {
 public:
  Term() = default;  // kNone
  static Term Iri(std::string iri);
  static Term Blank(std::string label);
  // A literal with the given datatype; an empty datatype means xsd:string.
  static Term Literal(std::string lexical, std::string datatype = {});
  static Term LangLiteral(std::string lexical, std::string lang);
  static Term FromView(const TermView& v);

  TermKind kind() const { return kind_; }
  bool is_none() const { return kind_ == TermKind::kNone; }
  bool is_iri() const { return kind_ == TermKind::kIri; }
  bool is_blank() const { return kind_ == TermKind::kBlank; }
  bool is_literal() const { return kind_ == TermKind::kLiteral; }
  const std::string& value() const { return value_; }
  const std::string& datatype() const { return datatype_; }
  const std::string& lang() const { return lang_; }
  TermView view() const { return TermView{kind_, value_, datatype_, lang_}; }

  // N-Triples form: <iri>, _:label, "lex", "lex"@lang, "lex"^^<dt>. Empty for kNone.
  std::string ToNTriples() const;

  bool operator==(const Term&) const = default;
  std::strong_ordering operator<=>(const Term&) const = default;

 private:
  TermKind kind_ = TermKind::kNone;
  std::string value_;
  std::string datatype_;
  std::string lang_;
};

// Appends `s` escaped for a double-quoted string in N-Triples, Turtle, SPARQL or JSON:
// \" \\ \n \r \t \b \f, and \uXXXX for other control characters.
void AppendEscapedString(std::string_view s, std::string* out);

// Writes `v` in N-Triples syntax to `out` (appending). Escapes as N-Triples requires.
void AppendNTriples(const TermView& v, std::string* out);

// A quad; `graph.is_none()` means the default graph.
struct Quad {
  Term subject;
  Term predicate;
  Term object;
  Term graph;

  bool operator==(const Quad&) const = default;
  std::strong_ordering operator<=>(const Quad&) const = default;
  // "<s> <p> <o> [<g>] ." in N-Quads syntax, without the trailing newline.
  std::string ToNQuads() const;
};

struct QuadView {
  TermView subject;
  TermView predicate;
  TermView object;
  TermView graph;
};

}  // namespace hamlet::rdf
