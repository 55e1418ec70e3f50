// `hamlet repl` as a person uses it: driven through a pseudo-terminal (tmux) and checked on
// the screen. Also the scripted mode, with piped input.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/run_command.h"
#include "support/temp_dir.h"

namespace hamlet::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Capture(const std::string& cmd) {
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  return out;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1))
    ++n;
  return n;
}

// One tmux server on a private socket, with one 120x40 session running a command. (The
// captured screen has no trailing spaces: prompts are matched as "hamlet>".)
class Terminal {
 public:
  explicit Terminal(const std::string& name)
      : tmux_("tmux -f /dev/null -L hamlet-repl-" + name + "-" + std::to_string(getpid())) {}
  ~Terminal() { Kill(); }
  // Ends the session and waits for the REPL to exit: the next test opens the same store,
  // which only one process may hold.
  void Kill() {
    std::string pid = Capture(tmux_ + " display-message -p -t repl '#{pane_pid}' 2>/dev/null");
    std::system((tmux_ + " kill-server >/dev/null 2>&1").c_str());
    if (pid.empty()) return;
    auto deadline = Clock::now() + std::chrono::seconds(10);
    while (kill(std::stoi(pid), 0) == 0 && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  bool Start(const std::string& command) {
    return std::system((tmux_ + " new-session -d -s repl -x 120 -y 40 " + Quote(command) +
                        " >/dev/null 2>&1")
                           .c_str()) == 0;
  }
  // Types text literally (no key names), then optionally presses keys such as Enter, Tab.
  void Type(const std::string& text) {
    std::system((tmux_ + " send-keys -t repl -l " + Quote(text)).c_str());
  }
  void Press(const std::string& key) { std::system((tmux_ + " send-keys -t repl " + key).c_str()); }
  void Line(const std::string& text) {
    Type(text);
    Press("Enter");
  }
  // The screen and the scrollback above it.
  std::string Screen() { return Capture(tmux_ + " capture-pane -p -t repl -S -300 2>/dev/null"); }
  // Polls the screen until `text` appears `times` times; false after `seconds`.
  bool WaitFor(const std::string& text, int times = 1, double seconds = 15) {
    auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < deadline) {
      if (Count(Screen(), text) >= static_cast<size_t>(times)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  bool Running() {
    return std::system((tmux_ + " has-session -t repl >/dev/null 2>&1").c_str()) == 0;
  }

 private:
  std::string tmux_;
};

class ReplTerminal : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (std::system("command -v tmux >/dev/null 2>&1") != 0) return;
    store_ = new TempDir();
    std::string files;
    for (const char* dir : {"ontology", "data"}) {
      for (const auto& e :
           std::filesystem::directory_iterator(std::string(HAMLET_SOURCE_DIR) + "/" + dir)) {
        std::string ext = e.path().extension().string();
        if (ext == ".ttl" || ext == ".trig") files += " " + e.path().string();
      }
    }
    auto r = RunHamlet("--store " + store_->Sub("db") + " load -q" + files);
    loaded_ = r.exit_code == 0;
    if (!loaded_) std::fprintf(stderr, "load failed: %s\n", r.err.c_str());
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
  }
  void SetUp() override {
    if (std::system("command -v tmux >/dev/null 2>&1") != 0) {
      GTEST_SKIP()
          << "tmux is not installed: the pseudo-terminal tests need it (apt-get install tmux)";
    }
    ASSERT_TRUE(loaded_) << "could not load ontology/ and data/ into the test store";
  }
  // The REPL on the Smart Villages store, with a private home, history file and pager.
  std::string Command(const std::string& pager = "") const {
    return "cd " + std::string(HAMLET_SOURCE_DIR) + " && exec env HOME=" + home_.path() +
           " HAMLET_HISTORY=" + home_.Sub("history") + " PAGER=" + Quote(pager) +
           " TERM=xterm LANG=C.UTF-8 " + HAMLET_BIN + " --store " + store_->Sub("db") + " repl";
  }

  static TempDir* store_;
  static bool loaded_;
  TempDir home_;
};

TempDir* ReplTerminal::store_ = nullptr;
bool ReplTerminal::loaded_ = false;

TEST_F(ReplTerminal, MultiLineEntryAndCompletionOfAPrefixAndAClass) {
  Terminal t("multi");
  ASSERT_TRUE(t.Start(Command()));
  ASSERT_TRUE(t.WaitFor("hamlet>")) << t.Screen();
  // A prefix: "sk" + Tab becomes "skos:", then a property of the store.
  t.Type("SELECT ?l WHERE { GRAPH ?g { nuts:BE3 sk");
  t.Press("Tab");
  ASSERT_TRUE(t.WaitFor("nuts:BE3 skos:")) << t.Screen();
  t.Type("prefL");
  t.Press("Tab");
  ASSERT_TRUE(t.WaitFor("nuts:BE3 skos:prefLabel")) << t.Screen();
  // The query goes on over two more lines: the parser sees the open braces.
  t.Press("Enter");
  ASSERT_TRUE(t.WaitFor("   ...>")) << t.Screen();
  t.Line("?l }");
  ASSERT_TRUE(t.WaitFor("   ...>", 2)) << t.Screen();
  t.Line("} LIMIT 1");
  ASSERT_TRUE(t.WaitFor("1 row (")) << t.Screen();
  EXPECT_NE(t.Screen().find("| \"Belgium \xE2\x80\x93 Wallonia\"@en |"), std::string::npos)
      << t.Screen();
  // A class: "sv:MemberSt" + Tab completes from the store's statistics.
  t.Type("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m a sv:MemberSt");
  t.Press("Tab");
  ASSERT_TRUE(t.WaitFor("?m a sv:MemberState")) << t.Screen();
  t.Line("} }");
  ASSERT_TRUE(t.WaitFor("| 66 |")) << t.Screen();
}

TEST_F(ReplTerminal, CtrlCCancelsALongQueryAndClearsTheLine) {
  Terminal t("ctrlc");
  ASSERT_TRUE(t.Start(Command()));
  ASSERT_TRUE(t.WaitFor("hamlet>")) << t.Screen();
  // At the prompt, Ctrl-C drops what was typed, even over several lines.
  t.Line("SELECT * WHERE {");
  ASSERT_TRUE(t.WaitFor("   ...>")) << t.Screen();
  t.Type("?s ?p");
  t.Press("C-c");
  ASSERT_TRUE(t.WaitFor("hamlet>", 2)) << t.Screen();
  // A cross product of the whole store with itself, three times: hours of work.
  t.Line(
      "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } GRAPH ?b { ?t ?q ?r } "
      "GRAPH ?c { ?u ?w ?x } }");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let it get going
  auto start = Clock::now();
  t.Press("C-c");
  ASSERT_TRUE(t.WaitFor("error: query cancelled")) << t.Screen();
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));
  ASSERT_TRUE(t.WaitFor("hamlet>", 3)) << t.Screen();
  t.Line("ASK { GRAPH ?g { nuts:BE3 ?p ?o } }");
  ASSERT_TRUE(t.WaitFor("true")) << t.Screen();
  EXPECT_TRUE(t.Running());
}

