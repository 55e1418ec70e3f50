#include "repl/repl.h"

#include "sparql/exec/memory_budget.h"

#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <langinfo.h>
#include <algorithm>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>

#include "repl/line_reader.h"
#include "repl/session.h"
#include "repl/statement_reader.h"

namespace hamlet::repl {

namespace {

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

bool OnPath(const std::string& program) {
  std::string path = Env("PATH");
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::string dir = path.substr(start, end - start);
    if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

class TerminalPrinter : public Printer {
 public:
  TerminalPrinter() {
    const char* pager = std::getenv("PAGER");
    if (pager != nullptr) {
      pager_ = pager;  // set but empty: no pager
    } else if (OnPath("less")) {
      pager_ = "less -FRX";
    }
  }
  void Out(const std::string& text) override {
    size_t lines = std::count(text.begin(), text.end(), '\n');
    struct winsize ws {};
    size_t rows = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 ? ws.ws_row : 0;
    if (!pager_.empty() && rows > 0 && lines + 2 > rows) {
      std::fflush(stdout);
      if (FILE* p = popen(pager_.c_str(), "w")) {
        std::fwrite(text.data(), 1, text.size(), p);  // EPIPE when the pager quits early
        pclose(p);
        ConsumeInterrupt();  // Ctrl-C in the pager is the pager's
        return;
      }
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  }
  void Info(const std::string& text) override {
    std::fputs(text.c_str(), stdout);
    std::fflush(stdout);
  }
  void Error(const std::string& text) override {
    std::fflush(stdout);
    std::fputs(text.c_str(), stderr);
    std::fflush(stderr);
  }
  size_t Width() const override {
    struct winsize ws {};
    return ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 0;
  }

 private:
  std::string pager_;
};

class PlainPrinter : public Printer {
 public:
  void Out(const std::string& text) override {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  }
  void Info(const std::string& text) override { Error(text); }
  void Error(const std::string& text) override {
    std::fflush(stdout);
    std::fputs(text.c_str(), stderr);
  }
  size_t Width() const override { return 0; }
};

// Lines typed at the terminal. Pending: more input (a paste) is already in the terminal's
// buffer; libedit reads it one byte at a time, so the rest stays there.
class TerminalSource : public LineSource {
 public:
  explicit TerminalSource(LineReader* reader) : reader_(reader) {}
  Outcome Read(bool continuation, std::string* line) override {
    switch (reader_->Read(continuation ? "   ...> " : "hamlet> ", line)) {
      case LineReader::Outcome::kLine:
        return Outcome::kLine;
      case LineReader::Outcome::kInterrupted:
        return Outcome::kInterrupted;
      case LineReader::Outcome::kEof:
        break;
    }
    return Outcome::kEnd;
  }
  bool Pending() override {
    struct pollfd p {};
    p.fd = STDIN_FILENO;
    p.events = POLLIN;
    return poll(&p, 1, 5) > 0 && (p.revents & POLLIN) != 0;
  }

 private:
  LineReader* reader_;
};

// Lines of a script on standard input: all of it is there to read ahead.
class StreamSource : public LineSource {
 public:
  Outcome Read(bool, std::string* line) override {
    if (!std::getline(std::cin, *line)) return Outcome::kEnd;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return Outcome::kLine;
  }
  bool Pending() override { return true; }
};

// libedit expects a UTF-8 locale to handle non-ASCII input.
void UseUtf8Locale() {
  if (std::setlocale(LC_CTYPE, "") != nullptr &&
      std::string_view(nl_langinfo(CODESET)) == "UTF-8") {
    return;
  }
  if (std::setlocale(LC_CTYPE, "C.UTF-8") == nullptr) std::setlocale(LC_CTYPE, "");
}

// Runs what the reader yields until .quit or the end. `where` names the input in errors
// ("stdin" for a script, whose errors give the line in the script).
Status Loop(Session& session, StatementReader& reader, Printer& printer, const char* where,
            const std::function<void(const InputItem&)>& remember) {
  Status first_failure;
  auto record = [&](const Status& s) {
    if (!s.ok() && first_failure.ok()) first_failure = s;
  };
  while (!session.quit_requested()) {
    InputItem item = reader.Next();
    if (item.skipped_lines > 0) {
      printer.Info(fmt::format("(skipped {} more line{} of the statement with the error)\n",
                               item.skipped_lines, item.skipped_lines == 1 ? "" : "s"));
    }
    if (item.kind == InputItem::Kind::kEnd) break;
    if (item.kind == InputItem::Kind::kInterrupted) continue;
    remember(item);
    store::CancellationToken token;
    SetInterruptTarget(&token);
    switch (item.kind) {
      case InputItem::Kind::kStatement:
        record(session.RunStatement(item.check, &token));
        break;
      case InputItem::Kind::kDotCommand:
        record(session.RunDotCommand(item.text, &token));
        break;
      case InputItem::Kind::kSyntaxError:
      case InputItem::Kind::kUnfinished: {
        sparql::syntax::SyntaxError error = *item.check.error;
        if (*where != '\0') ShiftErrorLines(&error, item.first_line - 1);
        session.ReportSyntaxError(error, where);
        record(Status::InvalidInput("syntax error"));
        break;
      }
      default:
        break;
    }
    SetInterruptTarget(nullptr);
    ConsumeInterrupt();
  }
  return first_failure;
}

Status Interactive(Session& session, const ReplOptions& options, store::Store& store,
                   Printer& printer) {
  UseUtf8Locale();
  InstallInterruptHandler();
  signal(SIGPIPE, SIG_IGN);  // a pager that quits early must not end the session
  StatementReader* statements = nullptr;
  auto reader = LineReader::Create(
      options.history_path.empty() ? DefaultHistoryPath() : options.history_path,
      [&](std::string_view line, size_t cursor) {
        return Complete(CompletionRequest{statements->buffer(), line, cursor}, session.prefixes(),
                        [&]() -> const Vocabulary& { return session.vocabulary(); });
      });
  TerminalSource source(reader.get());
  StatementReader statement_reader(&source,
                                   [&]() -> const io::PrefixList& { return session.prefixes(); });
  statements = &statement_reader;
  auto stats = store.GetSnapshot()->GetStatistics();
  printer.Info(fmt::format("Hamlet on {} ({} quads). .help lists the commands; Ctrl-D leaves.\n",
                           store.dir(), stats.ok() ? std::to_string(stats->quads) : "?"));
  Loop(session, statement_reader, printer, "", [&](const InputItem& item) {
    if (item.kind != InputItem::Kind::kUnfinished) reader->AddHistory(item.text);
  });
  // At a terminal, failed statements were shown and fixed: leaving is a success.
  return Status::Ok();
}

}  // namespace

std::string DefaultHistoryPath() {
  if (std::string h = Env("HAMLET_HISTORY"); !h.empty()) return h;
  if (std::string x = Env("XDG_DATA_HOME"); !x.empty()) return x + "/hamlet/history";
  std::string home = Env("HOME");
  return (home.empty() ? std::string(".") : home) + "/.local/share/hamlet/history";
}

Status RunRepl(const ReplOptions& options) {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  const auto& formats = OutputFormatNames();
  if (!options.format.empty() &&
      std::find(formats.begin(), formats.end(), options.format) == formats.end()) {
    Status s = Status::InvalidArgument("--format " + options.format +
                                       ": use table, json, csv, tsv, xml, ttl, nt, nq or trig");
    std::fprintf(stderr, "hamlet: %s\n", s.message().c_str());
    return s;
  }
  store::OpenOptions oo;
  oo.create_if_missing = true;  // an empty store can be filled with .load
  auto st = store::Store::Open(options.store_dir, oo);
  if (!st.ok()) {
    std::fprintf(stderr, "hamlet: %s\n", st.status().message().c_str());
    return st.status();
  }
  SessionOptions so;
  so.timeout_seconds = options.timeout_seconds;
  if (!options.memory_limit.empty()) {
    auto bytes = sparql::exec::ParseBytes(options.memory_limit);
    if (!bytes.ok()) {
      std::fprintf(stderr, "hamlet: %s\n", bytes.status().message().c_str());
      return bytes.status();
    }
    so.memory_limit_bytes = *bytes;
  }
  so.interactive = terminal;
  so.timing = terminal;
  so.format = !options.format.empty() ? options.format : terminal ? "table" : "tsv";
  TerminalPrinter terminal_printer;
  PlainPrinter plain_printer;
  Printer* printer = terminal ? static_cast<Printer*>(&terminal_printer) : &plain_printer;
  Session session(st->get(), so, printer);
  if (Status s = session.Init(); !s.ok()) {
    std::fprintf(stderr, "hamlet: %s\n", s.message().c_str());
    return s;
  }
  if (terminal) return Interactive(session, options, **st, *printer);
  StreamSource source;
  StatementReader reader(&source, [&]() -> const io::PrefixList& { return session.prefixes(); });
  return Loop(session, reader, *printer, "stdin", [](const InputItem&) {});
}

}  // namespace hamlet::repl
