// `hamlet repl`: the interactive session on a terminal (libedit, completion, paging, Ctrl-C),
// or, when standard input is not a terminal, a script runner that reads statements from it
// and prints plain results.
#pragma once

#include <string>

#include "rdf/status.h"

namespace hamlet::repl {

struct ReplOptions {
  std::string store_dir;
  double timeout_seconds = 0;  // per query; 0: no limit
  std::string memory_limit;    // per query ("512M"); empty: the engine's default
  std::string format;          // empty: table on a terminal, tsv when scripted
  std::string history_path;    // empty: DefaultHistoryPath()
};

// $HAMLET_HISTORY, else $XDG_DATA_HOME/hamlet/history, else ~/.local/share/hamlet/history.
std::string DefaultHistoryPath();

// Runs the REPL until .quit or the end of input. Every error is printed where it happens;
// the result is the first failure (store not opened, statement failed), for the exit code.
Status RunRepl(const ReplOptions& options);

}  // namespace hamlet::repl
