#include "export/graph_export.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <unordered_map>

namespace hamlet::publish {

namespace fs = std::filesystem;

namespace {

// Decodes ids with a bounded cache: exports touch the same subjects and predicates often.
class CachedDecoder {
 public:
  explicit CachedDecoder(const store::Snapshot& snap) : snap_(snap) {}
  Result<const rdf::Term*> Get(store::TermId id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return &it->second;
    // Bounded so that exporting a huge store keeps memory flat.
    if (cache_.size() > kMaxCachedTerms) cache_.clear();
    auto t = snap_.Decode(id);
    if (!t.ok()) return t.status();
    return &cache_.emplace(id, std::move(*t)).first->second;
  }

 private:
  // About 100 MB of terms at most; a hit rate beyond this size gains little.
  static constexpr size_t kMaxCachedTerms = 1u << 20;
  const store::Snapshot& snap_;
  std::unordered_map<store::TermId, rdf::Term> cache_;
};

}  // namespace

Result<GraphExportSummary> ExportGraph(const store::Snapshot& snap,
                                       const GraphExportOptions& options, FILE* out) {
  GraphExportSummary summary;
  store::QuadPattern pattern;
  if (!options.graph.empty()) {
    auto g = snap.Lookup(rdf::TermView{rdf::TermKind::kIri, options.graph, {}, {}});
    if (!g.ok()) return g.status();
    if (*g == store::kNoTerm)
      return Status::NotFound("no graph <" + options.graph + "> in the store");
    pattern.scope = store::GraphScope::kGraph;
    pattern.g = *g;
  } else if (options.default_graph_only) {
    pattern.scope = store::GraphScope::kDefault;
  } else {
    pattern.scope = io::HasGraphs(options.syntax) || options.as_triples
                        ? store::GraphScope::kAll
                        : store::GraphScope::kDefault;
  }
  io::PrefixList prefixes = options.prefixes;
  if (prefixes.empty()) {
    auto known = snap.Prefixes();
    if (!known.ok()) return known.status();
    prefixes = std::move(*known);
  }
  auto writer = io::QuadWriter::Create(options.syntax, out, prefixes);
  CachedDecoder dec(snap);
  auto cursor = snap.Scan(pattern);
  for (; cursor->Valid(); cursor->Next()) {
    const store::IdQuad& q = cursor->quad();
    rdf::QuadView v;
    rdf::TermView* slots[4] = {&v.subject, &v.predicate, &v.object, &v.graph};
    store::TermId ids[4] = {q.s, q.p, q.o, q.g};
    if (options.as_triples) ids[3] = store::kNoTerm;
    // Keep decoded terms alive until written: the cache may be cleared between quads.
    rdf::Term terms[4];
    for (int i = 0; i < 4; ++i) {
      if (ids[i] == store::kNoTerm) continue;
      auto t = dec.Get(ids[i]);
      if (!t.ok()) return t.status();
      terms[i] = **t;
      *slots[i] = terms[i].view();
    }
    HAMLET_RETURN_IF_ERROR(writer->Write(v));
    ++summary.quads;
  }
  HAMLET_RETURN_IF_ERROR(cursor->status());
  HAMLET_RETURN_IF_ERROR(writer->Finish());
  if (options.graph.empty() && !options.as_triples && !options.default_graph_only &&
      !io::HasGraphs(options.syntax)) {
    auto stats = snap.GetStatistics();
    if (!stats.ok()) return stats.status();
    summary.named_graphs_left_out =
        std::count_if(stats->graphs.begin(), stats->graphs.end(),
                      [](const store::CountEntry& e) { return e.id != store::kNoTerm; });
  }
  return summary;
}

namespace {

// errno after a failed write or open, as a Status the CLI maps to a useful exit code.
Status FileError(int e, const std::string& path, const char* what) {
  std::string m = path + ": " + what + ": " + std::strerror(e);
  if (e == ENOSPC || e == EDQUOT) return Status::ResourceExhausted(m + " (the disk is full)");
  if (e == EACCES || e == EPERM || e == EROFS) return Status::ResourceExhausted(m);
  if (e == ENOENT || e == ENOTDIR) {
    return Status::NotFound("cannot write " + path + ": the folder " +
                            fs::path(path).parent_path().string() + " does not exist");
  }
  if (e == EISDIR) return Status::InvalidInput(path + " is a folder; give a file name");
  return Status::IoError(m);
}

// Runs the export into an open stream and closes it, checking every step: errors of
// buffered writes surface only at the flush or the close.
Result<GraphExportSummary> ExportAndClose(const store::Snapshot& snapshot,
                                          const GraphExportOptions& options, FILE* out,
                                          const std::string& path, bool sync) {
  errno = 0;  // so that a failed buffered write's errno can be told from an old one
  auto summary = ExportGraph(snapshot, options, out);
  int err = 0;
  if (std::ferror(out) != 0) err = errno != 0 ? errno : EIO;
  if (err == 0 && std::fflush(out) != 0) err = errno;
  if (err == 0 && sync && ::fsync(fileno(out)) != 0) err = errno;
  if (std::fclose(out) != 0 && err == 0) err = errno;
  // A failed stream is the more useful report: the writer only knows that it could not write.
  if (err != 0) return FileError(err, path, "write failed");
  return summary;
}

// The atomic path: a fresh temporary in the same folder, synced, renamed over `path`.
Result<GraphExportSummary> ExportReplacing(const store::Snapshot& snapshot,
                                           const GraphExportOptions& options,
                                           const std::string& path) {
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return FileError(errno, path, "cannot create a temporary file beside it");
  // mkstemp makes the file 0600; an export is meant to be read like any new file.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  FILE* out = ::fdopen(fd, "wb");
  if (out == nullptr) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return FileError(errno, path, "cannot open for writing");
  }
  auto summary = ExportAndClose(snapshot, options, out, path, /*sync=*/true);
  if (summary.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) {
    summary = FileError(errno, path, "cannot rename the finished file into place");
  }
  if (!summary.ok()) ::unlink(tmp.c_str());
  return summary;
}

}  // namespace

Result<GraphExportSummary> ExportGraphToFile(const store::Snapshot& snapshot,
                                             const GraphExportOptions& options,
                                             const std::string& path) {
  std::error_code ec;
  // A link is followed, so that the link itself stays and its target gets the export.
  // Link by link rather than canonical(), which fails on a link to a file not there yet.
  fs::path target = path;
  for (int hops = 0; fs::is_symlink(fs::symlink_status(target, ec)); ++hops) {
    if (hops == 40) return FileError(ELOOP, path, "cannot follow the link");
    fs::path next = fs::read_symlink(target, ec);
    if (ec) return FileError(ec.value(), path, "cannot follow the link");
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
  auto status = fs::status(target, ec);
  if (fs::is_directory(status)) return FileError(EISDIR, path, "");
  if (!fs::exists(status) || fs::is_regular_file(status)) {
    return ExportReplacing(snapshot, options, target.string());
  }
  // A FIFO or a device: renaming over it would replace it with a regular file.
  FILE* out = std::fopen(target.c_str(), "wb");
  if (out == nullptr) return FileError(errno, path, "cannot open for writing");
  return ExportAndClose(snapshot, options, out, path, /*sync=*/false);
}

}  // namespace hamlet::publish
