// SIGKILL during `hamlet load`: after reopening, the store holds all of that load's quads
// or none of them, never a part, and still works.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "store/store.h"
#include "support/temp_dir.h"

extern char** environ;

namespace hamlet::testing {
namespace {

constexpr int kRounds = 12;
constexpr int kBigQuads = 400'000;  // large enough that a load takes a good fraction of a second

pid_t SpawnLoad(const std::string& store, const std::string& file) {
  std::vector<std::string> args = {HAMLET_BIN, "--store", store, "load", "-q", file};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, HAMLET_BIN, nullptr, nullptr, argv.data(), environ), 0);
  return pid;
}

int WaitExit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

uint64_t CountQuads(const std::string& dir, uint64_t* stats_quads) {
  auto store = store::Store::Open(dir);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return ~0ull;
  auto snap = (*store)->GetSnapshot();
  store::QuadPattern all;
  all.scope = store::GraphScope::kAll;
  auto cursor = snap->Scan(all);
  uint64_t n = 0;
  for (; cursor->Valid(); cursor->Next()) ++n;
  EXPECT_TRUE(cursor->status().ok());
  *stats_quads = snap->GetStatistics()->quads;
  return n;
}

TEST(Crash, KilledLoadIsAllOrNothing) {
  TempDir tmp;
  std::string big = tmp.Sub("big.nt");
  {
    std::ofstream out(big);
    for (int i = 0; i < kBigQuads; ++i) {
      out << "<http://example.org/village/" << i << "> <http://example.org/ns#name> \"Village " << i
          << "\"@en .\n";
    }
  }
  std::string base =
      tmp.Write("base.nt", "<http://example.org/a> <http://example.org/b> \"base\" .\n");

  // How long an uninterrupted load into a non-empty store takes, to spread the kills over it.
  std::string timing = tmp.Sub("timing");
  ASSERT_EQ(WaitExit(SpawnLoad(timing, base)), 0);
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(WaitExit(SpawnLoad(timing, big)), 0);
  double full_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();

  std::mt19937 rng(20261129);
  int none = 0, all = 0;
  for (int round = 0; round < kRounds; ++round) {
    std::string dir = tmp.Sub("db" + std::to_string(round));
    ASSERT_EQ(WaitExit(SpawnLoad(dir, base)), 0);
    int delay_ms = static_cast<int>(std::uniform_real_distribution<double>(0, 1.15 * full_ms)(rng));
    pid_t pid = SpawnLoad(dir, big);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    WaitExit(pid);
    uint64_t stats_quads = 0;
    uint64_t n = CountQuads(dir, &stats_quads);
    EXPECT_TRUE(n == 1 || n == 1 + kBigQuads)
        << "round " << round << " after " << delay_ms << " ms: " << n << " quads";
    EXPECT_EQ(stats_quads, n) << "statistics disagree with the indexes in round " << round;
    (n == 1 ? none : all)++;
    std::printf("round %d: killed after %d ms of ~%.0f ms: %s\n", round, delay_ms, full_ms,
                n == 1 ? "none landed" : "all landed");
    // The store still accepts a load after the crash.
    ASSERT_EQ(WaitExit(SpawnLoad(dir, big)), 0);
    EXPECT_EQ(CountQuads(dir, &stats_quads), 1u + kBigQuads);
  }
  std::printf("%d rounds: %d none, %d all\n", kRounds, none, all);
}

}  // namespace
}  // namespace hamlet::testing
