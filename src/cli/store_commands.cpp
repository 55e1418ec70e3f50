// hamlet load / export / stats.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <unordered_map>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "export/dcat_bundle.h"
#include "export/graph_export.h"
#include "io/writer.h"
#include "rdf/check.h"
#include "store/store.h"

namespace hamlet::cli {

namespace {

int Fail(const Status& s) {
  std::fprintf(stderr, "hamlet: %s\n", s.message().c_str());
  return ExitCodeFor(s);
}

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& dir, bool create) {
  store::OpenOptions o;
  o.create_if_missing = create;
  auto s = store::Store::Open(dir, o);
  if (!s.ok() && s.status().code() == Status::Code::kNotFound) {
    return Status::NotFound("no store at " + dir + " (run 'hamlet load' first, or pass --store)");
  }
  return s;
}

std::string HumanCount(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string Clock(double seconds) {
  int s = static_cast<int>(seconds);
  return fmt::format("{:02}:{:02}", s / 60, s % 60);
}

// Terminal: one line rewritten in place. Otherwise: a log line per phase and every 10 s.
class ProgressPrinter {
 public:
  explicit ProgressPrinter(bool quiet) : quiet_(quiet), tty_(isatty(STDERR_FILENO) != 0) {}
  void operator()(const store::LoadProgress& p) {
    // Loads that finish within a second need no progress display, only the summary.
    if (quiet_ || p.seconds < 1.0) return;
    double rate = p.seconds > 0 ? p.quads / p.seconds : 0;
    std::string eta;
    if (p.total_bytes > 0 && p.bytes > 0 && std::string_view(p.phase) == "reading") {
      double left = p.seconds * (static_cast<double>(p.total_bytes) / p.bytes - 1);
      eta = "  ETA " + Clock(left);
    }
    std::string line =
        fmt::format("{:<10} {:>13} quads  {:>9} quads/s  {}{}", p.phase, HumanCount(p.quads),
                    HumanCount(static_cast<uint64_t>(rate)), Clock(p.seconds), eta);
    if (tty_) {
      std::fprintf(stderr, "\r%-78s", line.c_str());
      if (std::string_view(p.phase) == "done") std::fputc('\n', stderr);
    } else if (std::string_view(p.phase) != last_phase_ || p.seconds - last_log_ >= 10) {
      std::fprintf(stderr, "%s\n", line.c_str());
      last_log_ = p.seconds;
    }
    last_phase_ = p.phase;
    std::fflush(stderr);
  }

 private:
  bool quiet_, tty_;
  std::string last_phase_;
  double last_log_ = 0;
};

std::string Shorten(const rdf::Term& t, const io::PrefixList& prefixes) {
  return t.is_iri() ? rdf::ShortIri(t.value(), prefixes) : t.ToNTriples();
}

}  // namespace

std::string DefaultStoreDir() {
  if (const char* e = std::getenv("HAMLET_STORE"); e != nullptr && *e != '\0') return e;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x != nullptr && *x != '\0') {
    return std::string(x) + "/hamlet/store";
  }
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr ? home : ".") + "/.local/share/hamlet/store";
}

int RunLoad(const LoadArgs& args) {
  std::vector<store::LoadSource> sources;
  for (const auto& f : args.files) {
    store::LoadSource src;
    src.path = f;
    auto syntax = !args.format.empty() ? io::SyntaxFromName(args.format)
                  : f == "-"           ? Result<io::Syntax>(Status::InvalidArgument(
                                             "reading standard input needs --format (nt, nq, ttl or trig)"))
                                       : io::SyntaxFromPath(f);
    if (!syntax.ok()) return Fail(syntax.status());
    src.syntax = *syntax;
    src.graph_iri = args.graph;
    src.base_iri = args.base;
    sources.push_back(std::move(src));
  }
  if (!args.graph.empty()) {
    if (Status s = rdf::CheckAbsoluteIri(args.graph); !s.ok()) {
      return Fail(Status::InvalidArgument("--graph: " + s.message()));
    }
  }
  auto st = OpenStore(args.store, true);
  if (!st.ok()) return Fail(st.status());
  store::LoadOptions options;
  ProgressPrinter printer(args.quiet);
  options.progress = [&](const store::LoadProgress& p) { printer(p); };
  auto r = (*st)->Load(sources, options);
  if (!r.ok()) {
    if (!args.quiet && isatty(STDERR_FILENO)) std::fputc('\n', stderr);
    std::fprintf(stderr, "hamlet: load failed, the store is unchanged\n");
    return Fail(r.status());
  }
  if (!args.quiet) {
    std::fprintf(stderr, "loaded %s quads (%s new, %s new terms) in %.2f s%s\n",
                 HumanCount(r->quads_read).c_str(), HumanCount(r->quads_added).c_str(),
                 HumanCount(r->terms_added).c_str(), r->seconds, r->bulk ? " (bulk)" : "");
  }
  return kExitOk;
}

std::string DefaultDcatConfig() {
  if (const char* e = std::getenv("HAMLET_DCAT_CONFIG"); e != nullptr && *e != '\0') return e;
  return HAMLET_SOURCE_DIR "/config/dcat-ap.json";
}

