// Inputs that once crashed or hung the parser (found by tests/fuzz) must now parse or fail
// cleanly, as a query and as an update, through the whole pipeline (AST, algebra, printer).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sparql/algebra/algebra.h"
#include "sparql/syntax/parser.h"

namespace {

namespace syntax = hamlet::sparql::syntax;
namespace algebra = hamlet::sparql::algebra;

void RunOne(const std::string& text) {
  auto q = syntax::ParseQuery(text);
  if (q.ok()) {
    EXPECT_FALSE(algebra::ToSse(algebra::Translate(*q.value)).empty());
  } else {
    EXPECT_FALSE(q.error->ToString().empty());
  }
  auto u = syntax::ParseUpdate(text);
  if (u.ok()) {
    EXPECT_FALSE(algebra::ToSse(*u.value).empty());
  } else {
    EXPECT_FALSE(u.error->ToString().empty());
  }
}

TEST(SparqlFuzzRegressions, CorpusParsesOrFailsCleanly) {
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(HAMLET_FUZZ_CORPUS_DIR)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    SCOPED_TRACE(entry.path().string());
    RunOne(ss.str());
    ++files;
  }
  EXPECT_GT(files, 0);
}

TEST(SparqlFuzzRegressions, PathologicalShapes) {
  RunOne(std::string(20000, '{'));
  RunOne("ASK {" + std::string(20000, '[') + "}");
  RunOne("SELECT * {?s ?p " + std::string(5000, '(') + "}");
  std::string chain = "ASK { FILTER(1";
  for (int i = 0; i < 3000; ++i) chain += "+1";
  RunOne(chain + ") }");
  std::string path = "ASK { ?s <p>";
  for (int i = 0; i < 3000; ++i) path += "/<p>";
  RunOne(path + " ?o }");
  RunOne("SELECT * { ?s ?p \"\\");
  RunOne("\\u");
  RunOne(std::string("SELECT * {\0}", 12));
}

}  // namespace
