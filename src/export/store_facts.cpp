#include "export/store_facts.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "sparql/engine/query_engine.h"

namespace hamlet::publish {

namespace {

constexpr const char* kPrologue =
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
    "PREFIX dct: <http://purl.org/dc/terms/>\n"
    "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX sv: <https://data.hamlet.example/def/smartvillages#>\n";

// One solution of a SELECT, read by variable name.
class Row {
 public:
  Row(const sparql::QueryResult& r, size_t i) : result_(r), row_(r.rows[i]) {}
  const rdf::Term* Get(std::string_view var) const {
    for (size_t c = 0; c < result_.variables.size(); ++c) {
      if (result_.variables[c] == var) return row_[c] ? &*row_[c] : nullptr;
    }
    return nullptr;
  }
  std::string Str(std::string_view var) const {
    const rdf::Term* t = Get(var);
    return t != nullptr ? t->value() : std::string();
  }
  std::string Lang(std::string_view var) const {
    const rdf::Term* t = Get(var);
    return t != nullptr ? t->lang() : std::string();
  }
  uint64_t Count(std::string_view var) const {
    std::string s = Str(var);
    return s.empty() ? 0 : std::stoull(s);
  }

 private:
  const sparql::QueryResult& result_;
  const std::vector<std::optional<rdf::Term>>& row_;
};

class FactCollector {
 public:
  FactCollector(const store::Snapshot& snap, const CatalogConfig& config, StoreFacts& facts)
      : snap_(snap), config_(config), facts_(facts) {}

  Status Select(const std::string& body, const std::function<void(const Row&)>& each) {
    auto r = sparql::RunQuery(snap_, std::string(kPrologue) + body);
    if (!r.ok()) return r.status().WithContext("computing the catalogue");
    for (size_t i = 0; i < r->rows.size(); ++i) each(Row(*r, i));
    return Status::Ok();
  }

  // Runs `aggregates` over `pattern` three times: per named graph, over the default graph
  // and over all graphs together; `each` receives the facts the row belongs to.
  Status PerScope(const std::string& pattern, const std::string& aggregates,
                  const std::string& extra_group,
                  const std::function<void(GraphFacts&, const Row&)>& each) {
    std::string group = extra_group.empty() ? "" : " " + extra_group;
    HAMLET_RETURN_IF_ERROR(Select(
        "SELECT ?g " + aggregates + " WHERE { GRAPH ?g { " + pattern + " } } GROUP BY ?g" + group,
        [&](const Row& row) {
          if (GraphFacts* g = Named(row.Str("g")); g != nullptr) each(*g, row);
        }));
    std::string grouped = extra_group.empty() ? "" : " GROUP BY" + group;
    HAMLET_RETURN_IF_ERROR(Select("SELECT " + aggregates + " WHERE { " + pattern + " }" + grouped,
                                  [&](const Row& row) { each(facts_.default_graph, row); }));
    return Select("SELECT " + aggregates + " WHERE { { " + pattern +
                      " } UNION { GRAPH ?anyGraph { " + pattern + " } } }" + grouped,
                  [&](const Row& row) { each(facts_.whole, row); });
  }

  GraphFacts* Named(const std::string& iri) {
    auto it = index_.find(iri);
    return it == index_.end() ? nullptr : &facts_.graphs[it->second];
  }