namespace {

int RunDcatExport(const ExportArgs& args) {
  if (args.base_url.empty()) {
    return Fail(Status::InvalidArgument(
        "--dcat-ap needs --base-url (the URL the bundle is published under)"));
  }
  if (!args.output.empty() || !args.graph.empty() || !args.format.empty()) {
    return Fail(Status::InvalidArgument(
        "--dcat-ap writes every graph in every format: drop -o, --graph and --format"));
  }
  auto st = OpenStore(args.store, false);
  if (!st.ok()) return Fail(st.status());
  auto snap = (*st)->GetSnapshot();
  publish::DcatBundleOptions options{args.dcat_dir, args.base_url, args.dcat_config};
  auto summary = publish::WriteDcatBundle(*snap, options);
  if (!summary.ok()) {
    // Only complete bundles are ever put at DIR (dcat_bundle.h), so whatever is there now is
    // the previous one; say which case this is rather than promise "unchanged" blindly.
    std::error_code ec;
    bool kept = std::filesystem::is_directory(args.dcat_dir, ec);
    std::fprintf(stderr, "hamlet: the DCAT-AP export failed; %s %s\n", args.dcat_dir.c_str(),
                 kept ? "holds the previous bundle" : "was not created");
    return Fail(summary.status());
  }
  std::fprintf(stderr, "wrote %zu datasets, %zu distribution files (%s bytes) and ",
               summary->datasets, summary->distributions,
               HumanCount(summary->distribution_bytes).c_str());
  for (size_t i = 0; i < summary->catalog_files.size(); ++i) {
    std::fprintf(stderr, "%s%s", i == 0 ? "" : ", ", summary->catalog_files[i].c_str());
  }
  std::fprintf(stderr, " to %s\n", args.dcat_dir.c_str());
  return kExitOk;
}

}  // namespace

int RunExport(const ExportArgs& args) {
  if (!args.dcat_dir.empty()) return RunDcatExport(args);
  bool to_stdout = args.output.empty() || args.output == "-";
  Result<io::Syntax> syntax = !args.format.empty() ? io::SyntaxFromName(args.format)
                              : to_stdout          ? Result<io::Syntax>(io::Syntax::kNQuads)
                                                   : io::SyntaxFromPath(args.output);
  if (!syntax.ok()) return Fail(syntax.status());
  auto st = OpenStore(args.store, false);
  if (!st.ok()) return Fail(st.status());
  auto snap = (*st)->GetSnapshot();
  publish::GraphExportOptions options;
  options.syntax = *syntax;
  options.graph = args.graph;
  auto summary = to_stdout ? publish::ExportGraph(*snap, options, stdout)
                           : publish::ExportGraphToFile(*snap, options, args.output);
  if (!summary.ok()) return Fail(summary.status());
  if (to_stdout && std::fflush(stdout) != 0)
    return Fail(Status::IoError("writing standard output failed"));
  if (summary->named_graphs_left_out > 0) {
    std::fprintf(stderr,
                 "note: wrote the default graph only; %zu named graphs were left out "
                 "(use --format nq or trig, or --graph IRI)\n",
                 summary->named_graphs_left_out);
  }
  if (!to_stdout) {
    std::fprintf(stderr, "wrote %s quads to %s\n", HumanCount(summary->quads).c_str(),
                 args.output.c_str());
  }
  return kExitOk;
}

int RunStats(const StatsArgs& args) {
  auto st = OpenStore(args.store, false);
  if (!st.ok()) return Fail(st.status());
  auto snap = (*st)->GetSnapshot();
  auto stats = snap->GetStatistics();
  if (!stats.ok()) return Fail(stats.status());
  auto prefixes = snap->Prefixes();
  if (!prefixes.ok()) return Fail(prefixes.status());
  uint64_t disk = (*st)->DiskBytes();
  size_t named = std::count_if(stats->graphs.begin(), stats->graphs.end(),
                               [](const store::CountEntry& e) { return e.id != 0; });
  std::printf("store          %s (format version %d)\n", args.store.c_str(), store::kFormatVersion);
  std::printf("quads          %s\n", HumanCount(stats->quads).c_str());
  std::printf("terms          %s\n", HumanCount(stats->terms).c_str());
  std::printf("named graphs   %zu\n", named);
  std::printf("predicates     %zu\n", stats->predicates.size());
  std::printf("classes        %zu\n", stats->classes.size());
  std::printf("disk           %.1f MB", disk / 1e6);
  if (stats->quads > 0)
    std::printf(" (%.1f bytes per quad)", static_cast<double>(disk) / stats->quads);
  std::printf("\n");
  auto print_top = [&](const char* title, std::vector<store::CountEntry> entries) -> Status {
    if (entries.empty()) return Status::Ok();
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.count != b.count ? a.count > b.count : a.id < b.id;
    });
    std::printf("\n%s\n", title);
    for (size_t i = 0; i < entries.size() && i < static_cast<size_t>(args.top); ++i) {
      std::string name = "(default graph)";
      if (entries[i].id != store::kNoTerm) {
        auto t = snap->Decode(entries[i].id);
        if (!t.ok()) return t.status();
        name = Shorten(*t, *prefixes);
      }
      std::printf("  %12s  %s\n", HumanCount(entries[i].count).c_str(), name.c_str());
    }
    return Status::Ok();
  };
  for (auto [title, list] :
       {std::pair{"top predicates", &stats->predicates}, std::pair{"top classes", &stats->classes},
        std::pair{"largest graphs", &stats->graphs}}) {
    if (Status s = print_top(title, *list); !s.ok()) return Fail(s);
  }
  return kExitOk;
}

}  // namespace hamlet::cli
