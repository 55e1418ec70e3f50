#include "repl/completion.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <unordered_set>

#include "repl/dot_commands.h"

namespace hamlet::repl {

namespace {

bool IsWordChar(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '-' || c == ':' || c == '?' || c == '$' || c == '.' ||
         c >= 0x80;
}

bool IsVarChar(unsigned char c) {
  return std::isalnum(c) || c == '_' || c >= 0x80;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(s[i])) !=
        std::toupper(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

class CandidateList {
 public:
  void Add(std::string s) {
    if (seen_.insert(s).second) list_.push_back(std::move(s));
  }
  std::vector<std::string> Take() { return std::move(list_); }

 private:
  std::vector<std::string> list_;
  std::unordered_set<std::string> seen_;
};

// Variable names (without sigil) in `text` in order of first use, skipping the occurrence
// that starts at `skip` (the word being typed).
void CollectVariables(std::string_view text, size_t skip, std::vector<std::string>* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '#') {  // a comment: variables there are not in the query
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {  // a short string
      char q = c;
      for (++i; i < text.size() && text[i] != q && text[i] != '\n'; ++i) {
        if (text[i] == '\\') ++i;
      }
      continue;
    }
    if ((c != '?' && c != '$') || i == skip) continue;
    size_t j = i + 1;
    while (j < text.size() && IsVarChar(static_cast<unsigned char>(text[j]))) ++j;
    if (j > i + 1) out->emplace_back(text.substr(i + 1, j - i - 1));
    i = j - 1;
  }
}

void CompletePath(std::string_view word, Completion* c) {
  namespace fs = std::filesystem;
  std::string w(word);
  size_t slash = w.rfind('/');
  std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : w.substr(0, slash));
  std::string base = slash == std::string::npos ? w : w.substr(slash + 1);
  std::string lead = slash == std::string::npos ? "" : w.substr(0, slash + 1);
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.starts_with(base) || (base.empty() && name.front() == '.')) continue;
    bool is_dir = it->is_directory(ec);
    names.push_back(lead + name + (is_dir ? "/" : ""));
  }
  std::sort(names.begin(), names.end());
  c->candidates = std::move(names);
  c->whole_token = !(c->candidates.size() == 1 && c->candidates[0].back() == '/');
}

}  // namespace

const std::vector<std::string_view>& SparqlKeywords() {
  static const std::vector<std::string_view> kKeywords = {
      // Query forms and clauses, most used first.
      "SELECT", "WHERE", "PREFIX", "DISTINCT", "OPTIONAL", "FILTER", "ORDER", "BY", "LIMIT",
      "GRAPH", "UNION", "GROUP", "COUNT", "BIND", "VALUES", "CONSTRUCT", "DESCRIBE", "ASK",
      "OFFSET", "HAVING", "MINUS", "NOT", "EXISTS", "AS", "ASC", "DESC", "FROM", "NAMED", "BASE",
      "REDUCED", "SERVICE", "SILENT", "UNDEF", "IN", "SEPARATOR", "TRUE", "FALSE",
      // Aggregates and functions.
      "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT", "STR", "LANG", "LANGMATCHES",
      "DATATYPE", "BOUND", "IRI", "URI", "BNODE", "RAND", "ABS", "CEIL", "FLOOR", "ROUND", "CONCAT",
      "STRLEN", "UCASE", "LCASE", "ENCODE_FOR_URI", "CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE",
      "STRAFTER", "YEAR", "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ", "NOW",
      "UUID", "STRUUID", "MD5", "SHA1", "SHA256", "SHA384", "SHA512", "COALESCE", "IF", "STRLANG",
      "STRDT", "SAMETERM", "ISIRI", "ISURI", "ISBLANK", "ISLITERAL", "ISNUMERIC", "REGEX", "SUBSTR",
      "REPLACE",
      // Update.
      "INSERT", "DELETE", "DATA", "WITH", "USING", "DEFAULT", "ALL", "LOAD", "CLEAR", "DROP",
      "CREATE", "ADD", "MOVE", "COPY", "INTO", "TO"};
  return kKeywords;
}

