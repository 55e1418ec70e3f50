// `hamlet query`: runs a SPARQL query on the store and prints its results.
#pragma once

#include <string>

namespace hamlet::cli {

struct QueryArgs {
  std::string store;
  std::string text;    // -q
  std::string file;    // -f ("-" = stdin)
  std::string format;  // table json xml csv tsv (SELECT/ASK); nt ttl nq trig (CONSTRUCT/DESCRIBE)
  double timeout = 0;  // seconds, 0 = none
  std::string memory_limit;  // --memory-limit ("512M", "2G"); empty = the default (1 GiB)
  bool explain = false;
};

int RunQueryCommand(const QueryArgs& args);

}  // namespace hamlet::cli
