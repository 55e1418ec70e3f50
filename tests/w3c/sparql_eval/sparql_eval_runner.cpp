// Runs W3C SPARQL query-evaluation tests through Hamlet: each test's data is loaded into a
// fresh store in a temporary folder, the query runs through the engine, and the results are
// compared as /work/shared/w3c/README.md describes (multisets unless the query orders; one
// blank-node bijection per result; graphs by isomorphism).
//
// Skipped, each printed with the reason: entailment-regime tests (Hamlet does simple
// entailment only) and SERVICE tests (no federation). Syntax and update tests listed in the
// same manifests are not evaluation tests: other targets run them, and they are not counted.
//
// Usage: w3c_sparql_eval_runner W3C_ROOT MANIFEST... [--filter SUBSTRING] [--verbose]
// Prints "N passed, N failed, N skipped" last; exits 0 when the pass rate of the tests it
// ran is at least HAMLET_W3C_MIN_PASS_PERCENT (default 95).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "io/reader.h"
#include "manifest.h"
#include "rdf/isomorphism.h"
#include "sparql/engine/query_engine.h"
#include "sparql/results/compare.h"
#include "sparql/results/reader.h"
#include "sparql/syntax/parser.h"
#include "store/store.h"

namespace fs = std::filesystem;
using namespace hamlet;

