#include "rdf/term.h"

#include <cstdio>

#include "rdf/vocab.h"

namespace hamlet::rdf {

Term Term::Iri(std::string iri) {
  Term t;
  t.kind_ = TermKind::kIri;
  t.value_ = std::move(iri);
  return t;
}

Term Term::Blank(std::string label) {
  Term t;
  t.kind_ = TermKind::kBlank;
  t.value_ = std::move(label);
  return t;
}

Term Term::Literal(std::string lexical, std::string datatype) {
  Term t;
  t.kind_ = TermKind::kLiteral;
  t.value_ = std::move(lexical);
  t.datatype_ = datatype.empty() ? std::string(vocab::kXsdString) : std::move(datatype);
  return t;
}

Term Term::LangLiteral(std::string lexical, std::string lang) {
  Term t;
  t.kind_ = TermKind::kLiteral;
  t.value_ = std::move(lexical);
  t.datatype_ = std::string(vocab::kRdfLangString);
  t.lang_ = std::move(lang);
  return t;
}

Term Term::FromView(const TermView& v) {
  Term t;
  t.kind_ = v.kind;
  t.value_ = std::string(v.value);
  if (v.kind == TermKind::kLiteral) {
    if (!v.lang.empty()) {
      t.lang_ = std::string(v.lang);
      t.datatype_ = std::string(vocab::kRdfLangString);
    } else {
      t.datatype_ = v.datatype.empty() ? std::string(vocab::kXsdString) : std::string(v.datatype);
    }
  }
  return t;
}

namespace {

void AppendEscapedIri(std::string_view s, std::string* out) {
  // IRIs: characters not allowed raw in an IRIREF are written as \u escapes.
  for (unsigned char c : s) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out->append(buf);
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

}  // namespace

void AppendEscapedString(std::string_view s, std::string* out) {
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
}

void AppendNTriples(const TermView& v, std::string* out) {
  switch (v.kind) {
    case TermKind::kNone:
      return;
    case TermKind::kIri:
      out->push_back('<');
      AppendEscapedIri(v.value, out);
      out->push_back('>');
      return;
    case TermKind::kBlank:
      out->append("_:");
      out->append(v.value);
      return;
    case TermKind::kLiteral:
      out->push_back('"');
      AppendEscapedString(v.value, out);
      out->push_back('"');
      if (!v.lang.empty()) {
        out->push_back('@');
        out->append(v.lang);
      } else if (!v.datatype.empty() && v.datatype != vocab::kXsdString) {
        out->append("^^<");
        AppendEscapedIri(v.datatype, out);
        out->push_back('>');
      }
      return;
  }
}

std::string Term::ToNTriples() const {
  std::string out;
  AppendNTriples(view(), &out);
  return out;
}

std::string Quad::ToNQuads() const {
  std::string out;
  AppendNTriples(subject.view(), &out);
  out.push_back(' ');
  AppendNTriples(predicate.view(), &out);
  out.push_back(' ');
  AppendNTriples(object.view(), &out);
  if (!graph.is_none()) {
    out.push_back(' ');
    AppendNTriples(graph.view(), &out);
  }
  out.append(" .");
  return out;
}

}  // namespace hamlet::rdf
