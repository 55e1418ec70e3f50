// Streaming RDF writers (N-Triples, N-Quads, Turtle, TriG) on top of Serd.
//
// Quads are written as they come; Turtle and TriG output groups consecutive statements that
// share a subject (and predicate), so feeding quads sorted by graph and subject gives the
// most readable files. Turtle and N-Triples carry no graphs: the graph of each quad is
// ignored there (callers choose which graph to write).
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

namespace hamlet::io {

using PrefixList = std::vector<std::pair<std::string, std::string>>;  // (name, namespace IRI)

class QuadWriter {
 public:
  // Prefixes are declared at the top (Turtle, TriG) and used to shorten IRIs.
  static std::unique_ptr<QuadWriter> Create(Syntax syntax, FILE* out, const PrefixList& prefixes);
  ~QuadWriter();
  QuadWriter(const QuadWriter&) = delete;
  QuadWriter& operator=(const QuadWriter&) = delete;

  Status Write(const rdf::QuadView& q);
  // Flushes pending output (closing open blocks). REQUIRES: called once, after the last Write.
  Status Finish();

 private:
  struct Impl;
  explicit QuadWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Convenience: writes `quads` to a string in `syntax`.
std::string WriteToString(Syntax syntax, const std::vector<rdf::Quad>& quads,
                          const PrefixList& prefixes = {});

}  // namespace hamlet::io
