#include "repl/terminal_table.h"

#include <algorithm>
#include <numeric>

#include "rdf/utf8.h"
#include "rdf/vocab.h"
#include "sparql/results/writer.h"

namespace hamlet::repl {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

bool IsLocalNameChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c >= 0x80;
}

bool IsLocalName(std::string_view local) {
  if (!std::all_of(local.begin(), local.end(),
                   [](char c) { return IsLocalNameChar(static_cast<unsigned char>(c)); })) {
    return false;
  }
  return local.empty() || (local.back() != '.' && local.front() != '-' && local.front() != '.');
}

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

size_t DisplayWidth(std::string_view s) {
  return rdf::utf8::CountCodePoints(s);
}

std::string Truncate(std::string_view s, size_t max) {
  if (max == 0 || DisplayWidth(s) <= max) return std::string(s);
  return std::string(s.substr(0, rdf::utf8::PrefixBytes(s, max - 1))) + std::string(kEllipsis);
}

std::string ShortIri(std::string_view iri, const io::PrefixList& prefixes) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& p : prefixes) {
    if (p.second.empty() || !iri.starts_with(p.second)) continue;
    if (!IsLocalName(iri.substr(p.second.size()))) continue;
    if (best == nullptr || p.second.size() > best->second.size()) best = &p;
  }
  if (best != nullptr) return best->first + ":" + std::string(iri.substr(best->second.size()));
  return "<" + std::string(iri) + ">";
}

std::string DisplayTerm(const std::optional<rdf::Term>& t, const io::PrefixList& prefixes) {
  if (!t || t->is_none()) return "";
  if (t->is_iri()) return OneLine(ShortIri(t->value(), prefixes));
  if (t->is_blank()) return "_:" + t->value();
  std::string tsv = sparql::results::TsvCell(t);
  if (!tsv.empty() && tsv.front() != '"') return tsv;  // a bare number or boolean
  std::string s = rdf::Term::Literal(t->value()).ToNTriples();
  if (!t->lang().empty()) {
    s += "@" + t->lang();
  } else if (!t->datatype().empty() && t->datatype() != rdf::vocab::kXsdString) {
    s += "^^" + ShortIri(t->datatype(), prefixes);
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

std::string RenderTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows,
                        const TableLayout& layout) {
  const size_t ncols = header.size();
  if (ncols == 0) return "";
  std::vector<size_t> natural(ncols, 0);
  auto measure = [&](const std::vector<std::string>& line) {
    for (size_t i = 0; i < ncols && i < line.size(); ++i) {
      size_t w = DisplayWidth(line[i]);
      if (layout.max_cell > 0) w = std::min(w, layout.max_cell);
      natural[i] = std::max(natural[i], w);
    }
  };
  measure(header);
  for (const auto& r : rows) measure(r);
  std::vector<size_t> width = natural;
  const size_t frame = 3 * ncols + 1;  // "| " + " | " ... + " |"
  if (layout.width > frame) width = FitColumns(natural, layout.width - frame);

  std::string rule = "+";
  for (size_t w : width) rule += std::string(w + 2, '-') + "+";
  rule += '\n';
  std::string out = rule;
  auto emit = [&](const std::vector<std::string>& line) {
    out += '|';
    for (size_t i = 0; i < ncols; ++i) {
      std::string cell = width[i] == 0 ? "" : Truncate(i < line.size() ? line[i] : "", width[i]);
      out += ' ';
      out += cell;
      out += std::string(width[i] - DisplayWidth(cell) + 1, ' ');
      out += '|';
    }
    out += '\n';
  };
  emit(header);
  if (layout.header_rule) out += rule;
  for (const auto& r : rows) emit(r);
  if (!rows.empty() || !layout.header_rule) out += rule;
  return out;
}

std::string RenderResultTable(const std::vector<std::string>& variables,
                              const std::vector<std::vector<std::optional<rdf::Term>>>& rows,
                              const io::PrefixList& prefixes, const TableLayout& layout) {
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

}  // namespace hamlet::repl
