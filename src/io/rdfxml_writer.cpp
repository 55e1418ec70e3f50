// RDF/XML writer: one rdf:Description per run of statements with the same subject, streamed
// statement by statement (nothing is buffered beyond the current subject's identity).
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/writer_impl.h"
#include "rdf/iri.h"
#include "rdf/utf8.h"
#include "rdf/vocab.h"
#include "rdf/xml_escape.h"

namespace hamlet::io::internal {

namespace {

constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view kXmlnsNs = "http://www.w3.org/2000/xmlns/";
constexpr uint32_t kBadUtf8 = 0xFFFFFFFF;

// Decodes the code point starting at s[*i] and moves *i past it; kBadUtf8 for an ill-formed
// sequence (terms are meant to be UTF-8, but a bad byte must not become bad XML).
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  rdf::utf8::Decoded d = rdf::utf8::DecodeFirst(s.substr(*i));
  *i += d.length;
  return d.problem == rdf::utf8::Problem::kNone ? static_cast<uint32_t>(d.code_point) : kBadUtf8;
}

// XML 1.0 (fifth edition) Char.
bool IsXmlChar(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// XML 1.0 (fifth edition) NameStartChar without ':' (namespaces reserve it).
bool IsNameStartChar(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool IsNameChar(uint32_t c) {
  return IsNameStartChar(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

bool IsNcName(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  if (!IsNameStartChar(NextCodePoint(s, &i))) return false;
  while (i < s.size()) {
    if (!IsNameChar(NextCodePoint(s, &i))) return false;
  }
  return true;
}

// Where the shortest namespace of `iri` ends: the longest suffix that is an NCName starts
// there. npos when no suffix is one (the IRI ends in '/', '#', ...).
size_t LocalNameStart(std::string_view iri) {
  size_t first = std::string_view::npos;  // first NameStartChar after the last non-NameChar
  size_t i = 0;
  while (i < iri.size()) {
    size_t at = i;
    uint32_t c = NextCodePoint(iri, &i);
    if (!IsNameChar(c)) {
      first = std::string_view::npos;
    } else if (first == std::string_view::npos && IsNameStartChar(c)) {
      first = at;
    }
  }
  return first;
}

// The names RDF/XML reserves in its own namespace: as property elements they mean syntax
// (rdf:li even turns into rdf:_n), so statements with these predicates cannot be written.
bool IsReservedRdfName(std::string_view local) {
  static constexpr std::array<std::string_view, 12> kReserved = {
      "RDF",    "ID",       "about", "bagID",     "parseType",       "resource",
      "nodeID", "datatype", "li",    "aboutEach", "aboutEachPrefix", "Description"};
  for (std::string_view r : kReserved) {
    if (local == r) return true;
  }
  return false;
}

void AppendAttr(std::string_view s, std::string* out) {
  rdf::AppendXmlEscaped(s, true, out);
}
void AppendText(std::string_view s, std::string* out) {
  rdf::AppendXmlEscaped(s, false, out);
}

// OK when every character of `s` may appear in an XML 1.0 document.
Status CheckXmlChars(std::string_view s, const rdf::TermView& term, std::string_view what) {
  size_t i = 0;
  while (i < s.size()) {
    uint32_t c = NextCodePoint(s, &i);
    if (IsXmlChar(c)) continue;
    std::string nt;
    rdf::AppendNTriples(term, &nt);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", c);
    return Status::InvalidInput(
        std::string(what) + " " + nt + " cannot be written in RDF/XML: " +
        (c == kBadUtf8 ? std::string("it is not UTF-8")
                       : "XML 1.0 does not allow the character " + std::string(code)));
  }
  return Status::Ok();
}

// rdf:nodeID must be an NCName. Labels that are not, and labels that start with "hx", are
// hex-encoded behind "hx" so that distinct labels stay distinct.
std::string NodeId(std::string_view label) {
  if (IsNcName(label) && label.substr(0, 2) != "hx") return std::string(label);
  std::string out = "hx";
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned char c : label) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

bool IsXmlReservedPrefix(std::string_view name) {
  return name.size() >= 3 && (name[0] == 'x' || name[0] == 'X') &&
         (name[1] == 'm' || name[1] == 'M') && (name[2] == 'l' || name[2] == 'L');
}

class RdfXmlWriter final : public QuadWriter {
 public:
  RdfXmlWriter(FILE* out, const PrefixList& prefixes) : out_(out) {
    prefixes_.emplace_back("rdf", std::string(rdf::vocab::kRdf));
    names_.insert("rdf");
    for (const auto& [name, ns] : prefixes) {
      if (!IsNcName(name) || IsXmlReservedPrefix(name) || names_.count(name) != 0 || ns.empty() ||
          ns == kXmlNs || ns == kXmlnsNs || !CheckXmlChars(ns, {}, "").ok()) {
        continue;
      }
      prefixes_.emplace_back(name, ns);
      names_.insert(name);
    }
  }

  Status Write(const rdf::QuadView& q) override {
    std::string element;  // the property element, built before anything is written
    HAMLET_RETURN_IF_ERROR(PropertyElement(q, &element));
    std::string text;
    if (!started_) AppendHeader(&text);
    bool same = open_ && q.subject.kind == subject_kind_ && q.subject.value == subject_;
    if (!same) {
      if (open_) text.append("  </rdf:Description>\n");
      text.append("  <rdf:Description ");
      if (q.subject.kind == rdf::TermKind::kIri) {
        text.append("rdf:about=\"");
        AppendAttr(q.subject.value, &text);
      } else {
        text.append("rdf:nodeID=\"");
        text.append(NodeId(q.subject.value));
      }
      text.append("\">\n");
    }
    text.append(element);
    HAMLET_RETURN_IF_ERROR(WriteAll(out_, text));
    started_ = true;
    if (!same) {
      open_ = true;
      subject_kind_ = q.subject.kind;
      subject_.assign(q.subject.value);
    }
    return Status::Ok();
  }

  Status Finish() override {
    std::string text;
    if (!started_) AppendHeader(&text);
    if (open_) text.append("  </rdf:Description>\n");
    text.append("</rdf:RDF>\n");
    started_ = true;
    open_ = false;
    HAMLET_RETURN_IF_ERROR(WriteAll(out_, text));
    return FlushOutput(out_);
  }

 private:
  void AppendHeader(std::string* text) const {
    text->append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF");
    for (const auto& [name, ns] : prefixes_) {
      text->append("\n    xmlns:" + name + "=\"");
      AppendAttr(ns, text);
      text->push_back('"');
    }
    text->append(">\n");
  }

  // Checks that `q` is expressible and renders its property element into *element.
  Status PropertyElement(const rdf::QuadView& q, std::string* element) {
    if (q.subject.kind != rdf::TermKind::kIri && q.subject.kind != rdf::TermKind::kBlank) {
      return Status::InvalidInput("RDF/XML subjects are IRIs or blank nodes");
    }
    if (q.predicate.kind != rdf::TermKind::kIri) {
      return Status::InvalidInput("RDF/XML predicates are IRIs");
    }
    if (q.object.kind == rdf::TermKind::kNone)
      return Status::InvalidInput("statement has no object");
    for (const rdf::TermView* t : {&q.subject, &q.predicate, &q.object}) {
      if (t->kind == rdf::TermKind::kIri)
        HAMLET_RETURN_IF_ERROR(CheckXmlChars(t->value, *t, "IRI"));
    }
    std::string qname, decl;
    HAMLET_RETURN_IF_ERROR(QName(q.predicate.value, &qname, &decl));
    element->append("    <" + qname + decl);
    const rdf::TermView& o = q.object;
    switch (o.kind) {
      case rdf::TermKind::kIri:
        element->append(" rdf:resource=\"");
        AppendAttr(o.value, element);
        element->append("\"/>\n");
        return Status::Ok();
      case rdf::TermKind::kBlank:
        element->append(" rdf:nodeID=\"" + NodeId(o.value) + "\"/>\n");
        return Status::Ok();
      case rdf::TermKind::kLiteral:
      case rdf::TermKind::kNone:
        break;
    }
    HAMLET_RETURN_IF_ERROR(CheckXmlChars(o.value, o, "literal"));
    HAMLET_RETURN_IF_ERROR(CheckXmlChars(o.lang, o, "literal"));
    HAMLET_RETURN_IF_ERROR(CheckXmlChars(o.datatype, o, "literal"));
    if (!o.lang.empty()) {
      element->append(" xml:lang=\"");
      AppendAttr(o.lang, element);
      element->push_back('"');
    } else if (o.datatype == rdf::vocab::kRdfLangString) {
      std::string nt;
      rdf::AppendNTriples(o, &nt);
      return Status::InvalidInput("literal " + nt + " has datatype rdf:langString but no language");
    } else if (!o.datatype.empty() && o.datatype != rdf::vocab::kXsdString) {
      element->append(" rdf:datatype=\"");
      AppendAttr(o.datatype, element);
      element->push_back('"');
    }
    element->push_back('>');
    AppendText(o.value, element);
    element->append("</" + qname + ">\n");
    return Status::Ok();
  }

  // Splits `iri` into a QName: a declared prefix when one fits, else a generated prefix
  // whose declaration goes into *decl (the header is already written).
  Status QName(std::string_view iri, std::string* qname, std::string* decl) {
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& p : prefixes_) {
      if (iri.size() > p.second.size() && iri.substr(0, p.second.size()) == p.second &&
          IsNcName(iri.substr(p.second.size())) &&
          (best == nullptr || p.second.size() > best->second.size())) {
        best = &p;
      }
    }
    std::string_view ns, local;
    if (best != nullptr) {
      ns = best->second;
      local = iri.substr(ns.size());
    } else {
      size_t at = LocalNameStart(iri);
      if (at == std::string_view::npos || at == 0) {
        return Status::InvalidInput("predicate <" + std::string(iri) +
                                    "> cannot be written in RDF/XML: it does not end in an XML "
                                    "name to split off as the element's local name");
      }
      ns = iri.substr(0, at);
      local = iri.substr(at);
      if (ns == kXmlNs || ns == kXmlnsNs) {
        return Status::InvalidInput("predicate <" + std::string(iri) +
                                    "> cannot be written in RDF/XML: its namespace is reserved");
      }
    }
    if (ns == rdf::vocab::kRdf && IsReservedRdfName(local)) {
      return Status::InvalidInput("predicate <" + std::string(iri) +
                                  "> cannot be written in RDF/XML: rdf:" + std::string(local) +
                                  " is RDF/XML syntax");
    }
    if (best != nullptr) {
      *qname = best->first + ":" + std::string(local);
      return Status::Ok();
    }
    *qname = GeneratedPrefix(ns) + ":" + std::string(local);
    *decl = " xmlns:" + qname->substr(0, qname->find(':')) + "=\"";
    AppendAttr(ns, decl);
    decl->push_back('"');
    return Status::Ok();
  }

  // The same namespace keeps its generated name, which makes files easier to read; the map
  // is reset when it grows large, to keep memory bounded (the names are only local anyway).
  const std::string& GeneratedPrefix(std::string_view ns) {
    auto it = generated_.find(std::string(ns));
    if (it != generated_.end()) return it->second;
    if (generated_.size() >= kMaxGenerated) {
      generated_.clear();
      next_generated_ = 1;
    }
    std::string name;
    do {
      name = "ns" + std::to_string(next_generated_++);
    } while (names_.count(name) != 0);
    return generated_.emplace(std::string(ns), std::move(name)).first->second;
  }

  static constexpr size_t kMaxGenerated = 4096;
  FILE* out_;
  std::vector<std::pair<std::string, std::string>> prefixes_;  // declared in the header
  std::set<std::string, std::less<>> names_;
  std::unordered_map<std::string, std::string> generated_;  // namespace -> nsN
  int next_generated_ = 1;
  bool started_ = false;
  bool open_ = false;  // an rdf:Description is open
  rdf::TermKind subject_kind_ = rdf::TermKind::kNone;
  std::string subject_;
};

}  // namespace

std::unique_ptr<QuadWriter> NewRdfXmlWriter(FILE* out, const PrefixList& prefixes) {
  return std::make_unique<RdfXmlWriter>(out, prefixes);
}

}  // namespace hamlet::io::internal