  Status Collect() {
    // The named graphs and their size.
    HAMLET_RETURN_IF_ERROR(Select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
                                  [&](const Row& row) {
                                    GraphFacts g;
                                    g.graph = row.Str("g");
                                    index_[g.graph] = facts_.graphs.size();
                                    facts_.graphs.push_back(std::move(g));
                                  }));
    HAMLET_RETURN_IF_ERROR(PerScope(
        "?s ?p ?o",
        "(COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects) "
        "(COUNT(DISTINCT ?p) AS ?properties)",
        "", [](GraphFacts& g, const Row& row) {
          g.triples = row.Count("n");
          g.distinct_subjects = row.Count("subjects");
          g.distinct_objects = row.Count("objects");
          g.properties = row.Count("properties");
        }));
    HAMLET_RETURN_IF_ERROR(
        PerScope("?s a ?c", "(COUNT(DISTINCT ?c) AS ?classes)", "",
                 [](GraphFacts& g, const Row& row) { g.classes = row.Count("classes"); }));
    HAMLET_RETURN_IF_ERROR(CollectLanguages());
    HAMLET_RETURN_IF_ERROR(CollectLinks());
    HAMLET_RETURN_IF_ERROR(CollectDescriptions());
    HAMLET_RETURN_IF_ERROR(CollectPlacesAndPeriods());
    return CollectOntology();
  }

 private:
  Status CollectLanguages() {
    std::map<GraphFacts*, std::map<std::string, uint64_t>> counts;
    HAMLET_RETURN_IF_ERROR(PerScope(
        "?s ?p ?o FILTER(isLiteral(?o) && LANG(?o) != \"\")", "?lang (COUNT(*) AS ?n)",
        "(LCASE(LANG(?o)) AS ?lang)",
        [&](GraphFacts& g, const Row& row) { counts[&g][row.Str("lang")] += row.Count("n"); }));
    for (auto& [g, by_lang] : counts) {
      uint64_t total = 0;
      for (const auto& [lang, n] : by_lang) total += n;
      for (const auto& [lang, n] : by_lang) {
        if (n >= config_.language_min_literals &&
            static_cast<double>(n) >= config_.language_threshold * static_cast<double>(total)) {
          g->languages.push_back(lang);
        }
      }
    }
    return Status::Ok();
  }

  Status CollectLinks() {
    for (const LinkTarget& target : config_.link_targets) {
      std::string pattern = "?s ?p ?o FILTER(isIRI(?o) && STRSTARTS(STR(?o), " +
                            rdf::Term::Literal(target.uri_space).ToNTriples() + "))";
      HAMLET_RETURN_IF_ERROR(
          PerScope(pattern, "?p (COUNT(*) AS ?n)", "?p", [&](GraphFacts& g, const Row& row) {
            g.links.push_back(LinkCount{target.dataset, row.Str("p"), row.Count("n")});
          }));
    }
    return Status::Ok();
  }

  Status CollectDescriptions() {
    HAMLET_RETURN_IF_ERROR(
        Select("SELECT ?g ?label WHERE { GRAPH ?g { ?g rdfs:label ?label } } ORDER BY ?g ?label",
               [&](const Row& row) {
                 GraphFacts* g = Named(row.Str("g"));
                 // English first: the catalogue's language; else the first label.
                 if (g != nullptr && (g->label.empty() || row.Lang("label") == "en"))
                   g->label = row.Str("label");
               }));
    return Select(
        "SELECT ?g ?topic ?title ?version ?page ?updated WHERE { GRAPH ?g { "
        "?g foaf:primaryTopic ?topic "
        "OPTIONAL { ?topic dct:title ?title } OPTIONAL { ?topic sv:versionLabel ?version } "
        "OPTIONAL { ?topic sv:address ?page } OPTIONAL { ?topic sv:lastUpdate ?updated } } }",
        [&](const Row& row) {
          GraphFacts* g = Named(row.Str("g"));
          if (g == nullptr) return;
          g->topic = row.Str("topic");
          if (g->title.empty()) g->title = row.Str("title");
          if (g->version.empty()) g->version = row.Str("version");
          if (g->page.empty()) g->page = row.Str("page");
          g->last_update = std::max(g->last_update, row.Str("updated"));
          facts_.whole.last_update = std::max(facts_.whole.last_update, g->last_update);
        });
  }

