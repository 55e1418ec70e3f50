#include "repl/statement.h"

#include <algorithm>
#include <cctype>

#include "rdf/utf8.h"

namespace hamlet::repl {

namespace syntax = sparql::syntax;

namespace {

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Length of an IRIREF starting at s[i] == '<', or 0 when none can be read there (then '<'
// is the less-than operator, as in the grammar).
size_t IriRefLength(std::string_view s, size_t i) {
  for (size_t j = i + 1; j < s.size(); ++j) {
    unsigned char c = static_cast<unsigned char>(s[j]);
    if (c == '>') return j - i + 1;
    if (c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
        c == '`' || c == '\\') {
      return 0;
    }
  }
  return 0;
}

// The parser names the line where an unclosed group was opened: keep it in step with the
// error's own line.
void ShiftMessageLines(std::string* message, long delta) {
  static constexpr std::string_view kAt = " opened at line ";
  size_t at = message->find(kAt);
  if (at == std::string::npos) return;
  size_t start = at + kAt.size(), end = start;
  while (end < message->size() && std::isdigit(static_cast<unsigned char>((*message)[end]))) ++end;
  if (end == start) return;
  long line = std::stol(message->substr(start, end - start)) + delta;
  if (line < 1) return;
  message->replace(start, end - start, std::to_string(line));
}

// An error at the end of the input, placed after the last character typed rather than on
// the empty line after the final line break.
void PlaceAtEnd(std::string_view text, syntax::SyntaxError* error) {
  std::string_view t = TrimRight(text);
  size_t line_start = t.rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  error->offset = t.size();
  error->line = 1 + static_cast<size_t>(std::count(t.begin(), t.end(), '\n'));
  error->line_text = std::string(t.substr(line_start));
  error->column = 1 + rdf::utf8::CountCodePoints(error->line_text);
}

}  // namespace

bool IsBlank(std::string_view text) {
  bool comment = false;
  for (char c : text) {
    if (comment) {
      comment = c != '\n' && c != '\r';
    } else if (c == '#') {
      comment = true;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      return false;
    }
  }
  return true;
}

bool EndsInsideLongString(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '#') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '<') {
      size_t n = IriRefLength(s, i);
      i += n > 0 ? n : 1;
    } else if (c == '"' || c == '\'') {
      bool long_string = s.compare(i, 3, std::string(3, c)) == 0;
      i += long_string ? 3 : 1;
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == '\\') {
          i += 2;
        } else if (long_string && s.compare(i, 3, std::string(3, c)) == 0) {
          i += 3;
          closed = true;
          break;
        } else if (!long_string && (s[i] == c || s[i] == '\n')) {
          // A short string cannot span lines: the parser reports it; nothing to wait for.
          ++i;
          closed = true;
          break;
        } else {
          ++i;
        }
      }
      if (!closed && long_string) return true;
    } else {
      ++i;
    }
  }
  return false;
}

std::string PrologueLine(const io::PrefixList& prefixes) {
  std::string line;
  for (const auto& [name, iri] : prefixes) {
    line += "PREFIX " + name + ": <" + iri + "> ";
  }
  line += '\n';
  return line;
}

std::string WithPrologue(std::string_view statement, const io::PrefixList& prefixes) {
  return PrologueLine(prefixes) + std::string(statement);
}

void ShiftErrorLines(syntax::SyntaxError* error, size_t lines) {
  error->line += lines;
  ShiftMessageLines(&error->message, static_cast<long>(lines));
}

StatementCheck CheckStatement(std::string_view text, const io::PrefixList& prefixes) {
  StatementCheck out;
  if (IsBlank(text)) return out;
  std::string_view trimmed = TrimRight(text);
  if (trimmed.back() == ';') {
    // A ';' can also continue a triple pattern; it ends the statement only if what comes
    // before it is complete.
    StatementCheck before = CheckStatement(trimmed.substr(0, trimmed.size() - 1), prefixes);
    if (before.state == InputState::kComplete) {
      before.terminated = true;
      return before;
    }
  }
  const std::string prologue = PrologueLine(prefixes);
  const std::string full = prologue + std::string(text);
  auto query = syntax::ParseQuery(full);
  if (query.ok()) {
    out.state = InputState::kComplete;
    out.text = std::string(text);
    out.prefixes = query.value->prologue.prefixes;
    return out;
  }
  syntax::SyntaxError error = *query.error;
  auto update = syntax::ParseUpdate(full);
  // With the prologue line alone, an update request is valid but empty: that is still an
  // unfinished statement, not something to run.
  if (update.ok() && !update.value->operations.empty()) {
    out.state = InputState::kComplete;
    out.is_update = true;
    out.text = std::string(text);
    out.prefixes = update.value->operations.back().prologue.prefixes;
    return out;
  }
  if (!update.ok() && update.error->offset > error.offset) error = *update.error;
  const bool incomplete = error.offset >= full.size() || EndsInsideLongString(text);
  if (error.offset >= prologue.size()) {
    error.offset -= prologue.size();
    error.line -= 1;
    ShiftMessageLines(&error.message, -1);
  }
  if (incomplete) PlaceAtEnd(text, &error);
  out.state = incomplete ? InputState::kIncomplete : InputState::kError;
  out.error = std::move(error);
  return out;
}

}  // namespace hamlet::repl
