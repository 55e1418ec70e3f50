// Finding where in a document something is, for error messages about problems found after
// the parser has moved on (an undefined prefix, an invalid IRI, an escaped surrogate).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hamlet::io {

struct TextPosition {
  size_t line = 0;    // 1-based
  size_t column = 0;  // 1-based, in bytes
};

// Returns the column (0-based) of the first match in `line`, or npos.
using LineMatcher = std::function<size_t(std::string_view line)>;

// The first line of the file (or text) where `match` finds something. Reads the file line by
// line: memory stays flat. nullopt when nothing matches or the file cannot be read.
std::optional<TextPosition> FindInFile(const std::string& path, const LineMatcher& match);
std::optional<TextPosition> FindInText(std::string_view text, const LineMatcher& match);

// Matchers: a literal token (not preceded by a name character), and a \u or \U escape of a
// UTF-16 surrogate code point.
LineMatcher MatchToken(std::string token);
LineMatcher MatchSurrogateEscape();

}  // namespace hamlet::io
