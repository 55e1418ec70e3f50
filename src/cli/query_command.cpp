#include "cli/query_command.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include "cli/exit_codes.h"
#include "io/writer.h"
#include "sparql/engine/query_engine.h"
#include "sparql/results/writer.h"
#include "store/store.h"

namespace hamlet::cli {

namespace {

int Fail(const Status& s) {
  std::fprintf(stderr, "hamlet: %s\n", s.message().c_str());
  return ExitCodeFor(s);
}

Result<std::string> QueryText(const QueryArgs& args) {
  if (!args.text.empty() && !args.file.empty()) {
    return Status::InvalidArgument("give the query with -q or -f, not both");
  }
  if (!args.text.empty()) return args.text;
  if (args.file.empty()) return Status::InvalidArgument("no query: use -q TEXT or -f FILE.rq");
  std::stringstream ss;
  if (args.file == "-") {
    ss << std::cin.rdbuf();
  } else {
    // An ifstream opens a folder and then reads nothing, which the parser would report as
    // "found end of input".
    std::error_code ec;
    if (std::filesystem::is_directory(args.file, ec)) {
      return Status::InvalidInput(args.file + " is a folder, not a query file");
    }
    std::ifstream in(args.file, std::ios::binary);
    if (!in) return Status::NotFound(args.file + ": cannot read the query file");
    ss << in.rdbuf();
    if (in.bad()) return Status::IoError(args.file + ": reading the query file failed");
  }
  std::string text = ss.str();
  // Editors on Windows start UTF-8 files with a byte order mark; SPARQL has no use for it.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (std::string_view(text).substr(0, kBom.size()) == kBom) text.erase(0, kBom.size());
  return text;
}

}  // namespace

int RunQueryCommand(const QueryArgs& args) {
  auto text = QueryText(args);
  if (!text.ok()) return Fail(text.status());
  store::OpenOptions oo;
  oo.create_if_missing = false;
  auto st = store::Store::Open(args.store, oo);
  if (!st.ok()) {
    if (st.status().code() == Status::Code::kNotFound) {
      return Fail(Status::NotFound("no store at " + args.store +
                                   " (run 'hamlet load' first, or pass --store)"));
    }
    return Fail(st.status());
  }
  auto snap = (*st)->GetSnapshot();
  sparql::QueryOptions qo;
  qo.timeout_seconds = args.timeout;
  auto start = std::chrono::steady_clock::now();
  auto r = sparql::RunQuery(*snap, *text, qo);
  if (!r.ok()) {
    std::string where = args.file.empty() ? "query" : args.file;
    std::fprintf(stderr, "hamlet: %s: %s\n", where.c_str(), r.status().message().c_str());
    return ExitCodeFor(r.status());
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (args.explain) {
    std::printf("algebra:\n%s\n\nplan (estimated and actual rows, %.1f ms):\n%s",
                r->algebra.c_str(), ms, r->plan.c_str());
    return kExitOk;
  }
  auto prefixes = snap->Prefixes();
  std::vector<std::pair<std::string, std::string>> all_prefixes = r->prefixes;
  if (prefixes.ok()) all_prefixes.insert(all_prefixes.end(), prefixes->begin(), prefixes->end());

  bool graph_result = r->form == sparql::ast::Query::Form::kConstruct ||
                      r->form == sparql::ast::Query::Form::kDescribe;
  if (graph_result) {
    std::string name = args.format.empty() || args.format == "table" ? "ttl" : args.format;
    auto syntax = io::SyntaxFromName(name);
    if (!syntax.ok()) {
      return Fail(Status::InvalidArgument(
          "CONSTRUCT and DESCRIBE write RDF: --format nt, ttl, nq or trig"));
    }
    auto w = io::QuadWriter::Create(*syntax, stdout, all_prefixes);
    for (const auto& q : r->triples) {
      if (Status s = w->Write(
              rdf::QuadView{q.subject.view(), q.predicate.view(), q.object.view(), q.graph.view()});
          !s.ok()) {
        return Fail(s);
      }
    }
    if (Status s = w->Finish(); !s.ok()) return Fail(s);
    return kExitOk;
  }
  auto format = sparql::results::FormatFromName(args.format.empty() ? "table" : args.format);
  if (!format.ok()) {
    return Fail(Status::InvalidArgument(
        "SELECT and ASK write results: --format table, json, xml, csv or tsv"));
  }
  sparql::results::WriterOptions wo;
  wo.prefixes = all_prefixes;
  auto writer = sparql::results::CreateWriter(*format, sparql::results::Output(stdout), wo);
  Status s;
  if (r->form == sparql::ast::Query::Form::kAsk) {
    s = writer->WriteBoolean(r->boolean);
  } else {
    s = writer->Start(r->variables);
    for (size_t i = 0; s.ok() && i < r->rows.size(); ++i) s = writer->Row(r->rows[i]);
    if (s.ok()) s = writer->Finish();
  }
  if (!s.ok()) return Fail(s);
  std::fflush(stdout);
  if (*format == sparql::results::Format::kTable) std::fprintf(stderr, "(%.1f ms)\n", ms);
  return kExitOk;
}

}  // namespace hamlet::cli
