#include "export/dcat_bundle.h"

#include <openssl/evp.h>

#include <fcntl.h>
#include <stdio.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "export/catalog_config.h"
#include "export/dcat_catalog.h"
#include "export/graph_export.h"
#include "export/store_facts.h"
#include "io/writer.h"
#include "rdf/check.h"

namespace hamlet::publish {

namespace fs = std::filesystem;

namespace {

// The file name of a named graph's distributions: its IRI path as a slug
// (<…/graph/factsheet/austria/1> -> "factsheet-austria-1").
std::string GraphSlug(const std::string& graph, const std::string& base_url) {
  std::string rest = graph;
  if (rest.compare(0, base_url.size(), base_url) == 0) rest = rest.substr(base_url.size());
  if (rest.compare(0, 6, "graph/") == 0) rest = rest.substr(6);
  std::string slug = Slug(rest);
  return slug.empty() ? "graph" : slug;
}

Status WriteQuads(const std::string& path, io::Syntax syntax, const std::vector<rdf::Quad>& quads,
                  const io::PrefixList& prefixes) {
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "wb"), std::fclose);
  if (out == nullptr) return Status::IoError(path + ": cannot open for writing");
  auto writer = io::QuadWriter::Create(syntax, out.get(), prefixes);
  for (const auto& q : quads) {
    HAMLET_RETURN_IF_ERROR(writer->Write(
        rdf::QuadView{q.subject.view(), q.predicate.view(), q.object.view(), q.graph.view()}));
  }
  HAMLET_RETURN_IF_ERROR(writer->Finish());
  if (std::fclose(out.release()) != 0) return Status::IoError(path + ": write failed");
  return Status::Ok();
}

class BundleWriter {
 public:
  BundleWriter(const store::Snapshot& snap, const DcatBundleOptions& options, std::string base,
               std::string staging)
      : snap_(snap), options_(options), base_(std::move(base)), staging_(std::move(staging)) {}

  Result<DcatBundleSummary> Write() {
    auto config = LoadCatalogConfig(options_.config_path, base_);
    if (!config.ok()) return config.status();
    config_ = std::move(*config);
    auto facts = CollectStoreFacts(snap_, config_);
    if (!facts.ok()) return facts.status();
    facts_ = std::move(*facts);

    std::error_code ec;
    fs::create_directories(fs::path(staging_) / config_.download_path, ec);
    if (ec) return Status::IoError(staging_ + ": cannot create the folder: " + ec.message());

    using K = DatasetEntry::Kind;
    using S = io::Syntax;
    const std::vector<S> triples = {S::kTurtle, S::kNTriples, S::kJsonLd, S::kRdfXml};
    HAMLET_RETURN_IF_ERROR(
        AddDataset(K::kWholeGraph, "knowledge-graph", facts_.whole, "",
                   {S::kNQuads, S::kTriG, S::kJsonLd, S::kTurtle, S::kNTriples, S::kRdfXml}));
    if (!facts_.ontology.iri.empty()) {
      HAMLET_RETURN_IF_ERROR(
          AddDataset(K::kOntology, "ontology", facts_.default_graph, "", triples));
    }
    for (const GraphFacts& g : facts_.graphs) {
      HAMLET_RETURN_IF_ERROR(
          AddDataset(K::kNamedGraph, GraphSlug(g.graph, base_), g, g.graph, triples));
    }

    DcatBundleSummary summary;
    for (const auto& d : datasets_) {
      summary.distributions += d.files.size();
      for (const auto& f : d.files) summary.distribution_bytes += f.bytes;
    }
    summary.datasets = datasets_.size();
    auto catalog = BuildCatalog(config_, facts_, datasets_, base_, DcatRelease::k3_0_1);
    io::PrefixList prefixes = CatalogPrefixes();
    for (S s : {S::kTurtle, S::kRdfXml, S::kJsonLd, S::kNTriples}) {
      std::string name = "catalog." + std::string(io::SyntaxExtension(s));
      HAMLET_RETURN_IF_ERROR(WriteQuads(staging_ + "/" + name, s, catalog, prefixes));
      summary.catalog_files.push_back(name);
    }
    HAMLET_RETURN_IF_ERROR(
        WriteQuads(staging_ + "/catalog-2.1.1.ttl", S::kTurtle,
                   BuildCatalog(config_, facts_, datasets_, base_, DcatRelease::k2_1_1), prefixes));
    summary.catalog_files.push_back("catalog-2.1.1.ttl");
    HAMLET_RETURN_IF_ERROR(WriteQuads(staging_ + "/void.ttl", S::kTurtle,
                                      BuildVoid(config_, datasets_, base_), prefixes));
    summary.catalog_files.push_back("void.ttl");
    return summary;
  }

