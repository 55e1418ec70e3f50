// SPARQL 1.1 Query Results JSON and XML writers.
#include <cstdio>

#include "rdf/vocab.h"
#include "rdf/xml_escape.h"
#include "sparql/results/writer_impl.h"

namespace hamlet::sparql::results::internal {
namespace {

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  rdf::AppendEscapedString(s, out);
  out->push_back('"');
}

void AppendJsonTerm(const rdf::Term& t, std::string* out) {
  out->append("{\"type\": ");
  switch (t.kind()) {
    case rdf::TermKind::kIri:
      out->append("\"uri\"");
      break;
    case rdf::TermKind::kBlank:
      out->append("\"bnode\"");
      break;
    default:
      out->append("\"literal\"");
  }
  out->append(", \"value\": ");
  AppendJsonString(t.value(), out);
  if (t.is_literal()) {
    if (!t.lang().empty()) {
      out->append(", \"xml:lang\": ");
      AppendJsonString(t.lang(), out);
    } else if (!t.datatype().empty() && t.datatype() != rdf::vocab::kXsdString) {
      out->append(", \"datatype\": ");
      AppendJsonString(t.datatype(), out);
    }
  }
  out->push_back('}');
}

class JsonWriter : public BaseWriter {
 public:
  using BaseWriter::BaseWriter;

 protected:
  Status DoStart(const std::vector<std::string>& variables) override {
    vars_ = variables;
    std::string s = "{\n  \"head\": {\n    \"vars\": [";
    for (size_t i = 0; i < variables.size(); ++i) {
      if (i > 0) s += ", ";
      AppendJsonString(variables[i], &s);
    }
    s += "]\n  },\n  \"results\": {\n    \"bindings\": [";
    return out_.Write(s);
  }
  Status DoRow(const std::vector<std::optional<rdf::Term>>& row) override {
    buf_.clear();
    buf_ += first_ ? "\n      {" : ",\n      {";
    first_ = false;
    bool first_cell = true;
    for (size_t i = 0; i < row.size(); ++i) {
      if (!row[i] || row[i]->is_none()) continue;
      if (!first_cell) buf_ += ", ";
      first_cell = false;
      AppendJsonString(vars_[i], &buf_);
      buf_ += ": ";
      AppendJsonTerm(*row[i], &buf_);
    }
    buf_ += '}';
    return out_.Write(buf_);
  }
  Status DoFinish() override { return out_.Write("\n    ]\n  }\n}\n"); }
  Status DoBoolean(bool value) override {
    return out_.Write(value ? "{\n  \"head\": {},\n  \"boolean\": true\n}\n"
                            : "{\n  \"head\": {},\n  \"boolean\": false\n}\n");
  }

 private:
  std::vector<std::string> vars_;
  std::string buf_;
  bool first_ = true;
};

void AppendXml(std::string_view s, bool attribute, std::string* out) {
  rdf::AppendXmlEscaped(s, attribute, out);
}

constexpr std::string_view kXmlHeader =
    "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";

class XmlWriter : public BaseWriter {
 public:
  using BaseWriter::BaseWriter;

 protected:
  Status DoStart(const std::vector<std::string>& variables) override {
    vars_ = variables;
    std::string s(kXmlHeader);
    s += "  <head>\n";
    for (const auto& v : variables) {
      s += "    <variable name=\"";
      AppendXml(v, true, &s);
      s += "\"/>\n";
    }
    s += "  </head>\n  <results>\n";
    return out_.Write(s);
  }
  Status DoRow(const std::vector<std::optional<rdf::Term>>& row) override {
    buf_ = "    <result>\n";
    for (size_t i = 0; i < row.size(); ++i) {
      if (!row[i] || row[i]->is_none()) continue;
      const rdf::Term& t = *row[i];
      buf_ += "      <binding name=\"";
      AppendXml(vars_[i], true, &buf_);
      buf_ += "\">";
      if (t.is_iri()) {
        buf_ += "<uri>";
        AppendXml(t.value(), false, &buf_);
        buf_ += "</uri>";
      } else if (t.is_blank()) {
        buf_ += "<bnode>";
        AppendXml(t.value(), false, &buf_);
        buf_ += "</bnode>";
      } else {
        buf_ += "<literal";
        if (!t.lang().empty()) {
          buf_ += " xml:lang=\"";
          AppendXml(t.lang(), true, &buf_);
          buf_ += '"';
        } else if (!t.datatype().empty() && t.datatype() != rdf::vocab::kXsdString) {
          buf_ += " datatype=\"";
          AppendXml(t.datatype(), true, &buf_);
          buf_ += '"';
        }
        buf_ += '>';
        AppendXml(t.value(), false, &buf_);
        buf_ += "</literal>";
      }
      buf_ += "</binding>\n";
    }
    buf_ += "    </result>\n";
    return out_.Write(buf_);
  }
  Status DoFinish() override { return out_.Write("  </results>\n</sparql>\n"); }
  Status DoBoolean(bool value) override {
    std::string s(kXmlHeader);
    s += "  <head/>\n  <boolean>";
    s += value ? "true" : "false";
    s += "</boolean>\n</sparql>\n";
    return out_.Write(s);
  }

 private:
  std::vector<std::string> vars_;
  std::string buf_;
};

}  // namespace

std::unique_ptr<ResultWriter> NewJsonWriter(Output out) {
  return std::make_unique<JsonWriter>(out);
}
std::unique_ptr<ResultWriter> NewXmlWriter(Output out) {
  return std::make_unique<XmlWriter>(out);
}

}  // namespace hamlet::sparql::results::internal
