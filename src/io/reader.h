// Streaming RDF readers (N-Triples, N-Quads, Turtle, TriG) on top of Serd.
//
// Memory stays flat for any input size: the input is read in pages and each quad is handed
// to the sink as soon as it is parsed. Terms in the QuadView passed to the sink point into
// Serd's buffers and are valid only during the call.
//
// Errors: the first syntax error stops reading and comes back as InvalidInput with the
// message "FILE:LINE:COL: what was wrong". A non-OK status returned by the sink stops
// reading and is returned as is. JSON-LD and RDF/XML are written only: reading them returns
// InvalidArgument before any input is touched.
//
// Thread safety: each call is independent; calls may run concurrently on different inputs.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/syntax.h"
#include "rdf/status.h"
#include "rdf/term.h"

namespace hamlet::io {

using QuadSink = std::function<Status(const rdf::QuadView&)>;

struct ReadOptions {
  Syntax syntax = Syntax::kNTriples;
  // Base IRI for relative IRIs. Empty: relative IRIs are an error.
  std::string base_iri;
  // Put in front of every blank-node label, so that blank nodes of different inputs never
  // meet. Must consist of letters, digits and '_' only.
  std::string blank_prefix;
  // When set, receives the number of bytes consumed so far (for progress displays).
  std::atomic<uint64_t>* bytes_read = nullptr;
  // When set, receives each @prefix / PREFIX declaration (name, IRI).
  std::function<void(std::string_view, std::string_view)> on_prefix;
  // Validate every term: IRIs with rdf::CheckAbsoluteIri, and no escaped UTF-16 surrogate
  // in any string. A caller that sees the same terms many times (the loader) may turn this
  // off and call ValidateTerm once per distinct term itself.
  bool validate_terms = true;
};

// Reads `path` ("-" for standard input). `display_name` is used in error messages; when
// empty, `path` is used ("<stdin>" for "-").
Status ReadFile(const std::string& path, const ReadOptions& options, const QuadSink& sink,
                const std::string& display_name = {});

// Reads an in-memory document; `name` is used in error messages.
Status ReadString(std::string_view text, const std::string& name, const ReadOptions& options,
                  const QuadSink& sink);

// Convenience for tests and small documents: reads everything into a vector.
Result<std::vector<rdf::Quad>> ReadAllQuads(const std::string& path, const ReadOptions& options);

// The checks `validate_terms` applies to one term. On failure, *locate (when non-null)
// receives a matcher that finds the offending text in the document, for its position.
Status ValidateTerm(const rdf::TermView& t,
                    std::function<size_t(std::string_view)>* locate = nullptr);

// The file: IRI of a local path (made absolute), usable as a base IRI.
std::string FileIri(const std::string& path);

}  // namespace hamlet::io
