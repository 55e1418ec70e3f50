// Reading lines on a terminal with libedit: editing, persistent history, Tab completion, and
// Ctrl-C, which abandons the line being typed (or cancels the running query, see below).
//
// Ctrl-C: InstallInterruptHandler() sets a SIGINT handler without SA_RESTART. While a line is
// read, the interrupted read() makes Read() return kInterrupted. While a query runs, the
// handler cancels the token given to SetInterruptTarget (CancellationToken::Cancel is one
// lock-free atomic store, safe in a signal handler).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "repl/completion.h"
#include "store/cancellation.h"

namespace hamlet::repl {

void InstallInterruptHandler();
// The token Ctrl-C cancels; nullptr: none. Set around each query.
void SetInterruptTarget(store::CancellationToken* token);
// True (once) when Ctrl-C was pressed since the last call.
bool ConsumeInterrupt();

class LineReader {
 public:
  using Completer = std::function<Completion(std::string_view line, size_t cursor)>;
  enum class Outcome { kLine, kInterrupted, kEof };

  // `history_path`: loaded now, saved after each entry (empty: no history file).
  static std::unique_ptr<LineReader> Create(const std::string& history_path, Completer completer);
  virtual ~LineReader() = default;

  // Shows `prompt` and reads one line (without its line break).
  virtual Outcome Read(const std::string& prompt, std::string* line) = 0;
  // Adds a statement (one or several lines) to the history and saves the history file.
  virtual void AddHistory(const std::string& entry) = 0;
};

}  // namespace hamlet::repl
