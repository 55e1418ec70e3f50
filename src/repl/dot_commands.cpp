#include "repl/dot_commands.h"

#include <algorithm>

namespace hamlet::repl {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string> SplitArgs(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    std::string arg;
    if (s[i] == '"' || s[i] == '\'') {
      char quote = s[i++];
      while (i < s.size() && s[i] != quote) arg += s[i++];
      ++i;
    } else {
      while (i < s.size() && s[i] != ' ' && s[i] != '\t') arg += s[i++];
    }
    out.push_back(std::move(arg));
  }
  return out;
}

}  // namespace

const std::vector<DotCommandSpec>& DotCommands() {
  static const std::vector<DotCommandSpec> kCommands = {
      {".help", ".help", "this list", 0, 0, false},
      {".prefixes", ".prefixes", "the prefixes in force (the store's and those you declared)", 0, 0,
       false},
      {".prefix", ".prefix p: <iri>", "declare a prefix for the rest of the session", 2, 2, false},
      {".format", ".format table|json|csv|tsv|xml|ttl|nt|nq|trig",
       "how results print (ttl, nt, nq, trig: CONSTRUCT/DESCRIBE)", 1, 1, false},
      {".timing", ".timing on|off", "show how long each query took", 1, 1, false},
      {".explain", ".explain [QUERY]",
       "run QUERY (or the last query) and show its algebra and plan with row counts", 0, 0, true},
      {".graphs", ".graphs", "the named graphs with their sizes", 0, 0, false},
      {".stats", ".stats", "quads, terms, graphs, most used predicates and classes", 0, 0, false},
      {".describe", ".describe IRI|prefix:name|label",
       "find a resource by IRI, prefixed name or label and show its facts with labels", 1, 1, true},
      {".load", ".load FILE [GRAPH]",
       "load an RDF file (.nt .nq .ttl .trig), atomically; GRAPH: into that named graph", 1, 2,
       false},
      {".export", ".export FILE [GRAPH]",
       "write the store (or one named graph) to FILE, syntax from its extension", 1, 2, false},
      {".read", ".read FILE.rq", "run the query saved in FILE (e.g. queries/q01-*.rq)", 1, 1,
       false},
      {".quit", ".quit", "leave (or Ctrl-D)", 0, 0, false},
  };
  return kCommands;
}

const std::vector<std::string_view>& OutputFormatNames() {
  static const std::vector<std::string_view> kNames = {"table", "json", "csv", "tsv", "xml",
                                                       "ttl",   "nt",   "nq",  "trig"};
  return kNames;
}

bool IsDotCommand(std::string_view line) {
  line = Trim(line);
  return !line.empty() && line.front() == '.';
}

Result<DotCommand> ParseDotCommand(std::string_view line) {
  line = Trim(line);
  size_t end = line.find_first_of(" \t");
  std::string_view name = line.substr(0, end);
  std::string_view rest = end == std::string_view::npos ? "" : Trim(line.substr(end));
  if (name == ".exit" || name == ".q") name = ".quit";
  const auto& all = DotCommands();
  auto it =
      std::find_if(all.begin(), all.end(), [&](const DotCommandSpec& s) { return s.name == name; });
  if (it == all.end()) {
    return Status::InvalidArgument("unknown command " + std::string(name) + "; .help lists them");
  }
  DotCommand cmd;
  cmd.spec = &*it;
  cmd.rest = std::string(rest);
  if (it->rest_of_line) {
    if (it->min_args > 0 && rest.empty()) {
      return Status::InvalidArgument("usage: " + std::string(it->usage));
    }
    return cmd;
  }
  cmd.args = SplitArgs(rest);
  if (cmd.args.size() < it->min_args || cmd.args.size() > it->max_args) {
    return Status::InvalidArgument("usage: " + std::string(it->usage));
  }
  return cmd;
}

std::string DotCommandHelp() {
  size_t width = 0;
  for (const auto& c : DotCommands()) width = std::max(width, c.usage.size());
  std::string out;
  for (const auto& c : DotCommands()) {
    out += std::string(c.usage) + std::string(width + 2 - c.usage.size(), ' ') +
           std::string(c.help) + "\n";
  }
  out +=
      "\nAnything else is SPARQL: a query runs as soon as it is complete (the parser decides; "
      "a\nfinal ';' is optional). Prefixes stay declared for the session. Tab completes "
      "keywords,\nprefixes, names from the store and variables. Ctrl-C cancels the input or "
      "a running query.\n";
  return out;
}

}  // namespace hamlet::repl
