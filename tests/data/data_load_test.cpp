// ontology/ and data/ load into a real store in one atomic load, with one named graph per
// factsheet version plus the reference graph, and the ontology in the default graph.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "store/store.h"
#include "support/temp_dir.h"

namespace hamlet {
namespace {

namespace fs = std::filesystem;

std::vector<store::LoadSource> ProjectSources() {
  std::vector<store::LoadSource> out;
  for (const char* dir : {"ontology", "data"}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(HAMLET_SOURCE_DIR) / dir))
      files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
      auto syntax = io::SyntaxFromPath(p.string());
      if (!syntax.ok()) continue;
      store::LoadSource s;
      s.path = p.string();
      s.syntax = *syntax;
      out.push_back(s);
    }
  }
  return out;
}

TEST(Data, OntologyAndDataLoad) {
  testing::TempDir tmp;
  auto st = store::Store::Open(tmp.Sub("db"));
  ASSERT_TRUE(st.ok());
  auto sources = ProjectSources();
  ASSERT_GE(sources.size(), 29u);  // 2 ontology files + 27 territories + reference data
  auto r = (*st)->Load(sources);
  ASSERT_TRUE(r.ok()) << r.status().message();
  auto stats = (*st)->GetSnapshot()->GetStatistics();
  ASSERT_TRUE(stats.ok());
  size_t named = std::count_if(stats->graphs.begin(), stats->graphs.end(),
                               [](const store::CountEntry& e) { return e.id != store::kNoTerm; });
  // 39 factsheet versions of 27 territories, plus the reference graph.
  EXPECT_EQ(named, 40u);
  bool has_default = std::any_of(stats->graphs.begin(), stats->graphs.end(),
                                 [](const store::CountEntry& e) { return e.id == store::kNoTerm; });
  EXPECT_TRUE(has_default) << "the ontology belongs in the default graph";
  EXPECT_GT(stats->quads, 5000u);
  std::printf("loaded %llu quads in %zu named graphs\n",
              static_cast<unsigned long long>(stats->quads), named);
}

}  // namespace
}  // namespace hamlet
