// Issue 12 (robustness), as a user meets it: output that cannot be written fails, special
// files stay what they are, a full disk or a held store is exit code 4 with the store intact,
// reads work where writes cannot, and a killed or concurrent first load leaves a usable store.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "store/store.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

extern char** environ;

namespace hamlet::testing {
namespace {

namespace fs = std::filesystem;

const char* kTriple = "<http://ex.org/a> <http://ex.org/p> \"v\" .\n";

// Exit code of a shell command line (for redirections RunHamlet does not offer).
int Shell(const std::string& cmd) {
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string Bin() {
  return HAMLET_BIN;
}

// A store in `tmp` holding kTriple.
std::string SmallStore(const TempDir& tmp, const std::string& name = "db") {
  std::string store = tmp.Sub(name);
  EXPECT_EQ(RunHamlet("--store " + store + " load -q " + tmp.Write("a.nt", kTriple)).exit_code, 0);
  return store;
}

std::string BigFile(const TempDir& tmp, int quads) {
  std::ofstream out(tmp.Sub("big.nt"));
  for (int i = 0; i < quads; ++i) {
    out << "<http://ex.org/s" << i << "> <http://ex.org/p" << i % 50 << "> \"value " << i
        << " with some words\" .\n";
  }
  return tmp.Sub("big.nt");
}

// A tmpfs of `megabytes` at `dir`, unmounted at the end; root only.
class Tmpfs {
 public:
  Tmpfs(const std::string& dir, int megabytes) : dir_(dir) {
    fs::create_directories(dir);
    std::string opts = "size=" + std::to_string(megabytes) + "m";
    mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, opts.c_str()) == 0;
  }
  ~Tmpfs() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  bool RemountReadOnly() {
    return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  }

 private:
  std::string dir_;
  bool mounted_ = false;
};

#define REQUIRE_ROOT()                                                                \
  if (geteuid() != 0) GTEST_SKIP() << "needs root to mount a small tmpfs (not root)"; \
  do {                                                                                \
  } while (0)

TEST(Reliability, ExportToDevFullFailsAndLeavesTheDevice) {
  TempDir tmp;
  std::string store = SmallStore(tmp);
  auto r = RunHamlet("--store " + store + " export --format nt -o /dev/full");
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("No space left"), std::string::npos) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/full was replaced by a regular file";
}

TEST(Reliability, ExportThroughASymlinkKeepsTheLink) {
  TempDir tmp;
  std::string store = SmallStore(tmp);
  fs::create_symlink("target.nt", tmp.Sub("link.nt"));
  auto r = RunHamlet("--store " + store + " export -o " + tmp.Sub("link.nt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(tmp.Sub("link.nt")));
  EXPECT_EQ(Slurp(tmp.Sub("target.nt")), kTriple);
}

TEST(Reliability, ExportIntoAFifoWritesThroughIt) {
  TempDir tmp;
  std::string store = SmallStore(tmp);
  ASSERT_EQ(::mkfifo(tmp.Sub("pipe").c_str(), 0600), 0);
  int rc = Shell("cat " + tmp.Sub("pipe") + " > " + tmp.Sub("got") + " & " + Bin() + " --store " +
                 store + " export --format nt -o " + tmp.Sub("pipe") +
                 " 2>/dev/null; x=$?; wait; exit $x");
  EXPECT_EQ(rc, 0);
  struct stat st {};
  ASSERT_EQ(::lstat(tmp.Sub("pipe").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced by a regular file";
  EXPECT_EQ(Slurp(tmp.Sub("got")), kTriple);
}

TEST(Reliability, StandardOutputWriteErrorsFailEveryCommand) {
  TempDir tmp;
  std::string s = Bin() + " --store " + SmallStore(tmp);
  for (const std::string& cmd : {s + " stats", s + " export --format nt",
                                 s + " query -q 'SELECT * { ?s ?p ?o }' --format csv"}) {
    EXPECT_NE(Shell(cmd + " >/dev/full 2>/dev/null"), 0) << cmd;
    EXPECT_EQ(Shell(cmd + " >/dev/null 2>/dev/null"), 0) << cmd;
  }
}

TEST(Reliability, MissingOutputFolderIsBadInput) {
  TempDir tmp;
  auto r = RunHamlet("--store " + SmallStore(tmp) + " export -o " + tmp.Sub("no/such/x.nq"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
}

TEST(Reliability, TimeoutMustBeAFiniteNumberOfSeconds) {
  TempDir tmp;
  std::string store = SmallStore(tmp);
  for (const char* t : {"-1", "nan", "inf", "x"}) {
    auto r = RunHamlet("--store " + store + " query --timeout " + t + " -q 'ASK {}'");
    EXPECT_EQ(r.exit_code, 2) << t << ": " << r.err;
  }
  EXPECT_EQ(RunHamlet("--store " + store + " query --timeout 0.5 -q 'ASK {}'").exit_code, 0);
}

TEST(Reliability, QueryFileThatIsAFolderIsNamedAsSuch) {
  TempDir tmp;
  auto r = RunHamlet("--store " + SmallStore(tmp) + " query -f " + tmp.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is a folder"), std::string::npos) << r.err;
}

TEST(Reliability, ByteOrderMarkInAQueryFileIsSkipped) {
  TempDir tmp;
  std::string rq = tmp.Write("bom.rq", "\xEF\xBB\xBFSELECT ?o WHERE { ?s ?p ?o }");
  auto r = RunHamlet("--store " + SmallStore(tmp) + " query --format csv -f " + rq);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "o\r\nv\r\n");
}

TEST(Reliability, StoreInUseIsExitCodeFour) {
  TempDir tmp;
  std::string store = SmallStore(tmp);
  auto held = store::Store::Open(store);  // a writer, as the REPL is
  ASSERT_TRUE(held.ok()) << held.status().message();
  for (const std::string& cmd : {"load -q " + tmp.Sub("a.nt"), std::string("stats")}) {
    auto r = RunHamlet("--store " + store + " " + cmd);
    EXPECT_EQ(r.exit_code, 4) << cmd << ": " << r.err;
    EXPECT_NE(r.err.find("in use"), std::string::npos) << r.err;
  }
}

TEST(Reliability, ReadersRunSideBySide) {
  TempDir tmp;
  std::string store = SmallStore(tmp);
  store::OpenOptions reading;
  reading.create_if_missing = false;
  auto held = store::Store::Open(store, reading);
  ASSERT_TRUE(held.ok()) << held.status().message();
  auto r = RunHamlet("--store " + store + " query -q 'ASK { ?s ?p ?o }' --format csv");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// Two first loads into the same new store at once: each succeeds or is told "in use".
TEST(Reliability, ConcurrentCreationNeverSaysNotAStore) {
  TempDir tmp;
  std::string file = tmp.Write("a.nt", kTriple);
  for (int round = 0; round < 6; ++round) {
    std::string store = tmp.Sub("db" + std::to_string(round));
    std::string cmd = Bin() + " --store " + store + " load -q " + file;
    int rc = Shell("(" + cmd + " 2>" + tmp.Sub("e1") + "; echo $? >" + tmp.Sub("c1") + ") & (" +
                   cmd + " 2>" + tmp.Sub("e2") + "; echo $? >" + tmp.Sub("c2") + "); wait");
    ASSERT_EQ(rc, 0);
    for (const char* n : {"1", "2"}) {
      std::string code = Slurp(tmp.Sub(std::string("c") + n));
      std::string err = Slurp(tmp.Sub(std::string("e") + n));
      EXPECT_TRUE(code == "0\n" || code == "4\n") << code << err;
      EXPECT_EQ(err.find("not a Hamlet store"), std::string::npos) << err;
    }
    EXPECT_EQ(RunHamlet("--store " + store + " stats").exit_code, 0);
  }
}

// SIGKILL early in the first load of a new store: afterwards the folder is either no store
// yet or an empty one, and the next load works.
TEST(Reliability, KilledFirstLoadLeavesAUsableFolder) {
  TempDir tmp;
  std::string big = BigFile(tmp, 100'000);
  std::string small = tmp.Write("a.nt", kTriple);
  std::mt19937 rng(12);
  for (int round = 0; round < 8; ++round) {
    std::string store = tmp.Sub("db" + std::to_string(round));
    std::vector<std::string> args = {Bin(), "--store", store, "load", "-q", big};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, HAMLET_BIN, nullptr, nullptr, argv.data(), environ), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(10 + rng() % 41));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    auto stats = RunHamlet("--store " + store + " stats");
    EXPECT_TRUE(stats.exit_code == 0 || stats.exit_code == 1) << round << ": " << stats.err;
    EXPECT_EQ(stats.err.find("not a Hamlet store"), std::string::npos) << stats.err;
    auto load = RunHamlet("--store " + store + " load -q " + small);
    EXPECT_EQ(load.exit_code, 0) << round << ": " << load.err;
    EXPECT_EQ(RunHamlet("--store " + store + " stats").exit_code, 0);
  }
}

TEST(Reliability, FullDiskIsExitCodeFourAndReadsStillWork) {
  REQUIRE_ROOT();
  TempDir tmp;
  Tmpfs disk(tmp.Sub("mnt"), 20);
  if (!disk.mounted()) GTEST_SKIP() << "mount(tmpfs) refused (no CAP_SYS_ADMIN here)";
  std::string store = tmp.Sub("mnt/db");
  std::string small = tmp.Write("a.nt", kTriple);
  ASSERT_EQ(RunHamlet("--store " + store + " load -q " + small).exit_code, 0);
  std::string big = BigFile(tmp, 200'000);
  // Leave about 4 MB free: too little for the load, enough that the store's files fit.
  ASSERT_EQ(Shell("dd if=/dev/zero of=" + tmp.Sub("mnt/fill") + " bs=1M count=15 2>/dev/null"), 0);
  auto before = RunHamlet("--store " + store + " export --format nt");
  for (const std::string& file : {big, small}) {
    auto load = RunHamlet("--store " + store + " load -q " + file);
    EXPECT_EQ(load.exit_code, 4) << load.err;
    EXPECT_NE(load.err.find("disk is full"), std::string::npos) << load.err;
    // Then fill the disk completely: the small load must fail too.
    Shell("dd if=/dev/zero of=" + tmp.Sub("mnt/fill2") + " bs=4k 2>/dev/null");
  }
  auto stats = RunHamlet("--store " + store + " stats");
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("quads          1\n"), std::string::npos) << stats.out;
  auto after = RunHamlet("--store " + store + " export --format nt");
  EXPECT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out, before.out);
  fs::remove(tmp.Sub("mnt/fill"));
  fs::remove(tmp.Sub("mnt/fill2"));
  EXPECT_EQ(RunHamlet("--store " + store + " load -q " + big).exit_code, 0);
}

TEST(Reliability, ReadOnlyMountServesReads) {
  REQUIRE_ROOT();
  TempDir tmp;
  Tmpfs disk(tmp.Sub("mnt"), 20);
  if (!disk.mounted()) GTEST_SKIP() << "mount(tmpfs) refused (no CAP_SYS_ADMIN here)";
  std::string store = tmp.Sub("mnt/db");
  ASSERT_EQ(RunHamlet("--store " + store + " load -q " + tmp.Write("a.nt", kTriple)).exit_code, 0);
  ASSERT_TRUE(disk.RemountReadOnly());
  auto stats = RunHamlet("--store " + store + " stats");
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  auto query = RunHamlet("--store " + store + " query --format csv -q 'SELECT ?o { ?s ?p ?o }'");
  EXPECT_EQ(query.exit_code, 0) << query.err;
  EXPECT_EQ(query.out, "o\r\nv\r\n");
  auto load = RunHamlet("--store " + store + " load -q " + tmp.Sub("a.nt"));
  EXPECT_EQ(load.exit_code, 4) << load.err;
}

}  // namespace
}  // namespace hamlet::testing
