#include "sparql/results/table.h"

#include <algorithm>
#include <numeric>

#include "rdf/utf8.h"
#include "rdf/vocab.h"
#include "sparql/results/writer.h"

namespace hamlet::sparql::results {

namespace {

// Control characters would move the cursor: a cell shows them escaped, on one line.
std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += '?';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string DisplayTerm(const std::optional<rdf::Term>& t, const rdf::PrefixList& prefixes) {
  if (!t || t->is_none()) return "";
  if (t->is_iri()) return OneLine(rdf::ShortIri(t->value(), prefixes));
  if (t->is_blank()) return "_:" + t->value();
  std::string tsv = TsvCell(t);
  if (!tsv.empty() && tsv.front() != '"') return tsv;  // a bare number or boolean
  std::string s = rdf::Term::Literal(t->value()).ToNTriples();
  if (!t->lang().empty()) {
    s += "@" + t->lang();
  } else if (!t->datatype().empty() && t->datatype() != rdf::vocab::kXsdString) {
    s += "^^" + rdf::ShortIri(t->datatype(), prefixes);
  }
  return OneLine(s);
}

std::vector<size_t> FitColumns(const std::vector<size_t>& natural, size_t available,
                               size_t min_width) {
  std::vector<size_t> width = natural;
  size_t total = std::accumulate(natural.begin(), natural.end(), size_t{0});
  if (total <= available) return width;
  std::vector<size_t> floor(natural.size());
  for (size_t i = 0; i < natural.size(); ++i) floor[i] = std::min(natural[i], min_width);
  size_t floor_total = std::accumulate(floor.begin(), floor.end(), size_t{0});
  if (floor_total >= available) return floor;
  // The largest common cap that fits: columns under it keep their width.
  size_t lo = min_width, hi = *std::max_element(natural.begin(), natural.end());
  while (lo < hi) {
    size_t mid = lo + (hi - lo + 1) / 2;
    size_t sum = 0;
    for (size_t i = 0; i < natural.size(); ++i)
      sum += std::max(floor[i], std::min(natural[i], mid));
    if (sum <= available) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  size_t used = 0;
  for (size_t i = 0; i < natural.size(); ++i) {
    width[i] = std::max(floor[i], std::min(natural[i], lo));
    used += width[i];
  }
  // Hand the columns left over by the integer cap to the widest cut columns, left to right.
  for (size_t i = 0; i < natural.size() && used < available; ++i) {
    if (width[i] < natural[i]) {
      size_t extra = std::min(natural[i] - width[i], available - used);
      width[i] += extra;
      used += extra;
    }
  }
  return width;
}

std::string TableRule(const std::vector<size_t>& widths) {
  std::string rule = "+";
  for (size_t w : widths) rule += std::string(w + 2, '-') + "+";
  return rule + '\n';
}

std::string TableRow(const std::vector<std::string>& cells, const std::vector<size_t>& widths) {
  std::string out = "|";
  for (size_t i = 0; i < widths.size(); ++i) {
    std::string cell =
        widths[i] == 0 ? "" : rdf::Truncate(i < cells.size() ? cells[i] : "", widths[i]);
    out += ' ';
    out += cell;
    out += std::string(widths[i] - rdf::DisplayWidth(cell) + 1, ' ');
    out += '|';
  }
  return out + '\n';
}

std::vector<size_t> LayoutColumns(const std::vector<std::vector<std::string>>& lines, size_t ncols,
                                  const TableLayout& layout) {
  std::vector<size_t> natural(ncols, 0);
  for (const auto& line : lines) {
    for (size_t i = 0; i < ncols && i < line.size(); ++i) {
      size_t w = rdf::DisplayWidth(line[i]);
      if (layout.max_cell > 0) w = std::min(w, layout.max_cell);
      natural[i] = std::max(natural[i], w);
    }
  }
  const size_t frame = 3 * ncols + 1;  // "| " + " | " ... + " |"
  if (layout.width > frame) return FitColumns(natural, layout.width - frame);
  return natural;
}

std::string RenderTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows,
                        const TableLayout& layout) {
  const size_t ncols = header.size();
  if (ncols == 0) return "";
  std::vector<std::vector<std::string>> lines;
  lines.reserve(rows.size() + 1);
  lines.push_back(header);
  lines.insert(lines.end(), rows.begin(), rows.end());
  std::vector<size_t> width = LayoutColumns(lines, ncols, layout);
  std::string rule = TableRule(width);
  std::string out = rule + TableRow(header, width);
  if (layout.header_rule) out += rule;
  for (const auto& r : rows) out += TableRow(r, width);
  if (!rows.empty() || !layout.header_rule) out += rule;
  return out;
}

std::string RenderResultTable(const std::vector<std::string>& variables,
                              const std::vector<std::vector<std::optional<rdf::Term>>>& rows,
                              const rdf::PrefixList& prefixes, const TableLayout& layout) {
  std::vector<std::string> header;
  header.reserve(variables.size());
  for (const auto& v : variables) header.push_back("?" + v);
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows.size());
  for (const auto& row : rows) {
    std::vector<std::string> line;
    line.reserve(row.size());
    for (const auto& t : row) line.push_back(DisplayTerm(t, prefixes));
    cells.push_back(std::move(line));
  }
  return RenderTable(header, cells, layout);
}

}  // namespace hamlet::sparql::results
