// Deciding when a statement typed over several lines is complete, by parsing it.
//
// The REPL keeps the session's prefixes (the store's and those declared by earlier queries)
// and puts them in front of every statement as one line of PREFIX declarations, so the user
// never repeats them; error positions are reported in the user's own text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "io/writer.h"
#include "sparql/syntax/parser.h"

namespace hamlet::repl {

enum class InputState {
  kEmpty,       // only white space and comments
  kIncomplete,  // the parser ran out of input: read another line
  kComplete,    // a whole query (or update): run it
  kError,       // a syntax error before the end of the input
};

struct StatementCheck {
  InputState state = InputState::kEmpty;
  // kComplete: the statement as typed, without a terminating ';'.
  std::string text;
  // kComplete: true for a SPARQL Update request (INSERT DATA, LOAD, ...).
  bool is_update = false;
  // kComplete: ended by ';', so nothing after it belongs to the statement.
  bool terminated = false;
  // kError, kIncomplete (what the parser expected at the end): line, column, offset and
  // line_text refer to the user's text.
  std::optional<sparql::syntax::SyntaxError> error;
  // kComplete: every prefix in force at the end of the statement's prologue (the session's
  // and the statement's own declarations).
  io::PrefixList prefixes;
};

// The prefixes as PREFIX declarations on a single line, ending in '\n'.
std::string PrologueLine(const io::PrefixList& prefixes);

// The text to hand to the engine: the prologue line, then the statement.
std::string WithPrologue(std::string_view statement, const io::PrefixList& prefixes);

// Parses `text` (the lines typed so far, joined with '\n') as a query, or as an update when
// it does not start like a query. A final ';' ends a statement explicitly.
StatementCheck CheckStatement(std::string_view text, const io::PrefixList& prefixes);

// True when `text` holds only white space and '#' comments.
bool IsBlank(std::string_view text);

// True when the text ends inside a long string ("""...) that a following line may close.
bool EndsInsideLongString(std::string_view text);

// Moves a syntax error found in the user's text down by `lines` lines (for errors reported
// at their line in a script rather than in the statement), line numbers in its message too
// ("... the group opened at line 2").
void ShiftErrorLines(sparql::syntax::SyntaxError* error, std::size_t lines);

}  // namespace hamlet::repl
