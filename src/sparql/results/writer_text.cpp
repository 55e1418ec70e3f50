// CSV, TSV and terminal-table writers.
#include <algorithm>

#include "rdf/utf8.h"
#include "rdf/vocab.h"
#include "sparql/results/writer_impl.h"

namespace hamlet::sparql::results {
namespace internal {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// Consumes [0-9]* from s[*i]; returns how many digits.
size_t Digits(const std::string& s, size_t* i) {
  size_t start = *i;
  while (*i < s.size() && IsDigit(s[*i])) ++*i;
  return *i - start;
}

enum class NumberToken { kNone, kInteger, kDecimal, kDouble };

// Classifies `s` by the Turtle INTEGER / DECIMAL / DOUBLE productions.
NumberToken ClassifyNumber(const std::string& s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t int_digits = Digits(s, &i);
  bool dot = false;
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    dot = true;
    ++i;
    frac_digits = Digits(s, &i);
  }
  if (int_digits + frac_digits == 0) return NumberToken::kNone;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (Digits(s, &i) == 0 || i != s.size()) return NumberToken::kNone;
    return NumberToken::kDouble;
  }
  if (i != s.size()) return NumberToken::kNone;
  if (!dot) return NumberToken::kInteger;
  return frac_digits > 0 ? NumberToken::kDecimal : NumberToken::kNone;
}

}  // namespace

bool IsBareTurtleToken(const std::string& lexical, const std::string& datatype) {
  if (datatype == rdf::vocab::kXsdBoolean) return lexical == "true" || lexical == "false";
  NumberToken n = ClassifyNumber(lexical);
  if (datatype == rdf::vocab::kXsdInteger) return n == NumberToken::kInteger;
  if (datatype == rdf::vocab::kXsdDecimal) return n == NumberToken::kDecimal;
  if (datatype == rdf::vocab::kXsdDouble) return n == NumberToken::kDouble;
  return false;
}

std::string_view BareTokenDatatype(const std::string& token) {
  if (token == "true" || token == "false") return rdf::vocab::kXsdBoolean;
  switch (ClassifyNumber(token)) {
    case NumberToken::kInteger:
      return rdf::vocab::kXsdInteger;
    case NumberToken::kDecimal:
      return rdf::vocab::kXsdDecimal;
    case NumberToken::kDouble:
      return rdf::vocab::kXsdDouble;
    case NumberToken::kNone:
      break;
  }
  return {};
}

namespace {

void AppendCsvField(const std::string& cell, std::string* out) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out->append(cell);
    return;
  }
  out->push_back('"');
  for (char c : cell) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendTsvField(const std::string& cell, std::string* out) {
  out->append(cell);
}

// CSV and TSV (SPARQL 1.1 Query Results CSV and TSV Formats): a header line, then one line
// per row with the cells joined by the separator. Only these differ between them.
struct Dialect {
  char separator;
  std::string_view line_end;
  std::string_view variable_prefix;  // before each variable in the header
  std::string (*cell)(const std::optional<rdf::Term>&);
  void (*append_field)(const std::string&, std::string*);
  std::string_view ask_header;  // the variable of an ASK result
};

constexpr Dialect kCsv{',', "\r\n", "", &CsvCell, &AppendCsvField, "_askResult"};
constexpr Dialect kTsv{'\t', "\n", "?", &TsvCell, &AppendTsvField, "?_askResult"};

class DelimitedWriter : public BaseWriter {
 public:
  DelimitedWriter(Output out, const Dialect& dialect) : BaseWriter(out), d_(dialect) {}

 protected:
  Status DoStart(const std::vector<std::string>& variables) override {
    std::string s;
    for (size_t i = 0; i < variables.size(); ++i) {
      if (i > 0) s += d_.separator;
      d_.append_field(std::string(d_.variable_prefix) + variables[i], &s);
    }
    s += d_.line_end;
    return out_.Write(s);
  }
  Status DoRow(const std::vector<std::optional<rdf::Term>>& row) override {
    buf_.clear();
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) buf_ += d_.separator;
      d_.append_field(d_.cell(row[i]), &buf_);
    }
    buf_ += d_.line_end;
    return out_.Write(buf_);
  }
  Status DoFinish() override { return Status::Ok(); }
  Status DoBoolean(bool value) override {
    std::string s(d_.ask_header);
    s += d_.line_end;
    s += value ? "true" : "false";
    s += d_.line_end;
    return out_.Write(s);
  }

 private:
  const Dialect& d_;
  std::string buf_;
};

// Number of UTF-8 code points in `s`.
size_t DisplayWidth(std::string_view s) {
  return rdf::utf8::CountCodePoints(s);
}

// `s` cut to at most `max` code points, ending in "…" when cut.
std::string Truncate(const std::string& s, size_t max) {
  if (max == 0 || DisplayWidth(s) <= max) return s;
  size_t keep = max > 1 ? max - 1 : 0;
  return s.substr(0, rdf::utf8::PrefixBytes(s, keep)) + "\xE2\x80\xA6";
}

