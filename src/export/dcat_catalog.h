// The DCAT-AP 3.0.1 catalogue (and its VoID companion) as RDF quads, built from the store's
// facts, the configuration and the distribution files already written.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "export/catalog_config.h"
#include "export/store_facts.h"
#include "io/syntax.h"
#include "io/writer.h"
#include "rdf/term.h"

namespace hamlet::publish {

struct DistributionFile {
  io::Syntax syntax = io::Syntax::kTurtle;
  std::string path;  // relative to the bundle folder, e.g. "download/factsheet-austria-1.ttl"
  uint64_t bytes = 0;
  std::string sha1;  // lower-case hex
};

struct DatasetEntry {
  enum class Kind { kNamedGraph, kWholeGraph, kOntology };
  Kind kind = Kind::kNamedGraph;
  std::string slug;                   // the last segment of the dataset's IRI
  const GraphFacts* facts = nullptr;  // REQUIRES: non-null, outlives the call
  std::vector<DistributionFile> files;
};

// The two DCAT-AP releases disagree on the datatype of dcat:byteSize; everything else in
// the catalogue is the same graph.
enum class DcatRelease { k3_0_1, k2_1_1 };

// The catalogue graph (triples in the default graph). `base_url` ends in '/'.
std::vector<rdf::Quad> BuildCatalog(const CatalogConfig& config, const StoreFacts& facts,
                                    const std::vector<DatasetEntry>& datasets,
                                    const std::string& base_url, DcatRelease release);

// VoID: per dataset its size, distinct subjects/objects, classes, properties, and linksets
// into the configured link targets.
std::vector<rdf::Quad> BuildVoid(const CatalogConfig& config,
                                 const std::vector<DatasetEntry>& datasets,
                                 const std::string& base_url);

// `text` (an IRI or a path) as a name for files and IRIs: its lower-case letters and digits
// after the scheme, every run of other characters as one '-' ("…/graph/factsheet/austria/1"
// -> "…-graph-factsheet-austria-1").
std::string Slug(const std::string& text);

// The IRI of a dataset in the catalogue.
std::string DatasetIri(const std::string& base_url, const std::string& slug);

// Prefixes for writing the catalogue readably.
io::PrefixList CatalogPrefixes();

}  // namespace hamlet::publish
