// Escaping text for XML 1.0 output: the RDF/XML writer and the SPARQL XML results writer.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace hamlet::rdf {

// Appends `s` escaped for character data (`attribute` false) or for an attribute value in
// double quotes (`attribute` true). CR is always a reference, because XML parsers turn a raw
// CR (and CR LF) into LF; in attributes tab and LF are references too, because attribute-value
// normalisation would turn them into spaces; '>' is escaped so that "]]>" never appears.
// Other control characters are written as references, which XML 1.0 parsers reject: callers
// that must produce well-formed XML refuse such text first.
inline void AppendXmlEscaped(std::string_view s, bool attribute, std::string* out) {
  for (unsigned char c : s) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append(attribute ? "&quot;" : "\"");
        break;
      case '\r':
        out->append("&#xD;");
        break;
      case '\n':
      case '\t':
        if (attribute) {
          out->append(c == '\n' ? "&#xA;" : "&#x9;");
        } else {
          out->push_back(static_cast<char>(c));
        }
        break;
      default:
        if (c < 0x20) {
          char buf[12];
          std::snprintf(buf, sizeof buf, "&#x%X;", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
}

}  // namespace hamlet::rdf
