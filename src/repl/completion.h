// Tab completion candidates, computed from plain text so that they can be tested without a
// terminal: SPARQL keywords and functions, the session's prefixes, prefixed names the store
// knows (classes and properties first), variables of the statement being typed, dot-commands
// and their arguments.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "io/writer.h"

namespace hamlet::repl {

// Names the store knows, as prefixed names of the session's prefixes.
struct Vocabulary {
  std::vector<std::string> classes;     // most instances first
  std::vector<std::string> properties;  // most used first
  std::vector<std::string> resources;   // other typed resources, sorted
};

struct CompletionRequest {
  std::string_view previous;  // lines of the statement entered before the current one
  std::string_view line;      // the line being edited
  size_t cursor = 0;          // byte offset of the cursor in `line`
};

struct Completion {
  size_t word_start = 0;  // the word being completed is line[word_start, cursor)
  std::string word;
  std::vector<std::string> candidates;  // replacements for `word`, best first, no duplicates
  // True when a unique candidate is a whole token (a space may follow it); false for a
  // prefix name ("skos:") or a folder, which the user continues.
  bool whole_token = true;
};

// `vocabulary` is called only when a prefixed name is being completed (building it reads
// the store).
Completion Complete(const CompletionRequest& request, const io::PrefixList& prefixes,
                    const std::function<const Vocabulary&()>& vocabulary);

// The longest common prefix of `words` (bytes; never splits a UTF-8 sequence).
std::string CommonPrefix(const std::vector<std::string>& words);

// The SPARQL 1.1 keywords and built-in function names, upper case.
const std::vector<std::string_view>& SparqlKeywords();

}  // namespace hamlet::repl
