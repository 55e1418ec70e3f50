// Runs a W3C RDF 1.1 syntax suite through Hamlet's store.
//
//   positive syntax: load into a fresh store; export in the same syntax; reload the export
//                    into a second store; the two must be isomorphic.
//   eval:            as positive, and the store must be isomorphic to the expected
//                    N-Triples / N-Quads result.
//   negative:        loading into a store holding one sentinel quad must fail with a
//                    FILE:LINE:COL message, and the store must still hold exactly the sentinel.
//
// Usage: w3c_rdf_runner W3C_ROOT MANIFEST [TEST_NAME_SUBSTRING]
// Prints one line per failed or skipped test, then "N passed, N failed, N skipped".
// Exit status 0 iff nothing failed.
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

#include "io/reader.h"
#include "io/writer.h"
#include "manifest.h"
#include "rdf/isomorphism.h"
#include "store/store.h"

namespace fs = std::filesystem;
using namespace hamlet;

namespace {

struct Kind {
  io::Syntax syntax;
  enum { kPositive, kNegative, kEval } mode;
};

std::optional<Kind> KindOf(const std::string& type) {
  static const std::pair<const char*, Kind> kKinds[] = {
      {"TestNTriplesPositiveSyntax", {io::Syntax::kNTriples, Kind::kPositive}},
      {"TestNTriplesNegativeSyntax", {io::Syntax::kNTriples, Kind::kNegative}},
      {"TestNQuadsPositiveSyntax", {io::Syntax::kNQuads, Kind::kPositive}},
      {"TestNQuadsNegativeSyntax", {io::Syntax::kNQuads, Kind::kNegative}},
      {"TestTurtlePositiveSyntax", {io::Syntax::kTurtle, Kind::kPositive}},
      {"TestTurtleNegativeSyntax", {io::Syntax::kTurtle, Kind::kNegative}},
      {"TestTurtleNegativeEval", {io::Syntax::kTurtle, Kind::kNegative}},
      {"TestTurtleEval", {io::Syntax::kTurtle, Kind::kEval}},
      {"TestTrigPositiveSyntax", {io::Syntax::kTriG, Kind::kPositive}},
      {"TestTrigNegativeSyntax", {io::Syntax::kTriG, Kind::kNegative}},
      {"TestTrigNegativeEval", {io::Syntax::kTriG, Kind::kNegative}},
      {"TestTrigEval", {io::Syntax::kTriG, Kind::kEval}},
  };
  for (const auto& [name, kind] : kKinds) {
    if (type == name) return kind;
  }
  return std::nullopt;
}

class Scratch {
 public:
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "hamlet-w3c-rdf-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Fresh(const std::string& name) {
    std::string p = dir_ + "/" + name + std::to_string(counter_++);
    return p;
  }

 private:
  std::string dir_;
  int counter_ = 0;
};

Result<std::vector<rdf::Quad>> AllQuads(store::Store& st) {
  store::QuadPattern all;
  all.scope = store::GraphScope::kAll;
  return store::ReadQuads(*st.GetSnapshot(), all);
}

Result<std::unique_ptr<store::Store>> LoadInto(const std::string& dir, const std::string& file,
                                               io::Syntax syntax, const std::string& base) {
  auto st = store::Store::Open(dir);
  if (!st.ok()) return st.status();
  store::LoadSource src;
  src.path = file;
  src.syntax = syntax;
  src.base_iri = base;
  auto r = (*st)->Load({src});
  if (!r.ok()) return r.status();
  return std::move(st).value();
}

