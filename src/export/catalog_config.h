// The small configuration of a DCAT-AP catalogue: what cannot be computed from the store
// (publisher, licence, contact point, the catalogue's own title and themes). Read from a
// JSON file (config/dcat-ap.json in the repository); every IRI in it that has no scheme is
// resolved against the bundle's --base-url.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rdf/status.h"

namespace hamlet::publish {

// Text in several languages: language tag -> text.
using LangText = std::map<std::string, std::string>;

struct LabelledIri {
  std::string iri;
  LangText label;
};

// Another dataset our IRIs point into (NUTS, an EU authority table): a VoID linkset target.
struct LinkTarget {
  std::string uri_space;  // IRIs starting with this belong to the target
  std::string dataset;    // the target dataset's IRI
  LangText title;
};

struct CatalogConfig {
  std::string catalog_iri;
  LangText catalog_title;
  LangText catalog_description;
  std::string homepage;  // "" in the file: the base URL itself
  std::string issued;    // xsd:date of the catalogue's first publication
  std::string catalog_language;
  LabelledIri theme_taxonomy;  // label = the scheme's dct:title

  std::string publisher_iri;
  LangText publisher_name;
  LabelledIri publisher_type;

  std::string contact_iri;
  std::string contact_name;
  std::string contact_email;

  std::string licence_iri;
  LabelledIri licence_type;

  std::vector<LabelledIri> themes;
  std::vector<std::string> subjects;
  std::map<std::string, std::vector<std::string>> keywords;  // language -> keywords
  std::string access_rights;
  std::string accrual_periodicity;
  LabelledIri availability;
  std::string download_path;    // where distribution files are published, below the base
  std::string sparql_endpoint;  // empty: no data service in the catalogue
  // A language is listed for a dataset when at least this share of its tagged literals use
  // it: one place name in Danish does not make a dataset Danish.
  double language_threshold = 0.05;
  uint64_t language_min_literals = 2;
  std::vector<LinkTarget> link_targets;
};

// Reads and checks the configuration, resolving relative IRIs against `base_url`
// (REQUIRES: an absolute http(s) IRI ending in '/').
// Errors: NotFound (no file), InvalidInput naming the file and the missing or bad field.
Result<CatalogConfig> LoadCatalogConfig(const std::string& path, const std::string& base_url);

}  // namespace hamlet::publish
