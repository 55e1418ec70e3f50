// A REPL session on one store: the prefixes in force, the output format, and what running a
// statement or a dot-command does. Knows nothing of terminals: output goes to a Printer, so
// tests drive a session directly.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/writer.h"
#include "rdf/status.h"
#include "repl/completion.h"
#include "repl/dot_commands.h"
#include "repl/statement.h"
#include "repl/terminal_table.h"
#include "sparql/engine/query_engine.h"
#include "store/cancellation.h"
#include "store/store.h"

namespace hamlet::repl {

// Where a session's output goes.
class Printer {
 public:
  virtual ~Printer() = default;
  // Results and the output of dot-commands (a terminal pages it when longer than the screen).
  virtual void Out(const std::string& text) = 0;
  // Row counts, timings, notes: beside the results on a terminal, to stderr when scripted.
  virtual void Info(const std::string& text) = 0;
  // Errors.
  virtual void Error(const std::string& text) = 0;
  // Columns available for tables; 0: no limit.
  virtual size_t Width() const = 0;
};

struct SessionOptions {
  double timeout_seconds = 0;     // per query; 0: no limit
  size_t memory_limit_bytes = 0;  // per query; 0: the engine's default
  std::string format = "table";
  bool timing = true;
  // A person at a terminal: row counts always print; scripted, only with .timing on.
  bool interactive = true;
};

class Session {
 public:
  // `store` and `printer` are not owned and must outlive the session.
  Session(store::Store* store, SessionOptions options, Printer* printer);

  // Declares the prefixes of the store's files (the ontology's among them).
  Status Init();

  // Runs a complete statement (from CheckStatement). Errors are printed; the Status says
  // whether it failed (Cancelled when `cancel` fired).
  Status RunStatement(const StatementCheck& statement,
                      const store::CancellationToken* cancel = nullptr);
  // Prints a syntax error with the line and a caret; `where` (e.g. "queries/x.rq") goes in
  // front when not empty.
  void ReportSyntaxError(const sparql::syntax::SyntaxError& error, const std::string& where = "");

  // Runs a dot-command line. Errors are printed and returned.
  Status RunDotCommand(std::string_view line, const store::CancellationToken* cancel = nullptr);

  bool quit_requested() const { return quit_; }
  const io::PrefixList& prefixes() const { return prefixes_; }
  const SessionOptions& options() const { return options_; }
  // Adds (or redefines) prefixes for the rest of the session.
  void Declare(const io::PrefixList& prefixes);
  // Prefixed names of the store's classes, properties and typed resources, built on first
  // use and again after a .load or a new prefix.
  const Vocabulary& vocabulary();

 private:
  Status Fail(const Status& s);
  Result<sparql::QueryResult> Run(std::string_view text, const store::CancellationToken* cancel,
                                  double* ms, bool explain = false);
  Status PrintResult(const sparql::QueryResult& r, double ms);
  Status Explain(const std::string& rest, const store::CancellationToken* cancel);
  Status Describe(const std::string& what, const store::CancellationToken* cancel);
  Status Graphs();
  Status Stats();
  Status Load(const DotCommand& cmd);
  Status Export(const DotCommand& cmd);
  Status Read(const std::string& path, const store::CancellationToken* cancel);
  Status SetFormat(const std::string& name);
  std::string Footer(size_t count, const char* one, const char* many, double ms) const;
  TableLayout Layout() const;

  store::Store* store_;
  SessionOptions options_;
  Printer* printer_;
  io::PrefixList prefixes_;
  std::optional<Vocabulary> vocabulary_;
  std::string last_query_;  // as typed, for a bare .explain
  bool quit_ = false;
};

}  // namespace hamlet::repl
