#include "repl/session.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "rdf/check.h"
#include "sparql/results/writer.h"

namespace hamlet::repl {

namespace {

using Clock = std::chrono::steady_clock;
using Form = sparql::ast::Query::Form;

bool IsGraphFormat(std::string_view f) {
  return f == "ttl" || f == "nt" || f == "nq" || f == "trig";
}

bool IsPrefixName(std::string_view name) {
  if (name.empty()) return true;  // the empty prefix ":" is allowed
  auto ok = [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c >= 0x80;
  };
  return std::isalpha(static_cast<unsigned char>(name.front())) && name.back() != '.' &&
         std::all_of(name.begin(), name.end(), [&](char c) { return ok(c); });
}

}  // namespace

Session::Session(store::Store* store, SessionOptions options, Printer* printer)
    : store_(store), options_(std::move(options)), printer_(printer) {}

Status Session::Init() {
  auto snap = store_->GetSnapshot();
  auto prefixes = snap->Prefixes();
  if (!prefixes.ok()) return prefixes.status();
  Declare(*prefixes);
  return Status::Ok();
}

void Session::Declare(const io::PrefixList& prefixes) {
  bool changed = false;
  for (const auto& p : prefixes) {
    auto it = std::find_if(prefixes_.begin(), prefixes_.end(),
                           [&](const auto& q) { return q.first == p.first; });
    if (it == prefixes_.end()) {
      prefixes_.push_back(p);
      changed = true;
    } else if (it->second != p.second) {
      it->second = p.second;
      changed = true;
    }
  }
  if (changed) vocabulary_.reset();
}

Status Session::Fail(const Status& s) {
  printer_->Error("error: " + s.message() + "\n");
  return s;
}

TableLayout Session::Layout() const {
  TableLayout layout;
  layout.width = printer_->Width();
  // Without a known width (scripted), cells are cut as `hamlet query --format table` does.
  if (layout.width == 0) layout.max_cell = 60;
  return layout;
}

std::string Session::Footer(size_t count, const char* one, const char* many, double ms) const {
  std::string s = fmt::format("{} {}", count, count == 1 ? one : many);
  if (options_.timing)
    s += ms < 1000 ? fmt::format(" ({:.1f} ms)", ms) : fmt::format(" ({:.2f} s)", ms / 1000);
  return s + "\n";
}

void Session::ReportSyntaxError(const sparql::syntax::SyntaxError& error,
                                const std::string& where) {
  std::string prefix = where.empty() ? "error: " : "error: " + where + ": ";
  printer_->Error(prefix + error.ToString() + "\n");
}

Result<sparql::QueryResult> Session::Run(std::string_view text,
                                         const store::CancellationToken* cancel, double* ms,
                                         bool explain) {
  auto snap = store_->GetSnapshot();
  sparql::QueryOptions qo;
  qo.timeout_seconds = options_.timeout_seconds;
  qo.memory_limit_bytes = options_.memory_limit_bytes;
  qo.explain = explain;
  auto start = Clock::now();
  auto r = sparql::RunQuery(*snap, WithPrologue(text, prefixes_), qo, cancel);
  *ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (!r.ok() && r.status().code() == Status::Code::kCancelled &&
      r.status().message() == "cancelled") {
    return Status::Cancelled("query cancelled");
  }
  return r;
}

Status Session::RunStatement(const StatementCheck& statement,
                             const store::CancellationToken* cancel) {
  if (statement.state != InputState::kComplete) {
    return Fail(Status::Internal("RunStatement needs a complete statement"));
  }
  if (statement.is_update) {
    return Fail(Status::InvalidInput(
        "SPARQL Update is not supported yet; use .load FILE [GRAPH] to add data"));
  }
  Declare(statement.prefixes);
  last_query_ = statement.text;
  double ms = 0;
  auto r = Run(statement.text, cancel, &ms);
  if (!r.ok()) return Fail(r.status());
  return PrintResult(*r, ms);
}

Status Session::PrintResult(const sparql::QueryResult& r, double ms) {
  const std::string& format = options_.format;
  auto info = [&](const std::string& s) {
    if (options_.interactive || options_.timing) printer_->Info(s);
  };
  if (r.form == Form::kConstruct || r.form == Form::kDescribe) {
    auto syntax = io::SyntaxFromName(IsGraphFormat(format) ? format : "ttl");
    if (!syntax.ok()) return Fail(syntax.status());
    std::string text;
    if (Status s = io::WriteToString(*syntax, r.triples, prefixes_, &text); !s.ok()) {
      return Fail(s);
    }
    printer_->Out(text);
    info(Footer(r.triples.size(), "triple", "triples", ms));
    return Status::Ok();
  }
  if (format == "table" || IsGraphFormat(format)) {
    if (r.form == Form::kAsk) {
      printer_->Out(r.boolean ? "true\n" : "false\n");
      if (options_.timing) info(fmt::format("({:.1f} ms)\n", ms));
      return Status::Ok();
    }
    printer_->Out(RenderResultTable(r.variables, r.rows, prefixes_, Layout()));
    info(Footer(r.rows.size(), "row", "rows", ms));
    return Status::Ok();
  }
  auto f = sparql::results::FormatFromName(format);
  if (!f.ok()) return Fail(f.status());
  std::string text;
  auto writer = sparql::results::CreateWriter(*f, sparql::results::Output(&text));
  Status s;
  if (r.form == Form::kAsk) {
    s = writer->WriteBoolean(r.boolean);
  } else {
    s = writer->Start(r.variables);
    for (size_t i = 0; s.ok() && i < r.rows.size(); ++i) s = writer->Row(r.rows[i]);
    if (s.ok()) s = writer->Finish();
  }
  if (!s.ok()) return Fail(s);
  printer_->Out(text);
  if (r.form != Form::kAsk) info(Footer(r.rows.size(), "row", "rows", ms));
  return Status::Ok();
}

Status Session::SetFormat(const std::string& name) {
  const auto& names = OutputFormatNames();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    return Fail(Status::InvalidArgument("unknown format " + name +
                                        "; use table, json, csv, tsv, xml, ttl, nt, nq or trig"));
  }
  options_.format = name;
  return Status::Ok();
}

