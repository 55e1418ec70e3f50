// Runs each query file on an existing store: one warm-up, then N timed runs; prints the
// median latency and the row count (SELECT rows, CONSTRUCT/DESCRIBE distinct triples, ASK
// true/false) per query, and the geometric mean of the medians.
//
// With --first-row, times instead how long a SELECT takes from Prepare to its first solution
// (the streaming engine's latency; the rest of the answer is not read).
//
// Usage: query_bench STORE_DIR [--runs N] [--timeout S] [--first-row] QUERY.rq...
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sparql/engine/query_engine.h"
#include "store/store.h"

using namespace hamlet;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s STORE_DIR [--runs N] [--timeout S] QUERY.rq...\n", argv[0]);
    return 2;
  }
  int runs = 5;
  double timeout = 60;
  bool first_row = false;
  std::vector<std::string> files;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--first-row")) {
      first_row = true;
    } else if (!std::strcmp(argv[i], "--timeout") && i + 1 < argc) {
      timeout = std::atof(argv[++i]);
    } else {
      files.push_back(argv[i]);
    }
  }
  store::OpenOptions oo;
  oo.create_if_missing = false;
  auto st = store::Store::Open(argv[1], oo);
  if (!st.ok()) {
    std::fprintf(stderr, "%s\n", st.status().message().c_str());
    return 1;
  }
  auto snap = (*st)->GetSnapshot();
  double log_sum = 0;
  int n = 0;
  std::printf("%-28s %12s %10s\n", "query", "median ms", "rows");
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    sparql::QueryOptions qo;
    qo.timeout_seconds = timeout;
    std::vector<double> ms;
    std::string rows = "?";
    for (int r = 0; r <= runs && first_row; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      auto q = sparql::PreparedQuery::Prepare(*snap, ss.str(), qo);
      sparql::SolutionBatch batch;
      if (!q.ok() || !(*q)->NextSolutions(&batch, 1)) {
        rows = "error: no first solution";
        break;
      }
      double t =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      rows = "first";
      if (r > 0) ms.push_back(t);
    }
    for (int r = 0; r <= runs && !first_row; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      auto res = sparql::RunQuery(*snap, ss.str(), qo);
      double t =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (!res.ok()) {
        rows = "error: " + res.status().message().substr(0, 60);
        ms.assign(1, t);
        break;
      }
      if (res->form == sparql::ast::Query::Form::kAsk) {
        rows = res->boolean ? "true" : "false";
      } else if (res->form == sparql::ast::Query::Form::kSelect) {
        rows = std::to_string(res->rows.size());
      } else {
        rows = std::to_string(res->triples.size());
      }
      if (r > 0) ms.push_back(t);  // run 0 warms the caches
    }
    if (ms.empty()) ms.push_back(0);
    std::sort(ms.begin(), ms.end());
    double median = ms[ms.size() / 2];
    log_sum += std::log(std::max(median, 0.01));
    ++n;
    std::printf("%-28s %12.1f %10s\n", std::filesystem::path(f).stem().string().c_str(), median,
                rows.c_str());
    std::fflush(stdout);
  }
  if (n > 0) std::printf("%-28s %12.1f\n", "geometric mean", std::exp(log_sum / n));
  return 0;
}
