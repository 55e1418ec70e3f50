// The subcommands of `hamlet`. Each returns the process exit code (see exit_codes.h) and
// prints its own errors to stderr.
#pragma once

#include <string>
#include <vector>

namespace hamlet::cli {

// The store folder used when --store is not given: $HAMLET_STORE, else
// $XDG_DATA_HOME/hamlet/store, else ~/.local/share/hamlet/store.
std::string DefaultStoreDir();

// The DCAT-AP catalogue configuration used when --config is not given:
// $HAMLET_DCAT_CONFIG, else config/dcat-ap.json in the source tree Hamlet was built from.
std::string DefaultDcatConfig();

struct LoadArgs {
  std::string store;
  std::vector<std::string> files;
  std::string graph;
  std::string format;  // empty: from each file's extension
  std::string base;
  bool quiet = false;
};
int RunLoad(const LoadArgs& args);

struct ExportArgs {
  std::string store;
  std::string graph;     // empty: all graphs (nq, trig) or the default graph (nt, ttl)
  std::string format;    // empty: from the output's extension, else nq
  std::string output;    // empty or "-": stdout
  std::string dcat_dir;  // non-empty: write a DCAT-AP bundle there instead
  std::string base_url;
  std::string dcat_config = DefaultDcatConfig();
};
int RunExport(const ExportArgs& args);

struct StatsArgs {
  std::string store;
  int top = 10;
};
int RunStats(const StatsArgs& args);

}  // namespace hamlet::cli
