// `hamlet export --dcat-ap` end to end on the real knowledge graph: every distribution the
// catalogue lists exists with the size and SHA-1 it states and parses in its format (by
// independent readers for JSON-LD and RDF/XML), the whole graph's JSON-LD and RDF/XML
// exports read back isomorphic to the store, and a failed export leaves an old bundle alone.
// The SHACL gate on the catalogue is tests/export/dcat_gate.sh.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "io/roundtrip_support.h"
#include "rdf/isomorphism.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

namespace hamlet {
namespace {

namespace fs = std::filesystem;
using io::testing::HaveCommand;
using io::testing::ReadInto;
using io::testing::RunShell;

const std::string kBase = "https://data.hamlet.example/";
const std::string kDcat = "http://www.w3.org/ns/dcat#";

struct Distribution {
  std::string iri, url, bytes, sha1, format;
};

// One store and one bundle for all tests: loading and exporting take a second.
class BundleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::string files;
    for (const char* sub : {"ontology", "data"}) {
      for (const auto& e : fs::directory_iterator(fs::path(HAMLET_SOURCE_DIR) / sub)) {
        auto ext = e.path().extension();
        if (ext == ".trig" || (ext == ".ttl" && std::string(sub) == "ontology")) {
          files += " '" + e.path().string() + "'";
        }
      }
    }
    auto load = testing::RunHamlet("--store " + Store() + " load -q" + files);
    ASSERT_EQ(load.exit_code, 0) << load.err;
    auto exp =
        testing::RunHamlet("--store " + Store() + " export --dcat-ap " + Bundle() + " --base-url " +
                           kBase + " --config " + HAMLET_SOURCE_DIR + "/config/dcat-ap.json");
    ASSERT_EQ(exp.exit_code, 0) << exp.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string Store() { return dir_->Sub("store"); }
  static std::string Bundle() { return dir_->Sub("bundle"); }
  static std::string FileOf(const std::string& url) {
    return Bundle() + "/" + url.substr(kBase.size());
  }

  static std::vector<Distribution> Distributions() {
    std::vector<rdf::Quad> catalog;
    EXPECT_TRUE(ReadInto(Bundle() + "/catalog.nt", io::Syntax::kNTriples, &catalog).ok());
    std::map<rdf::Term, Distribution> by_subject;
    std::map<rdf::Term, rdf::Term> checksum_of;
    std::map<rdf::Term, std::string> value_of;
    for (const auto& q : catalog) {
      const std::string& p = q.predicate.value();
      if (p == kDcat + "distribution") by_subject[q.object].iri = q.object.value();
      if (p == kDcat + "downloadURL") by_subject[q.subject].url = q.object.value();
      if (p == kDcat + "byteSize") by_subject[q.subject].bytes = q.object.value();
      if (p == "http://purl.org/dc/terms/format") by_subject[q.subject].format = q.object.value();
      if (p == "http://spdx.org/rdf/terms#checksum") checksum_of[q.subject] = q.object;
      if (p == "http://spdx.org/rdf/terms#checksumValue") value_of[q.subject] = q.object.value();
    }
    std::vector<Distribution> out;
    for (auto& [subject, d] : by_subject) {
      if (d.iri.empty()) continue;  // a subject with a downloadURL nobody lists
      d.sha1 = value_of[checksum_of[subject]];
      out.push_back(d);
    }
    return out;
  }