// Returns "" when the test passes, else why it failed.
std::string RunPositive(const w3c::Entry& e, const Kind& kind, const std::string& root,
                        Scratch* scratch) {
  const std::string& file = e.action->path;
  std::string base = w3c::PathToIri(root, file);
  auto first = LoadInto(scratch->Fresh("a"), file, kind.syntax, base);
  if (!first.ok()) return "load failed: " + first.status().message();
  auto quads = AllQuads(**first);
  if (!quads.ok()) return "read failed: " + quads.status().message();
  if (kind.mode == Kind::kEval) {
    io::ReadOptions ro;
    ro.syntax = io::HasGraphs(kind.syntax) ? io::Syntax::kNQuads : io::Syntax::kNTriples;
    ro.base_iri = w3c::PathToIri(root, e.result->path);
    auto expected = io::ReadAllQuads(e.result->path, ro);
    if (!expected.ok()) return "cannot read expected result: " + expected.status().message();
    std::string why;
    if (!rdf::AreIsomorphic(*quads, *expected, &why)) return "not the expected graph: " + why;
  }
  // Export in the same syntax, reload, compare.
  std::string out = scratch->Fresh("export") + "." + std::string(io::SyntaxName(kind.syntax));
  {
    FILE* f = std::fopen(out.c_str(), "wb");
    if (f == nullptr) return "cannot write " + out;
    auto prefixes = (*first)->GetSnapshot()->Prefixes();
    auto w = io::QuadWriter::Create(kind.syntax, f, prefixes.ok() ? *prefixes : io::PrefixList{});
    for (const auto& q : *quads) {
      (void)w->Write(
          rdf::QuadView{q.subject.view(), q.predicate.view(), q.object.view(), q.graph.view()});
    }
    Status s = w->Finish();
    std::fclose(f);
    if (!s.ok()) return "export failed: " + s.message();
  }
  auto second = LoadInto(scratch->Fresh("b"), out, kind.syntax, "");
  if (!second.ok()) return "reloading the export failed: " + second.status().message();
  auto again = AllQuads(**second);
  if (!again.ok()) return "read failed: " + again.status().message();
  std::string why;
  if (!rdf::AreIsomorphic(*quads, *again, &why)) return "export does not reload isomorphic: " + why;
  return "";
}

std::string RunNegative(const w3c::Entry& e, const Kind& kind, const std::string& root,
                        Scratch* scratch) {
  const std::string& file = e.action->path;
  auto st = store::Store::Open(scratch->Fresh("n"));
  if (!st.ok()) return st.status().message();
  rdf::Quad sentinel{rdf::Term::Iri("http://example.org/sentinel"),
                     rdf::Term::Iri("http://example.org/p"),
                     rdf::Term::Literal("kept"),
                     {}};
  if (auto r = (*st)->Insert({sentinel}); !r.ok()) return r.status().message();
  store::LoadSource src;
  src.path = file;
  src.syntax = kind.syntax;
  src.base_iri = w3c::PathToIri(root, file);
  auto r = (*st)->Load({src});
  if (r.ok()) return "accepted a malformed document";
  static const std::regex kPosition(R"(:[0-9]+:[0-9]+: )");
  if (r.status().message().rfind(file + ":", 0) != 0 ||
      !std::regex_search(r.status().message(), kPosition)) {
    return "error lacks FILE:LINE:COL: " + r.status().message();
  }
  auto quads = AllQuads(**st);
  if (!quads.ok() || quads->size() != 1 || (*quads)[0] != sentinel)
    return "store changed by a failed load";
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s W3C_ROOT MANIFEST [FILTER]\n", argv[0]);
    return 2;
  }
  std::string root = argv[1];
  std::string filter = argc > 3 ? argv[3] : "";
  w3c::Manifest m = w3c::ReadManifest(root, argv[2]);
  for (const auto& err : m.errors) std::printf("manifest error: %s\n", err.c_str());
  if (m.entries.empty()) {
    std::printf("no tests found in %s\n", argv[2]);
    return 1;
  }
  Scratch scratch;
  int passed = 0, failed = 0, skipped = 0, approved_passed = 0, approved = 0;
  for (const auto& e : m.entries) {
    if (!filter.empty() && e.iri.find(filter) == std::string::npos) continue;
    auto kind = KindOf(e.TypeName());
    if (!kind || !e.action || !e.action->is_file() ||
        (kind->mode == Kind::kEval && (!e.result || !e.result->is_file()))) {
      std::printf("SKIP %s: test type %s is not one this runner knows\n", e.ShortName().c_str(),
                  e.TypeName().c_str());
      ++skipped;
      continue;
    }
    std::string why = kind->mode == Kind::kNegative ? RunNegative(e, *kind, root, &scratch)
                                                    : RunPositive(e, *kind, root, &scratch);
    bool is_approved = e.approval.find("Approved") != std::string::npos;
    approved += is_approved;
    if (why.empty()) {
      ++passed;
      approved_passed += is_approved;
    } else {
      ++failed;
      std::printf("FAIL %s (%s): %s\n", e.ShortName().c_str(), e.TypeName().c_str(), why.c_str());
    }
  }
  std::printf("approved tests: %d of %d passed\n", approved_passed, approved);
  std::printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
  return failed == 0 && m.errors.empty() ? 0 : 1;
}
