// Parse throughput of the SPARQL parser on the shared bench queries.
//
// usage: sparql_parse_bench [QUERY_DIR] [SECONDS_PER_QUERY]
// For each .rq file: parses it repeatedly for SECONDS_PER_QUERY (default 0.5) and prints
// queries/s for parse only (text -> AST) and for parse + algebra translation + printing.
// Then the aggregate over all files (each file parsed once per round).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sparql/algebra/algebra.h"
#include "sparql/syntax/parser.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

template <typename F>
double Rate(F&& f, double seconds) {
  long n = 0;
  auto start = Clock::now();
  double elapsed = 0;
  do {
    for (int i = 0; i < 16; ++i) f();
    n += 16;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);
  return static_cast<double>(n) / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 && argv[1][0] != 0 ? argv[1] : HAMLET_BENCH_QUERY_DIR;
  double seconds = argc > 2 ? std::stod(argv[2]) : 0.5;
  std::vector<std::pair<std::string, std::string>> queries;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".rq") continue;
    std::ifstream in(e.path());
    std::ostringstream ss;
    ss << in.rdbuf();
    queries.emplace_back(e.path().filename().string(), ss.str());
  }
  std::sort(queries.begin(), queries.end());
  if (queries.empty()) {
    std::fprintf(stderr, "no .rq files in %s\n", dir.c_str());
    return 1;
  }
  namespace syntax = hamlet::sparql::syntax;
  namespace algebra = hamlet::sparql::algebra;
  std::printf("%-34s %8s %14s %18s\n", "query", "bytes", "parse q/s", "parse+algebra q/s");
  std::size_t total_bytes = 0;
  for (const auto& [name, text] : queries) {
    if (!syntax::ParseQuery(text).ok()) {
      std::fprintf(stderr, "%s does not parse\n", name.c_str());
      return 1;
    }
    double parse = Rate([&] { (void)syntax::ParseQuery(text); }, seconds);
    double full = Rate(
        [&] {
          auto r = syntax::ParseQuery(text);
          (void)algebra::ToSse(algebra::Translate(*r.value));
        },
        seconds);
    total_bytes += text.size();
    std::printf("%-34s %8zu %14.0f %18.0f\n", name.c_str(), text.size(), parse, full);
  }
  double rounds = Rate(
      [&] {
        for (const auto& q : queries) (void)syntax::ParseQuery(q.second);
      },
      seconds * 4);
  double qps = rounds * static_cast<double>(queries.size());
  std::printf("all %zu queries: %.0f queries/s parse only, %.1f MB/s\n", queries.size(), qps,
              rounds * static_cast<double>(total_bytes) / 1e6);
  return 0;
}
