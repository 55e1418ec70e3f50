// `hamlet export --dcat-ap DIR --base-url URL`: a folder ready to publish on the European
// data portal. Layout (docs/export.md):
//   DIR/catalog.ttl, catalog.rdf, catalog.jsonld, catalog.nt   the DCAT-AP 3.0.1 catalogue
//   DIR/catalog-2.1.1.ttl   the same graph as DCAT-AP 2.1.1 wants it (dcat:byteSize as decimal)
//   DIR/void.ttl            VoID: sizes, classes, properties and linksets per dataset
//   DIR/download/...        the distribution files the catalogue lists, with size and SHA-1
// The bundle is built in DIR.partial and swapped with DIR in one atomic step at the end
// (renameat2 RENAME_EXCHANGE), so a failed or killed export leaves an existing DIR as it was.
// Where the file system cannot exchange, two renames are used; an export killed between them
// leaves DIR.old, which the next export moves back to DIR before it starts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rdf/status.h"
#include "store/store.h"

namespace hamlet::publish {

struct DcatBundleOptions {
  std::string dir;
  std::string base_url;     // absolute http(s) IRI; a missing final '/' is added
  std::string config_path;  // the catalogue configuration (JSON, see catalog_config.h)
};

struct DcatBundleSummary {
  size_t datasets = 0;
  size_t distributions = 0;
  uint64_t distribution_bytes = 0;
  std::vector<std::string> catalog_files;  // relative to dir
};

// Errors: InvalidArgument (bad base URL), NotFound/InvalidInput (configuration), IoError
// (cannot write DIR), InvalidInput (a term a format cannot express).
Result<DcatBundleSummary> WriteDcatBundle(const store::Snapshot& snapshot,
                                          const DcatBundleOptions& options);

// SHA-1 of a file as lower-case hex (the checksum DCAT-AP 2.1.1 accepts).
Result<std::string> FileSha1(const std::string& path);

}  // namespace hamlet::publish
