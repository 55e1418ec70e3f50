#include "cli/parse_command.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "sparql/algebra/algebra.h"
#include "sparql/syntax/parser.h"

namespace hamlet::cli {

int RunParse(const std::string& path_or_dash, bool force_update, std::ostream& out,
             std::ostream& err) {
  std::string text;
  const bool is_stdin = path_or_dash == "-";
  if (is_stdin) {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path_or_dash, std::ios::binary);
    if (!in) {
      err << path_or_dash << ": cannot read file\n";
      return 1;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
  }
  const bool update =
      force_update || (!is_stdin && path_or_dash.size() >= 3 &&
                       path_or_dash.compare(path_or_dash.size() - 3, 3, ".ru") == 0);
  const std::string name = is_stdin ? "<stdin>" : path_or_dash;
  auto report = [&](const sparql::syntax::SyntaxError& e) {
    err << name << ":" << e.line << ":" << e.column << ": " << e.message << "\n"
        << e.line_text << "\n";
    std::string caret = e.ToString();
    err << caret.substr(caret.rfind('\n') + 1) << "\n";
    return 1;
  };
  if (update) {
    auto r = sparql::syntax::ParseUpdate(text);
    if (!r.ok()) return report(*r.error);
    out << sparql::algebra::ToSse(*r.value) << "\n";
    return 0;
  }
  auto r = sparql::syntax::ParseQuery(text);
  if (!r.ok()) return report(*r.error);
  out << sparql::algebra::ToSse(sparql::algebra::Translate(*r.value)) << "\n";
  return 0;
}

}  // namespace hamlet::cli
