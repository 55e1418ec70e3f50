// Writing the store (all of it, or one graph) as RDF: what `hamlet export`, the REPL's
// `.export` and the DCAT-AP bundle's distribution files share.
//
// Thread safety: the functions are reentrant; a snapshot may be shared by several exports.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "io/syntax.h"
#include "io/writer.h"
#include "rdf/status.h"
#include "store/store.h"

namespace hamlet::publish {

struct GraphExportOptions {
  io::Syntax syntax = io::Syntax::kNQuads;
  // Empty: every graph for syntaxes that carry graphs (N-Quads, TriG, JSON-LD), else the
  // default graph. An IRI: only that named graph.
  std::string graph;
  // Drop graph names and write triples, so the file can be loaded into any graph: with
  // `graph` set, that graph's triples (a DCAT distribution of one factsheet graph); without,
  // the merge of every graph (a triple shared by two graphs is written twice, which readers
  // collapse). Else quads keep their graph in syntaxes that carry graphs.
  bool as_triples = false;
  // Only the default graph, whatever the syntax (the ontology's distribution).
  bool default_graph_only = false;
  // Prefixes declared in the output. Empty: the prefixes known to the store.
  io::PrefixList prefixes;
};

struct GraphExportSummary {
  uint64_t quads = 0;
  // Named graphs that a triples-only syntax left out (0 when a graph was chosen).
  size_t named_graphs_left_out = 0;
};

// Writes the quads selected by `options` to `out` (not closed; the caller owns it).
// Errors: NotFound when `options.graph` is not in the store; IoError when writing fails;
// InvalidInput when the syntax cannot express a term (e.g. an RDF/XML predicate).
Result<GraphExportSummary> ExportGraph(const store::Snapshot& snapshot,
                                       const GraphExportOptions& options, FILE* out);

// The same, to `path`. A regular file (or no file yet) is replaced atomically: the export goes
// to a temporary beside it, is synced and renamed over it, so a failed export leaves the old
// file (or none). A symbolic link is followed and its target treated the same way, so the
// link stays. Anything else (a FIFO, a device such as /dev/null or /dev/full) is written in
// place, since renaming over it would replace it. Every write, flush and close is checked.
// Errors: NotFound when the folder does not exist; InvalidInput when `path` is a folder;
// ResourceExhausted for a full disk or refused permission; IoError otherwise.
Result<GraphExportSummary> ExportGraphToFile(const store::Snapshot& snapshot,
                                             const GraphExportOptions& options,
                                             const std::string& path);

}  // namespace hamlet::publish
