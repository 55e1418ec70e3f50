// Every research question in queries/ returns its hand-made expected answer, and each of the
// 66 facts of the Wallonia page (tests/data/wallonia_facts.tsv) is found in the graph.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sparql/engine/query_engine.h"
#include "sparql/results/compare.h"
#include "sparql/results/reader.h"
#include "sparql/syntax/parser.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace hamlet {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class KnowledgeGraph : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new testing::TempDir();
    auto st = store::Store::Open(tmp_->Sub("db"));
    ASSERT_TRUE(st.ok()) << st.status().message();
    store_ = std::move(st).value().release();
    std::vector<store::LoadSource> sources;
    for (const char* dir : {"ontology", "data"}) {
      for (const auto& e : fs::directory_iterator(fs::path(HAMLET_SOURCE_DIR) / dir)) {
        auto syntax = io::SyntaxFromPath(e.path().string());
        if (!syntax.ok()) continue;
        sources.push_back(store::LoadSource{e.path().string(), *syntax, "", ""});
      }
    }
    auto r = store_->Load(sources);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  static void TearDownTestSuite() {
    delete store_;
    delete tmp_;
  }
  static testing::TempDir* tmp_;
  static store::Store* store_;
};

testing::TempDir* KnowledgeGraph::tmp_ = nullptr;
store::Store* KnowledgeGraph::store_ = nullptr;

TEST_F(KnowledgeGraph, ResearchQuestionsGiveTheirExpectedAnswers) {
  std::vector<fs::path> queries;
  for (const auto& e : fs::directory_iterator(fs::path(HAMLET_SOURCE_DIR) / "queries")) {
    if (e.path().extension() == ".rq") queries.push_back(e.path());
  }
  std::sort(queries.begin(), queries.end());
  ASSERT_GE(queries.size(), 15u);
  auto snap = store_->GetSnapshot();
  int checked = 0;
  for (const auto& q : queries) {
    SCOPED_TRACE(q.filename().string());
    fs::path expected_path = q;
    expected_path.replace_extension(".tsv");
    ASSERT_TRUE(fs::exists(expected_path)) << "no expected answer beside " << q;
    std::string text = Slurp(q);
    auto r = sparql::RunQuery(*snap, text);
    ASSERT_TRUE(r.ok()) << r.status().message();
    auto expected = sparql::results::ParseTsv(Slurp(expected_path), expected_path.string());
    ASSERT_TRUE(expected.ok()) << expected.status().message();
    sparql::results::ResultSet actual;
    actual.variables = r->variables;
    actual.rows = r->rows;
    sparql::results::CompareOptions co;
    auto parsed = sparql::syntax::ParseQuery(text);
    ASSERT_TRUE(parsed.ok());
    if (!parsed.value->modifiers.order_by.empty()) {
      co.order = sparql::results::RowOrder::kSequence;
    }
    auto cmp = sparql::results::CompareResultSets(*expected, actual, co);
    EXPECT_TRUE(cmp.equal) << cmp.explanation;
    ++checked;
  }
  std::printf("%d research questions checked\n", checked);
}

TEST_F(KnowledgeGraph, EveryWalloniaFactIsFound) {
  std::ifstream in(fs::path(HAMLET_SOURCE_DIR) / "tests/data/wallonia_facts.tsv");
  std::string line;
  auto snap = store_->GetSnapshot();
  std::vector<int> facts;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    int n = std::stoi(line.substr(0, tab));
    auto r = sparql::RunQuery(*snap, line.substr(tab + 1));
    ASSERT_TRUE(r.ok()) << "fact " << n << ": " << r.status().message();
    EXPECT_TRUE(r->boolean) << "fact " << n << " is not in the graph: " << line.substr(tab + 1);
    facts.push_back(n);
  }
  ASSERT_EQ(facts.size(), 66u);
  for (int i = 1; i <= 66; ++i)
    EXPECT_NE(std::find(facts.begin(), facts.end(), i), facts.end()) << i;
}

}  // namespace
}  // namespace hamlet
