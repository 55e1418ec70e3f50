// Readers of the TSV and CSV results formats, Turtle terms in TSV cells, and the file-level
// dispatcher ReadResultFile.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "io/reader.h"
#include "io/syntax.h"
#include "rdf/utf8.h"
#include "rdf/vocab.h"
#include "sparql/results/reader.h"
#include "sparql/results/writer_impl.h"

namespace hamlet::sparql::results {
namespace {

// Decodes a \uXXXX or \UXXXXXXXX escape at s[*i] ('u' or 'U'); advances *i past it.
bool DecodeUchar(std::string_view s, size_t* i, std::string* out) {
  size_t n = s[*i] == 'u' ? 4 : 8;
  if (*i + n >= s.size()) return false;
  uint32_t cp = 0;
  for (size_t k = 1; k <= n; ++k) {
    char c = s[*i + k];
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    cp = cp * 16 +
         static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(c))
                                   ? c - '0'
                                   : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10);
  }
  if (!rdf::utf8::IsScalarValue(cp)) return false;
  rdf::utf8::Append(cp, out);
  *i += n + 1;
  return true;
}

Status BadTerm(std::string_view cell, const std::string& what) {
  return Status::InvalidInput("bad term '" + std::string(cell) + "': " + what);
}

// Parses <...> at s[*i]; returns the IRI with escapes decoded.
Result<std::string> ParseIriRef(std::string_view s, size_t* i) {
  std::string iri;
  ++*i;
  while (*i < s.size() && s[*i] != '>') {
    if (s[*i] == '\\') {
      ++*i;
      if (*i >= s.size() || (s[*i] != 'u' && s[*i] != 'U') || !DecodeUchar(s, i, &iri)) {
        return BadTerm(s, "bad escape in IRI");
      }
      continue;
    }
    iri.push_back(s[(*i)++]);
  }
  if (*i >= s.size()) return BadTerm(s, "unterminated IRI");
  ++*i;
  return iri;
}

Result<rdf::Term> ParseQuotedLiteral(std::string_view s) {
  const char q = s[0];
  const bool long_form = s.size() >= 6 && s.substr(0, 3) == std::string(3, q);
  size_t i = long_form ? 3 : 1;
  std::string lex;
  bool closed = false;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\') {
      if (++i >= s.size()) break;
      char e = s[i];
      const char* simple = nullptr;
      switch (e) {
        case 't':
          simple = "\t";
          break;
        case 'b':
          simple = "\b";
          break;
        case 'n':
          simple = "\n";
          break;
        case 'r':
          simple = "\r";
          break;
        case 'f':
          simple = "\f";
          break;
        case '"':
          simple = "\"";
          break;
        case '\'':
          simple = "'";
          break;
        case '\\':
          simple = "\\";
          break;
        default:
          break;
      }
      if (simple != nullptr) {
        lex += simple;
        ++i;
      } else if ((e == 'u' || e == 'U') && DecodeUchar(s, &i, &lex)) {
      } else {
        return BadTerm(s, "bad escape in literal");
      }
      continue;
    }
    if (long_form ? s.substr(i, 3) == std::string(3, q) : c == q) {
      i += long_form ? 3 : 1;
      closed = true;
      break;
    }
    lex.push_back(c);
    ++i;
  }
  if (!closed) return BadTerm(s, "unterminated literal");
  if (i == s.size()) return rdf::Term::Literal(std::move(lex));
  if (s[i] == '@') {
    std::string lang(s.substr(i + 1));
    if (lang.empty()) return BadTerm(s, "empty language tag");
    return rdf::Term::LangLiteral(std::move(lex), std::move(lang));
  }
  if (s.substr(i, 2) == "^^") {
    i += 2;
    if (i < s.size() && s[i] == '<') {
      auto dt = ParseIriRef(s, &i);
      if (!dt.ok()) return dt.status();
      if (i != s.size()) return BadTerm(s, "text after the datatype");
      return rdf::Term::Literal(std::move(lex), std::move(dt).value());
    }
    if (s.substr(i, 4) == "xsd:") {
      return rdf::Term::Literal(std::move(lex),
                                std::string(rdf::vocab::kXsd) + std::string(s.substr(i + 4)));
    }
    return BadTerm(s, "datatype must be <IRI> or xsd:name");
  }
  return BadTerm(s, "text after the literal");
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cells;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cells.push_back(line.substr(start));
      return cells;
    }
    cells.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace

Result<rdf::Term> ParseTurtleTerm(std::string_view cell) {
  if (cell.empty()) return BadTerm(cell, "empty");
  if (cell[0] == '<') {
    size_t i = 0;
    auto iri = ParseIriRef(cell, &i);
    if (!iri.ok()) return iri.status();
    if (i != cell.size()) return BadTerm(cell, "text after the IRI");
    return rdf::Term::Iri(std::move(iri).value());
  }
  if (cell.size() > 2 && cell.substr(0, 2) == "_:") {
    return rdf::Term::Blank(std::string(cell.substr(2)));
  }
  if (cell[0] == '"' || cell[0] == '\'') return ParseQuotedLiteral(cell);
  std::string token(cell);
  std::string_view dt = internal::BareTokenDatatype(token);
  if (dt.empty()) return BadTerm(cell, "not an RDF term in Turtle syntax");
  return rdf::Term::Literal(std::move(token), std::string(dt));
}

