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
#include "sparql/engine/result_output.h"
#include "sparql/exec/memory_budget.h"
#include "sparql/results/writer.h"
#include "store/store.h"

namespace hamlet::cli {

namespace {

// RocksDB's block cache for one query: enough for the dictionary and index blocks a query
// revisits; a whole-store scan decodes every term once, and a bigger cache would only keep
// them resident (SELECT * over 10 M triples: 342 MB peak with 256 MiB, see docs/sparql.md).
constexpr size_t kQueryBlockCacheBytes = size_t{64} << 20;

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

// Runs the query to its end, discarding the answer, so that EXPLAIN shows actual rows.
Status Drain(sparql::PreparedQuery& q) {
  if (q.form() == sparql::PreparedQuery::Form::kAsk) return q.Ask().status();
  if (q.form() == sparql::PreparedQuery::Form::kSelect) {
    sparql::SolutionBatch batch;
    while (q.NextSolutions(&batch)) {
    }
  } else {
    std::vector<rdf::Quad> triples;
    while (q.NextTriples(&triples)) {
    }
  }
  return q.status();
}

Status WriteAnswer(sparql::PreparedQuery& q, const std::string& format_name,
                   const io::PrefixList& prefixes) {
  bool graph_result = q.form() == sparql::PreparedQuery::Form::kConstruct ||
                      q.form() == sparql::PreparedQuery::Form::kDescribe;
  if (graph_result) {
    std::string name = format_name.empty() || format_name == "table" ? "ttl" : format_name;
    auto syntax = io::SyntaxFromName(name);
    if (!syntax.ok()) {
      return Status::InvalidArgument(
          "CONSTRUCT and DESCRIBE write RDF: --format nt, ttl, nq or trig");
    }
    auto w = io::QuadWriter::Create(*syntax, stdout, prefixes);
    HAMLET_RETURN_IF_ERROR(sparql::WriteTriples(q, w.get(), nullptr));
    if (!q.construct_fully_deduplicated()) {
      std::fprintf(stderr,
                   "hamlet: note: more distinct triples than the de-duplication set may hold "
                   "within --memory-limit; later repeats were written again (same graph)\n");
    }
    return Status::Ok();
  }
  auto format = sparql::results::FormatFromName(format_name.empty() ? "table" : format_name);
  if (!format.ok()) {
    return Status::InvalidArgument(
        "SELECT and ASK write results: --format table, json, xml, csv or tsv");
  }
  sparql::results::WriterOptions wo;
  wo.prefixes = prefixes;
  auto writer = sparql::results::CreateWriter(*format, sparql::results::Output(stdout), wo);
  return sparql::WriteSolutions(q, writer.get(), nullptr);
}

}  // namespace

int RunQueryCommand(const QueryArgs& args) {
  auto text = QueryText(args);
  if (!text.ok()) return Fail(text.status());
  sparql::QueryOptions qo;
  qo.timeout_seconds = args.timeout;
  if (!args.memory_limit.empty()) {
    auto bytes = sparql::exec::ParseBytes(args.memory_limit);
    if (!bytes.ok()) return Fail(bytes.status());
    qo.memory_limit_bytes = *bytes;
  }
  store::OpenOptions oo;
  oo.create_if_missing = false;
  oo.block_cache_bytes = kQueryBlockCacheBytes;
  auto st = store::Store::Open(args.store, oo);
  if (!st.ok()) {
    if (st.status().code() == Status::Code::kNotFound) {
      return Fail(Status::NotFound("no store at " + args.store +
                                   " (run 'hamlet load' first, or pass --store)"));
    }
    return Fail(st.status());
  }
  auto snap = (*st)->GetSnapshot();
  auto start = std::chrono::steady_clock::now();
  std::string where = args.file.empty() ? "query" : args.file;
  auto prepared = sparql::PreparedQuery::Prepare(*snap, *text, qo);
  if (!prepared.ok()) return Fail(prepared.status().WithContext(where));
  sparql::PreparedQuery& q = **prepared;
  auto elapsed_ms = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
  };
  if (args.explain) {
    if (Status s = Drain(q); !s.ok()) return Fail(s.WithContext(where));
    std::printf("algebra:\n%s\n\nplan (estimated and actual rows, %.1f ms):\n%s",
                q.AlgebraText().c_str(), elapsed_ms(), q.PlanText().c_str());
    return kExitOk;
  }
  io::PrefixList prefixes = q.prefixes();
  auto stored = snap->Prefixes();
  if (stored.ok()) prefixes.insert(prefixes.end(), stored->begin(), stored->end());
  if (Status s = WriteAnswer(q, args.format, prefixes); !s.ok()) {
    std::fflush(stdout);
    // The query's own failures name where the query came from; output failures do not.
    if (s.code() == Status::Code::kInvalidArgument || s.code() == Status::Code::kIoError)
      return Fail(s);
    return Fail(s.WithContext(where));
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    return Fail(Status::IoError("cannot write the results to standard output"));
  }
  if (args.format.empty() || args.format == "table")
    std::fprintf(stderr, "(%.1f ms)\n", elapsed_ms());
  return kExitOk;
}

}  // namespace hamlet::cli
