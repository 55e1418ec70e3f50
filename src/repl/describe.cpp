// .describe: finds a resource by IRI, prefixed name or label and shows its facts, with the
// labels of the properties and resources it links to.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "rdf/vocab.h"
#include "repl/session.h"

namespace hamlet::repl {

namespace {

constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view kSkosPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
constexpr std::string_view kSkosAltLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
constexpr std::string_view kFoafName = "http://xmlns.com/foaf/0.1/name";
constexpr std::string_view kDctTitle = "http://purl.org/dc/terms/title";
constexpr size_t kMaxIncoming = 20;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string SparqlString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string IriRef(std::string_view iri) {
  return "<" + std::string(iri) + ">";
}

// How well a label matches what the user typed: lower is better.
int MatchRank(std::string_view label, std::string_view typed) {
  std::string l = Lower(label), t = Lower(typed);
  if (l == t) return 0;
  for (size_t pos = l.find(t); pos != std::string::npos; pos = l.find(t, pos + 1)) {
    bool start = pos == 0 || !std::isalnum(static_cast<unsigned char>(l[pos - 1]));
    size_t end = pos + t.size();
    bool stop = end == l.size() || !std::isalnum(static_cast<unsigned char>(l[end]));
    if (start && stop) return 1;
  }
  return 2;
}

// The label to show: English first, then untagged, then any.
int LangRank(const rdf::Term& label) {
  if (label.lang() == "en" || label.lang().starts_with("en-")) return 0;
  return label.lang().empty() ? 1 : 2;
}

}  // namespace

Status Session::Describe(const std::string& what, const store::CancellationToken* cancel) {
  double ms = 0;
  std::string iri;
  std::vector<std::string> others;  // other resources whose labels match
  std::string text = what;
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    iri = text.substr(1, text.size() - 2);
  } else if (text.find("://") != std::string::npos && text.find(' ') == std::string::npos) {
    iri = text;
  } else if (size_t colon = text.find(':');
             colon != std::string::npos && text.find(' ') == std::string::npos) {
    std::string name = text.substr(0, colon);
    auto it = std::find_if(prefixes_.begin(), prefixes_.end(),
                           [&](const auto& p) { return p.first == name; });
    if (it != prefixes_.end()) iri = it->second + text.substr(colon + 1);
  }
  if (iri.empty()) {
    std::string query = fmt::format(
        "SELECT DISTINCT ?s ?p ?l WHERE {{ VALUES ?p {{ {} {} {} {} {} }} "
        "{{ ?s ?p ?l }} UNION {{ GRAPH ?g {{ ?s ?p ?l }} }} "
        "FILTER(isIRI(?s) && isLiteral(?l) && CONTAINS(LCASE(STR(?l)), LCASE({}))) }}",
        IriRef(kSkosPrefLabel), IriRef(kRdfsLabel), IriRef(kFoafName), IriRef(kDctTitle),
        IriRef(kSkosAltLabel), SparqlString(text));
    auto r = Run(query, cancel, &ms);
    if (!r.ok()) return Fail(r.status());
    // Best (match, label kind, length) per resource.
    std::map<std::string, std::tuple<int, int, size_t, std::string>> best;
    for (const auto& row : r->rows) {
      if (!row[0] || !row[1] || !row[2]) continue;
      int kind = row[1]->value() == kSkosAltLabel ? 1 : 0;
      auto key = std::make_tuple(MatchRank(row[2]->value(), text), kind, row[2]->value().size(),
                                 row[2]->value());
      auto [it, fresh] = best.emplace(row[0]->value(), key);
      if (!fresh && key < it->second) it->second = key;
    }
    if (best.empty()) {
      return Fail(
          Status::NotFound("no resource with the IRI, prefixed name or label '" + text + "'"));
    }
    std::vector<std::pair<std::tuple<int, int, size_t, std::string>, std::string>> ranked;
    for (const auto& [s, key] : best) ranked.emplace_back(key, s);
    std::sort(ranked.begin(), ranked.end());
    iri = ranked[0].second;
    for (size_t i = 1; i < ranked.size() && i <= 5; ++i) {
      others.push_back(ShortIri(ranked[i].second, prefixes_) + " (\"" +
                       std::get<3>(ranked[i].first) + "\")");
    }
    if (ranked.size() > 6) others.push_back(fmt::format("{} more", ranked.size() - 6));
  }