Result<ResultSet> ParseTsv(std::string_view text, const std::string& name) {
  std::vector<std::string_view> lines = SplitLines(text);
  if (lines.empty()) return Status::InvalidInput(name + ": empty TSV document (no header)");
  ResultSet rs;
  if (!lines[0].empty()) {
    for (std::string_view v : SplitTabs(lines[0])) {
      if (!v.empty() && (v[0] == '?' || v[0] == '$')) v.remove_prefix(1);
      if (v.empty()) return Status::InvalidInput(name + ":1: empty variable name");
      rs.variables.emplace_back(v);
    }
  }
  // SplitLines yields no empty string after the final newline. With one column an empty line
  // is a row whose cell is unbound.
  const size_t end = lines.size();
  for (size_t l = 1; l < end; ++l) {
    std::string where = name + ":" + std::to_string(l + 1);
    // With two or more columns an all-unbound row still has tabs: an empty line is blank.
    if (rs.variables.size() >= 2 && lines[l].empty()) continue;
    Row row(rs.variables.size());
    if (!rs.variables.empty()) {
      std::vector<std::string_view> cells = SplitTabs(lines[l]);
      if (cells.size() != rs.variables.size()) {
        return Status::InvalidInput(where + ": " + std::to_string(cells.size()) +
                                    " cells, expected " + std::to_string(rs.variables.size()));
      }
      for (size_t c = 0; c < cells.size(); ++c) {
        std::string_view cell = cells[c];
        while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
        while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
        if (cell.empty()) continue;
        auto term = ParseTurtleTerm(cell);
        if (!term.ok()) return term.status().WithContext(where);
        row[c] = std::move(term).value();
      }
    }
    rs.rows.push_back(std::move(row));
  }
  return rs;
}

Result<ResultSet> ParseCsv(std::string_view text, const std::string& name) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false, field_started = false;
  size_t line = 1;
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && field.empty()) {
      in_quotes = field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      end_field();
      records.push_back(std::move(record));
      record.clear();
      ++line;
    } else {
      field.push_back(c);
      field_started = true;
    }
  }
  if (in_quotes) return Status::InvalidInput(name + ":" + std::to_string(line) + ": open quote");
  if (field_started || !field.empty() || !record.empty()) {
    end_field();
    records.push_back(std::move(record));
  }
  if (records.empty()) return Status::InvalidInput(name + ": empty CSV document (no header)");
  ResultSet rs;
  if (!(records[0].size() == 1 && records[0][0].empty())) rs.variables = records[0];
  for (size_t r = 1; r < records.size(); ++r) {
    auto& rec = records[r];
    if (rs.variables.empty() && rec.size() == 1 && rec[0].empty()) rec.clear();
    if (rec.size() != rs.variables.size()) {
      return Status::InvalidInput(name + ": record " + std::to_string(r + 1) + " has " +
                                  std::to_string(rec.size()) + " fields, expected " +
                                  std::to_string(rs.variables.size()));
    }
    Row row(rec.size());
    for (size_t c = 0; c < rec.size(); ++c) {
      if (rec[c].empty()) continue;
      if (rec[c].size() > 2 && rec[c].compare(0, 2, "_:") == 0) {
        row[c] = rdf::Term::Blank(rec[c].substr(2));
      } else {
        row[c] = rdf::Term::Literal(std::move(rec[c]));
      }
    }
    rs.rows.push_back(std::move(row));
  }
  return rs;
}

Result<ResultSet> ReadResultFile(const std::string& path, const std::string& base_iri) {
  std::string ext;
  size_t dot = path.rfind('.');
  if (dot != std::string::npos) ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "ttl" || ext == "nt" || ext == "nq" || ext == "trig") {
    io::ReadOptions options;
    auto syntax = io::SyntaxFromPath(path);
    if (!syntax.ok()) return syntax.status();
    options.syntax = *syntax;
    options.base_iri = base_iri.empty() ? io::FileIri(path) : base_iri;
    options.blank_prefix = "";
    auto quads = io::ReadAllQuads(path, options);
    if (!quads.ok()) return quads.status();
    return ResultSetFromGraph(*quads, path);
  }
  if (ext != "srx" && ext != "srj" && ext != "tsv" && ext != "csv") {
    return Status::InvalidArgument(path + ": unknown result file extension (expected .srx, " +
                                   ".srj, .tsv, .csv, .ttl or .nt; for .rdf use the N-Triples " +
                                   "copy in shared/w3c/derived/)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read error");
  const std::string text = buf.str();
  if (ext == "srx") return ParseSrx(text, path);
  if (ext == "srj") return ParseSrj(text, path);
  if (ext == "tsv") return ParseTsv(text, path);
  return ParseCsv(text, path);
}

}  // namespace hamlet::sparql::results
