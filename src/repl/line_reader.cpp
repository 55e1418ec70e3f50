#include "repl/line_reader.h"

#include <histedit.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "rdf/utf8.h"
#include "repl/terminal_table.h"

namespace hamlet::repl {

namespace {

volatile sig_atomic_t g_interrupted = 0;
std::atomic<store::CancellationToken*> g_target{nullptr};
static_assert(std::atomic<store::CancellationToken*>::is_always_lock_free);
static_assert(std::atomic<bool>::is_always_lock_free);

void OnInterrupt(int) {
  g_interrupted = 1;
  if (store::CancellationToken* t = g_target.load(std::memory_order_relaxed)) {
    t->Cancel();
    // The terminal echoed ^C after the query line: the message goes on the next line.
    ssize_t ignored = write(STDOUT_FILENO, "\n", 1);
    (void)ignored;
  }
}

constexpr int kHistorySize = 1000;
constexpr size_t kMaxListed = 200;

class EditLineReader : public LineReader {
 public:
  EditLineReader(std::string history_path, Completer completer)
      : history_path_(std::move(history_path)), completer_(std::move(completer)) {
    el_ = el_init("hamlet", stdin, stdout, stderr);
    history_ = history_init();
    HistEvent ev;
    history(history_, &ev, H_SETSIZE, kHistorySize);
    history(history_, &ev, H_SETUNIQUE, 1);
    if (!history_path_.empty()) history(history_, &ev, H_LOAD, history_path_.c_str());
    el_set(el_, EL_CLIENTDATA, this);
    el_set(el_, EL_EDITOR, "emacs");
    el_set(el_, EL_HIST, history, history_);
    el_set(el_, EL_PROMPT, &EditLineReader::Prompt);
    el_set(el_, EL_GETCFN, &EditLineReader::GetChar);
    el_set(el_, EL_ADDFN, "hamlet-complete", "complete a keyword, prefix, name or variable",
           &EditLineReader::CompleteFn);
    el_set(el_, EL_BIND, "^I", "hamlet-complete", nullptr);
    el_source(el_, nullptr);  // the user's ~/.editrc, if any
  }
  ~EditLineReader() override {
    el_end(el_);
    history_end(history_);
  }

  Outcome Read(const std::string& prompt, std::string* line) override {
    prompt_ = prompt;
    g_interrupted = 0;
    el_resize(el_);
    int count = 0;
    const char* s = el_gets(el_, &count);
    if (s == nullptr) {
      if (g_interrupted) {
        g_interrupted = 0;
        std::fputs("^C\n", stdout);
        std::fflush(stdout);
        el_reset(el_);
        return Outcome::kInterrupted;
      }
      std::fputc('\n', stdout);
      return Outcome::kEof;
    }
    line->assign(s, static_cast<size_t>(count));
    while (!line->empty() && (line->back() == '\n' || line->back() == '\r')) line->pop_back();
    return Outcome::kLine;
  }

  void AddHistory(const std::string& entry) override {
    HistEvent ev;
    history(history_, &ev, H_ENTER, entry.c_str());
    if (history_path_.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(history_path_).parent_path(), ec);
    history(history_, &ev, H_SAVE, history_path_.c_str());
  }

 private:
  static EditLineReader* Self(EditLine* el) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    return static_cast<EditLineReader*>(data);
  }

  static const char* Prompt(EditLine* el) { return Self(el)->prompt_.c_str(); }

  // Reads one UTF-8 character from the terminal. A read interrupted by Ctrl-C ends el_gets
  // with an error (our handler has no SA_RESTART), which Read() reports as kInterrupted.
  static int GetChar(EditLine*, wchar_t* out) {
    char buf[4];
    for (size_t have = 0; have < sizeof buf;) {
      ssize_t n = read(STDIN_FILENO, buf + have, 1);
      if (n < 0) {
        if (errno == EINTR && !g_interrupted) continue;
        return -1;
      }
      if (n == 0) return 0;
      ++have;
      rdf::utf8::Decoded d = rdf::utf8::DecodeFirst(std::string_view(buf, have));
      if (d.problem == rdf::utf8::Problem::kTruncated && d.length == have) continue;
      // A broken sequence shows as '?' rather than stalling the line.
      *out = d.problem == rdf::utf8::Problem::kNone ? static_cast<wchar_t>(d.code_point) : L'?';
      return 1;
    }
    return -1;  // not reached: four bytes always complete or break a sequence
  }

  static unsigned char CompleteFn(EditLine* el, int) { return Self(el)->DoComplete(); }

  unsigned char DoComplete() {
    const LineInfo* li = el_line(el_);
    std::string_view line(li->buffer, static_cast<size_t>(li->lastchar - li->buffer));
    size_t cursor = static_cast<size_t>(li->cursor - li->buffer);
    Completion c = completer_(line, cursor);
    if (c.candidates.empty()) return CC_REFRESH_BEEP;
    auto replace = [&](const std::string& with) {
      el_deletestr(el_, static_cast<int>(DisplayWidth(c.word)));
      el_insertstr(el_, with.c_str());
    };
    if (c.candidates.size() == 1) {
      replace(c.candidates[0] + (c.whole_token ? " " : ""));
      return CC_REFRESH;
    }
    std::string common = CommonPrefix(c.candidates);
    if (common.size() > c.word.size()) {
      replace(common);
      return CC_REFRESH;
    }
    List(c.candidates);
    return CC_REDISPLAY;
  }

  // Lists candidates in columns under the line being edited; libedit redraws it after.
  void List(const std::vector<std::string>& candidates) {
    struct winsize ws {};
    size_t cols = ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
    size_t shown = std::min(candidates.size(), kMaxListed);
    size_t width = 0;
    for (size_t i = 0; i < shown; ++i) width = std::max(width, DisplayWidth(candidates[i]));
    width += 2;
    size_t per_line = std::max<size_t>(1, cols / width);
    std::string out = "\n";
    for (size_t i = 0; i < shown; ++i) {
      out += candidates[i];
      bool last = (i + 1) % per_line == 0 || i + 1 == shown;
      out += last ? "\n" : std::string(width - DisplayWidth(candidates[i]), ' ');
    }
    if (candidates.size() > shown) {
      out += "... and " + std::to_string(candidates.size() - shown) + " more\n";
    }
    std::fputs(out.c_str(), stdout);
    std::fflush(stdout);
  }

  EditLine* el_ = nullptr;
  History* history_ = nullptr;
  std::string history_path_;
  Completer completer_;
  std::string prompt_;
};

}  // namespace

void InstallInterruptHandler() {
  struct sigaction sa {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: Ctrl-C must interrupt the terminal read
  sigaction(SIGINT, &sa, nullptr);
}

void SetInterruptTarget(store::CancellationToken* token) {
  g_target.store(token, std::memory_order_relaxed);
  // Ctrl-C between reading the statement and getting here is meant for this statement.
  if (token != nullptr && g_interrupted) token->Cancel();
}

bool ConsumeInterrupt() {
  bool was = g_interrupted != 0;
  g_interrupted = 0;
  return was;
}

std::unique_ptr<LineReader> LineReader::Create(const std::string& history_path,
                                               Completer completer) {
  return std::make_unique<EditLineReader>(history_path, std::move(completer));
}

}  // namespace hamlet::repl
