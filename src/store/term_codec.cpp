#include "store/term_codec.h"

#include "rdf/vocab.h"

namespace hamlet::store {

void EncodeTerm(const rdf::TermView& t, std::string* out) {
  switch (t.kind) {
    case rdf::TermKind::kIri:
      out->push_back('I');
      out->append(t.value);
      return;
    case rdf::TermKind::kBlank:
      out->push_back('B');
      out->append(t.value);
      return;
    case rdf::TermKind::kLiteral:
      if (!t.lang.empty()) {
        out->push_back('L');
        out->append(t.lang);
        out->push_back('\0');
      } else if (t.datatype.empty() || t.datatype == rdf::vocab::kXsdString) {
        out->push_back('S');
      } else {
        out->push_back('T');
        out->append(t.datatype);
        out->push_back('\0');
      }
      out->append(t.value);
      return;
    case rdf::TermKind::kNone:
      return;
  }
}

Result<rdf::TermView> DecodeTermView(std::string_view b) {
  if (b.empty()) return Status::Corruption("empty term encoding");
  rdf::TermView t;
  std::string_view rest = b.substr(1);
  switch (b[0]) {
    case 'I':
      t.kind = rdf::TermKind::kIri;
      t.value = rest;
      return t;
    case 'B':
      t.kind = rdf::TermKind::kBlank;
      t.value = rest;
      return t;
    case 'S':
      t.kind = rdf::TermKind::kLiteral;
      t.datatype = rdf::vocab::kXsdString;
      t.value = rest;
      return t;
    case 'L':
    case 'T': {
      size_t nul = rest.find('\0');
      if (nul == std::string_view::npos)
        return Status::Corruption("term encoding lacks a separator");
      t.kind = rdf::TermKind::kLiteral;
      if (b[0] == 'L') {
        t.lang = rest.substr(0, nul);
        t.datatype = rdf::vocab::kRdfLangString;
      } else {
        t.datatype = rest.substr(0, nul);
      }
      t.value = rest.substr(nul + 1);
      return t;
    }
    default:
      return Status::Corruption("unknown term tag in dictionary");
  }
}

}  // namespace hamlet::store