TEST_F(ReplTerminal, HistoryIsKeptAcrossTwoRuns) {
  {
    Terminal t("hist1");
    ASSERT_TRUE(t.Start(Command()));
    ASSERT_TRUE(t.WaitFor("hamlet>")) << t.Screen();
    t.Line("SELECT ?n WHERE { GRAPH ?g { country:BEL skos:prefLabel ?n } } LIMIT 1");
    ASSERT_TRUE(t.WaitFor("1 row")) << t.Screen();
    t.Line(".quit");
    auto deadline = Clock::now() + std::chrono::seconds(10);
    while (t.Running() && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_FALSE(t.Running());
  }
  ASSERT_TRUE(std::filesystem::exists(home_.Sub("history")));
  Terminal t("hist2");
  ASSERT_TRUE(t.Start(Command()));
  ASSERT_TRUE(t.WaitFor("hamlet>")) << t.Screen();
  t.Press("Up");  // .quit
  t.Press("Up");  // the query of the first run
  ASSERT_TRUE(t.WaitFor("hamlet> SELECT ?n WHERE { GRAPH ?g { country:BEL")) << t.Screen();
  t.Press("Enter");
  ASSERT_TRUE(t.WaitFor("| \"Belgium\"@en |")) << t.Screen();
}

TEST_F(ReplTerminal, DescribeWalloniaByLabel) {
  Terminal t("describe");
  ASSERT_TRUE(t.Start(Command()));
  ASSERT_TRUE(t.WaitFor("hamlet>")) << t.Screen();
  t.Line(".describe Wallonia");
  ASSERT_TRUE(t.WaitFor("nuts:BE3  Belgium \xE2\x80\x93 Wallonia")) << t.Screen();
  ASSERT_TRUE(t.WaitFor("facts")) << t.Screen();
  std::string screen = t.Screen();
  // Facts with labels: the type, the country it is part of.
  EXPECT_NE(screen.find("Region (sv:Region)"), std::string::npos) << screen;
  EXPECT_NE(screen.find("Belgium (country:BEL)"), std::string::npos) << screen;
  EXPECT_NE(screen.find("also matching 'Wallonia'"), std::string::npos) << screen;
}

TEST_F(ReplTerminal, ErrorWithCaretThenRecovery) {
  Terminal t("error");
  ASSERT_TRUE(t.Start(Command()));
  ASSERT_TRUE(t.WaitFor("hamlet>")) << t.Screen();
  t.Line("SELECT * WHERE { ?s ?p ?o . . }");
  ASSERT_TRUE(
      t.WaitFor("error: line 1, column 29: expected '}' to close the group opened at "
                "line 1, found '.'"))
      << t.Screen();
  EXPECT_NE(t.Screen().find("SELECT * WHERE { ?s ?p ?o . . }\n                            ^\n"),
            std::string::npos)
      << t.Screen();
  t.Line(".nonsense");
  ASSERT_TRUE(t.WaitFor("error: unknown command .nonsense; .help lists them")) << t.Screen();
  t.Line("ASK { GRAPH ?g { nuts:BE3 a sv:Region } }");
  ASSERT_TRUE(t.WaitFor("true\n")) << t.Screen();
  EXPECT_TRUE(t.Running());
}

TEST_F(ReplTerminal, WideResultsFitTheScreenAndLongOnesArePaged) {
  TempDir out;
  Terminal t("table");
  ASSERT_TRUE(t.Start(Command("tee " + out.Sub("paged.txt"))));
  ASSERT_TRUE(t.WaitFor("hamlet>")) << t.Screen();
  t.Line(".read queries/q01-agencies-digital.rq");
  ASSERT_TRUE(t.WaitFor("8 rows (")) << t.Screen();
  std::string screen = t.Screen();
  EXPECT_NE(screen.find("\xE2\x80\xA6"), std::string::npos) << "long cells are cut\n" << screen;
  EXPECT_NE(screen.find("| country:DEU "), std::string::npos) << screen;
  size_t rules = 0;
  std::istringstream lines(screen);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("+-")) {
      ++rules;
      EXPECT_TRUE(line.ends_with("-+")) << "a rule wider than the screen wraps: " << line;
    }
  }
  EXPECT_EQ(rules, 3u) << screen;  // above and below the header, at the end
  // 66 rows do not fit 40 lines: they go through $PAGER.
  t.Line("SELECT ?m WHERE { GRAPH ?g { ?m a sv:MemberState } }");
  ASSERT_TRUE(t.WaitFor("66 rows")) << t.Screen();
  EXPECT_NE(testing::Slurp(out.Sub("paged.txt")).find("| country:"), std::string::npos);
}

