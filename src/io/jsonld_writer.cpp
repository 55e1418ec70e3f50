// JSON-LD writer: a compacted document with an inline @context made of the prefixes. The
// statements of one run of graph+subject are buffered (a JSON object must not repeat a key,
// and a subject's predicates need not arrive together); each finished run is printed as one
// node object.
//
// Every compacted IRI must expand back to itself (JSON-LD 1.1, IRI Expansion):
//  - "p:local" expands with prefix p; a local part starting with "//" would instead be read
//    as an absolute IRI, so such IRIs are written in full.
//  - a full IRI "s:rest" whose scheme s is also a prefix name would be expanded with that
//    prefix (unless rest starts with "//"). Such a node object gets an embedded
//    "@context": {"s": null} and does not use prefix s inside.
//  - the empty prefix, names with characters beyond [A-Za-z0-9_.-], and prefixes whose
//    namespace would itself be expanded by another prefix are left out of the @context.
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/writer_impl.h"
#include "rdf/iri.h"
#include "rdf/vocab.h"

namespace hamlet::io::internal {

namespace {

using NameSet = std::set<std::string, std::less<>>;

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  rdf::AppendEscapedString(s, out);  // its escapes are JSON's (\uXXXX for other controls)
  out->push_back('"');
}

bool IsPrefixName(std::string_view name) {
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  for (unsigned char c : name) {
    if (!std::isalnum(c) && c != '_' && c != '.' && c != '-') return false;
  }
  return true;
}

// JSON-LD 1.1 treats a simple term as a prefix only when its IRI ends in a gen-delim.
bool EndsInGenDelim(std::string_view ns) {
  return !ns.empty() && std::string_view(":/?#[]@").find(ns.back()) != std::string_view::npos;
}

std::string_view SchemeOf(std::string_view iri) {
  return iri.substr(0, iri.find(':'));
}

bool IsIri(const rdf::TermView& t) {
  return t.kind == rdf::TermKind::kIri;
}

bool SameTerm(const rdf::Term& a, const rdf::TermView& b) {
  return a.kind() == b.kind && a.value() == b.value;
}

struct Prefix {
  std::string name;
  std::string ns;
};

// Compacts IRIs with the document's prefixes minus `excluded` (names nulled by embedded
// contexts); records in `conflicts` the names that a full IRI written here would wrongly
// expand with.
class Compactor {
 public:
  Compactor(const std::vector<Prefix>& prefixes, const NameSet& names, const NameSet& excluded)
      : prefixes_(prefixes), names_(names), excluded_(excluded) {}

  void Append(std::string_view iri, std::string* out) {
    const Prefix* best = nullptr;
    for (const Prefix& p : prefixes_) {
      if (iri.size() > p.ns.size() && iri.substr(0, p.ns.size()) == p.ns &&
          iri.substr(p.ns.size(), 2) != "//" && excluded_.count(p.name) == 0 &&
          (best == nullptr || p.ns.size() > best->ns.size())) {
        best = &p;
      }
    }
    if (best != nullptr) {
      AppendJsonString(best->name + ":" + std::string(iri.substr(best->ns.size())), out);
      return;
    }
    std::string_view scheme = SchemeOf(iri);
    if (iri.substr(scheme.size() + 1, 2) != "//" && names_.count(scheme) != 0 &&
        excluded_.count(scheme) == 0) {
      conflicts_.emplace(scheme);
    }
    AppendJsonString(iri, out);
  }

  void AppendNode(const rdf::TermView& t, std::string* out) {
    if (IsIri(t)) {
      Append(t.value, out);
    } else {
      AppendJsonString("_:" + std::string(t.value), out);
    }
  }

  const NameSet& conflicts() const { return conflicts_; }

 private:
  const std::vector<Prefix>& prefixes_;
  const NameSet& names_;
  const NameSet& excluded_;
  NameSet conflicts_;
};

class JsonLdWriter final : public QuadWriter {
 public:
  JsonLdWriter(FILE* out, const PrefixList& prefixes) : out_(out) {
    NameSet candidates;
    std::vector<Prefix> kept;
    for (const auto& [name, ns] : prefixes) {
      if (!IsPrefixName(name) || candidates.count(name) != 0 || !rdf::HasScheme(ns)) continue;
      candidates.insert(name);
      kept.push_back({name, ns});
    }
    for (Prefix& p : kept) {
      // The namespace is itself expanded against the context being defined.
      std::string_view scheme = SchemeOf(p.ns);
      if (candidates.count(scheme) != 0 && p.ns.substr(scheme.size() + 1, 2) != "//") continue;
      names_.insert(p.name);
      prefixes_.push_back(std::move(p));
    }
  }