  std::string subject = IriRef(iri);
  auto facts = Run(fmt::format("SELECT DISTINCT ?p ?o WHERE {{ {{ {0} ?p ?o }} UNION "
                               "{{ GRAPH ?g {{ {0} ?p ?o }} }} }}",
                               subject),
                   cancel, &ms);
  if (!facts.ok()) return Fail(facts.status());
  auto incoming = Run(fmt::format("SELECT DISTINCT ?s ?p WHERE {{ {{ ?s ?p {0} }} UNION "
                                  "{{ GRAPH ?g {{ ?s ?p {0} }} }} }} ORDER BY ?p ?s LIMIT {1}",
                                  subject, kMaxIncoming + 1),
                      cancel, &ms);
  if (!incoming.ok()) return Fail(incoming.status());
  if (facts->rows.empty() && incoming->rows.empty()) {
    return Fail(Status::NotFound("no facts about " + ShortIri(iri, prefixes_) + " in the store"));
  }

  // Labels of every IRI shown, fetched in one query.
  std::vector<std::string> iris = {iri};
  auto collect = [&](const std::optional<rdf::Term>& t) {
    if (t && t->is_iri()) iris.push_back(t->value());
  };
  for (const auto* result : {&facts->rows, &incoming->rows}) {
    for (const auto& row : *result) {
      collect(row[0]);
      collect(row[1]);
    }
  }
  std::sort(iris.begin(), iris.end());
  iris.erase(std::unique(iris.begin(), iris.end()), iris.end());
  std::string values;
  for (const auto& i : iris) values += IriRef(i) + " ";
  auto labels = Run(fmt::format("SELECT ?x ?l WHERE {{ VALUES ?x {{ {} }} VALUES ?lp {{ {} {} }} "
                                "{{ ?x ?lp ?l }} UNION {{ GRAPH ?g {{ ?x ?lp ?l }} }} }}",
                                values, IriRef(kSkosPrefLabel), IriRef(kRdfsLabel)),
                    cancel, &ms);
  if (!labels.ok()) return Fail(labels.status());
  std::map<std::string, rdf::Term> label_of;
  for (const auto& row : labels->rows) {
    if (!row[0] || !row[1] || !row[1]->is_literal()) continue;
    auto [it, fresh] = label_of.emplace(row[0]->value(), *row[1]);
    if (!fresh && std::make_pair(LangRank(*row[1]), row[1]->value()) <
                      std::make_pair(LangRank(it->second), it->second.value())) {
      it->second = *row[1];
    }
  }
  auto show = [&](const std::optional<rdf::Term>& t) {
    std::string s = DisplayTerm(t, prefixes_);
    if (t && t->is_iri()) {
      if (auto it = label_of.find(t->value()); it != label_of.end()) {
        return it->second.value() + " (" + s + ")";
      }
    }
    return s;
  };

  // rdf:type first, then the properties in the order of their shown names.
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : facts->rows) rows.push_back({show(row[0]), show(row[1])});
  const std::string type_cell = show(rdf::Term::Iri(std::string(rdf::vocab::kRdfType)));
  std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    return std::make_tuple(a[0] != type_cell, a[0], a[1]) <
           std::make_tuple(b[0] != type_cell, b[0], b[1]);
  });
  std::string title = ShortIri(iri, prefixes_);
  if (auto it = label_of.find(iri); it != label_of.end()) title += "  " + it->second.value();
  std::string out = title + "\n";
  if (!rows.empty()) out += RenderTable({"property", "value"}, rows, Layout());
  out += fmt::format("{} fact{}\n", rows.size(), rows.size() == 1 ? "" : "s");
  if (!incoming->rows.empty()) {
    std::vector<std::vector<std::string>> in_rows;
    for (size_t i = 0; i < incoming->rows.size() && i < kMaxIncoming; ++i) {
      in_rows.push_back({show(incoming->rows[i][0]), show(incoming->rows[i][1])});
    }
    out += "\nreferenced by\n" + RenderTable({"resource", "property"}, in_rows, Layout());
    if (incoming->rows.size() > kMaxIncoming) out += "(more not shown)\n";
  }
  if (!others.empty()) {
    out += "\nalso matching '" + text + "':";
    for (const auto& o : others) {
      out += "\n  " + (Layout().width > 2 ? Truncate(o, Layout().width - 2) : o);
    }
    out += "\n";
  }
  printer_->Out(out);
  return Status::Ok();
}

}  // namespace hamlet::repl
