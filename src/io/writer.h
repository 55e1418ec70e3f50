// Streaming RDF writers: N-Triples, N-Quads, Turtle, TriG (on Serd), JSON-LD and RDF/XML.
//
// Quads are written as they come; Turtle, TriG, JSON-LD and RDF/XML group consecutive
// statements that share a subject (and graph), so feeding quads sorted by graph and subject
// gives the most readable files. Turtle, N-Triples and RDF/XML carry no graphs: the graph of
// each quad is ignored there (callers choose which graph to write).
//
// JSON-LD: one compacted document {"@context": {prefixes}, "@graph": [node objects]}; the
// quads of a named graph go into {"@id": graph, "@graph": [...]} objects. The statements of
// one run of graph+subject are held in memory until the subject changes (a JSON object may
// not repeat a key), nothing more.
// RDF/XML: one rdf:Description per run of subject; predicates are split into namespace and
// local name, using the prefixes given and otherwise a namespace declared on the element.
//
// Errors: Write returns InvalidInput for a statement the syntax cannot express (in RDF/XML a
// predicate with no XML local name, such as one ending in '/', or a literal holding a
// character XML 1.0 forbids; in any syntax a literal or blank-node predicate, or a term that
// is not well-formed UTF-8, which a store written by an older Hamlet may hold), naming the
// term; nothing of that statement is written and the writer stays usable. IoError when the
// output fails.
//
// Ownership: the writer does not own the FILE*; it must outlive the writer.
// Thread safety: one writer per thread.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/syntax.h"
#include "rdf/status.h"
#include "rdf/term.h"
#include "rdf/text.h"

namespace hamlet::io {

using PrefixList = rdf::PrefixList;  // (name, namespace IRI)

class QuadWriter {
 public:
  // Prefixes are declared at the top (Turtle, TriG, JSON-LD @context, RDF/XML xmlns) and used
  // to shorten IRIs. A prefix the syntax cannot declare (in JSON-LD the empty one, in RDF/XML
  // a name that is not an XML NCName) is left out; a later duplicate name is ignored.
  // Never returns null; nothing is written before the first Write or Finish.
  static std::unique_ptr<QuadWriter> Create(Syntax syntax, FILE* out, const PrefixList& prefixes);
  virtual ~QuadWriter() = default;
  QuadWriter(const QuadWriter&) = delete;
  QuadWriter& operator=(const QuadWriter&) = delete;

  // REQUIRES: Finish not yet called. The terms need only stay valid during the call.
  virtual Status Write(const rdf::QuadView& q) = 0;
  // Flushes pending output (closing open blocks). REQUIRES: called once, after the last Write.
  virtual Status Finish() = 0;

 protected:
  QuadWriter() = default;
};

// Convenience: writes `quads` to `*out` in `syntax`. Returns the first error of any Write
// (the statement is left out, the rest is written) or of Finish.
Status WriteToString(Syntax syntax, const std::vector<rdf::Quad>& quads, const PrefixList& prefixes,
                     std::string* out);
// Same, for callers that know every statement is expressible: errors are dropped.
std::string WriteToString(Syntax syntax, const std::vector<rdf::Quad>& quads,
                          const PrefixList& prefixes = {});

}  // namespace hamlet::io
