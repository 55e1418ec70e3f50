// The REPL's dot-commands (.help, .prefix, .format, ...): their table and how a line is
// parsed into one. Running them is the session's job (session.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rdf/status.h"

namespace hamlet::repl {

struct DotCommandSpec {
  std::string_view name;   // ".format"
  std::string_view usage;  // ".format table|json|csv|tsv|ttl"
  std::string_view help;   // one line
  size_t min_args = 0;
  size_t max_args = 0;
  // The arguments are the rest of the line as one piece (a query, a label with spaces).
  bool rest_of_line = false;
};

const std::vector<DotCommandSpec>& DotCommands();

struct DotCommand {
  const DotCommandSpec* spec = nullptr;
  std::vector<std::string> args;  // split on white space; "quoted words" keep their spaces
  std::string rest;               // everything after the name, trimmed
};

// True when the line (after leading white space) starts with '.', i.e. is a dot-command
// rather than SPARQL.
bool IsDotCommand(std::string_view line);

// Parses a dot-command line. InvalidArgument for an unknown name ("unknown command .foo;
// .help lists them") or the wrong number of arguments (with the usage).
Result<DotCommand> ParseDotCommand(std::string_view line);

// The .help text: every command with its usage and help line.
std::string DotCommandHelp();

// The output formats .format accepts, and what they apply to.
const std::vector<std::string_view>& OutputFormatNames();

}  // namespace hamlet::repl
