#include "io/syntax.h"

#include <algorithm>

namespace hamlet::io {

Result<Syntax> SyntaxFromName(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "nt" || n == "ntriples" || n == "n-triples") return Syntax::kNTriples;
  if (n == "nq" || n == "nquads" || n == "n-quads") return Syntax::kNQuads;
  if (n == "ttl" || n == "turtle") return Syntax::kTurtle;
  if (n == "trig") return Syntax::kTriG;
  if (n == "jsonld" || n == "json-ld") return Syntax::kJsonLd;
  if (n == "rdfxml" || n == "rdf/xml" || n == "rdf-xml" || n == "xml" || n == "rdf") {
    return Syntax::kRdfXml;
  }
  return Status::InvalidArgument("unknown RDF format '" + std::string(name) +
                                 "' (expected nt, nq, ttl, trig, jsonld or rdfxml)");
}

Result<Syntax> SyntaxFromPath(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return Status::InvalidArgument("cannot tell the RDF format of '" + std::string(path) +
                                   "' from its name: use --format");
  }
  std::string_view ext = path.substr(dot + 1);
  // .owl files are RDF/XML by convention; "owl" is not a format name on its own.
  auto r = ext == "owl" || ext == "OWL" ? Result<Syntax>(Syntax::kRdfXml) : SyntaxFromName(ext);
  if (!r.ok()) {
    return Status::InvalidArgument("cannot tell the RDF format of '" + std::string(path) +
                                   "' from its extension (.nt .nq .ttl .trig .jsonld .rdf): "
                                   "use --format");
  }
  return r;
}

std::string_view SyntaxName(Syntax s) {
  switch (s) {
    case Syntax::kNTriples:
      return "nt";
    case Syntax::kNQuads:
      return "nq";
    case Syntax::kTurtle:
      return "ttl";
    case Syntax::kTriG:
      return "trig";
    case Syntax::kJsonLd:
      return "jsonld";
    case Syntax::kRdfXml:
      return "rdfxml";
  }
  return "?";
}

namespace {

struct SyntaxFacts {
  std::string_view extension, media_type, title;
};

SyntaxFacts Facts(Syntax s) {
  switch (s) {
    case Syntax::kNTriples:
      return {"nt", "application/n-triples", "N-Triples"};
    case Syntax::kNQuads:
      return {"nq", "application/n-quads", "N-Quads"};
    case Syntax::kTurtle:
      return {"ttl", "text/turtle", "Turtle"};
    case Syntax::kTriG:
      return {"trig", "application/trig", "TriG"};
    case Syntax::kJsonLd:
      return {"jsonld", "application/ld+json", "JSON-LD"};
    case Syntax::kRdfXml:
      return {"rdf", "application/rdf+xml", "RDF/XML"};
  }
  return {"", "application/octet-stream", "?"};
}

}  // namespace

std::string_view SyntaxExtension(Syntax s) {
  return Facts(s).extension;
}
std::string_view SyntaxMediaType(Syntax s) {
  return Facts(s).media_type;
}
std::string_view SyntaxTitle(Syntax s) {
  return Facts(s).title;
}

}  // namespace hamlet::io