 private:
  Status AddDataset(DatasetEntry::Kind kind, const std::string& slug, const GraphFacts& facts,
                    const std::string& graph, const std::vector<io::Syntax>& syntaxes) {
    DatasetEntry d;
    d.kind = kind;
    d.slug = slug;
    d.facts = &facts;
    for (io::Syntax s : syntaxes) {
      DistributionFile f;
      f.syntax = s;
      f.path = config_.download_path + slug + "." + std::string(io::SyntaxExtension(s));
      std::string full = staging_ + "/" + f.path;
      GraphExportOptions o;
      o.syntax = s;
      o.graph = graph;
      // A factsheet graph's files hold its triples; the whole graph keeps the graph names
      // where the syntax can say them and merges them into triples where it cannot.
      o.as_triples = kind == DatasetEntry::Kind::kNamedGraph || !io::HasGraphs(s);
      if (kind == DatasetEntry::Kind::kOntology) {
        o.as_triples = false;
        o.default_graph_only = true;
      }
      auto written = ExportGraphToFile(snap_, o, full);
      if (!written.ok()) return written.status().WithContext(f.path);
      std::error_code ec;
      f.bytes = fs::file_size(full, ec);
      if (ec) return Status::IoError(full + ": " + ec.message());
      auto sha1 = FileSha1(full);
      if (!sha1.ok()) return sha1.status();
      f.sha1 = std::move(*sha1);
      d.files.push_back(std::move(f));
    }
    datasets_.push_back(std::move(d));
    return Status::Ok();
  }

  const store::Snapshot& snap_;
  const DcatBundleOptions& options_;
  std::string base_;
  std::string staging_;
  CatalogConfig config_;
  StoreFacts facts_;
  std::vector<DatasetEntry> datasets_;
};

}  // namespace

Result<std::string> FileSha1(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot read");
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (ctx == nullptr || EVP_DigestInit_ex(ctx.get(), EVP_sha1(), nullptr) != 1) {
    return Status::Internal("SHA-1 is not available from OpenSSL");
  }
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    EVP_DigestUpdate(ctx.get(), buf, static_cast<size_t>(in.gcount()));
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &len);
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) {
    hex += kHex[md[i] >> 4];
    hex += kHex[md[i] & 15];
  }
  return hex;
}

namespace {

// A swap by two renames (DIR -> DIR.old, DIR.partial -> DIR) killed between them leaves no
// DIR; the last complete bundle is then DIR.old, and it goes back before anything else.
Status RecoverInterruptedSwap(const fs::path& dir) {
  std::error_code ec;
  std::string old = dir.string() + ".old";
  if (fs::exists(dir, ec) || !fs::is_directory(old, ec)) return Status::Ok();
  fs::rename(old, dir, ec);
  if (ec) {
    return Status::IoError(dir.string() + " is missing and " + old +
                           " (the previous bundle) cannot be moved back: " + ec.message());
  }
  return Status::Ok();
}

// Puts the finished bundle at DIR. With an existing DIR, renameat2(RENAME_EXCHANGE) swaps
// both folders in one step, so there is no moment without a complete DIR. File systems
// without it get two renames, which RecoverInterruptedSwap repairs if killed in between.
Status SwapIn(const std::string& staging, const fs::path& dir) {
  std::error_code ec;
  const std::string target = dir.string();
  std::string why;
  if (!fs::exists(dir, ec)) {
    if (::rename(staging.c_str(), target.c_str()) == 0) return Status::Ok();
    why = std::strerror(errno);
  } else if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) ==
             0) {
    fs::remove_all(staging, ec);  // now the previous bundle
    return Status::Ok();
  } else if (errno != EINVAL && errno != ENOSYS) {
    why = std::strerror(errno);
  } else {
    std::string old = target + ".old";
    fs::remove_all(old, ec);
    fs::rename(dir, old, ec);
    if (!ec) fs::rename(staging, dir, ec);
    if (!ec) {
      fs::remove_all(old, ec);
      return Status::Ok();
    }
    why = ec.message();
    if (!fs::exists(dir)) fs::rename(old, dir, ec);
  }
  fs::remove_all(staging, ec);
  return Status::IoError(target + ": cannot move the finished bundle into place (" + why + ")");
}

}  // namespace

Result<DcatBundleSummary> WriteDcatBundle(const store::Snapshot& snapshot,
                                          const DcatBundleOptions& options) {
  std::string base = options.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  if (base.compare(0, 7, "http://") != 0 && base.compare(0, 8, "https://") != 0) {
    return Status::InvalidArgument("--base-url must be an absolute http(s) URL, got '" +
                                   options.base_url + "'");
  }
  if (Status s = rdf::CheckAbsoluteIri(base); !s.ok()) {
    return Status::InvalidArgument("--base-url: " + s.message());
  }
  fs::path dir = fs::path(options.dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  HAMLET_RETURN_IF_ERROR(RecoverInterruptedSwap(dir));
  std::string staging = dir.string() + ".partial";
  std::error_code ec;
  fs::remove_all(staging, ec);
  BundleWriter writer(snapshot, options, base, staging);
  auto summary = writer.Write();
  if (!summary.ok()) {
    fs::remove_all(staging, ec);
    return summary;
  }
  HAMLET_RETURN_IF_ERROR(SwapIn(staging, dir));
  return summary;
}

}  // namespace hamlet::publish