  Status Write(const rdf::QuadView& q) override {
    HAMLET_RETURN_IF_ERROR(Check(q));
    if (run_active_ && !(SameTerm(run_graph_, q.graph) && SameTerm(run_subject_, q.subject))) {
      HAMLET_RETURN_IF_ERROR(FlushRun());
    }
    if (!run_active_) {
      run_active_ = true;
      run_graph_ = rdf::Term::FromView(q.graph);
      run_subject_ = rdf::Term::FromView(q.subject);
    }
    auto [it, fresh] = run_index_.try_emplace(std::string(q.predicate.value), run_props_.size());
    if (fresh) run_props_.push_back({std::string(q.predicate.value), {}});
    run_props_[it->second].second.push_back(rdf::Term::FromView(q.object));
    return Status::Ok();
  }

  Status Finish() override {
    HAMLET_RETURN_IF_ERROR(FlushRun());
    std::string text;
    if (!started_) AppendHeader(&text);
    if (graph_open_) CloseGraph(&text);
    text.append(top_items_ > 0 ? "\n  ]\n}\n" : "]\n}\n");
    started_ = true;
    HAMLET_RETURN_IF_ERROR(WriteAll(out_, text));
    return FlushOutput(out_);
  }

 private:
  static Status Check(const rdf::QuadView& q) {
    HAMLET_RETURN_IF_ERROR(CheckUtf8(q));
    for (const rdf::TermView* t : {&q.subject, &q.predicate, &q.object, &q.graph}) {
      if (IsIri(*t) && !rdf::HasScheme(t->value)) {
        return Status::InvalidInput("IRI <" + std::string(t->value) +
                                    "> is relative: JSON-LD output has no base to resolve it");
      }
    }
    if (q.subject.kind != rdf::TermKind::kIri && q.subject.kind != rdf::TermKind::kBlank) {
      return Status::InvalidInput("JSON-LD subjects are IRIs or blank nodes");
    }
    if (!IsIri(q.predicate)) return Status::InvalidInput("JSON-LD predicates are IRIs");
    if (q.graph.kind == rdf::TermKind::kLiteral) {
      return Status::InvalidInput("JSON-LD graph names are IRIs or blank nodes");
    }
    if (q.object.is_none()) return Status::InvalidInput("statement has no object");
    if (q.object.kind == rdf::TermKind::kLiteral) {
      if (q.object.lang.empty() && q.object.datatype == rdf::vocab::kRdfLangString) {
        std::string nt;
        rdf::AppendNTriples(q.object, &nt);
        return Status::InvalidInput("literal " + nt +
                                    " has datatype rdf:langString but no language");
      }
      if (q.object.lang.empty() && !q.object.datatype.empty() &&
          !rdf::HasScheme(q.object.datatype)) {
        return Status::InvalidInput("datatype IRI <" + std::string(q.object.datatype) +
                                    "> is relative");
      }
    }
    return Status::Ok();
  }

  void AppendHeader(std::string* text) const {
    // "@prefix" is JSON-LD 1.1: make a 1.0 processor fail rather than misread the prefix.
    bool needs_11 = std::any_of(prefixes_.begin(), prefixes_.end(),
                                [](const Prefix& p) { return !EndsInGenDelim(p.ns); });
    text->append("{\n  \"@context\": {");
    if (needs_11) text->append("\n    \"@version\": 1.1");
    for (size_t i = 0; i < prefixes_.size(); ++i) {
      const Prefix& p = prefixes_[i];
      text->append(i == 0 && !needs_11 ? "\n    " : ",\n    ");
      AppendJsonString(p.name, text);
      text->append(": ");
      if (EndsInGenDelim(p.ns)) {
        AppendJsonString(p.ns, text);
      } else {
        text->append("{\"@id\": ");
        AppendJsonString(p.ns, text);
        text->append(", \"@prefix\": true}");
      }
    }
    text->append(prefixes_.empty() ? "},\n  \"@graph\": [" : "\n  },\n  \"@graph\": [");
  }

  void CloseGraph(std::string* text) {
    text->append(graph_items_ > 0 ? "\n      ]\n    }" : "]\n    }");
    graph_open_ = false;
  }

  // Renders with `compact` until no full IRI would be misread: each round nulls the prefixes
  // that clashed, which only removes CURIEs, so it ends after at most one round per prefix.
  template <typename Render>
  NameSet Settle(const NameSet& inherited, Render render, std::string* body) {
    NameSet excluded = inherited;
    for (;;) {
      body->clear();
      Compactor c(prefixes_, names_, excluded);
      render(c, body);
      if (c.conflicts().empty()) break;
      excluded.insert(c.conflicts().begin(), c.conflicts().end());
    }
    NameSet nulled;
    for (const auto& n : excluded) {
      if (inherited.count(n) == 0) nulled.insert(n);
    }
    return nulled;
  }

  static void AppendNulls(const NameSet& nulled, const std::string& ind, std::string* text) {
    if (nulled.empty()) return;
    text->append(ind + "  \"@context\": {");
    bool first = true;
    for (const auto& n : nulled) {
      if (!first) text->append(", ");
      first = false;
      AppendJsonString(n, text);
      text->append(": null");
    }
    text->append("},\n");
  }