Status Session::Explain(const std::string& rest, const store::CancellationToken* cancel) {
  std::string text = rest.empty() ? last_query_ : rest;
  if (text.empty()) return Fail(Status::InvalidArgument("usage: .explain QUERY (no query yet)"));
  StatementCheck check = CheckStatement(text, prefixes_);
  if (check.state == InputState::kError) {
    ReportSyntaxError(*check.error);
    return Status::InvalidInput("syntax error");
  }
  if (check.state != InputState::kComplete || check.is_update) {
    return Fail(Status::InvalidInput(".explain needs a complete query"));
  }
  Declare(check.prefixes);
  double ms = 0;
  auto r = Run(check.text, cancel, &ms, /*explain=*/true);
  if (!r.ok()) return Fail(r.status());
  printer_->Out(fmt::format("algebra:\n{}\n\nplan (estimated and actual rows, {:.1f} ms):\n{}",
                            r->algebra, ms, r->plan));
  return Status::Ok();
}

Status Session::Read(const std::string& path, const store::CancellationToken* cancel) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Status::NotFound(path + ": cannot read the file"));
  std::stringstream ss;
  ss << in.rdbuf();
  StatementCheck check = CheckStatement(ss.str(), prefixes_);
  switch (check.state) {
    case InputState::kComplete:
      return RunStatement(check, cancel);
    case InputState::kError:
      ReportSyntaxError(*check.error, path);
      return Status::InvalidInput("syntax error");
    case InputState::kIncomplete:
      return Fail(Status::InvalidInput(path + ": the query is incomplete (it ends too early)"));
    case InputState::kEmpty:
      break;
  }
  return Fail(Status::InvalidInput(path + ": no query in the file"));
}

Status Session::RunDotCommand(std::string_view line, const store::CancellationToken* cancel) {
  auto parsed = ParseDotCommand(line);
  if (!parsed.ok()) return Fail(parsed.status());
  const DotCommand& cmd = *parsed;
  std::string_view name = cmd.spec->name;
  if (name == ".help") {
    printer_->Out(DotCommandHelp());
  } else if (name == ".quit") {
    quit_ = true;
  } else if (name == ".prefixes") {
    size_t width = 0;
    for (const auto& p : prefixes_) width = std::max(width, p.first.size());
    std::string out;
    for (const auto& [n, iri] : prefixes_) {
      out += "PREFIX " + n + ":" + std::string(width - n.size() + 1, ' ') + "<" + iri + ">\n";
    }
    printer_->Out(out);
  } else if (name == ".prefix") {
    std::string p = cmd.args[0], iri = cmd.args[1];
    if (p.empty() || p.back() != ':' || !IsPrefixName(p.substr(0, p.size() - 1))) {
      return Fail(Status::InvalidArgument("usage: .prefix p: <iri> (a prefix name ends in ':')"));
    }
    if (iri.size() >= 2 && iri.front() == '<' && iri.back() == '>') {
      iri = iri.substr(1, iri.size() - 2);
    }
    if (Status s = rdf::CheckAbsoluteIri(iri); !s.ok()) return Fail(s);
    Declare({{p.substr(0, p.size() - 1), iri}});
  } else if (name == ".format") {
    return SetFormat(cmd.args[0]);
  } else if (name == ".timing") {
    if (cmd.args[0] != "on" && cmd.args[0] != "off") {
      return Fail(Status::InvalidArgument("usage: .timing on|off"));
    }
    options_.timing = cmd.args[0] == "on";
  } else if (name == ".explain") {
    return Explain(cmd.rest, cancel);
  } else if (name == ".graphs") {
    return Graphs();
  } else if (name == ".stats") {
    return Stats();
  } else if (name == ".describe") {
    return Describe(cmd.rest, cancel);
  } else if (name == ".load") {
    return Load(cmd);
  } else if (name == ".export") {
    return Export(cmd);
  } else if (name == ".read") {
    return Read(cmd.args[0], cancel);
  }
  return Status::Ok();
}

}  // namespace hamlet::repl
