// W3C SPARQL syntax conformance runner.
//
// usage: sparql_w3c_syntax MODE W3C_ROOT LABEL MANIFEST...
//   MODE syntax:     runs the Positive/Negative(Update)SyntaxTest(11) entries: positive ones
//                    must parse, negative ones must be rejected (.ru files as updates).
//   MODE eval-parse: parses the query (qt:query) or update (ut:request) of every evaluation
//                    test; all must parse.
// Prints one line per failure and per skip (name and reason), then
//   LABEL: passed P, failed F, skipped S (of N; Approved: a/A)
// and exits 1 when anything failed. HAMLET_W3C_VERBOSE=1 also prints the error message of
// every rejected negative test.
#include <cstdlib>
#include <iostream>
#include <string>

#include "manifest.h"
#include "sparql/syntax/parser.h"

namespace {

using hamlet::w3c::Entry;
using hamlet::w3c::Value;
namespace syntax = hamlet::sparql::syntax;

struct Counts {
  int passed = 0, failed = 0, skipped = 0, approved = 0, approved_passed = 0;
};

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Parses the file as a query or an update; returns the error text ("" on success).
std::string ParseFile(const std::string& root, const std::string& path, bool update) {
  auto text = hamlet::w3c::ReadFile(path);
  if (!text) return "cannot read file";
  syntax::ParseOptions opts;
  opts.base_iri = hamlet::w3c::PathToIri(root, path);
  if (update) {
    auto r = syntax::ParseUpdate(*text, opts);
    return r.ok() ? "" : r.error->ToString();
  }
  auto r = syntax::ParseQuery(*text, opts);
  return r.ok() ? "" : r.error->ToString();
}

bool IsSyntaxType(const std::string& t, bool& positive, bool& update) {
  positive =
      t == "PositiveSyntaxTest" || t == "PositiveSyntaxTest11" || t == "PositiveUpdateSyntaxTest11";
  bool negative =
      t == "NegativeSyntaxTest" || t == "NegativeSyntaxTest11" || t == "NegativeUpdateSyntaxTest11";
  update = t == "PositiveUpdateSyntaxTest11" || t == "NegativeUpdateSyntaxTest11";
  return positive || negative;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: " << argv[0] << " syntax|eval-parse W3C_ROOT LABEL MANIFEST...\n";
    return 2;
  }
  const std::string mode = argv[1];
  const std::string root = argv[2];
  const std::string label = argv[3];
  const bool verbose = std::getenv("HAMLET_W3C_VERBOSE") != nullptr;
  Counts c;
  int manifest_errors = 0;
  for (int i = 4; i < argc; ++i) {
    hamlet::w3c::Manifest m = hamlet::w3c::ReadManifest(root, argv[i]);
    for (const std::string& e : m.errors) {
      std::cout << "MANIFEST ERROR " << e << "\n";
      ++manifest_errors;
    }
    for (const Entry& e : m.entries) {
      const std::string type = e.TypeName();
      bool positive = true, update = false;
      std::string path;
      if (mode == "syntax") {
        if (!IsSyntaxType(type, positive, update)) continue;
        if (!e.action || !e.action->is_file()) {
          std::cout << "SKIP " << e.iri << ": action is not a file of the suite\n";
          ++c.skipped;
          continue;
        }
        path = e.action->path;
        if (EndsWith(path, ".ru")) update = true;
      } else {
        if (!e.action || e.action->kind != Value::Kind::kBlank) continue;
        const Value* q = e.action->node->First(std::string(hamlet::w3c::kQt) + "query");
        const Value* u = e.action->node->First(std::string(hamlet::w3c::kUt) + "request");
        if (!q && !u) continue;
        update = u != nullptr;
        path = (q ? q : u)->path;
      }
      const bool approved = EndsWith(e.approval, "#Approved");
      if (approved) ++c.approved;
      std::string error = ParseFile(root, path, update);
      bool ok = positive ? error.empty() : !error.empty();
      if (ok) {
        ++c.passed;
        if (approved) ++c.approved_passed;
        if (verbose && !positive) std::cout << "REJECTED " << e.iri << "\n" << error << "\n";
      } else {
        ++c.failed;
        std::cout << "FAIL " << e.iri << " (" << type << ") " << path << "\n";
        std::cout << (positive ? error : std::string("accepted but must be rejected")) << "\n";
      }
    }
  }
  const int total = c.passed + c.failed + c.skipped;
  std::cout << label << ": passed " << c.passed << ", failed " << c.failed << ", skipped "
            << c.skipped << " (of " << total << "; Approved: " << c.approved_passed << "/"
            << c.approved << ")\n";
  return (c.failed > 0 || manifest_errors > 0 || total == 0) ? 1 : 0;
}
