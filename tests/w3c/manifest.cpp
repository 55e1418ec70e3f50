// W3C manifest reader over Sord (see manifest.h for the contract).
#include "manifest.h"

#include <sord/sord.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace hamlet::w3c {
namespace {

namespace fs = std::filesystem;

std::string Str(const SordNode* n) {
  return reinterpret_cast<const char*>(sord_node_get_string(n));
}

std::string Root(const std::string& w3c_root) {
  std::string r = fs::weakly_canonical(fs::path(w3c_root)).string();
  if (!r.empty() && r.back() != '/') r += '/';
  return r;
}

class Reader {
 public:
  Reader(std::string root, Manifest& out) : root_(std::move(root)), out_(out) {}

  void Read(const std::string& path) {
    std::string canonical = fs::weakly_canonical(fs::path(path)).string();
    if (!seen_.insert(canonical).second) return;
    out_.manifests.push_back(canonical);
    auto text = ReadFile(canonical);
    if (!text) {
      out_.errors.push_back("cannot read " + canonical);
      return;
    }
    std::string base = PathToIri(root_, canonical);
    SordWorld* world = sord_world_new();
    SordModel* model = sord_new(world, SORD_SPO | SORD_OPS | SORD_POS, false);
    SerdNode base_node =
        serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
    SerdEnv* env = serd_env_new(&base_node);
    SerdReader* reader = sord_new_reader(model, env, SERD_TURTLE, nullptr);
    serd_reader_set_strict(reader, true);
    SerdStatus st =
        serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(text->c_str()));
    if (st != SERD_SUCCESS) out_.errors.push_back("Turtle error in " + canonical);
    serd_reader_free(reader);
    serd_env_free(env);

    world_ = world;
    model_ = model;
    std::vector<const SordNode*> entries;
    SordNode* p_entries = Uri(std::string(kMf) + "entries");
    SordNode* p_include = Uri(std::string(kMf) + "include");
    SordIter* eit = sord_search(model, nullptr, p_entries, nullptr, nullptr);
    for (; eit && !sord_iter_end(eit); sord_iter_next(eit)) {
      for (const SordNode* e : List(sord_iter_get_node(eit, SORD_OBJECT))) entries.push_back(e);
    }
    if (eit) sord_iter_free(eit);
    std::vector<std::string> include_paths;
    SordIter* it = sord_search(model, nullptr, p_include, nullptr, nullptr);
    for (; it && !sord_iter_end(it); sord_iter_next(it)) {
      for (const SordNode* m : List(sord_iter_get_node(it, SORD_OBJECT))) {
        std::string p = IriToPath(root_, Str(m));
        if (p.empty()) {
          out_.errors.push_back("include outside the suite: " + Str(m));
        } else {
          include_paths.push_back(p);
        }
      }
    }
    if (it) sord_iter_free(it);
    for (const SordNode* e : entries) out_.entries.push_back(MakeEntry(e, canonical));
    sord_node_free(world, p_entries);
    sord_node_free(world, p_include);
    sord_free(model);
    sord_world_free(world);
    for (const std::string& p : include_paths) Read(p);
  }

 private:
  SordNode* Uri(const std::string& iri) {
    return sord_new_uri(world_, reinterpret_cast<const uint8_t*>(iri.c_str()));
  }

  // Elements of the RDF list starting at head (nodes stay owned by the model).
  std::vector<const SordNode*> List(const SordNode* head) {
    std::vector<const SordNode*> out;
    SordNode* first = Uri(std::string(kRdfNs) + "first");
    SordNode* rest = Uri(std::string(kRdfNs) + "rest");
    const SordNode* cell = head;
    for (int guard = 0; cell && guard < 100000; ++guard) {
      if (sord_node_get_type(cell) == SORD_URI && Str(cell) == std::string(kRdfNs) + "nil") break;
      const SordNode* item = Object(cell, first);
      if (!item) break;
      out.push_back(item);
      cell = Object(cell, rest);
    }
    sord_node_free(world_, first);
    sord_node_free(world_, rest);
    return out;
  }

  const SordNode* Object(const SordNode* s, const SordNode* p) {
    SordIter* it = sord_search(model_, s, p, nullptr, nullptr);
    const SordNode* o = nullptr;
    if (it && !sord_iter_end(it)) o = sord_iter_get_node(it, SORD_OBJECT);
    if (it) sord_iter_free(it);
    return o;
  }

