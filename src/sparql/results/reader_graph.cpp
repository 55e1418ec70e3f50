// Result sets written as RDF graphs in the DAWG result-set vocabulary (rs:).
#include <algorithm>
#include <map>

#include "rdf/vocab.h"
#include "sparql/results/reader.h"

namespace hamlet::sparql::results {
namespace {

constexpr std::string_view kRs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

std::string Rs(std::string_view local) {
  return std::string(kRs) + std::string(local);
}

using Edges = std::vector<std::pair<std::string, rdf::Term>>;  // (predicate IRI, object)

struct Graph {
  std::map<rdf::Term, Edges> out;   // subject -> edges in document order
  std::vector<rdf::Term> subjects;  // in order of first appearance

  std::vector<rdf::Term> Objects(const rdf::Term& s, const std::string& p) const {
    std::vector<rdf::Term> r;
    auto it = out.find(s);
    if (it == out.end()) return r;
    for (const auto& [pred, o] : it->second) {
      if (pred == p) r.push_back(o);
    }
    return r;
  }
};

Graph BuildGraph(const std::vector<rdf::Quad>& quads) {
  Graph g;
  for (const auto& q : quads) {
    if (!q.predicate.is_iri()) continue;
    auto [it, inserted] = g.out.try_emplace(q.subject);
    if (inserted) g.subjects.push_back(q.subject);
    it->second.emplace_back(q.predicate.value(), q.object);
  }
  return g;
}

std::optional<rdf::Term> FindResultSetNode(const Graph& g) {
  const std::string type(rdf::vocab::kRdfType);
  for (const auto& s : g.subjects) {
    for (const auto& o : g.Objects(s, type)) {
      if (o.is_iri() && o.value() == Rs("ResultSet")) return s;
    }
  }
  for (const auto& s : g.subjects) {
    if (!g.Objects(s, Rs("resultVariable")).empty() || !g.Objects(s, Rs("solution")).empty() ||
        !g.Objects(s, Rs("boolean")).empty()) {
      return s;
    }
  }
  return std::nullopt;
}

}  // namespace

bool IsResultSetGraph(const std::vector<rdf::Quad>& quads) {
  return FindResultSetNode(BuildGraph(quads)).has_value();
}

Result<ResultSet> ResultSetFromGraph(const std::vector<rdf::Quad>& quads, const std::string& name) {
  Graph g = BuildGraph(quads);
  std::optional<rdf::Term> node = FindResultSetNode(g);
  if (!node) return Status::NotFound(name + ": no rs:ResultSet in the graph");
  ResultSet rs;
  auto booleans = g.Objects(*node, Rs("boolean"));
  if (!booleans.empty()) {
    const std::string& v = booleans[0].value();
    if (v != "true" && v != "false" && v != "1" && v != "0") {
      return Status::InvalidInput(name + ": rs:boolean is '" + v + "'");
    }
    rs.is_boolean = true;
    rs.boolean = v == "true" || v == "1";
    return rs;
  }
  for (const auto& v : g.Objects(*node, Rs("resultVariable"))) {
    if (VariableIndex(rs, v.value()) < 0) rs.variables.push_back(v.value());
  }
  std::vector<std::pair<long long, Row>> indexed;
  bool all_indexed = true;
  for (const auto& sol : g.Objects(*node, Rs("solution"))) {
    Row row(rs.variables.size());
    for (const auto& b : g.Objects(sol, Rs("binding"))) {
      auto vars = g.Objects(b, Rs("variable"));
      auto values = g.Objects(b, Rs("value"));
      if (vars.size() != 1 || values.size() != 1) {
        return Status::InvalidInput(name + ": an rs:binding needs one rs:variable and one " +
                                    "rs:value");
      }
      int idx = VariableIndex(rs, vars[0].value());
      if (idx < 0) {
        rs.variables.push_back(vars[0].value());
        for (auto& [i, r] : indexed) r.resize(rs.variables.size());
        row.resize(rs.variables.size());
        idx = static_cast<int>(rs.variables.size()) - 1;
      }
      row[idx] = values[0];
    }
    auto index = g.Objects(sol, Rs("index"));
    long long pos = 0;
    if (index.empty()) {
      all_indexed = false;
    } else {
      try {
        pos = std::stoll(index[0].value());
      } catch (const std::exception&) {
        return Status::InvalidInput(name + ": rs:index '" + index[0].value() + "'");
      }
    }
    indexed.emplace_back(pos, std::move(row));
  }
  if (all_indexed && !indexed.empty()) {
    std::stable_sort(indexed.begin(), indexed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    rs.ordered = true;
  }
  for (auto& [pos, row] : indexed) {
    row.resize(rs.variables.size());
    rs.rows.push_back(std::move(row));
  }
  return rs;
}

}  // namespace hamlet::sparql::results
