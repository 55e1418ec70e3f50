// The dot-commands that read or write the store directly: .graphs, .stats, .load, .export,
// and the vocabulary behind completion.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "export/graph_export.h"
#include "rdf/check.h"
#include "rdf/vocab.h"
#include "repl/session.h"

namespace hamlet::repl {

namespace {

// Enough typed resources for completion without reading a huge store at the first Tab.
constexpr size_t kMaxCompletionResources = 20000;

std::string Count(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::vector<store::CountEntry> ByCount(std::vector<store::CountEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.count != b.count ? a.count > b.count : a.id < b.id;
  });
  return entries;
}

}  // namespace

const Vocabulary& Session::vocabulary() {
  if (vocabulary_) return *vocabulary_;
  vocabulary_.emplace();
  Vocabulary& v = *vocabulary_;
  auto snap = store_->GetSnapshot();
  auto stats = snap->GetStatistics();
  if (!stats.ok()) return v;
  std::unordered_set<std::string> seen;
  auto add = [&](store::TermId id, std::vector<std::string>* out) {
    auto t = snap->Decode(id);
    if (!t.ok() || !t->is_iri()) return;
    std::string name = ShortIri(t->value(), prefixes_);
    if (name.front() != '<' && seen.insert(name).second) out->push_back(std::move(name));
  };
  for (const auto& e : ByCount(stats->classes)) add(e.id, &v.classes);
  for (const auto& e : ByCount(stats->predicates)) add(e.id, &v.properties);
  auto type = snap->Lookup(rdf::Term::Iri(std::string(rdf::vocab::kRdfType)).view());
  if (!type.ok() || *type == store::kNoTerm) return v;
  store::QuadPattern pattern;
  pattern.p = *type;
  pattern.scope = store::GraphScope::kAll;
  std::unordered_set<store::TermId> subjects;
  for (auto c = snap->Scan(pattern); c->Valid() && subjects.size() < kMaxCompletionResources;
       c->Next()) {
    if (subjects.insert(c->quad().s).second) add(c->quad().s, &v.resources);
  }
  std::sort(v.resources.begin(), v.resources.end());
  return v;
}

Status Session::Graphs() {
  auto snap = store_->GetSnapshot();
  auto stats = snap->GetStatistics();
  if (!stats.ok()) return Fail(stats.status());
  std::vector<std::pair<std::string, uint64_t>> graphs;
  for (const auto& e : stats->graphs) {
    if (e.id == store::kNoTerm) {
      graphs.emplace_back("(default graph)", e.count);
      continue;
    }
    auto t = snap->Decode(e.id);
    if (!t.ok()) return Fail(t.status());
    graphs.emplace_back(t->is_iri() ? "<" + t->value() + ">" : t->ToNTriples(), e.count);
  }
  std::sort(graphs.begin(), graphs.end());
  std::vector<std::vector<std::string>> rows;
  for (const auto& [name, count] : graphs) rows.push_back({name, Count(count)});
  printer_->Out(RenderTable({"graph", "quads"}, rows, Layout()));
  if (options_.interactive) {
    printer_->Info(fmt::format("{} graph{}\n", graphs.size(), graphs.size() == 1 ? "" : "s"));
  }
  return Status::Ok();
}

Status Session::Stats() {
  auto snap = store_->GetSnapshot();
  auto stats = snap->GetStatistics();
  if (!stats.ok()) return Fail(stats.status());
  size_t named = std::count_if(stats->graphs.begin(), stats->graphs.end(),
                               [](const store::CountEntry& e) { return e.id != 0; });
  std::string out = fmt::format(
      "store          {}\nquads          {}\nterms          {}\nnamed graphs   {}\n"
      "predicates     {}\nclasses        {}\ndisk           {:.1f} MB\n",
      store_->dir(), Count(stats->quads), Count(stats->terms), named, stats->predicates.size(),
      stats->classes.size(), store_->DiskBytes() / 1e6);
  for (auto [title, list] : {std::pair{"top predicates", &stats->predicates},
                             std::pair{"top classes", &stats->classes}}) {
    if (list->empty()) continue;
    out += fmt::format("\n{}\n", title);
    auto sorted = ByCount(*list);
    for (size_t i = 0; i < sorted.size() && i < 10; ++i) {
      auto t = snap->Decode(sorted[i].id);
      if (!t.ok()) return Fail(t.status());
      std::string name = t->is_iri() ? ShortIri(t->value(), prefixes_) : t->ToNTriples();
      out += fmt::format("  {:>12}  {}\n", Count(sorted[i].count), name);
    }
  }
  printer_->Out(out);
  return Status::Ok();
}

Status Session::Load(const DotCommand& cmd) {
  store::LoadSource src;
  src.path = cmd.args[0];
  auto syntax = io::SyntaxFromPath(src.path);
  if (!syntax.ok()) return Fail(syntax.status());
  src.syntax = *syntax;
  if (cmd.args.size() > 1) {
    src.graph_iri = cmd.args[1];
    if (src.graph_iri.size() >= 2 && src.graph_iri.front() == '<') {
      src.graph_iri = src.graph_iri.substr(1, src.graph_iri.size() - 2);
    }
    if (Status s = rdf::CheckAbsoluteIri(src.graph_iri); !s.ok()) return Fail(s);
  }
  auto r = store_->Load({src});
  if (!r.ok()) return Fail(r.status().WithContext("load failed, the store is unchanged"));
  // The file's prefixes become the session's too, unless the session already uses the name.
  auto snap = store_->GetSnapshot();
  if (auto prefixes = snap->Prefixes(); prefixes.ok()) {
    io::PrefixList fresh;
    for (const auto& p : *prefixes) {
      if (std::none_of(prefixes_.begin(), prefixes_.end(),
                       [&](const auto& q) { return q.first == p.first; })) {
        fresh.push_back(p);
      }
    }
    Declare(fresh);
  }
  vocabulary_.reset();
  printer_->Info(fmt::format("loaded {} quads ({} new, {} new terms) in {:.2f} s\n",
                             Count(r->quads_read), Count(r->quads_added), Count(r->terms_added),
                             r->seconds));
  return Status::Ok();
}

Status Session::Export(const DotCommand& cmd) {
  const std::string& path = cmd.args[0];
  auto syntax = io::SyntaxFromPath(path);
  if (!syntax.ok()) return Fail(syntax.status());
  publish::GraphExportOptions options;
  options.syntax = *syntax;
  if (cmd.args.size() > 1) {
    options.graph = cmd.args[1];
    if (options.graph.size() >= 2 && options.graph.front() == '<') {
      options.graph = options.graph.substr(1, options.graph.size() - 2);
    }
  }
  auto snap = store_->GetSnapshot();
  auto summary = publish::ExportGraphToFile(*snap, options, path);
  if (!summary.ok()) return Fail(summary.status());
  std::string note;
  if (summary->named_graphs_left_out > 0) {
    note = fmt::format(" (the default graph only: {} named graphs left out; use .nq or .trig)",
                       summary->named_graphs_left_out);
  }
  printer_->Info(fmt::format("wrote {} quads to {}{}\n", Count(summary->quads), path, note));
  return Status::Ok();
}

}  // namespace hamlet::repl