  // The store's quads, read from an N-Quads export of it.
  static std::vector<rdf::Quad> StoreQuads() {
    auto r = testing::RunHamlet("--store " + Store() + " export --format nq -o " +
                                dir_->Sub("store.nq"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<rdf::Quad> quads;
    EXPECT_TRUE(ReadInto(dir_->Sub("store.nq"), io::Syntax::kNQuads, &quads).ok());
    return quads;
  }

  static std::vector<rdf::Quad> Distinct(std::vector<rdf::Quad> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  }

  static std::vector<rdf::Quad> ReadJsonLd(const std::string& file, const std::string& out_nq) {
    auto r = RunShell(
        "bash " HAMLET_SOURCE_DIR "/tests/io/jsonld_to_nquads.sh '" + file + "' '" + out_nq + "'",
        dir_->path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<rdf::Quad> quads;
    EXPECT_TRUE(ReadInto(out_nq, io::Syntax::kNQuads, &quads).ok()) << file;
    return quads;
  }

  static std::vector<rdf::Quad> ReadRdfXml(const std::string& file, const std::string& out_nt) {
    auto r = RunShell(
        "rapper -q -i rdfxml -o ntriples '" + file + "' '" + kBase + "' > '" + out_nt + "'",
        dir_->path());
    EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
    std::vector<rdf::Quad> quads;
    EXPECT_TRUE(ReadInto(out_nt, io::Syntax::kNTriples, &quads).ok()) << file;
    return quads;
  }

  static testing::TempDir* dir_;
};

testing::TempDir* BundleTest::dir_ = nullptr;

TEST_F(BundleTest, EveryListedFileExistsWithItsSizeAndChecksum) {
  auto dists = Distributions();
  // 40 named graphs x 4 formats, the ontology x 4, the whole graph x 6.
  EXPECT_EQ(dists.size(), 170u);
  size_t on_disk = 0;
  for (const auto& e : fs::directory_iterator(Bundle() + "/download"))
    on_disk += e.is_regular_file();
  EXPECT_EQ(on_disk, dists.size()) << "files in download/ that the catalogue does not list";
  // SHA-1 by sha1sum, not by the exporter's own code.
  std::string list = dir_->Sub("sha1.txt");
  std::string cmd = "cd " + Bundle() + " && sha1sum download/* > " + list;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::map<std::string, std::string> sums;
  std::istringstream in(testing::Slurp(list));
  for (std::string sum, name; in >> sum >> name;) sums[name] = sum;
  for (const auto& d : dists) {
    SCOPED_TRACE(d.iri);
    ASSERT_EQ(d.url.compare(0, kBase.size(), kBase), 0) << d.url;
    std::string file = FileOf(d.url);
    ASSERT_TRUE(fs::exists(file)) << file;
    EXPECT_EQ(d.bytes, std::to_string(fs::file_size(file)));
    EXPECT_EQ(d.sha1, sums[d.url.substr(kBase.size())]);
    EXPECT_EQ(d.sha1.size(), 40u);
  }
}

TEST_F(BundleTest, EveryFileParsesInItsFormat) {
  if (!HaveCommand("rapper") || !HaveCommand("node")) {
    GTEST_SKIP() << "rapper (raptor2-utils) or node missing: scripts/setup.sh installs them";
  }
  size_t checked = 0;
  for (const auto& d : Distributions()) {
    SCOPED_TRACE(d.url);
    std::string file = FileOf(d.url);
    std::string ext = fs::path(file).extension().string();
    std::vector<rdf::Quad> quads;
    if (ext == ".jsonld") {
      quads = ReadJsonLd(file, dir_->Sub("parsed.nq"));
    } else if (ext == ".rdf") {
      quads = ReadRdfXml(file, dir_->Sub("parsed.nt"));
    } else {
      auto syntax = io::SyntaxFromPath(file);
      ASSERT_TRUE(syntax.ok());
      Status s = ReadInto(file, *syntax, &quads);
      EXPECT_TRUE(s.ok()) << s.message();
    }
    EXPECT_GT(quads.size(), 0u);
    ++checked;
  }
  EXPECT_EQ(checked, 170u);
}

TEST_F(BundleTest, WholeGraphJsonLdReadsBackIsomorphicToTheStore) {
  if (!HaveCommand("node")) GTEST_SKIP() << "node missing: scripts/setup.sh installs it";
  auto store = StoreQuads();
  auto back = ReadJsonLd(Bundle() + "/download/knowledge-graph.jsonld", dir_->Sub("whole.nq"));
  ASSERT_GT(store.size(), 5000u);
  std::string why;
  EXPECT_TRUE(rdf::AreIsomorphic(Distinct(store), Distinct(back), &why)) << why;
}

TEST_F(BundleTest, WholeGraphRdfXmlReadsBackIsomorphicToTheMergedStore) {
  if (!HaveCommand("rapper"))
    GTEST_SKIP() << "rapper missing: scripts/setup.sh installs raptor2-utils";
  auto merged = io::testing::Triples(StoreQuads());
  auto back = ReadRdfXml(Bundle() + "/download/knowledge-graph.rdf", dir_->Sub("whole.nt"));
  std::string why;
  EXPECT_TRUE(rdf::AreIsomorphic(Distinct(merged), Distinct(back), &why)) << why;
}

TEST_F(BundleTest, EachGraphsFilesHoldExactlyThatGraph) {
  if (!HaveCommand("rapper") || !HaveCommand("node")) GTEST_SKIP() << "rapper or node missing";
  std::map<std::string, std::vector<rdf::Quad>> by_graph;
  for (auto q : StoreQuads()) {
    std::string g = q.graph.value();
    q.graph = rdf::Term();
    by_graph[g].push_back(std::move(q));
  }
  auto wallonia = by_graph[kBase + "graph/factsheet/belgium-wallonia/1"];
  ASSERT_GT(wallonia.size(), 100u);
  std::string stem = Bundle() + "/download/factsheet-belgium-wallonia-1";
  std::string why;
  EXPECT_TRUE(rdf::AreIsomorphic(Distinct(wallonia),
                                 Distinct(ReadJsonLd(stem + ".jsonld", dir_->Sub("w.nq"))), &why))
      << why;
  EXPECT_TRUE(rdf::AreIsomorphic(Distinct(wallonia),
                                 Distinct(ReadRdfXml(stem + ".rdf", dir_->Sub("w.nt"))), &why))
      << why;
  std::vector<rdf::Quad> ttl;
  ASSERT_TRUE(ReadInto(stem + ".ttl", io::Syntax::kTurtle, &ttl).ok());
  EXPECT_TRUE(rdf::AreIsomorphic(Distinct(wallonia), Distinct(ttl), &why)) << why;
  // The ontology's files hold the default graph.
  std::vector<rdf::Quad> onto;
  ASSERT_TRUE(ReadInto(Bundle() + "/download/ontology.nt", io::Syntax::kNTriples, &onto).ok());
  EXPECT_TRUE(rdf::AreIsomorphic(Distinct(by_graph[""]), Distinct(onto), &why)) << why;
}

TEST_F(BundleTest, VoidCountsWhatTheStoreHolds) {
  std::vector<rdf::Quad> v;
  ASSERT_TRUE(ReadInto(Bundle() + "/void.ttl", io::Syntax::kTurtle, &v).ok());
  const std::string kVoid = "http://rdfs.org/ns/void#";
  auto value = [&](const std::string& subject, const std::string& p) {
    for (const auto& q : v) {
      if (q.subject.value() == subject && q.predicate.value() == kVoid + p) return q.object.value();
    }
    return std::string();
  };
  auto quads = StoreQuads();
  EXPECT_EQ(value(kBase + "dataset/knowledge-graph", "triples"), std::to_string(quads.size()));
  size_t wallonia = std::count_if(quads.begin(), quads.end(), [](const rdf::Quad& q) {
    return q.graph.value() == kBase + "graph/factsheet/belgium-wallonia/1";
  });
  EXPECT_EQ(value(kBase + "dataset/factsheet-belgium-wallonia-1", "triples"),
            std::to_string(wallonia));
  // Wallonia's facts point at NUTS codes: a linkset says how often, with which predicate.
  std::string linkset = kBase +
                        "dataset/factsheet-belgium-wallonia-1/linkset/"
                        "data-europa-eu-nuts-scheme-2021/aboutterritory";
  EXPECT_EQ(value(linkset, "objectsTarget"), "http://data.europa.eu/nuts/scheme/2021");
  size_t about = std::count_if(quads.begin(), quads.end(), [](const rdf::Quad& q) {
    return q.graph.value() == kBase + "graph/factsheet/belgium-wallonia/1" &&
           q.predicate.value() == "https://data.hamlet.example/def/smartvillages#aboutTerritory" &&
           q.object.value().rfind("http://data.europa.eu/nuts/code/", 0) == 0;
  });
  EXPECT_GT(about, 0u);
  EXPECT_EQ(value(linkset, "triples"), std::to_string(about));
}

TEST_F(BundleTest, FailedExportLeavesTheOldBundleAsItWas) {
  std::string before = testing::Slurp(Bundle() + "/catalog.ttl");
  ASSERT_FALSE(before.empty());
  std::string bad_config = dir_->Write("bad.json", "{\"catalog\": {\"title\": 3}}");
  auto r = testing::RunHamlet("--store " + Store() + " export --dcat-ap " + Bundle() +
                              " --base-url " + kBase + " --config " + bad_config);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("catalog.iri: missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("holds the previous bundle"), std::string::npos) << r.err;
  EXPECT_EQ(testing::Slurp(Bundle() + "/catalog.ttl"), before);
  EXPECT_FALSE(fs::exists(Bundle() + ".partial"));
}

// An export killed between the two renames of a non-atomic swap left only DIR.old and
// DIR.partial. The next export, even a failing one, puts DIR.old back first, and says so
// truthfully.
TEST_F(BundleTest, ExportKilledMidSwapIsRecoveredByTheNextOne) {
  std::string dir = dir_->Sub("swapped");
  fs::copy(Bundle(), dir + ".old", fs::copy_options::recursive);
  fs::create_directories(dir + ".partial/download");
  dir_->Write("swapped.partial/catalog.ttl", "half");
  std::string before = testing::Slurp(dir + ".old/catalog.ttl");
  std::string bad_config = dir_->Write("bad2.json", "{\"catalog\": {\"title\": 3}}");
  auto r = testing::RunHamlet("--store " + Store() + " export --dcat-ap " + dir + " --base-url " +
                              kBase + " --config " + bad_config);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir + " holds the previous bundle"), std::string::npos) << r.err;
  EXPECT_EQ(testing::Slurp(dir + "/catalog.ttl"), before);
  EXPECT_FALSE(fs::exists(dir + ".old"));
  EXPECT_FALSE(fs::exists(dir + ".partial"));
}

// The swap of a new bundle over an existing one is a single exchange: at no moment is there
// no DIR, and nothing of the previous bundle is left beside it.
TEST_F(BundleTest, NewBundleReplacesTheOldOneAndLeavesNothingBeside) {
  std::string dir = dir_->Sub("again");
  fs::copy(Bundle(), dir, fs::copy_options::recursive);
  dir_->Write("again/stale.txt", "from before");
  auto r = testing::RunHamlet("--store " + Store() + " export --dcat-ap " + dir + " --base-url " +
                              kBase + " --config " + HAMLET_SOURCE_DIR + "/config/dcat-ap.json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/stale.txt"));
  EXPECT_EQ(testing::Slurp(dir + "/catalog.ttl"), testing::Slurp(Bundle() + "/catalog.ttl"));
  EXPECT_FALSE(fs::exists(dir + ".old"));
  EXPECT_FALSE(fs::exists(dir + ".partial"));
}

TEST_F(BundleTest, MalformedConfigurationNamesFileLineAndColumn) {
  std::string bad =
      dir_->Write("broken.json", "{\n  \"catalog\": {\n    \"iri\": \"x\",,\n  }\n}\n");
  auto r = testing::RunHamlet("--store " + Store() + " export --dcat-ap " + dir_->Sub("other") +
                              " --base-url " + kBase + " --config " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad + ":3:16: not valid JSON: "), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_->Sub("other")));
}

TEST_F(BundleTest, BaseUrlMustBeAbsoluteHttp) {
  auto r = testing::RunHamlet("--store " + Store() + " export --dcat-ap " + dir_->Sub("other") +
                              " --base-url data/");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--base-url must be an absolute http(s) URL"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_->Sub("other")));
}

}  // namespace
}  // namespace hamlet
