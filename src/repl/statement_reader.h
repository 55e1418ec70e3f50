// Cuts a stream of lines into statements and dot-commands, the parser deciding where a
// statement ends (see statement.h).
//
// A statement that parses is run at once, unless more input is already waiting (a script,
// or a query pasted at the prompt): then the next line is read first, and it continues the
// statement unless the parser rejects it right at its first token ("LIMIT 5" after the
// closing brace continues; "SELECT" starts the next statement). The same look-ahead lets a
// following GROUP BY fix "variable is not grouped". After a syntax error, waiting lines that
// cannot start a statement are the rest of the broken one and are skipped.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "io/writer.h"
#include "repl/statement.h"

namespace hamlet::repl {

class LineSource {
 public:
  enum class Outcome { kLine, kInterrupted, kEnd };
  virtual ~LineSource() = default;
  // Reads one line without its line break. `continuation`: a statement is being continued
  // (a terminal shows another prompt).
  virtual Outcome Read(bool continuation, std::string* line) = 0;
  // True when a line can be read without waiting for the user.
  virtual bool Pending() = 0;
};

struct InputItem {
  enum class Kind {
    kStatement,    // `check` is complete: run it
    kDotCommand,   // `text` is the command line (for .explain, maybe several lines)
    kSyntaxError,  // `check.error`
    kUnfinished,   // the input ended inside a statement: `check.error` says what was expected
    kInterrupted,  // Ctrl-C while typing: the partial statement was dropped
    kEnd,
  };
  Kind kind = Kind::kEnd;
  StatementCheck check;
  std::string text;          // the lines as typed, joined with '\n' (for the history)
  size_t first_line = 0;     // 1-based number of its first line in the input
  size_t skipped_lines = 0;  // lines of a broken statement skipped before this item
};

class StatementReader {
 public:
  // `source` is not owned. `prefixes` gives the session's prefixes at the time of parsing
  // (they change as statements declare new ones).
  StatementReader(LineSource* source, std::function<const io::PrefixList&()> prefixes);

  InputItem Next();

  // The lines of the statement being typed (for completion).
  const std::string& buffer() const { return buffer_; }

 private:
  bool ReadLine(bool continuation, std::string* line, LineSource::Outcome* outcome);
  InputItem Finish(InputItem::Kind kind, StatementCheck check);
  // For ".explain QUERY" over several lines: true while the query is incomplete.
  bool ExplainIncomplete() const;

  LineSource* source_;
  std::function<const io::PrefixList&()> prefixes_;
  std::string buffer_;
  size_t first_line_ = 0;
  size_t number_ = 0;                                   // lines read from the source
  std::optional<std::pair<std::string, size_t>> held_;  // a line read ahead, with its number
  bool after_error_ = false;
  size_t skipped_ = 0;
};

}  // namespace hamlet::repl
