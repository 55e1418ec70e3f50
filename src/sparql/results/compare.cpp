// Result-set comparison: multiset / sequence matching under one blank-node bijection.
#include "sparql/results/compare.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "rdf/xsd.h"
#include "sparql/results/writer.h"

namespace hamlet::sparql::results {

std::string TermKey(const rdf::Term& t, LiteralMatch mode) {
  switch (t.kind()) {
    case rdf::TermKind::kNone:
      return "U";
    case rdf::TermKind::kIri:
      return "I" + t.value();
    case rdf::TermKind::kBlank:
      return "_:" + t.value();
    case rdf::TermKind::kLiteral:
      break;
  }
  if (mode == LiteralMatch::kByValue && t.lang().empty()) {
    auto v = rdf::ParseXsd(t.value(), t.datatype());
    if (v.ok()) {
      char buf[64];
      switch (v->type) {
        case rdf::XsdType::kBoolean:
          return v->boolean ? "Vtrue" : "Vfalse";
        case rdf::XsdType::kInteger:
          std::snprintf(buf, sizeof buf, "N%.17g", static_cast<double>(v->integer));
          return buf;
        case rdf::XsdType::kDecimal:
          std::snprintf(buf, sizeof buf, "N%.17g", static_cast<double>(v->decimal.scaled) / 1e18);
          return buf;
        case rdf::XsdType::kFloat:
        case rdf::XsdType::kDouble:
          std::snprintf(buf, sizeof buf, "N%.17g", v->floating);
          return buf;
        case rdf::XsdType::kDate:
        case rdf::XsdType::kDateTime: {
          __int128 instant = v->datetime.Instant();
          std::snprintf(
              buf, sizeof buf, "D%d%d%llx:%llx", v->datetime.is_date ? 1 : 0,
              v->datetime.has_tz ? 1 : 0,
              static_cast<unsigned long long>(static_cast<unsigned __int128>(instant) >> 64),
              static_cast<unsigned long long>(instant));
          return buf;
        }
        default:
          break;
      }
    }
  }
  std::string key = "L" + std::to_string(t.value().size()) + ":" + t.value();
  if (!t.lang().empty()) {
    std::string lang = t.lang();
    std::transform(lang.begin(), lang.end(), lang.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return key + "@" + lang;
  }
  return key + "^^" + t.datatype();
}

ResultSet CsvProjection(const ResultSet& rs) {
  ResultSet out = rs;
  for (auto& row : out.rows) {
    for (auto& cell : row) {
      if (!cell || cell->is_none()) continue;
      std::string text = CsvCell(cell);
      if (text.empty()) {
        cell.reset();
      } else if (text.size() > 2 && text.compare(0, 2, "_:") == 0) {
        cell = rdf::Term::Blank(text.substr(2));
      } else {
        cell = rdf::Term::Literal(std::move(text));
      }
    }
  }
  return out;
}

namespace {

struct Cell {
  enum Kind : uint8_t { kUnbound, kGround, kBlank } kind = kUnbound;
  int blank = -1;   // blank-node id on this side
  std::string key;  // ground: TermKey; blank: label
};

// One side of the comparison, columns in the expected result's order.
struct Side {
  const ResultSet* rs = nullptr;
  std::vector<int> perm;       // column i comes from rs->rows[..][perm[i]]
  std::vector<size_t> source;  // row -> index in rs->rows
  std::vector<std::vector<Cell>> rows;
  std::vector<std::string> content;  // exact identity of a row (labels included)
  std::vector<std::string> shape;    // identity with blank labels abstracted, plus the group
  std::vector<bool> has_blank;
  std::vector<std::vector<std::pair<size_t, size_t>>> occurrences;  // blank -> (row, column)
  std::vector<size_t> color;

  Row Original(size_t r) const {
    Row out;
    for (int p : perm) out.push_back(rs->rows[source[r]][p]);
    return out;
  }
};

void AppendPart(char tag, const std::string& s, std::string* out) {
  out->push_back(tag);
  out->append(std::to_string(s.size()));
  out->push_back(':');
  out->append(s);
}

Side BuildSide(const ResultSet& rs, std::vector<int> perm, const CompareOptions& o,
               const std::vector<int>& key_columns) {
  Side s;
  s.rs = &rs;
  s.perm = std::move(perm);
  std::unordered_map<std::string, int> blank_ids;
  std::unordered_set<std::string> seen;
  std::string previous_keys;
  size_t group = 0;
  for (size_t r = 0; r < rs.rows.size(); ++r) {
    std::vector<Cell> cells(s.perm.size());
    std::string content;
    for (size_t i = 0; i < s.perm.size(); ++i) {
      const auto& t = rs.rows[r][s.perm[i]];
      if (!t || t->is_none()) {
        content += 'U';
      } else if (t->is_blank()) {
        cells[i].kind = Cell::kBlank;
        cells[i].key = t->value();
        AppendPart('B', t->value(), &content);
      } else {
        cells[i].kind = Cell::kGround;
        cells[i].key = TermKey(*t, o.literals);
        AppendPart('G', cells[i].key, &content);
      }
    }
    if (o.as_sets && !seen.insert(content).second) continue;
    const size_t row = s.rows.size();
    if (o.order == RowOrder::kSequence) {
      group = row;
    } else if (o.order == RowOrder::kSequenceOfKeys) {
      std::string keys;
      for (int k : key_columns)
        AppendPart(static_cast<char>('0' + cells[k].kind), cells[k].key, &keys);
      if (row > 0 && keys != previous_keys) ++group;
      previous_keys = std::move(keys);
    }
    std::string shape = "g" + std::to_string(group) + "|";
    std::vector<int> local;  // blank ids in order of first appearance within the row
    bool blank = false;
    for (auto& c : cells) {
      if (c.kind == Cell::kUnbound) {
        shape += 'U';
      } else if (c.kind == Cell::kGround) {
        AppendPart('G', c.key, &shape);
      } else {
        blank = true;
        auto [it, inserted] = blank_ids.try_emplace(c.key, static_cast<int>(blank_ids.size()));
        if (inserted) s.occurrences.emplace_back();
        c.blank = it->second;
        s.occurrences[c.blank].emplace_back(row, &c - cells.data());
        auto pos = std::find(local.begin(), local.end(), c.blank);
        if (pos == local.end()) pos = local.insert(local.end(), c.blank);
        shape += "B" + std::to_string(pos - local.begin()) + ";";
      }
    }
    s.source.push_back(r);
    s.rows.push_back(std::move(cells));
    s.content.push_back(std::move(content));
    s.shape.push_back(std::move(shape));
    s.has_blank.push_back(blank);
  }
  return s;
}

// One round of colour refinement on a side (colour 0 = from shapes only).
std::vector<size_t> Refine(const Side& s, const std::vector<size_t>* previous) {
  std::vector<size_t> color(s.occurrences.size());
  std::hash<std::string> hash;
  for (size_t b = 0; b < s.occurrences.size(); ++b) {
    std::vector<std::string> parts;
    for (const auto& [r, col] : s.occurrences[b]) {
      std::string part = s.shape[r] + "#" + std::to_string(col);
      if (previous != nullptr) {
        part += "[";
        for (const auto& c : s.rows[r]) {
          if (c.kind == Cell::kBlank) part += std::to_string((*previous)[c.blank]) + ",";
        }
        part += "]";
      }
      parts.push_back(std::move(part));
    }
    std::sort(parts.begin(), parts.end());
    std::string sig = previous ? std::to_string((*previous)[b]) : std::string();
    for (const auto& p : parts) sig += p + "\n";
    color[b] = hash(sig);
  }
  return color;
}

size_t Distinct(const std::vector<size_t>& v) {
  return std::set<size_t>(v.begin(), v.end()).size();
}

std::string Position(const CompareOptions& o, const Side& s, size_t r) {
  if (o.order == RowOrder::kMultiset) return "";
  return "#" + std::to_string(s.source[r] + 1) + " ";
}

class Matcher {
 public:
  Matcher(Side* e, Side* a, const CompareOptions& o) : e_(*e), a_(*a), o_(o) {}

  // Rows without blank nodes must match by shape; those with blank nodes need a bijection.
  Comparison Run() {
    Comparison c;
    const auto& vars = e_.rs->variables;
    if (e_.rows.size() != a_.rows.size()) {
      c.explanation += "expected " + std::to_string(e_.rows.size()) + " rows, got " +
                       std::to_string(a_.rows.size()) + "\n";
    }
    std::unordered_map<std::string, long> count;
    for (const auto& sh : a_.shape) ++count[sh];
    std::unordered_map<std::string, long> avail = count;
    std::string missing, unexpected;
    size_t n_missing = 0, n_unexpected = 0;
    for (size_t r = 0; r < e_.rows.size(); ++r) {
      if (avail[e_.shape[r]]-- > 0) continue;
      if (n_missing++ < o_.max_diff_rows) {
        missing += "  " + Position(o_, e_, r) + FormatRow(vars, e_.Original(r)) + "\n";
      }
    }
    std::unordered_map<std::string, long> avail_e;
    for (const auto& sh : e_.shape) ++avail_e[sh];
    for (size_t r = 0; r < a_.rows.size(); ++r) {
      if (avail_e[a_.shape[r]]-- > 0) continue;
      if (n_unexpected++ < o_.max_diff_rows) {
        unexpected += "  " + Position(o_, a_, r) + FormatRow(vars, a_.Original(r)) + "\n";
      }
    }
    if (n_missing > 0) {
      c.explanation += std::to_string(n_missing) + " expected rows missing:\n" + missing;
    }
    if (n_unexpected > 0) {
      c.explanation += std::to_string(n_unexpected) + " unexpected rows:\n" + unexpected;
    }
    if (!c.explanation.empty()) return c;
    if (e_.occurrences.empty() && a_.occurrences.empty()) {
      c.equal = true;
      return c;
    }
    return Bijection();
  }

 private:
  Comparison Bijection() {
    Comparison c;
    if (e_.occurrences.size() != a_.occurrences.size()) {
      c.explanation = "expected " + std::to_string(e_.occurrences.size()) +
                      " distinct blank nodes, got " + std::to_string(a_.occurrences.size()) + "\n" +
                      BlankRows();
      return c;
    }
    e_.color = Refine(e_, nullptr);
    a_.color = Refine(a_, nullptr);
    for (int round = 0; round < 8; ++round) {
      auto ec = Refine(e_, &e_.color);
      auto ac = Refine(a_, &a_.color);
      bool stable = Distinct(ec) == Distinct(e_.color) && Distinct(ac) == Distinct(a_.color);
      e_.color = std::move(ec);
      a_.color = std::move(ac);
      if (stable) break;
    }
    auto he = e_.color, ha = a_.color;
    std::sort(he.begin(), he.end());
    std::sort(ha.begin(), ha.end());
    if (he != ha) {
      c.explanation =
          "the blank nodes are used differently (no blank-node bijection)\n" + BlankRows();
      return c;
    }
    return Search();
  }

  std::string BlankRows() const {
    std::string s;
    const auto& vars = e_.rs->variables;
    auto list = [&](const Side& side, const char* title) {
      s += title;
      size_t n = 0;
      for (size_t r = 0; r < side.rows.size() && n < o_.max_diff_rows; ++r) {
        if (!side.has_blank[r]) continue;
        ++n;
        s += "  " + Position(o_, side, r) + FormatRow(vars, side.Original(r)) + "\n";
      }
    };
    list(e_, "expected rows with blank nodes:\n");
    list(a_, "actual rows with blank nodes:\n");
    return s;
  }

  bool TryMatch(size_t er, size_t ar, std::vector<int>* newly) {
    for (size_t p = 0; p < e_.rows[er].size(); ++p) {
      const Cell& ec = e_.rows[er][p];
      if (ec.kind != Cell::kBlank) continue;
      int eb = ec.blank, ab = a_.rows[ar][p].blank;
      bool ok = e_.color[eb] == a_.color[ab] && (fe_[eb] == ab || (fe_[eb] < 0 && fa_[ab] < 0));
      if (!ok) {
        Undo(newly);
        return false;
      }
      if (fe_[eb] < 0) {
        fe_[eb] = ab;
        fa_[ab] = eb;
        newly->push_back(eb);
      }
    }
    return true;
  }

  void Undo(std::vector<int>* newly) {
    for (int eb : *newly) {
      fa_[fe_[eb]] = -1;
      fe_[eb] = -1;
    }
    newly->clear();
  }

  Comparison Search() {
    fe_.assign(e_.occurrences.size(), -1);
    fa_.assign(a_.occurrences.size(), -1);
    // Candidates per shape, identical rows adjacent (trying one of them is enough).
    std::unordered_map<std::string, std::vector<size_t>> cands;
    for (size_t r = 0; r < a_.rows.size(); ++r) {
      if (a_.has_blank[r]) cands[a_.shape[r]].push_back(r);
    }
    for (auto& [sh, v] : cands) {
      std::stable_sort(v.begin(), v.end(),
                       [&](size_t x, size_t y) { return a_.content[x] < a_.content[y]; });
    }
    std::vector<size_t> order = SearchOrder(cands);
    std::vector<bool> used(a_.rows.size(), false);
    struct Frame {
      size_t k;
      size_t cursor = 0;
      long chosen = -1;
      std::vector<int> newly;
    };
    std::vector<Frame> stack;
    stack.push_back(Frame{0, 0, -1, {}});
    size_t steps = 0;
    Comparison c;
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.k == order.size()) {
        c.equal = true;
        return c;
      }
      if (f.chosen >= 0) {
        Undo(&f.newly);
        used[f.chosen] = false;
      }
      const auto& v = cands[e_.shape[order[f.k]]];
      const std::string* last = f.chosen >= 0 ? &a_.content[f.chosen] : nullptr;
      f.chosen = -1;
      bool advanced = false;
      while (f.cursor < v.size()) {
        size_t ar = v[f.cursor++];
        if (used[ar] || (last != nullptr && a_.content[ar] == *last)) continue;
        if (++steps > o_.search_budget) {
          c.explanation = "gave up looking for a blank-node bijection after " +
                          std::to_string(o_.search_budget) + " steps\n";
          return c;
        }
        if (TryMatch(order[f.k], ar, &f.newly)) {
          f.chosen = static_cast<long>(ar);
          used[ar] = true;
          size_t next = f.k + 1;
          stack.push_back(Frame{next, 0, -1, {}});
          advanced = true;
          break;
        }
        last = &a_.content[ar];
      }
      if (!advanced) stack.pop_back();
    }
    c.explanation =
        "rows agree when blank-node labels are ignored, but no single blank-node mapping for "
        "the whole result makes them equal\n" +
        BlankRows();
    return c;
  }

  // Expected rows with blank nodes, connected ones consecutively (breadth first), starting
  // from rows with the fewest candidates.
  std::vector<size_t> SearchOrder(std::unordered_map<std::string, std::vector<size_t>>& cands) {
    std::vector<size_t> seeds;
    for (size_t r = 0; r < e_.rows.size(); ++r) {
      if (e_.has_blank[r]) seeds.push_back(r);
    }
    std::stable_sort(seeds.begin(), seeds.end(), [&](size_t x, size_t y) {
      return cands[e_.shape[x]].size() < cands[e_.shape[y]].size();
    });
    std::vector<bool> row_done(e_.rows.size(), false), blank_done(e_.occurrences.size(), false);
    std::vector<size_t> order;
    for (size_t seed : seeds) {
      if (row_done[seed]) continue;
      std::vector<size_t> queue{seed};
      row_done[seed] = true;
      for (size_t qi = 0; qi < queue.size(); ++qi) {
        size_t r = queue[qi];
        order.push_back(r);
        for (const auto& cell : e_.rows[r]) {
          if (cell.kind != Cell::kBlank || blank_done[cell.blank]) continue;
          blank_done[cell.blank] = true;
          for (const auto& [r2, col] : e_.occurrences[cell.blank]) {
            if (!row_done[r2]) {
              row_done[r2] = true;
              queue.push_back(r2);
            }
          }
        }
      }
    }
    return order;
  }

  Side& e_;
  Side& a_;
  const CompareOptions& o_;
  std::vector<int> fe_, fa_;
};

std::string VarList(const std::vector<std::string>& vars) {
  std::string s = "{";
  for (size_t i = 0; i < vars.size(); ++i) s += (i ? " ?" : "?") + vars[i];
  return s + "}";
}

}  // namespace