  Status CollectPlacesAndPeriods() {
    auto add_place = [](GraphFacts& g, const std::string& iri, const std::string& label) {
      if (iri.empty() || std::find(g.places.begin(), g.places.end(), iri) != g.places.end()) return;
      g.places.push_back(iri);
      g.place_labels.push_back(label);
    };
    // A territory, then the country it is part of (a NUTS region's Member State).
    HAMLET_RETURN_IF_ERROR(
        Select("SELECT DISTINCT ?g ?place ?label ?country ?countryLabel WHERE { "
               "GRAPH ?g { ?g foaf:primaryTopic ?v . ?v sv:aboutTerritory ?place } "
               "OPTIONAL { GRAPH ?g2 { ?place skos:prefLabel ?label "
               "FILTER(LANGMATCHES(LANG(?label), \"en\")) } } "
               "OPTIONAL { GRAPH ?g3 { ?place sv:partOf ?country } "
               "  OPTIONAL { GRAPH ?g4 { ?country skos:prefLabel ?countryLabel "
               "    FILTER(LANGMATCHES(LANG(?countryLabel), \"en\")) } } } } ORDER BY ?g ?place",
               [&](const Row& row) {
                 GraphFacts* g = Named(row.Str("g"));
                 if (g == nullptr) return;
                 add_place(*g, row.Str("place"), row.Str("label"));
                 add_place(*g, row.Str("country"), row.Str("countryLabel"));
                 add_place(facts_.whole,
                           row.Str("country").empty() ? row.Str("place") : row.Str("country"),
                           row.Str("country").empty() ? row.Str("label") : row.Str("countryLabel"));
               }));
    return Select(
        "SELECT ?g (MIN(STR(?start)) AS ?first) (MAX(STR(?end)) AS ?last) WHERE { "
        "GRAPH ?g { ?x ?p ?period } "
        "GRAPH ?r { ?period a sv:ProgrammingPeriod ; sv:startYear ?start ; sv:endYear ?end } } "
        "GROUP BY ?g",
        [&](const Row& row) {
          GraphFacts* g = Named(row.Str("g"));
          std::string first = row.Str("first"), last = row.Str("last");
          if (g == nullptr || first.size() < 4 || last.size() < 4) return;
          g->first_year = std::stoi(first.substr(0, 4));
          g->last_year = std::stoi(last.substr(0, 4));
          GraphFacts& w = facts_.whole;
          w.first_year = w.first_year == 0 ? g->first_year : std::min(w.first_year, g->first_year);
          w.last_year = std::max(w.last_year, g->last_year);
        });
  }

  Status CollectOntology() {
    OntologyFacts& o = facts_.ontology;
    return Select(
        "SELECT ?o ?label ?comment ?version ?licence WHERE { ?o a owl:Ontology "
        "OPTIONAL { ?o rdfs:label ?label } OPTIONAL { ?o rdfs:comment ?comment } "
        "OPTIONAL { ?o owl:versionInfo ?version } OPTIONAL { ?o dct:license ?licence } } ORDER BY "
        "?o",
        [&](const Row& row) {
          // One ontology per store: the first in IRI order describes the dataset.
          if (!o.iri.empty() && o.iri != row.Str("o")) return;
          o.iri = row.Str("o");
          if (row.Get("label") != nullptr) o.label[row.Lang("label")] = row.Str("label");
          if (row.Get("comment") != nullptr) o.comment[row.Lang("comment")] = row.Str("comment");
          if (o.version.empty()) o.version = row.Str("version");
          if (o.licence.empty()) o.licence = row.Str("licence");
        });
  }

  const store::Snapshot& snap_;
  const CatalogConfig& config_;
  StoreFacts& facts_;
  std::map<std::string, size_t> index_;
};

}  // namespace

Result<StoreFacts> CollectStoreFacts(const store::Snapshot& snapshot, const CatalogConfig& config) {
  StoreFacts facts;
  FactCollector collector(snapshot, config, facts);
  HAMLET_RETURN_IF_ERROR(collector.Collect());
  return facts;
}

}  // namespace hamlet::publish