  void AppendValue(Compactor& c, const rdf::Term& o, std::string* out) {
    if (!o.is_literal()) {
      out->append("{\"@id\": ");
      c.AppendNode(o.view(), out);
      out->push_back('}');
      return;
    }
    if (o.lang().empty() && (o.datatype().empty() || o.datatype() == rdf::vocab::kXsdString)) {
      AppendJsonString(o.value(), out);
      return;
    }
    out->append("{\"@value\": ");
    AppendJsonString(o.value(), out);
    if (!o.lang().empty()) {
      out->append(", \"@language\": ");
      AppendJsonString(o.lang(), out);
    } else {
      out->append(", \"@type\": ");
      c.Append(o.datatype(), out);
    }
    out->push_back('}');
  }

  // `values` as one value, or an array of them one per line.
  template <typename Each>
  static void AppendValues(size_t n, const std::string& ind, Each each, std::string* out) {
    if (n == 1) {
      each(0, out);
      return;
    }
    out->push_back('[');
    for (size_t i = 0; i < n; ++i) {
      out->append(i == 0 ? "\n" : ",\n").append(ind + "    ");
      each(i, out);
    }
    out->append("\n" + ind + "  ]");
  }

  void RenderNode(Compactor& c, const std::string& ind, std::string* body) {
    body->append(ind + "  \"@id\": ");
    c.AppendNode(run_subject_.view(), body);
    std::vector<const rdf::Term*> types, other_types;
    for (const auto& [p, objects] : run_props_) {
      if (p != rdf::vocab::kRdfType) continue;
      for (const auto& o : objects) (o.is_iri() ? types : other_types).push_back(&o);
    }
    if (!types.empty()) {
      body->append(",\n" + ind + "  \"@type\": ");
      AppendValues(
          types.size(), ind, [&](size_t i, std::string* out) { c.Append(types[i]->value(), out); },
          body);
    }
    for (const auto& [p, objects] : run_props_) {
      // rdf:type values that @type cannot hold (blank nodes, literals) keep the plain key.
      const bool is_type = p == rdf::vocab::kRdfType;
      if (is_type && other_types.empty()) continue;
      size_t n = is_type ? other_types.size() : objects.size();
      body->append(",\n" + ind + "  ");
      c.Append(p, body);
      body->append(": ");
      AppendValues(
          n, ind,
          [&](size_t i, std::string* out) {
            AppendValue(c, is_type ? *other_types[i] : objects[i], out);
          },
          body);
    }
    body->push_back('\n');
  }

  Status FlushRun() {
    if (!run_active_) return Status::Ok();
    std::string text;
    if (!started_) AppendHeader(&text);
    if (graph_open_ &&
        !(graph_.kind() == run_graph_.kind() && graph_.value() == run_graph_.value())) {
      CloseGraph(&text);
    }
    if (!graph_open_ && !run_graph_.is_none()) {
      text.append(top_items_++ > 0 ? ",\n    {\n" : "\n    {\n");
      std::string body;
      graph_nulls_ = Settle(
          {}, [&](Compactor& c, std::string* out) { c.AppendNode(run_graph_.view(), out); }, &body);
      AppendNulls(graph_nulls_, "    ", &text);
      text.append("      \"@id\": " + body + ",\n      \"@graph\": [");
      graph_open_ = true;
      graph_ = run_graph_;
      graph_items_ = 0;
    }
    const NameSet empty;
    const NameSet& inherited = graph_open_ ? graph_nulls_ : empty;
    std::string ind = graph_open_ ? "        " : "    ";
    size_t& items = graph_open_ ? graph_items_ : top_items_;
    text.append(items++ > 0 ? ",\n" : "\n").append(ind + "{\n");
    std::string body;
    NameSet nulled = Settle(
        inherited, [&](Compactor& c, std::string* out) { RenderNode(c, ind, out); }, &body);
    AppendNulls(nulled, ind, &text);
    text.append(body).append(ind + "}");
    run_active_ = false;
    run_props_.clear();
    run_index_.clear();
    started_ = true;
    return WriteAll(out_, text);
  }

  FILE* out_;
  std::vector<Prefix> prefixes_;
  NameSet names_;
  bool started_ = false;
  size_t top_items_ = 0;
  // The named graph whose {"@id": ..., "@graph": [...]} object is open.
  bool graph_open_ = false;
  rdf::Term graph_;
  NameSet graph_nulls_;
  size_t graph_items_ = 0;
  // The buffered run: predicates in first-seen order with their objects.
  bool run_active_ = false;
  rdf::Term run_graph_;
  rdf::Term run_subject_;
  std::vector<std::pair<std::string, std::vector<rdf::Term>>> run_props_;
  std::unordered_map<std::string, size_t> run_index_;
};

}  // namespace

std::unique_ptr<QuadWriter> NewJsonLdWriter(FILE* out, const PrefixList& prefixes) {
  return std::make_unique<JsonLdWriter>(out, prefixes);
}

}  // namespace hamlet::io::internal