namespace {

constexpr std::string_view kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";

// RDF/XML files are read from their N-Triples copies in derived/.
std::string Readable(const std::string& root, const std::string& path) {
  if (path.size() > 4 && path.substr(path.size() - 4) == ".rdf") {
    std::string rel = fs::relative(path, root).string();
    return root + "/derived/rdfxml-as-ntriples/" + rel.substr(0, rel.size() - 4) + ".nt";
  }
  return path;
}

Result<io::Syntax> SyntaxOf(const std::string& path) {
  return io::SyntaxFromPath(path);
}

struct Outcome {
  // kOther: not an evaluation test (syntax and update tests have their own targets).
  enum { kPass, kFail, kSkip, kOther } kind;
  std::string why;
};

Outcome Skip(std::string why) {
  return {Outcome::kSkip, std::move(why)};
}
Outcome Fail(std::string why) {
  return {Outcome::kFail, std::move(why)};
}

Outcome RunTest(const w3c::Entry& e, const std::string& root, const std::string& tmp) {
  if (e.TypeName() != "QueryEvaluationTest" && e.TypeName() != "CSVResultFormatTest") {
    return {Outcome::kOther, ""};
  }
  if (!e.action || e.action->kind != w3c::Value::Kind::kBlank) return Fail("action is not a node");
  const w3c::Node& action = *e.action->node;
  if (action.First(std::string(w3c::kSd) + "entailmentRegime") != nullptr ||
      e.manifest.find("/entailment/") != std::string::npos) {
    return Skip("entailment regime: Hamlet answers under simple entailment only");
  }
  if (action.First(std::string(kQt) + "serviceData") != nullptr ||
      e.manifest.find("/service/") != std::string::npos) {
    return Skip("SERVICE: Hamlet does not query remote endpoints");
  }
  const w3c::Value* query_file = action.First(std::string(kQt) + "query");
  if (query_file == nullptr || !query_file->is_file()) return Fail("no query file");
  auto query_text = w3c::ReadFile(query_file->path);
  if (!query_text) return Fail("cannot read " + query_file->path);
  std::string query_iri = w3c::PathToIri(root, query_file->path);

  std::error_code ec;
  fs::remove_all(tmp, ec);
  auto st = store::Store::Open(tmp);
  if (!st.ok()) return Fail(st.status().message());
  std::vector<store::LoadSource> sources;
  std::set<std::string> loaded_graphs;
  auto add_source = [&](const std::string& path, const std::string& graph) -> std::string {
    store::LoadSource s;
    s.path = Readable(root, path);
    auto syntax = SyntaxOf(s.path);
    if (!syntax.ok()) return syntax.status().message();
    s.syntax = *syntax;
    s.base_iri = w3c::PathToIri(root, path);
    s.graph_iri = graph;
    sources.push_back(s);
    return "";
  };
  for (const auto* v : action.All(std::string(kQt) + "data")) {
    if (auto err = add_source(v->path, ""); !err.empty()) return Fail(err);
  }
  for (const auto* v : action.All(std::string(kQt) + "graphData")) {
    std::string iri = w3c::PathToIri(root, v->path);
    if (auto err = add_source(v->path, iri); !err.empty()) return Fail(err);
    loaded_graphs.insert(iri);
  }
  // Graphs named by FROM / FROM NAMED but not given in the action: load those files too.
  sparql::syntax::ParseOptions po;
  po.base_iri = query_iri;
  auto parsed = sparql::syntax::ParseQuery(*query_text, po);
  if (!parsed.ok()) return Fail("query does not parse: " + parsed.error->ToString());
  for (const auto& d : parsed.value->dataset) {
    std::string path = w3c::IriToPath(root, d.iri.value);
    if (path.empty() || loaded_graphs.count(d.iri.value) || !fs::exists(Readable(root, path)))
      continue;
    if (auto err = add_source(path, d.iri.value); !err.empty()) return Fail(err);
    loaded_graphs.insert(d.iri.value);
  }
  if (!sources.empty()) {
    auto r = (*st)->Load(sources);
    if (!r.ok()) return Fail("loading the data failed: " + r.status().message());
  }

  auto snap = (*st)->GetSnapshot();
  sparql::QueryOptions qo;
  qo.base_iri = query_iri;
  qo.timeout_seconds = 20;
  auto result = sparql::RunQuery(*snap, *query_text, qo);
  if (!result.ok()) return Fail("query failed: " + result.status().message());

  if (!e.result || !e.result->is_file()) return Fail("no result file");
  std::string expected_path = Readable(root, e.result->path);
  std::string expected_iri = w3c::PathToIri(root, e.result->path);
  bool graph_form = result->form == sparql::ast::Query::Form::kConstruct ||
                    result->form == sparql::ast::Query::Form::kDescribe;
  if (graph_form) {
    io::ReadOptions ro;
    auto syntax = SyntaxOf(expected_path);
    if (!syntax.ok()) return Fail(syntax.status().message());
    ro.syntax = *syntax;
    ro.base_iri = expected_iri;
    auto expected = io::ReadAllQuads(expected_path, ro);
    if (!expected.ok()) return Fail("cannot read expected graph: " + expected.status().message());
    std::string why;
    if (!rdf::AreIsomorphic(result->triples, *expected, &why)) return Fail("graph differs: " + why);
    return {Outcome::kPass, ""};
  }
  auto expected = sparql::results::ReadResultFile(expected_path, expected_iri);
  if (!expected.ok()) return Fail("cannot read expected results: " + expected.status().message());
  sparql::results::ResultSet actual;
  if (result->form == sparql::ast::Query::Form::kAsk) {
    actual = sparql::results::ResultSet::Boolean(result->boolean);
  } else {
    actual.variables = result->variables;
    actual.rows = result->rows;
  }
  sparql::results::CompareOptions co;
  const auto& order = parsed.value->modifiers.order_by;
  if (expected->ordered) {
    co.order = sparql::results::RowOrder::kSequence;
  } else if (!order.empty()) {
    bool plain = true;
    for (const auto& o : order) {
      if (o.expr.kind == sparql::ast::Expr::Kind::kTerm && o.expr.term.is_variable()) {
        co.key_variables.push_back(o.expr.term.value);
      } else {
        plain = false;
      }
    }
    co.order =
        plain ? sparql::results::RowOrder::kSequenceOfKeys : sparql::results::RowOrder::kSequence;
  }
  if (e.result_cardinality.find("LaxCardinality") != std::string::npos) co.as_sets = true;
  if (e.TypeName() == "CSVResultFormatTest") actual = sparql::results::CsvProjection(actual);
  auto cmp = sparql::results::CompareResultSets(*expected, actual, co);
  if (!cmp.equal) return Fail(cmp.explanation);
  return {Outcome::kPass, ""};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s W3C_ROOT MANIFEST... [--filter S] [--verbose]\n", argv[0]);
    return 2;
  }
  std::string root = argv[1];
  std::vector<std::string> manifests;
  std::string filter;
  bool verbose = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--filter" && i + 1 < argc) {
      filter = argv[++i];
    } else if (a == "--verbose") {
      verbose = true;
    } else {
      manifests.push_back(a);
    }
  }
  std::string tmp =
      (fs::temp_directory_path() / ("hamlet-w3c-sparql-" + std::to_string(getpid()))).string();
  int passed = 0, failed = 0, skipped = 0, approved = 0, approved_passed = 0;
  for (const auto& m : manifests) {
    w3c::Manifest manifest = w3c::ReadManifest(root, m);
    for (const auto& err : manifest.errors) std::printf("manifest error: %s\n", err.c_str());
    for (const auto& e : manifest.entries) {
      if (!filter.empty() && e.iri.find(filter) == std::string::npos) continue;
      Outcome o = RunTest(e, root, tmp);
      bool is_approved = e.approval.find("Approved") != std::string::npos;
      switch (o.kind) {
        case Outcome::kOther:
          break;
        case Outcome::kSkip:
          ++skipped;
          std::printf("SKIP %s: %s\n", e.iri.c_str(), o.why.c_str());
          break;
        case Outcome::kPass:
          ++passed;
          approved += is_approved;
          approved_passed += is_approved;
          if (verbose) std::printf("PASS %s\n", e.iri.c_str());
          break;
        case Outcome::kFail:
          ++failed;
          approved += is_approved;
          std::printf("FAIL %s: %s\n", e.iri.c_str(), o.why.substr(0, 600).c_str());
          break;
      }
    }
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);
  double rate = passed + failed == 0 ? 0 : 100.0 * passed / (passed + failed);
  const char* min_env = std::getenv("HAMLET_W3C_MIN_PASS_PERCENT");
  double min_rate = min_env != nullptr ? std::atof(min_env) : 95.0;
  std::printf("approved tests: %d of %d passed\n", approved_passed, approved);
  std::printf("pass rate %.1f%% of %d tests run (required: %.0f%%)\n", rate, passed + failed,
              min_rate);
  std::printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
  return rate >= min_rate ? 0 : 1;
}
