// The RDF syntaxes Hamlet reads and writes, and how they are named on the command line.
#pragma once

#include <string>
#include <string_view>

#include "rdf/status.h"

namespace hamlet::io {

// kJsonLd and kRdfXml are written only (QuadWriter); the readers reject them.
enum class Syntax { kNTriples, kNQuads, kTurtle, kTriG, kJsonLd, kRdfXml };

// "nt"/"ntriples", "nq"/"nquads", "ttl"/"turtle", "trig", "jsonld"/"json-ld",
// "rdfxml"/"rdf/xml"/"xml"/"rdf". InvalidArgument otherwise.
Result<Syntax> SyntaxFromName(std::string_view name);
// From a file name's extension (.nt .nq .ttl .trig .jsonld .rdf .owl .xml). InvalidArgument
// when unknown.
Result<Syntax> SyntaxFromPath(std::string_view path);
// Short name ("nt", "nq", "ttl", "trig", "jsonld", "rdfxml").
std::string_view SyntaxName(Syntax s);
// The usual file extension, without the dot ("nt", "nq", "ttl", "trig", "jsonld", "rdf").
std::string_view SyntaxExtension(Syntax s);
// The IANA media type ("text/turtle", "application/ld+json", ...).
std::string_view SyntaxMediaType(Syntax s);
// The name people know it by ("N-Triples", "Turtle", "JSON-LD", "RDF/XML", ...).
std::string_view SyntaxTitle(Syntax s);
// True for syntaxes that carry named graphs.
inline bool HasGraphs(Syntax s) {
  return s == Syntax::kNQuads || s == Syntax::kTriG || s == Syntax::kJsonLd;
}
// True for syntaxes that io/reader.h can parse.
inline bool IsReadable(Syntax s) {
  return s != Syntax::kJsonLd && s != Syntax::kRdfXml;
}

}  // namespace hamlet::io
