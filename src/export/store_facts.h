// What the DCAT-AP catalogue and the VoID description say about each graph, computed from
// the store with SPARQL queries (the queries are in store_facts.cpp, so what each catalogue
// field comes from can be read there and in docs/export.md).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "export/catalog_config.h"
#include "rdf/status.h"
#include "store/store.h"

namespace hamlet::publish {

// Triples of one graph whose object lies in a link target, per predicate.
struct LinkCount {
  std::string target_dataset;
  std::string predicate;
  uint64_t triples = 0;
};

struct GraphFacts {
  std::string graph;  // IRI; empty for the default graph
  std::string label;  // the graph's rdfs:label (English preferred)
  // Its primary topic (a factsheet version): title, version, source page, last update.
  std::string topic;
  std::string title;
  std::string version;
  std::string page;
  std::string last_update;  // xsd:date lexical form, empty when the data has none
  // Places: what the topic is about (country table or NUTS IRIs) and their countries.
  std::vector<std::string> places;
  std::vector<std::string> place_labels;
  // Years covered by the programming periods the graph refers to (0 when none).
  int first_year = 0;
  int last_year = 0;
  std::vector<std::string> languages;  // language tags above the configured share
  // VoID.
  uint64_t triples = 0;
  uint64_t distinct_subjects = 0;
  uint64_t distinct_objects = 0;
  uint64_t properties = 0;
  uint64_t classes = 0;
  std::vector<LinkCount> links;
};

// The ontology in the default graph (an owl:Ontology), if any.
struct OntologyFacts {
  std::string iri;                             // empty: the default graph holds no owl:Ontology
  std::map<std::string, std::string> label;    // language -> rdfs:label
  std::map<std::string, std::string> comment;  // language -> rdfs:comment
  std::string version;
  std::string licence;
};

struct StoreFacts {
  std::vector<GraphFacts> graphs;  // the named graphs, by IRI
  GraphFacts default_graph;        // graph = ""
  GraphFacts whole;                // all graphs together (graph = "")
  OntologyFacts ontology;
};

// Runs the queries. Errors: whatever the store or the engine report (never a bad query:
// the queries are fixed).
Result<StoreFacts> CollectStoreFacts(const store::Snapshot& snapshot, const CatalogConfig& config);

}  // namespace hamlet::publish