bool IsLocalNameChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(static_cast<char>(c)) ||
         c == '_' || c == '-' || c == '.' || c >= 0x80;
}

class TableWriter : public BaseWriter {
 public:
  TableWriter(Output out, const WriterOptions& options) : BaseWriter(out), options_(options) {}

 protected:
  Status DoStart(const std::vector<std::string>& variables) override {
    std::vector<std::string> header;
    for (const auto& v : variables) header.push_back("?" + v);
    cells_.push_back(std::move(header));
    return Status::Ok();
  }
  Status DoRow(const std::vector<std::optional<rdf::Term>>& row) override {
    std::vector<std::string> line;
    line.reserve(row.size());
    for (const auto& t : row) line.push_back(Truncate(Display(t), options_.max_cell_width));
    cells_.push_back(std::move(line));
    return Status::Ok();
  }
  Status DoFinish() override {
    const size_t ncols = cells_.front().size();
    std::vector<size_t> width(ncols, 0);
    for (const auto& line : cells_) {
      for (size_t i = 0; i < ncols; ++i) width[i] = std::max(width[i], DisplayWidth(line[i]));
    }
    std::string rule = "+";
    for (size_t w : width) rule += std::string(w + 2, '-') + "+";
    rule += '\n';
    std::string s;
    if (ncols > 0) s += rule;
    for (size_t r = 0; r < cells_.size(); ++r) {
      if (ncols > 0) {
        s += '|';
        for (size_t i = 0; i < ncols; ++i) {
          s += ' ';
          s += cells_[r][i];
          s += std::string(width[i] - DisplayWidth(cells_[r][i]) + 1, ' ');
          s += '|';
        }
        s += '\n';
        if (r == 0) s += rule;
      }
      if (s.size() > (1 << 16)) {
        HAMLET_RETURN_IF_ERROR(out_.Write(s));
        s.clear();
      }
    }
    if (ncols > 0 && cells_.size() > 1) s += rule;
    if (options_.row_count_footer) {
      size_t n = cells_.size() - 1;
      s += std::to_string(n) + (n == 1 ? " row\n" : " rows\n");
    }
    return out_.Write(s);
  }
  Status DoBoolean(bool value) override { return out_.Write(value ? "true\n" : "false\n"); }

 private:
  std::string ShortIri(const std::string& iri) const {
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& p : options_.prefixes) {
      if (p.second.empty() || iri.compare(0, p.second.size(), p.second) != 0) continue;
      std::string_view local = std::string_view(iri).substr(p.second.size());
      if (!std::all_of(local.begin(), local.end(),
                       [](char c) { return IsLocalNameChar(static_cast<unsigned char>(c)); }) ||
          (!local.empty() &&
           (local.back() == '.' || local.front() == '-' || local.front() == '.'))) {
        continue;
      }
      if (best == nullptr || p.second.size() > best->second.size()) best = &p;
    }
    if (best != nullptr) return best->first + ":" + iri.substr(best->second.size());
    std::string s;
    rdf::AppendNTriples(rdf::Term::Iri(iri).view(), &s);
    return s;
  }
  std::string Display(const std::optional<rdf::Term>& t) const {
    if (!t || t->is_none()) return "";
    if (t->is_iri()) return ShortIri(t->value());
    if (t->is_blank()) return "_:" + t->value();
    if (t->lang().empty() && IsBareTurtleToken(t->value(), t->datatype())) return t->value();
    std::string s;
    rdf::AppendNTriples(rdf::Term::Literal(t->value()).view(), &s);
    if (!t->lang().empty()) {
      s += "@" + t->lang();
    } else if (t->datatype() != rdf::vocab::kXsdString) {
      s += "^^" + ShortIri(t->datatype());
    }
    return s;
  }

  WriterOptions options_;
  std::vector<std::vector<std::string>> cells_;  // [0] = header
};

}  // namespace

std::unique_ptr<ResultWriter> NewCsvWriter(Output out) {
  return std::make_unique<DelimitedWriter>(out, kCsv);
}
std::unique_ptr<ResultWriter> NewTsvWriter(Output out) {
  return std::make_unique<DelimitedWriter>(out, kTsv);
}
std::unique_ptr<ResultWriter> NewTableWriter(Output out, const WriterOptions& options) {
  return std::make_unique<TableWriter>(out, options);
}

}  // namespace internal

std::string CsvCell(const std::optional<rdf::Term>& t) {
  if (!t || t->is_none()) return "";
  if (t->is_blank()) return "_:" + t->value();
  return t->value();
}

std::string TsvCell(const std::optional<rdf::Term>& t) {
  if (!t || t->is_none()) return "";
  if (t->is_literal() && t->lang().empty() &&
      internal::IsBareTurtleToken(t->value(), t->datatype())) {
    return t->value();
  }
  return t->ToNTriples();
}

}  // namespace hamlet::sparql::results