std::string CommonPrefix(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  size_t n = words[0].size();
  for (const auto& w : words) {
    size_t i = 0;
    while (i < n && i < w.size() && w[i] == words[0][i]) ++i;
    n = i;
  }
  // Do not end inside a UTF-8 sequence.
  while (n > 0 && n < words[0].size() && (static_cast<unsigned char>(words[0][n]) & 0xC0) == 0x80) {
    --n;
  }
  return words[0].substr(0, n);
}

Completion Complete(const CompletionRequest& req, const io::PrefixList& prefixes,
                    const std::function<const Vocabulary&()>& vocabulary) {
  Completion c;
  size_t cursor = std::min(req.cursor, req.line.size());
  std::string_view before = req.line.substr(0, cursor);
  const bool first_line = req.previous.find_first_not_of(" \t\r\n") == std::string_view::npos;

  // Arguments of dot-commands: formats, on/off, file names. (.describe and .explain take
  // names and SPARQL: the general rules below.)
  size_t lead = before.find_first_not_of(" \t");
  std::string_view cmd;
  if (first_line && lead != std::string_view::npos && before[lead] == '.' &&
      before.find_first_of(" \t", lead) != std::string_view::npos) {
    cmd = before.substr(lead, before.find_first_of(" \t", lead) - lead);
  }
  if (cmd == ".format" || cmd == ".timing" || cmd == ".read" || cmd == ".load" ||
      cmd == ".export" || cmd == ".prefix") {
    size_t start = before.find_last_of(" \t") + 1;
    c.word_start = start;
    c.word = std::string(before.substr(start));
    if (cmd == ".format" || cmd == ".timing") {
      std::vector<std::string_view> options = {"on", "off"};
      if (cmd == ".format") options = OutputFormatNames();
      for (auto o : options) {
        if (o.starts_with(c.word)) c.candidates.emplace_back(o);
      }
    } else if (cmd == ".read" || cmd == ".load" || cmd == ".export") {
      CompletePath(c.word, &c);
    }
    return c;
  }

  size_t start = cursor;
  while (start > 0 && IsWordChar(static_cast<unsigned char>(before[start - 1]))) --start;
  // '.' ends triple patterns: "?o.<Tab>" completes after it, except for a dot-command.
  std::string_view word = before.substr(start);
  if (!(first_line && start == lead && word.starts_with("."))) {
    size_t dot = word.rfind('.');
    if (dot != std::string_view::npos && word.find(':') == std::string_view::npos) {
      start += dot + 1;
      word = before.substr(start);
    }
  }
  c.word_start = start;
  c.word = std::string(word);
  if (word.empty()) return c;
  CandidateList list;

  if (word.front() == '.') {
    for (const auto& spec : DotCommands()) {
      if (spec.name.starts_with(word)) list.Add(std::string(spec.name));
    }
  } else if (word.front() == '?' || word.front() == '$') {
    std::vector<std::string> vars;
    CollectVariables(req.previous, std::string_view::npos, &vars);
    CollectVariables(req.line, start, &vars);
    std::string_view typed = word.substr(1);
    for (const auto& v : vars) {
      if (v.starts_with(typed) && v != typed) list.Add(std::string(1, word.front()) + v);
    }
    for (const auto& v : vars) {  // the exact name last: completing it only adds a space
      if (v == typed) list.Add(std::string(word));
    }
  } else if (word.find(':') != std::string_view::npos) {
    const Vocabulary& vocab = vocabulary();
    for (const auto* names : {&vocab.classes, &vocab.properties, &vocab.resources}) {
      for (const auto& n : *names) {
        if (n.starts_with(word)) list.Add(n);
      }
    }
  } else {
    bool upper = std::any_of(word.begin(), word.end(),
                             [](char ch) { return std::isupper(static_cast<unsigned char>(ch)); });
    for (std::string_view k : SparqlKeywords()) {
      if (k.size() < 2 || !StartsWithNoCase(k, word)) continue;
      std::string s(k);
      if (!upper) {
        for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
      list.Add(std::move(s));
    }
    std::vector<std::string> names;
    for (const auto& [name, iri] : prefixes) {
      if (name.starts_with(word)) names.push_back(name + ":");
    }
    std::sort(names.begin(), names.end());
    for (auto& n : names) list.Add(std::move(n));
  }
  c.candidates = list.Take();
  c.whole_token = !(c.candidates.size() == 1 && c.candidates[0].back() == ':');
  return c;
}

}  // namespace hamlet::repl
