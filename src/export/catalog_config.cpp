#include "export/catalog_config.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "rdf/iri.h"

namespace hamlet::publish {

namespace {

using nlohmann::json;

// Walks the JSON document, remembering the first problem with the path that caused it, so
// that a bad configuration is reported as "catalog.title: expected ..." rather than thrown.
class ConfigReader {
 public:
  ConfigReader(const json& root, std::string base) : root_(root), base_(std::move(base)) {}

  const json* Find(const std::string& path) {
    const json* node = &root_;
    size_t start = 0;
    while (start <= path.size()) {
      size_t dot = path.find('.', start);
      std::string key =
          path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (!node->is_object() || !node->contains(key)) return nullptr;
      node = &(*node)[key];
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return node;
  }

  std::string String(const std::string& path, bool required = true) {
    const json* n = Find(path);
    if (n == nullptr) {
      if (required) Fail(path, "missing");
      return {};
    }
    if (!n->is_string()) {
      Fail(path, "expected a string");
      return {};
    }
    return n->get<std::string>();
  }

  std::string Iri(const std::string& path, bool required = true) {
    std::string v = String(path, required);
    if (v.empty() && !required) return v;
    return rdf::HasScheme(v) ? v : base_ + v;
  }

  LangText Text(const std::string& path, bool required = true) {
    LangText out;
    const json* n = Find(path);
    if (n == nullptr) {
      if (required) Fail(path, "missing");
      return out;
    }
    if (!n->is_object() || n->empty()) {
      Fail(path, "expected an object of language tag -> text");
      return out;
    }
    for (const auto& [lang, text] : n->items()) {
      if (!text.is_string()) {
        Fail(path + "." + lang, "expected a string");
        continue;
      }
      out[lang] = text.get<std::string>();
    }
    return out;
  }

  LabelledIri Labelled(const std::string& path, const char* label_key = "label") {
    std::string prefix = path.empty() ? "" : path + ".";
    return LabelledIri{Iri(prefix + "iri"), Text(prefix + label_key)};
  }

  std::vector<LabelledIri> LabelledList(const std::string& path) {
    std::vector<LabelledIri> out;
    const json* n = Find(path);
    if (n == nullptr || !n->is_array()) {
      Fail(path, "expected a list of {\"iri\", \"label\"}");
      return out;
    }
    for (size_t i = 0; i < n->size(); ++i) {
      ConfigReader item((*n)[i], base_);
      std::string where = path + "[" + std::to_string(i) + "]";
      out.push_back(item.Labelled(""));
      if (!item.error_.empty()) Fail(where, item.error_);
    }
    return out;
  }

  std::vector<std::string> StringList(const std::string& path) {
    std::vector<std::string> out;
    const json* n = Find(path);
    if (n == nullptr) return out;
    if (!n->is_array()) {
      Fail(path, "expected a list of strings");
      return out;
    }
    for (const auto& v : *n) {
      if (!v.is_string()) {
        Fail(path, "expected a list of strings");
        break;
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }

  const std::string& error() const { return error_; }

 private:
  void Fail(const std::string& path, const std::string& what) {
    if (error_.empty()) error_ = (path.empty() ? what : path + ": " + what);
  }

  const json& root_;
  std::string base_;
  std::string error_;
};

}  // namespace

Result<CatalogConfig> LoadCatalogConfig(const std::string& path, const std::string& base_url) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot read the catalogue configuration");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  json root;
  try {
    root = json::parse(text, nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    // nlohmann reports a byte offset: turn it into the line and column an editor shows.
    size_t at = std::min<size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    size_t line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
    size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    size_t column = at - (line_start == std::string::npos || at == 0 ? 0 : line_start + 1) + 1;
    // What was expected, without nlohmann's own prefix and position.
    std::string what = e.what();
    size_t why = what.find(": ", what.find("column"));
    if (why != std::string::npos) what = what.substr(why + 2);
    return Status::InvalidInput(path + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                ": not valid JSON: " + what);
  }
  ConfigReader r(root, base_url);
  CatalogConfig c;
  c.catalog_iri = r.Iri("catalog.iri");
  c.catalog_title = r.Text("catalog.title");
  c.catalog_description = r.Text("catalog.description");
  if (r.Find("catalog.homepage") != nullptr) c.homepage = r.Iri("catalog.homepage");
  c.issued = r.String("catalog.issued");
  c.catalog_language = r.Iri("catalog.language");
  c.theme_taxonomy = r.Labelled("catalog.theme_taxonomy", "title");
  c.publisher_iri = r.Iri("publisher.iri");
  c.publisher_name = r.Text("publisher.name");
  c.publisher_type = r.Labelled("publisher.type");
  c.contact_iri = r.Iri("contact.iri");
  c.contact_name = r.String("contact.name");
  c.contact_email = r.String("contact.email");
  c.licence_iri = r.Iri("licence.iri");
  c.licence_type = r.Labelled("licence.type");
  c.themes = r.LabelledList("themes");
  c.subjects = r.StringList("subjects");
  if (const json* k = r.Find("keywords"); k != nullptr && k->is_object()) {
    for (const auto& [lang, list] : k->items()) c.keywords[lang] = r.StringList("keywords." + lang);
  }
  c.access_rights = r.Iri("access_rights");
  c.accrual_periodicity = r.Iri("accrual_periodicity");
  c.availability = r.Labelled("availability");
  c.download_path = r.String("download_path");
  c.sparql_endpoint = r.Iri("sparql_endpoint", false);
  if (const json* targets = r.Find("link_targets"); targets != nullptr && targets->is_array()) {
    for (size_t i = 0; i < targets->size(); ++i) {
      std::string where = "link_targets[" + std::to_string(i) + "]";
      ConfigReader t((*targets)[i], base_url);
      LinkTarget lt{t.String("uri_space"), t.Iri("dataset"), t.Text("title")};
      if (!t.error().empty()) return Status::InvalidInput(path + ": " + where + "." + t.error());
      c.link_targets.push_back(std::move(lt));
    }
  }
  if (const json* t = r.Find("language_threshold"); t != nullptr && t->is_number()) {
    c.language_threshold = t->get<double>();
  }
  if (const json* m = r.Find("language_min_literals"); m != nullptr && m->is_number_unsigned()) {
    c.language_min_literals = m->get<uint64_t>();
  }
  if (!r.error().empty()) return Status::InvalidInput(path + ": " + r.error());
  if (c.themes.empty()) return Status::InvalidInput(path + ": themes: DCAT-AP wants at least one");
  return c;
}

}  // namespace hamlet::publish