TEST(ReplScripted, PipedStatementsPrintPlainResults) {
  TempDir tmp;
  std::string store = "--store " + tmp.Sub("db");
  ASSERT_EQ(RunHamlet(store + " load -q " +
                      tmp.Write("d.ttl", "@prefix ex: <http://ex.org/> .\nex:a ex:p 1, 2 .\n"))
                .exit_code,
            0);
  auto r = RunHamlet(store + " repl",
                     "SELECT ?o WHERE {\n  ex:a ex:p ?o\n}\nORDER BY ?o\n\n"
                     ".format csv\nSELECT (COUNT(*) AS ?n) { ?s ?p ?o }\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "?o\n1\n2\nn\r\n2\r\n");
  EXPECT_EQ(r.err, "");
  auto bad =
      RunHamlet(store + " repl", "ASK {}\nSELECT * WHERE {\n ?s ?p ?o . . }\nASK { ex:a ?p 2 }\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.out, "?_askResult\ntrue\n?_askResult\ntrue\n");
  EXPECT_NE(bad.err.find("error: stdin: line 3, column 13: expected '}' to close the group "
                         "opened at line 2, found '.'"),
            std::string::npos)
      << bad.err;
}

TEST(ReplScripted, HelpAndUsage) {
  auto h = RunHamlet("repl --help");
  EXPECT_EQ(h.exit_code, 0);
  for (const char* s : {"--timeout", "--format", "HAMLET_HISTORY", "PAGER"}) {
    EXPECT_NE(h.out.find(s), std::string::npos) << s << "\n" << h.out;
  }
  EXPECT_NE(RunHamlet("--help").out.find("repl"), std::string::npos);
  // Without a terminal, 'hamlet' alone still prints the help.
  EXPECT_NE(RunHamlet("").out.find("Run 'hamlet COMMAND --help'"), std::string::npos);
  TempDir tmp;
  EXPECT_EQ(RunHamlet("--store " + tmp.Sub("db") + " repl --format yaml", "").exit_code, 2);
}

}  // namespace
}  // namespace hamlet::testing
