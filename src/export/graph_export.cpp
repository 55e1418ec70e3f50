#include "export/graph_export.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <unordered_map>

namespace hamlet::publish {

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

Result<GraphExportSummary> ExportGraphToFile(const store::Snapshot& snapshot,
                                             const GraphExportOptions& options,
                                             const std::string& path) {
  std::string tmp = path + ".tmp";
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(tmp.c_str(), "wb"), std::fclose);
  if (out == nullptr) return Status::IoError(path + ": cannot open for writing");
  auto summary = ExportGraph(snapshot, options, out.get());
  bool write_failed = std::ferror(out.get()) != 0;
  bool close_failed = std::fclose(out.release()) != 0;
  std::error_code ec;
  if (!summary.ok() || write_failed || close_failed) {
    std::filesystem::remove(tmp, ec);
    if (!summary.ok()) return summary.status();
    return Status::IoError(path + ": write failed (disk full?)");
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::IoError(path + ": cannot rename the finished file into place");
  }
  return summary;
}

}  // namespace hamlet::publish
