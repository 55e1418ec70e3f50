// Checks on the raw bytes of a document on their way to Serd: what Serd cannot be trusted
// with, each reported as FILE:LINE:COLUMN.
//
// - A NUL byte outside a string. Serd takes it there for the end of the input, so a NUL
//   silently ended an N-Quads load (and was skipped in the other syntaxes). Inside a
//   string it is the character U+0000, which the grammars allow and Serd reads correctly
//   (the W3C suites have such strings).
// - Ill-formed UTF-8 (rdf/utf8.h): Serd copies it through or rejects it without a position.
// - Nesting of '[' and '(' deeper than kMaxNesting. Serd parses them by recursion, about
//   0.5 KB of stack per level, and 20,000 levels overflowed the 8 MB stack of the parser
//   thread (SIGSEGV). A bound checked here, before Serd sees the bytes, holds whichever
//   thread parses and whatever its stack size, and costs nothing on real data (a handful of
//   levels); a bigger stack alone would only move the depth that crashes.
// - An IRI whose '<' has no '>' before the line or the input ends (Serd said "invalid IRI
//   character (escape %FFFFFFFF)" at the end of the input).
//
// To count brackets and find IRIs the guard follows the lexical structure Turtle, TriG,
// N-Triples and N-Quads share: IRIs, the four kinds of strings, comments and backslash
// escapes. It does not check the grammar; that stays Serd's job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hamlet::io {

class InputGuard {
 public:
  // Real documents nest a few levels; 1,000 levels need about 0.5 MB of Serd's stack.
  static constexpr size_t kMaxNesting = 1000;

  // Checks the next bytes of the document. Returns how many of them may go to the parser:
  // all of them, or those before the first problem (then failed() is true). Once failed,
  // returns 0.
  size_t Check(std::string_view bytes);
  // The input has ended: reports what was left open (a UTF-8 sequence, an IRI).
  void Finish();

  bool failed() const { return !message_.empty(); }
  // Where the problem starts (1-based; the column counts bytes, as Serd's do).
  size_t line() const { return fail_line_; }
  size_t column() const { return fail_column_; }
  const std::string& message() const { return message_; }

 private:
  enum class Lex : uint8_t { kCode, kIri, kComment, kOpenQuote, kShortString, kLongString };

  // Handles one ASCII byte; false when it is a problem.
  bool Step(char c);
  bool InString() const;
  // Checks the multi-byte character at the start of `rest` and returns its size; 0 when it
  // is ill-formed, or when it is cut by the end of `rest` (then it is kept in pending_).
  size_t CheckNonAscii(std::string_view rest);
  // Completes the character begun at the end of the previous chunk. Returns the bytes of
  // `bytes` it took; sets failed() when the character is ill-formed.
  size_t CompletePending(std::string_view bytes);
  // The length of the run at the start of `bytes` that cannot change the state: printable
  // ASCII that is not syntax in the current state.
  size_t PlainRun(std::string_view bytes) const;
  // Updates the state after a well-formed character outside ASCII of `length` bytes.
  void AfterCharacter(size_t length);
  void Fail(size_t line, size_t column, std::string message);

  Lex lex_ = Lex::kCode;
  char quote_ = 0;  // the quote character of the string being read
  int quotes_ = 0;  // consecutive quote characters seen (opening or closing a string)
  bool escape_ = false;
  size_t depth_ = 0;                      // open '[' and '('
  size_t line_ = 1, column_ = 1;          // of the next byte
  size_t iri_line_ = 0, iri_column_ = 0;  // of the '<' of the IRI being read
  std::string pending_;                   // a UTF-8 sequence cut by the end of a chunk
  size_t pending_line_ = 0, pending_column_ = 0;
  size_t fail_line_ = 0, fail_column_ = 0;
  std::string message_;
};

}  // namespace hamlet::io