  Value MakeValue(const SordNode* n, int depth) {
    Value v;
    switch (sord_node_get_type(n)) {
      case SORD_URI:
        v.kind = Value::Kind::kIri;
        v.iri = Str(n);
        v.path = IriToPath(root_, v.iri);
        break;
      case SORD_LITERAL:
        v.kind = Value::Kind::kLiteral;
        v.lexical = Str(n);
        if (const SordNode* dt = sord_node_get_datatype(n)) v.datatype = Str(dt);
        if (const char* lang = sord_node_get_language(n)) v.lang = lang;
        break;
      default:
        v.kind = Value::Kind::kBlank;
        v.node = std::make_shared<Node>(Properties(n, depth + 1));
        break;
    }
    return v;
  }

  Node Properties(const SordNode* s, int depth) {
    Node node;
    if (depth > 16) return node;
    SordIter* it = sord_search(model_, s, nullptr, nullptr, nullptr);
    for (; it && !sord_iter_end(it); sord_iter_next(it)) {
      node.properties.emplace(Str(sord_iter_get_node(it, SORD_PREDICATE)),
                              MakeValue(sord_iter_get_node(it, SORD_OBJECT), depth));
    }
    if (it) sord_iter_free(it);
    return node;
  }

  Entry MakeEntry(const SordNode* e, const std::string& manifest) {
    Entry entry;
    entry.iri = sord_node_get_type(e) == SORD_URI ? Str(e) : "_:" + Str(e);
    entry.manifest = manifest;
    entry.properties = Properties(e, 0);
    const Node& p = entry.properties;
    auto text = [&](std::string_view pred) {
      const Value* v = p.First(pred);
      return v ? (v->kind == Value::Kind::kIri ? v->iri : v->lexical) : std::string();
    };
    entry.type = text(std::string(kRdfNs) + "type");
    entry.name = text(std::string(kMf) + "name");
    entry.comment = text(std::string(kRdfs) + "comment");
    entry.approval = text(std::string(kDawgt) + "approval");
    if (entry.approval.empty()) entry.approval = text(std::string(kRdft) + "approval");
    entry.result_cardinality = text(std::string(kMf) + "resultCardinality");
    if (const Value* v = p.First(std::string(kMf) + "action")) entry.action = *v;
    if (const Value* v = p.First(std::string(kMf) + "result")) entry.result = *v;
    for (const Value* v : p.All(std::string(kMf) + "requires")) entry.requires_.push_back(v->iri);
    return entry;
  }

  std::string root_;
  Manifest& out_;
  std::set<std::string> seen_;
  SordWorld* world_ = nullptr;
  SordModel* model_ = nullptr;
};

std::string LocalName(const std::string& iri) {
  std::size_t cut = iri.find_last_of("#/");
  return cut == std::string::npos ? iri : iri.substr(cut + 1);
}

}  // namespace

std::string Value::ToString() const {
  switch (kind) {
    case Kind::kIri:
      return iri;
    case Kind::kLiteral:
      return lexical;
    default:
      return "_:";
  }
}

std::vector<const Value*> Node::All(std::string_view predicate) const {
  std::vector<const Value*> out;
  auto [b, e] = properties.equal_range(std::string(predicate));
  for (auto it = b; it != e; ++it) out.push_back(&it->second);
  return out;
}

const Value* Node::First(std::string_view predicate) const {
  auto it = properties.find(std::string(predicate));
  return it == properties.end() ? nullptr : &it->second;
}

std::string Entry::TypeName() const {
  return LocalName(type);
}
std::string Entry::ShortName() const {
  return LocalName(iri);
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string PathToIri(const std::string& w3c_root, const std::string& path) {
  std::string root = Root(w3c_root);
  std::string p = fs::weakly_canonical(fs::path(path)).string();
  if (p.rfind(root, 0) == 0) p = p.substr(root.size());
  return std::string(kTestsBase) + p;
}

std::string IriToPath(const std::string& w3c_root, std::string_view iri) {
  if (iri.substr(0, kTestsBase.size()) != kTestsBase) return {};
  std::string rel(iri.substr(kTestsBase.size()));
  if (rel.find('#') != std::string::npos) return {};  // a name inside a file, not a file
  return Root(w3c_root) + rel;
}

Manifest ReadManifest(const std::string& w3c_root, const std::string& manifest_path) {
  Manifest m;
  fs::path p(manifest_path);
  if (p.is_relative()) p = fs::path(w3c_root) / p;
  Reader(Root(w3c_root), m).Read(p.string());
  return m;
}

}  // namespace hamlet::w3c
