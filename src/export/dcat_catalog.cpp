#include "export/dcat_catalog.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "rdf/vocab.h"

namespace hamlet::publish {

namespace {

const std::string kDcat = "http://www.w3.org/ns/dcat#";
const std::string kDct = "http://purl.org/dc/terms/";
const std::string kDcatAp = "http://data.europa.eu/r5r/";
const std::string kFoaf = "http://xmlns.com/foaf/0.1/";
const std::string kSkos = "http://www.w3.org/2004/02/skos/core#";
const std::string kVcard = "http://www.w3.org/2006/vcard/ns#";
const std::string kSpdx = "http://spdx.org/rdf/terms#";
const std::string kProv = "http://www.w3.org/ns/prov#";
const std::string kVoid = "http://rdfs.org/ns/void#";
const std::string kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
const std::string kXsd(rdf::vocab::kXsd);
const std::string kRdfType(rdf::vocab::kRdfType);
const std::string kFileType = "http://publications.europa.eu/resource/authority/file-type/";
const std::string kLanguage = "http://publications.europa.eu/resource/authority/language/";
const std::string kIanaMedia = "http://www.iana.org/assignments/media-types/";

// The EU file-type table's code for a syntax.
const char* FileTypeCode(io::Syntax s) {
  switch (s) {
    case io::Syntax::kNTriples:
      return "RDF_N_TRIPLES";
    case io::Syntax::kNQuads:
      return "RDF_N_QUADS";
    case io::Syntax::kTurtle:
      return "RDF_TURTLE";
    case io::Syntax::kTriG:
      return "RDF_TRIG";
    case io::Syntax::kJsonLd:
      return "JSON_LD";
    case io::Syntax::kRdfXml:
      return "RDF_XML";
  }
  return "RDF_N_QUADS";
}

// ISO 639-1 tags of the EU's languages -> codes of the EU language authority table.
std::string LanguageIri(const std::string& tag) {
  static const std::map<std::string, std::string> kCodes = {
      {"bg", "BUL"}, {"cs", "CES"}, {"da", "DAN"}, {"de", "DEU"}, {"el", "ELL"},
      {"en", "ENG"}, {"es", "SPA"}, {"et", "EST"}, {"fi", "FIN"}, {"fr", "FRA"},
      {"ga", "GLE"}, {"hr", "HRV"}, {"hu", "HUN"}, {"it", "ITA"}, {"lb", "LTZ"},
      {"lt", "LIT"}, {"lv", "LAV"}, {"mt", "MLT"}, {"nl", "NLD"}, {"pl", "POL"},
      {"pt", "POR"}, {"ro", "RON"}, {"sk", "SLK"}, {"sl", "SLV"}, {"sv", "SWE"}};
  auto it = kCodes.find(tag.substr(0, tag.find('-')));
  return it == kCodes.end() ? std::string() : kLanguage + it->second;
}

std::string Thousands(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

// Accumulates triples; resources pointed at are typed once (the shapes check rdf:type and
// the validators do no inference).
class GraphBuilder {
 public:
  void Add(const rdf::Term& s, const std::string& p, rdf::Term o) {
    quads_.push_back(rdf::Quad{s, rdf::Term::Iri(p), std::move(o), {}});
  }
  void Iri(const rdf::Term& s, const std::string& p, const std::string& o) {
    if (!o.empty()) Add(s, p, rdf::Term::Iri(o));
  }
  void Text(const rdf::Term& s, const std::string& p, const LangText& text) {
    for (const auto& [lang, value] : text) Add(s, p, rdf::Term::LangLiteral(value, lang));
  }
  void En(const rdf::Term& s, const std::string& p, const std::string& text) {
    if (!text.empty()) Add(s, p, rdf::Term::LangLiteral(text, "en"));
  }
  void Typed(const rdf::Term& s, const std::string& p, const std::string& lexical,
             const std::string& datatype) {
    if (!lexical.empty()) Add(s, p, rdf::Term::Literal(lexical, datatype));
  }
  // `iri` a `cls`, stated once however often it is pointed at.
  void Type(const std::string& iri, const std::string& cls) {
    if (iri.empty() || !typed_.insert({iri, cls}).second) return;
    Add(rdf::Term::Iri(iri), kRdfType, rdf::Term::Iri(cls));
  }
  void Concept(const LabelledIri& c) {
    if (c.iri.empty() || typed_.count({c.iri, kSkos + "Concept"}) > 0) return;
    Type(c.iri, kSkos + "Concept");
    Text(rdf::Term::Iri(c.iri), kSkos + "prefLabel", c.label);
  }
  // Grouped by subject (in order of first mention) so that Turtle prints one block each.
  std::vector<rdf::Quad> Take() {
    std::map<rdf::Term, size_t> first;
    for (const auto& q : quads_) first.emplace(q.subject, first.size());
    std::stable_sort(quads_.begin(), quads_.end(), [&](const rdf::Quad& a, const rdf::Quad& b) {
      return first[a.subject] < first[b.subject];
    });
    return std::move(quads_);
  }

 private:
  std::vector<rdf::Quad> quads_;
  std::set<std::pair<std::string, std::string>> typed_;
};

std::string DatasetTitle(const DatasetEntry& d, const StoreFacts& facts) {
  const GraphFacts& g = *d.facts;
  switch (d.kind) {
    case DatasetEntry::Kind::kWholeGraph:
      return "Smart Villages knowledge graph: all graphs";
    case DatasetEntry::Kind::kOntology: {
      auto it = facts.ontology.label.find("en");
      return it != facts.ontology.label.end() ? it->second : "Ontology";
    }
    case DatasetEntry::Kind::kNamedGraph:
      break;
  }
  if (!g.title.empty()) return g.version.empty() ? g.title : g.title + ", version " + g.version;
  return g.label.empty() ? g.graph : g.label;
}

std::string DatasetDescription(const DatasetEntry& d, const StoreFacts& facts) {
  const GraphFacts& g = *d.facts;
  std::string size = Thousands(g.triples) + " triples about " + Thousands(g.distinct_subjects) +
                     " resources, using " + Thousands(g.properties) + " properties and " +
                     Thousands(g.classes) + " classes.";
  switch (d.kind) {
    case DatasetEntry::Kind::kWholeGraph:
      return "Every graph of the store together (" + Thousands(facts.graphs.size()) +
             " named graphs and the default graph), with each fact in the named graph of the "
             "source it comes from: " +
             size;
    case DatasetEntry::Kind::kOntology: {
      auto it = facts.ontology.comment.find("en");
      std::string comment = it != facts.ontology.comment.end() ? it->second + " " : "";
      return comment + "The default graph of the store" +
             (facts.ontology.version.empty() ? ""
                                             : ", ontology version " + facts.ontology.version) +
             ": " + size;
    }
    case DatasetEntry::Kind::kNamedGraph:
      break;
  }
  std::string text = g.label.empty() ? "The named graph <" + g.graph + ">" : g.label;
  if (!g.page.empty()) text += ", from " + g.page;
  if (!g.last_update.empty()) text += " (page last updated " + g.last_update + ")";
  return text + ": " + size;
}

}  // namespace

std::string Slug(const std::string& text) {
  size_t start = text.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  std::string out;
  for (size_t i = start; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string DatasetIri(const std::string& base_url, const std::string& slug) {
  return base_url + "dataset/" + slug;
}

io::PrefixList CatalogPrefixes() {
  return {{"dcat", kDcat},
          {"dct", kDct},
          {"dcatap", kDcatAp},
          {"foaf", kFoaf},
          {"skos", kSkos},
          {"vcard", kVcard},
          {"spdx", kSpdx},
          {"prov", kProv},
          {"void", kVoid},
          {"rdfs", kRdfs},
          {"xsd", kXsd},
          {"at-filetype", kFileType},
          {"at-lang", kLanguage},
          {"at-country", "http://publications.europa.eu/resource/authority/country/"},
          {"at-theme", "http://publications.europa.eu/resource/authority/data-theme/"},
          {"at-licence", "http://publications.europa.eu/resource/authority/licence/"},
          {"nuts", "http://data.europa.eu/nuts/code/"}};
}

std::vector<rdf::Quad> BuildCatalog(const CatalogConfig& config, const StoreFacts& facts,
                                    const std::vector<DatasetEntry>& datasets,
                                    const std::string& base_url, DcatRelease release) {
  GraphBuilder b;
  rdf::Term catalog = rdf::Term::Iri(config.catalog_iri);
  b.Type(config.catalog_iri, kDcat + "Catalog");
  b.Text(catalog, kDct + "title", config.catalog_title);
  b.Text(catalog, kDct + "description", config.catalog_description);
  b.Iri(catalog, kDct + "publisher", config.publisher_iri);
  b.Iri(catalog, kDct + "language", config.catalog_language);
  b.Type(config.catalog_language, kDct + "LinguisticSystem");
  b.Iri(catalog, kDct + "license", config.licence_iri);
  b.Typed(catalog, kDct + "issued", config.issued, kXsd + "date");
  b.Typed(catalog, kDct + "modified", facts.whole.last_update, kXsd + "date");
  b.Iri(catalog, kFoaf + "homepage", config.homepage);
  b.Type(config.homepage, kFoaf + "Document");
  b.Iri(catalog, kDcat + "themeTaxonomy", config.theme_taxonomy.iri);
  b.Type(config.theme_taxonomy.iri, kSkos + "ConceptScheme");
  b.Text(rdf::Term::Iri(config.theme_taxonomy.iri), kDct + "title", config.theme_taxonomy.label);
  for (const auto& place : facts.whole.places) b.Iri(catalog, kDct + "spatial", place);

  // Publisher, contact point and licence, described once.
  rdf::Term publisher = rdf::Term::Iri(config.publisher_iri);
  b.Type(config.publisher_iri, kFoaf + "Agent");
  b.Type(config.publisher_iri, kFoaf + "Organization");
  b.Text(publisher, kFoaf + "name", config.publisher_name);
  b.Iri(publisher, kDct + "type", config.publisher_type.iri);
  b.Concept(config.publisher_type);
  rdf::Term contact = rdf::Term::Iri(config.contact_iri);
  b.Type(config.contact_iri, kVcard + "Kind");
  b.Type(config.contact_iri, kVcard + "Organization");
  b.Add(contact, kVcard + "fn", rdf::Term::Literal(config.contact_name));
  if (!config.contact_email.empty())
    b.Iri(contact, kVcard + "hasEmail", "mailto:" + config.contact_email);
  b.Type(config.licence_iri, kDct + "LicenseDocument");
  b.Iri(rdf::Term::Iri(config.licence_iri), kDct + "type", config.licence_type.iri);
  b.Concept(config.licence_type);
  b.Concept(config.availability);
  for (const auto& theme : config.themes) b.Concept(theme);

  int checksums = 0;
  for (const DatasetEntry& d : datasets) {
    const GraphFacts& g = *d.facts;
    std::string iri = DatasetIri(base_url, d.slug);
    rdf::Term ds = rdf::Term::Iri(iri);
    b.Iri(catalog, kDcat + "dataset", iri);
    b.Type(iri, kDcat + "Dataset");
    std::string title = DatasetTitle(d, facts);
    b.En(ds, kDct + "title", title);
    b.En(ds, kDct + "description", DatasetDescription(d, facts));
    b.Add(ds, kDct + "identifier", rdf::Term::Literal(iri));
    for (const auto& [lang, words] : config.keywords) {
      for (const auto& w : words) b.Add(ds, kDcat + "keyword", rdf::Term::LangLiteral(w, lang));
    }
    for (const auto& label : g.place_labels) {
      if (!label.empty()) b.En(ds, kDcat + "keyword", label);
    }
    for (const auto& theme : config.themes) b.Iri(ds, kDcat + "theme", theme.iri);
    for (const auto& subject : config.subjects) b.Iri(ds, kDct + "subject", subject);
    for (const auto& place : g.places) {
      b.Iri(ds, kDct + "spatial", place);
      b.Type(place, kDct + "Location");
    }
    if (g.first_year > 0) {
      rdf::Term period = rdf::Term::Blank("period-" + d.slug);
      b.Add(ds, kDct + "temporal", period);
      b.Add(period, kRdfType, rdf::Term::Iri(kDct + "PeriodOfTime"));
      b.Typed(period, kDcat + "startDate", std::to_string(g.first_year) + "-01-01", kXsd + "date");
      b.Typed(period, kDcat + "endDate", std::to_string(g.last_year) + "-12-31", kXsd + "date");
    }
    b.Iri(ds, kDct + "publisher", config.publisher_iri);
    b.Iri(ds, kDcat + "contactPoint", config.contact_iri);
    for (const auto& tag : g.languages) {
      std::string lang = LanguageIri(tag);
      b.Iri(ds, kDct + "language", lang);
      b.Type(lang, kDct + "LinguisticSystem");
    }
    b.Iri(ds, kDct + "accrualPeriodicity", config.accrual_periodicity);
    b.Type(config.accrual_periodicity, kDct + "Frequency");
    b.Iri(ds, kDct + "accessRights", config.access_rights);
    b.Type(config.access_rights, kDct + "RightsStatement");
    b.Typed(ds, kDct + "modified", g.last_update, kXsd + "date");
    if (!g.page.empty()) {
      b.Iri(ds, kFoaf + "page", g.page);
      b.Iri(ds, kProv + "wasDerivedFrom", g.page);
      b.Type(g.page, kFoaf + "Document");
    }

    for (const DistributionFile& f : d.files) {
      std::string format_name(io::SyntaxTitle(f.syntax));
      std::string dist_iri = iri + "/" + std::string(io::SyntaxName(f.syntax));
      rdf::Term dist = rdf::Term::Iri(dist_iri);
      std::string url = base_url + f.path;
      b.Iri(ds, kDcat + "distribution", dist_iri);
      b.Type(dist_iri, kDcat + "Distribution");
      b.En(dist, kDct + "title", title + ", " + format_name);
      b.En(dist, kDct + "description",
           "The dataset as one " + format_name + " file (" + Thousands(f.bytes) + " bytes).");
      b.Iri(dist, kDcat + "accessURL", url);
      b.Iri(dist, kDcat + "downloadURL", url);
      std::string file_type = kFileType + FileTypeCode(f.syntax);
      b.Iri(dist, kDct + "format", file_type);
      b.Type(file_type, kDct + "MediaTypeOrExtent");
      std::string media = kIanaMedia + std::string(io::SyntaxMediaType(f.syntax));
      b.Iri(dist, kDcat + "mediaType", media);
      b.Type(media, kDct + "MediaType");
      b.Iri(dist, kDct + "license", config.licence_iri);
      b.Iri(dist, kDcatAp + "availability", config.availability.iri);
      b.Typed(dist, kDct + "modified", g.last_update, kXsd + "date");
      b.Typed(dist, kDcat + "byteSize", std::to_string(f.bytes),
              kXsd + (release == DcatRelease::k3_0_1 ? "nonNegativeInteger" : "decimal"));
      rdf::Term sum = rdf::Term::Blank("checksum" + std::to_string(++checksums));
      b.Add(dist, kSpdx + "checksum", sum);
      b.Add(sum, kRdfType, rdf::Term::Iri(kSpdx + "Checksum"));
      b.Iri(sum, kSpdx + "algorithm", kSpdx + "checksumAlgorithm_sha1");
      b.Type(kSpdx + "checksumAlgorithm_sha1", kSpdx + "ChecksumAlgorithm");
      b.Typed(sum, kSpdx + "checksumValue", f.sha1, kXsd + "hexBinary");
    }
  }

  if (!config.sparql_endpoint.empty()) {
    rdf::Term service = rdf::Term::Iri(config.sparql_endpoint);
    b.Iri(catalog, kDcat + "service", config.sparql_endpoint);
    b.Type(config.sparql_endpoint, kDcat + "DataService");
    b.En(service, kDct + "title", "SPARQL endpoint");
    b.En(service, kDct + "description", "SPARQL 1.1 Protocol endpoint over the knowledge graph.");
    b.Iri(service, kDcat + "endpointURL", config.sparql_endpoint);
    b.Iri(service, kDct + "conformsTo", "https://www.w3.org/TR/sparql11-protocol/");
    b.Type("https://www.w3.org/TR/sparql11-protocol/", kDct + "Standard");
    b.Iri(service, kDct + "publisher", config.publisher_iri);
    b.Iri(service, kDcat + "contactPoint", config.contact_iri);
    b.Iri(service, kDct + "license", config.licence_iri);
    b.Iri(service, kDct + "accessRights", config.access_rights);
    for (const auto& theme : config.themes) b.Iri(service, kDcat + "theme", theme.iri);
    for (const DatasetEntry& d : datasets) {
      b.Iri(service, kDcat + "servesDataset", DatasetIri(base_url, d.slug));
    }
  }
  return b.Take();
}

std::vector<rdf::Quad> BuildVoid(const CatalogConfig& config,
                                 const std::vector<DatasetEntry>& datasets,
                                 const std::string& base_url) {
  GraphBuilder b;
  std::set<std::string> targets_used;
  for (const DatasetEntry& d : datasets) {
    const GraphFacts& g = *d.facts;
    std::string iri = DatasetIri(base_url, d.slug);
    rdf::Term ds = rdf::Term::Iri(iri);
    b.Type(iri, kVoid + "Dataset");
    auto count = [&](const char* p, uint64_t n) {
      b.Typed(ds, kVoid + p, std::to_string(n), kXsd + "integer");
    };
    count("triples", g.triples);
    count("distinctSubjects", g.distinct_subjects);
    count("distinctObjects", g.distinct_objects);
    count("properties", g.properties);
    count("classes", g.classes);
    for (const DistributionFile& f : d.files) {
      b.Iri(ds, kVoid + "dataDump", base_url + f.path);
    }
    for (const LinkCount& link : g.links) {
      // Stable IRIs: from the target and the predicate, never from counts or order.
      std::string ls_iri = iri + "/linkset/" + Slug(link.target_dataset) + "/" +
                           Slug(link.predicate.substr(link.predicate.find_last_of("#/") + 1));
      rdf::Term ls = rdf::Term::Iri(ls_iri);
      b.Type(ls_iri, kVoid + "Linkset");
      b.Iri(ds, kVoid + "subset", ls_iri);
      b.Iri(ls, kVoid + "subjectsTarget", iri);
      b.Iri(ls, kVoid + "objectsTarget", link.target_dataset);
      b.Iri(ls, kVoid + "linkPredicate", link.predicate);
      b.Typed(ls, kVoid + "triples", std::to_string(link.triples), kXsd + "integer");
      targets_used.insert(link.target_dataset);
    }
  }
  for (const LinkTarget& t : config.link_targets) {
    if (targets_used.count(t.dataset) == 0) continue;
    b.Type(t.dataset, kVoid + "Dataset");
    b.Text(rdf::Term::Iri(t.dataset), kDct + "title", t.title);
    b.Add(rdf::Term::Iri(t.dataset), kVoid + "uriSpace", rdf::Term::Literal(t.uri_space));
  }
  return b.Take();
}

}  // namespace hamlet::publish
