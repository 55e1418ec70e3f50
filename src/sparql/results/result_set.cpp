#include "sparql/results/result_set.h"

namespace hamlet::sparql::results {

int VariableIndex(const ResultSet& rs, const std::string& name) {
  for (size_t i = 0; i < rs.variables.size(); ++i) {
    if (rs.variables[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string FormatRow(const std::vector<std::string>& variables, const Row& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    if (!row[i]) continue;
    if (!out.empty()) out += ' ';
    out += '?';
    out += i < variables.size() ? variables[i] : std::to_string(i);
    out += '=';
    out += row[i]->ToNTriples();
  }
  return out.empty() ? "(empty row)" : out;
}

std::string DebugString(const ResultSet& rs) {
  if (rs.is_boolean) return rs.boolean ? "ASK true\n" : "ASK false\n";
  std::string out = "vars:";
  for (const auto& v : rs.variables) out += " ?" + v;
  out += "\n";
  for (const auto& r : rs.rows) out += "  " + FormatRow(rs.variables, r) + "\n";
  return out;
}

}  // namespace hamlet::sparql::results