Comparison CompareResultSets(const ResultSet& expected, const ResultSet& actual,
                             const CompareOptions& options) {
  Comparison c;
  if (expected.is_boolean || actual.is_boolean) {
    if (expected.is_boolean != actual.is_boolean) {
      c.explanation = expected.is_boolean ? "expected a boolean (ASK) result, got a SELECT one\n"
                                          : "expected a SELECT result, got a boolean (ASK) one\n";
    } else if (expected.boolean != actual.boolean) {
      c.explanation = std::string("expected ") + (expected.boolean ? "true" : "false") + ", got " +
                      (actual.boolean ? "true" : "false") + "\n";
    } else {
      c.equal = true;
    }
    return c;
  }
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  if (sorted(expected.variables) != sorted(actual.variables)) {
    c.explanation = "variables differ: expected " + VarList(expected.variables) + ", got " +
                    VarList(actual.variables) + "\n";
    return c;
  }
  std::vector<int> identity, perm;
  for (size_t i = 0; i < expected.variables.size(); ++i) {
    identity.push_back(static_cast<int>(i));
    perm.push_back(VariableIndex(actual, expected.variables[i]));
  }
  std::vector<int> keys;
  if (options.order == RowOrder::kSequenceOfKeys) {
    for (const auto& k : options.key_variables) {
      int idx = VariableIndex(expected, k);
      if (idx < 0) {
        c.explanation = "order key ?" + k + " is not a variable of the result\n";
        return c;
      }
      keys.push_back(idx);
    }
  }
  for (const ResultSet* rs : {&expected, &actual}) {
    for (const auto& row : rs->rows) {
      if (row.size() != rs->variables.size()) {
        c.explanation = "malformed result set: a row has " + std::to_string(row.size()) +
                        " cells for " + std::to_string(rs->variables.size()) + " variables\n";
        return c;
      }
    }
  }
  Side e = BuildSide(expected, identity, options, keys);
  Side a = BuildSide(actual, perm, options, keys);
  return Matcher(&e, &a, options).Run();
}

}  // namespace hamlet::sparql::results
