// Readers of SPARQL Query Results XML (Boost.PropertyTree) and JSON (nlohmann-json).
// Library exceptions are caught here and turned into InvalidInput.
#include <exception>
#include <sstream>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <nlohmann/json.hpp>

#include "rdf/vocab.h"
#include "sparql/results/reader.h"

namespace hamlet::sparql::results {
namespace {

using boost::property_tree::ptree;

// Element name without a namespace prefix.
std::string_view LocalName(std::string_view name) {
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool IsElement(const std::string& key) {
  return !key.empty() && key[0] != '<';
}

std::string Attr(const ptree& node, const std::string& name) {
  auto attrs = node.get_child_optional("<xmlattr>");
  if (!attrs) return {};
  auto v = attrs->get_optional<std::string>(name);
  return v ? *v : std::string();
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

Status SrxError(const std::string& name, const std::string& what) {
  return Status::InvalidInput(name + ": " + what);
}

Result<rdf::Term> SrxTerm(const ptree& binding, const std::string& name) {
  for (const auto& [key, child] : binding) {
    if (!IsElement(key)) continue;
    std::string_view kind = LocalName(key);
    if (kind == "uri") return rdf::Term::Iri(Trim(child.data()));
    if (kind == "bnode") return rdf::Term::Blank(Trim(child.data()));
    if (kind == "literal") {
      std::string lang = Attr(child, "xml:lang");
      if (!lang.empty()) return rdf::Term::LangLiteral(child.data(), lang);
      return rdf::Term::Literal(child.data(), Attr(child, "datatype"));
    }
    return SrxError(name, "unexpected element <" + key + "> in a binding");
  }
  return SrxError(name, "binding '" + Attr(binding, "name") + "' has no value");
}

Status ReadSrxResults(const ptree& results, const std::string& name, ResultSet* rs) {
  for (const auto& [key, result] : results) {
    if (!IsElement(key)) continue;
    if (LocalName(key) != "result") return SrxError(name, "unexpected <" + key + "> in results");
    Row row(rs->variables.size());
    for (const auto& [bkey, binding] : result) {
      if (!IsElement(bkey)) continue;
      if (LocalName(bkey) != "binding") {
        return SrxError(name, "unexpected <" + bkey + "> in a result");
      }
      std::string var = Attr(binding, "name");
      int idx = VariableIndex(*rs, var);
      if (idx < 0) return SrxError(name, "binding of undeclared variable '" + var + "'");
      auto term = SrxTerm(binding, name);
      if (!term.ok()) return term.status();
      row[idx] = std::move(term).value();
    }
    rs->rows.push_back(std::move(row));
  }
  return Status::Ok();
}

Status ReadSrxDocument(const ptree& sparql, const std::string& name, ResultSet* rs) {
  bool seen_results = false;
  for (const auto& [key, child] : sparql) {
    if (!IsElement(key)) continue;
    std::string_view local = LocalName(key);
    if (local == "head") {
      for (const auto& [vkey, var] : child) {
        if (IsElement(vkey) && LocalName(vkey) == "variable") {
          rs->variables.push_back(Attr(var, "name"));
        }
      }
    } else if (local == "results") {
      seen_results = true;
      HAMLET_RETURN_IF_ERROR(ReadSrxResults(child, name, rs));
    } else if (local == "boolean") {
      std::string v = Trim(child.data());
      if (v != "true" && v != "false") return SrxError(name, "<boolean> is '" + v + "'");
      rs->is_boolean = true;
      rs->boolean = v == "true";
    } else {
      return SrxError(name, "unexpected element <" + key + "> in <sparql>");
    }
  }
  if (!seen_results && !rs->is_boolean) return SrxError(name, "neither <results> nor <boolean>");
  return Status::Ok();
}

}  // namespace

Result<ResultSet> ParseSrx(std::string_view text, const std::string& name) {
  ptree root;
  try {
    std::istringstream in{std::string(text)};
    boost::property_tree::read_xml(in, root, boost::property_tree::xml_parser::no_comments);
  } catch (const std::exception& e) {
    return SrxError(name, std::string("XML: ") + e.what());
  }
  ResultSet rs;
  for (const auto& [key, child] : root) {
    if (IsElement(key) && LocalName(key) == "sparql") {
      HAMLET_RETURN_IF_ERROR(ReadSrxDocument(child, name, &rs));
      return rs;
    }
  }
  return SrxError(name, "no <sparql> element");
}

namespace {

using nlohmann::json;

Result<rdf::Term> SrjTerm(const json& j, const std::string& where) {
  if (!j.is_object() || !j.contains("type") || !j.contains("value") || !j["type"].is_string() ||
      !j["value"].is_string()) {
    return Status::InvalidInput(where + ": a term needs string \"type\" and \"value\"");
  }
  const std::string type = j["type"].get<std::string>();
  std::string value = j["value"].get<std::string>();
  if (type == "uri") return rdf::Term::Iri(std::move(value));
  if (type == "bnode") return rdf::Term::Blank(std::move(value));
  if (type == "literal" || type == "typed-literal") {
    if (j.contains("xml:lang") && j["xml:lang"].is_string()) {
      return rdf::Term::LangLiteral(std::move(value), j["xml:lang"].get<std::string>());
    }
    std::string dt;
    if (j.contains("datatype") && j["datatype"].is_string()) dt = j["datatype"].get<std::string>();
    return rdf::Term::Literal(std::move(value), std::move(dt));
  }
  return Status::InvalidInput(where + ": unknown term type '" + type + "'");
}

Result<ResultSet> SrjDocument(const json& doc, const std::string& name) {
  if (!doc.is_object()) return Status::InvalidInput(name + ": not a JSON object");
  ResultSet rs;
  if (doc.contains("head") && doc["head"].is_object() && doc["head"].contains("vars")) {
    for (const auto& v : doc["head"]["vars"]) {
      if (!v.is_string()) return Status::InvalidInput(name + ": head.vars holds a non-string");
      rs.variables.push_back(v.get<std::string>());
    }
  }
  if (doc.contains("boolean")) {
    if (!doc["boolean"].is_boolean()) return Status::InvalidInput(name + ": boolean not a bool");
    rs.is_boolean = true;
    rs.boolean = doc["boolean"].get<bool>();
    return rs;
  }
  if (!doc.contains("results") || !doc["results"].is_object() ||
      !doc["results"].contains("bindings") || !doc["results"]["bindings"].is_array()) {
    return Status::InvalidInput(name + ": no results.bindings array and no boolean");
  }
  size_t n = 0;
  for (const auto& b : doc["results"]["bindings"]) {
    ++n;
    if (!b.is_object()) return Status::InvalidInput(name + ": binding " + std::to_string(n));
    Row row(rs.variables.size());
    for (const auto& [var, value] : b.items()) {
      int idx = VariableIndex(rs, var);
      std::string where = name + ": binding " + std::to_string(n) + " ?" + var;
      if (idx < 0) return Status::InvalidInput(where + ": variable not in head.vars");
      auto term = SrjTerm(value, where);
      if (!term.ok()) return term.status();
      row[idx] = std::move(term).value();
    }
    rs.rows.push_back(std::move(row));
  }
  return rs;
}

}  // namespace

Result<ResultSet> ParseSrj(std::string_view text, const std::string& name) {
  try {
    json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return Status::InvalidInput(name + ": malformed JSON");
    return SrjDocument(doc, name);
  } catch (const std::exception& e) {
    return Status::InvalidInput(name + ": JSON: " + e.what());
  }
}

}  // namespace hamlet::sparql::results
