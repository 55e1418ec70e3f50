// CSV, TSV and terminal-table writers.
#include <algorithm>

#include "rdf/utf8.h"
#include "rdf/vocab.h"
#include "sparql/results/table.h"
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

// Rows the table holds to size its columns; later rows are written as they come, cut to those
// widths. Enough to size columns well for anything a terminal shows whole, bounded so that a
// table of millions of rows streams in constant memory.
constexpr size_t kTableSampleRows = 1000;

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
    for (const auto& t : row) {
      line.push_back(rdf::Truncate(DisplayTerm(t, options_.prefixes), options_.max_cell_width));
    }
    ++rows_;
    if (!width_.empty()) {  // streaming: the columns are sized already
      pending_ += TableRow(line, width_);
      if (pending_.size() > (1 << 16)) return FlushPending();
      return Status::Ok();
    }
    cells_.push_back(std::move(line));
    if (cells_.size() > kTableSampleRows) return StartStreaming();
    return Status::Ok();
  }
  Status DoFinish() override {
    if (width_.empty()) HAMLET_RETURN_IF_ERROR(StartStreaming());
    if (!width_.empty() && rows_ > 0) pending_ += TableRule(width_);
    if (options_.row_count_footer)
      pending_ += std::to_string(rows_) + (rows_ == 1 ? " row\n" : " rows\n");
    return FlushPending();
  }
  Status DoBoolean(bool value) override { return out_.Write(value ? "true\n" : "false\n"); }

 private:
  // Sizes the columns from the rows held so far and writes them with the header.
  Status StartStreaming() {
    const size_t ncols = cells_.front().size();
    width_ = LayoutColumns(cells_, ncols, TableLayout{});
    if (ncols == 0) {
      cells_.clear();
      return Status::Ok();
    }
    pending_ += TableRule(width_);
    for (size_t r = 0; r < cells_.size(); ++r) {
      pending_ += TableRow(cells_[r], width_);
      if (r == 0) pending_ += TableRule(width_);
      if (pending_.size() > (1 << 16)) HAMLET_RETURN_IF_ERROR(FlushPending());
    }
    cells_.clear();
    return Status::Ok();
  }
  Status FlushPending() {
    Status s = out_.Write(pending_);
    pending_.clear();
    return s;
  }

  WriterOptions options_;
  std::vector<std::vector<std::string>> cells_;  // [0] = header; the sample before streaming
  std::vector<size_t> width_;                    // column widths, once streaming
  std::string pending_;                          // output not yet written
  size_t rows_ = 0;
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
