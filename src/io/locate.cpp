#include "io/locate.h"

#include <cctype>
#include <cstdio>
#include <memory>

namespace hamlet::io {

std::optional<TextPosition> FindInText(std::string_view text, const LineMatcher& match) {
  size_t line = 1;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view l = text.substr(0, nl);
    size_t col = match(l);
    if (col != std::string_view::npos) return TextPosition{line, col + 1};
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
    ++line;
  }
  return std::nullopt;
}

std::optional<TextPosition> FindInFile(const std::string& path, const LineMatcher& match) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) return std::nullopt;
  char* buf = nullptr;
  size_t cap = 0;
  size_t line = 1;
  std::optional<TextPosition> found;
  for (ssize_t n; (n = getline(&buf, &cap, f.get())) >= 0; ++line) {
    std::string_view l(buf, static_cast<size_t>(n));
    if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
    size_t col = match(l);
    if (col != std::string_view::npos) {
      found = TextPosition{line, col + 1};
      break;
    }
  }
  std::free(buf);
  return found;
}

LineMatcher MatchToken(std::string token) {
  return [token = std::move(token)](std::string_view line) -> size_t {
    // Prefer an occurrence that starts a token; else take the first one (e.g. ":def" in
    // "_:abc:def", which the parser split in two).
    size_t first = line.find(token);
    for (size_t at = first; at != std::string_view::npos; at = line.find(token, at + 1)) {
      if (at == 0) return at;
      unsigned char before = static_cast<unsigned char>(line[at - 1]);
      if (!std::isalnum(before) && before != '_' && before != '-' && before != ':' &&
          before < 0x80) {
        return at;
      }
    }
    return first;
  };
}

LineMatcher MatchSurrogateEscape() {
  return [](std::string_view line) -> size_t {
    for (size_t at = line.find('\\'); at != std::string_view::npos; at = line.find('\\', at + 1)) {
      std::string_view rest = line.substr(at + 1);
      std::string_view hex;
      if (rest.size() >= 5 && rest[0] == 'u') hex = rest.substr(1, 4);
      if (rest.size() >= 9 && rest[0] == 'U' && rest.substr(1, 4) == "0000")
        hex = rest.substr(5, 4);
      if (hex.size() == 4 && (hex[0] == 'd' || hex[0] == 'D') &&
          std::string_view("89abcdefABCDEF").find(hex[1]) != std::string_view::npos) {
        return at;
      }
      if (rest.size() >= 1 && rest[0] == '\\') ++at;  // an escaped backslash
    }
    return std::string_view::npos;
  };
}

}  // namespace hamlet::io
