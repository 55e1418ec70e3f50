// hamlet: the command-line entry point. Only wiring: options are parsed here and handed
// to the commands in commands.h.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/parse_command.h"
#include "cli/query_command.h"
#include "repl/repl.h"

namespace {

// --timeout: seconds as a finite number >= 0. CLI11 reads "-1", "nan" and "inf" as doubles,
// and the engine treats any of them as "no limit", which is never what was meant.
std::string CheckTimeout(const std::string& text) {
  try {
    size_t used = 0;
    double v = std::stod(text, &used);
    if (used == text.size() && std::isfinite(v) && v >= 0) return "";
  } catch (const std::exception&) {
  }
  return "--timeout wants a number of seconds >= 0 (0 = no limit), got '" + text + "'";
}

// A command's output that never reached its destination (a full disk, a closed pipe) is a
// failure even when the command itself succeeded: buffered bytes are written only here.
int FinishOutput(int code) {
  std::cout.flush();
  bool failed = !std::cout.good();
  int err = 0;
  if (std::fflush(stdout) != 0) err = errno;
  failed = failed || err != 0 || std::ferror(stdout) != 0;
  if (!failed) return code;
  std::fprintf(stderr, "hamlet: writing the output failed%s%s\n", err != 0 ? ": " : "",
               err != 0 ? std::strerror(err) : "");
  if (code != hamlet::cli::kExitOk) return code;
  return err == ENOSPC || err == EDQUOT ? hamlet::cli::kExitResource : hamlet::cli::kExitInternal;
}

int Run(int argc, char** argv) {
  using namespace hamlet::cli;
  CLI::App app{
      "Hamlet: a knowledge-graph store for the EU Smart Villages field (RDF quads in RocksDB)."};
  app.set_version_flag("--version", "hamlet 0.1.0");
  app.require_subcommand(0, 1);
  std::string store = DefaultStoreDir();
  app.add_option("--store", store,
                 "Store folder (default: $HAMLET_STORE, else $XDG_DATA_HOME/hamlet/store, "
                 "else ~/.local/share/hamlet/store)")
      ->capture_default_str();
  app.footer(
      "Exit codes: 0 success, 1 bad input (malformed file or query, missing file or folder, "
      "timeout), 2 bad usage, 3 internal error (I/O failure, corrupt store), 4 resource "
      "problem (store in use, disk full, permission denied).\nRun 'hamlet COMMAND --help' for the "
      "options of a command.");

  LoadArgs load;
  auto* load_cmd = app.add_subcommand(
      "load", "Load RDF files into the store, atomically: all files land or none does");
  load_cmd->add_option("files", load.files, "Files to load (.nt .nq .ttl .trig; '-' = stdin)")
      ->required();
  load_cmd->add_option("--graph", load.graph,
                       "Put the files' default-graph triples into this named graph (IRI)");
  load_cmd->add_option("--format", load.format,
                       "Syntax of the files: nt, nq, ttl or trig "
                       "(default: from each file's extension)");
  load_cmd->add_option("--base", load.base, "Base IRI for relative IRIs (default: the file's IRI)");
  load_cmd->add_flag("-q,--quiet", load.quiet, "No progress display or summary");

  ExportArgs exp;
  auto* export_cmd = app.add_subcommand("export", "Write the store (or one graph) as RDF");
  export_cmd->add_option("--graph", exp.graph, "Only this named graph (IRI)");
  export_cmd->add_option("--format", exp.format,
                         "nt, nq, ttl, trig, jsonld or rdfxml (default: from -o's extension, "
                         "else nq). nt, ttl and rdfxml carry no graphs: without --graph they write "
                         "the default graph");
  export_cmd->add_option("-o,--output", exp.output, "Output file (default: standard output)");
  export_cmd->add_option("--dcat-ap", exp.dcat_dir,
                         "Write a DCAT-AP bundle into this folder instead: catalogue, VoID and one "
                         "distribution file per format for each named graph, the ontology and the "
                         "whole graph (see docs/export.md)");
  export_cmd->add_option("--base-url", exp.base_url,
                         "With --dcat-ap: the https URL the bundle will be published under "
                         "(download and dataset IRIs start with it)");
  export_cmd
      ->add_option("--config", exp.dcat_config,
                   "With --dcat-ap: publisher, licence and contact (JSON; default: "
                   "$HAMLET_DCAT_CONFIG, else the repository's config/dcat-ap.json)")
      ->capture_default_str();

  StatsArgs stats;
  auto* stats_cmd =
      app.add_subcommand("stats", "Print counts: quads, terms, graphs, predicates, classes");
  stats_cmd->add_option("--top", stats.top, "How many predicates, classes and graphs to list")
      ->capture_default_str();

  QueryArgs query;
  auto* query_cmd = app.add_subcommand("query", "Run a SPARQL 1.1 query on the store");
  query_cmd->add_option("-q,--query", query.text, "The query text");
  query_cmd->add_option("-f,--file", query.file, "A file holding the query (.rq; '-' = stdin)");
  query_cmd->add_option("--format", query.format,
                        "SELECT/ASK: table (default), json, xml, csv, tsv; "
                        "CONSTRUCT/DESCRIBE: ttl (default), nt, nq, trig");
  query_cmd
      ->add_option("--timeout", query.timeout,
                   "Stop the query after this many seconds (exit code 1); 0 = no limit")
      ->check(CheckTimeout)
      ->capture_default_str();
  query_cmd->add_option("--memory-limit", query.memory_limit,
                        "Memory the query's operators may hold (ORDER BY, GROUP BY, DISTINCT, "
                        "joins, paths), e.g. 256M or 2G; ORDER BY spills to disk beyond it, the "
                        "others stop with exit code 4 (default: 1G)");
  query_cmd->add_flag("--explain", query.explain,
                      "Print the algebra and the plan with estimated and actual rows per operator "
                      "instead of the results");

  std::string parse_file;
  bool parse_update = false;
  auto* parse_cmd = app.add_subcommand(
      "parse", "Parse a SPARQL query (.rq) or update (.ru) and print its algebra");
  parse_cmd->add_option("file", parse_file, "Query or update file ('-' = stdin)")->required();
  parse_cmd->add_flag("--update", parse_update, "Read an update (default: by extension, .ru)");

  hamlet::repl::ReplOptions repl;
  auto* repl_cmd = app.add_subcommand(
      "repl",
      "Explore the store interactively: SPARQL with completion, history and dot-commands "
      "(.help). Also what 'hamlet' alone starts on a terminal. With piped input it runs the "
      "statements read from stdin and prints plain results");
  repl_cmd
      ->add_option("--timeout", repl.timeout_seconds,
                   "Stop each query after this many seconds; 0 = no limit (Ctrl-C cancels a "
                   "query in any case)")
      ->check(CheckTimeout)
      ->capture_default_str();
  repl_cmd->add_option("--memory-limit", repl.memory_limit,
                       "Memory each query's operators may hold, e.g. 256M or 2G (default: 1G)");
  repl_cmd->add_option("--format", repl.format,
                       "table, json, csv, tsv, xml (SELECT/ASK) or ttl, nt, nq, trig "
                       "(CONSTRUCT/DESCRIBE); default: table on a terminal, tsv when piped; "
                       "the .format command changes it");
  repl_cmd->footer(
      "History: $HAMLET_HISTORY, else $XDG_DATA_HOME/hamlet/history, else "
      "~/.local/share/hamlet/history. Results longer than the screen go through $PAGER "
      "(default: less -FRX; PAGER= to turn off). Exit code when piped: 1 if a statement "
      "failed.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (*load_cmd) {
    load.store = store;
    return RunLoad(load);
  }
  if (*export_cmd) {
    exp.store = store;
    return RunExport(exp);
  }
  if (*query_cmd) {
    query.store = store;
    return RunQueryCommand(query);
  }
  if (*parse_cmd) return RunParse(parse_file, parse_update, std::cout, std::cerr);
  if (*stats_cmd) {
    stats.store = store;
    return RunStats(stats);
  }
  if (*repl_cmd || isatty(STDIN_FILENO)) {
    repl.store_dir = store;
    return ExitCodeFor(hamlet::repl::RunRepl(repl));
  }
  std::fputs(app.help().c_str(), stdout);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  return FinishOutput(Run(argc, argv));
}
