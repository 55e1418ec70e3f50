// Parser driver: codepoint-escape decoding, running the X3 grammar, turning expectation
// failures into positioned messages, and the lowering to the AST.
#include "sparql/syntax/parser.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include "rdf/utf8.h"
#include "sparql/syntax/detail/grammar.h"
#include "sparql/syntax/detail/lower.h"

namespace hamlet::sparql::syntax {
namespace {

using detail::Node;
using detail::SyntaxException;

// The query text after \u / \U decoding, with a map back to original offsets.
struct Source {
  std::string_view original;
  std::string decoded;
  // (decoded offset, original offset) at the start and after every decoded escape.
  std::vector<std::pair<std::size_t, std::size_t>> marks{{0, 0}};

  std::size_t ToOriginal(std::size_t d) const {
    auto it = std::upper_bound(marks.begin(), marks.end(), std::make_pair(d, SIZE_MAX));
    --it;
    return std::min(it->second + (d - it->first), original.size());
  }
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ReadHex(std::string_view s, std::size_t at, int digits, std::uint32_t& value) {
  if (at + digits > s.size()) return false;
  value = 0;
  for (int i = 0; i < digits; ++i) {
    int h = HexValue(s[at + i]);
    if (h < 0) return false;
    value = value * 16 + static_cast<std::uint32_t>(h);
  }
  return true;
}

// Validates UTF-8 and decodes codepoint escapes in one pass (a backslash escaped by an
// odd number of backslashes before it does not start one). Throws with original offsets.
void Decode(Source& src) {
  std::string_view s = src.original;
  src.decoded.reserve(s.size());
  std::size_t backslashes = 0;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '\\' && backslashes % 2 == 0 && i + 1 < s.size() &&
        (s[i + 1] == 'u' || s[i + 1] == 'U')) {
      int digits = s[i + 1] == 'u' ? 4 : 8;
      std::uint32_t cp;
      if (!ReadHex(s, i + 2, digits, cp)) {
        throw SyntaxException{i, "invalid codepoint escape (\\u needs 4 and \\U 8 hex digits)"};
      }
      std::size_t len = 2 + static_cast<std::size_t>(digits);
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        std::uint32_t low;
        if (i + len + 1 < s.size() && s[i + len] == '\\' && s[i + len + 1] == 'u' &&
            ReadHex(s, i + len + 2, 4, low) && low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          len += 6;
        } else {
          throw SyntaxException{i, "codepoint escape is half of a surrogate pair"};
        }
      } else if ((cp >= 0xDC00 && cp <= 0xDFFF)) {
        throw SyntaxException{i, "codepoint escape is half of a surrogate pair"};
      } else if (cp > 0x10FFFF) {
        throw SyntaxException{i, "codepoint escape is beyond U+10FFFF"};
      }
      rdf::utf8::Append(cp, &src.decoded);
      i += len;
      src.marks.emplace_back(src.decoded.size(), i);
      backslashes = 0;
      continue;
    }
    std::uint32_t cp;
    int n = detail::DecodeUtf8(s.data() + i, s.data() + s.size(), cp);
    if (n == 0) throw SyntaxException{i, "invalid UTF-8 byte sequence"};
    backslashes = c == '\\' ? backslashes + 1 : 0;
    src.decoded.append(s.data() + i, static_cast<std::size_t>(n));
    i += static_cast<std::size_t>(n);
  }
}

std::size_t LineOf(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

SyntaxError MakeError(std::string_view text, std::size_t offset, std::string message) {
  SyntaxError e;
  offset = std::min(offset, text.size());
  e.offset = offset;
  e.message = std::move(message);
  std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = (line_start == std::string_view::npos || offset == 0) ? 0 : line_start + 1;
  if (offset > 0 && text[offset - 1] == '\n') line_start = offset;
  std::size_t line_end = text.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (line_end > line_start && text[line_end - 1] == '\r') --line_end;
  e.line = LineOf(text, offset);
  e.column = 1 + rdf::utf8::CountCodePoints(
                     text.substr(line_start, std::min(offset, line_end) - line_start));
  e.line_text = std::string(text.substr(line_start, line_end - line_start));
  return e;
}

// "'a'\x1f'b'\x1f'c'" -> "'a', 'b' or 'c'" (duplicates removed).
std::string JoinAlternatives(const std::string& which) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t sep = which.find('\x1f', start);
    std::string part = which.substr(start, sep == std::string::npos ? sep : sep - start);
    if (part.size() >= 2 && part.front() == '"' && part.back() == '"') {
      part = "'" + part.substr(1, part.size() - 2) + "'";
    }
    if (std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(part);
    if (sep == std::string::npos) break;
    start = sep + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " or " : ", ";
    out += parts[i];
  }
  return out;
}

// The token at p, for "found ..." in messages.
std::string DescribeToken(const char* p, const char* end) {
  if (p == end) return "end of input";
  auto word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':' || c == '?' ||
           c == '$' || c == '-' || (static_cast<unsigned char>(c) & 0x80);
  };
  const char* q = p;
  if (word(*q)) {
    while (q != end && word(*q) && q - p < 40) ++q;
  } else if (*q == '<') {
    while (q != end && *q != '>' && *q != ' ' && *q != '\n' && q - p < 40) ++q;
    if (q != end && *q == '>') ++q;
  } else {
    std::uint32_t cp;
    int n = detail::DecodeUtf8(q, end, cp);
    q += n > 0 ? n : 1;
  }
  return "'" + std::string(p, q) + "'";
}

void Dump(const Node& n, int depth, std::string& out) {
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
  out += std::to_string(static_cast<int>(n.kind)) + " @" + std::to_string(n.pos) + " '" + n.text +
         "'\n";
  for (const Node& k : n.kids) Dump(k, depth + 1, out);
}

enum class Unit { kQuery, kUpdate };

template <typename T>
ParseResult<T> Run(std::string_view text, const ParseOptions& options, Unit unit) {
  namespace x3 = detail::x3;
  ParseResult<T> result;
  Source src;
  src.original = text;
  try {
    Decode(src);
  } catch (const SyntaxException& e) {
    result.error = MakeError(text, e.offset, e.message);
    return result;
  }
  detail::ParseState st;
  st.begin = src.decoded.data();
  st.end = st.begin + src.decoded.size();
  auto skip_ctx = x3::make_context<x3::skipper_tag>(detail::skipper);
  auto ctx = x3::make_context<detail::state_tag>(st, skip_ctx);
  static_assert(std::is_same_v<decltype(ctx), detail::context_type>);
  Node root;
  const char* first = st.begin;
  std::size_t err_offset = 0;
  std::string message;
  try {
    bool ok = unit == Unit::kQuery
                  ? detail::grammar::query_unit.parse(first, st.end, ctx, x3::unused, root)
                  : detail::grammar::update_unit.parse(first, st.end, ctx, x3::unused, root);
    if (ok && std::getenv("HAMLET_SPARQL_DUMP_TREE")) {
      std::string dump;
      Dump(root, 0, dump);
      std::fputs(dump.c_str(), stderr);
    }
    if (ok) {
      detail::Lowerer lower(options.base_iri);
      if constexpr (std::is_same_v<T, ast::Query>) {
        result.value = lower.LowerQuery(root);
      } else {
        result.value = lower.LowerUpdate(root);
      }
      return result;
    }
    err_offset = static_cast<std::size_t>(detail::SkipWs(first, st.end) - st.begin);
    message = unit == Unit::kQuery ? "expected a query" : "expected an update";
  } catch (const x3::expectation_failure<detail::Iterator>& x) {
    const char* where = detail::SkipWs(x.where(), st.end);
    err_offset = static_cast<std::size_t>(where - st.begin);
    message = "expected " + JoinAlternatives(x.which());
    if (st.unclosed_what != nullptr && x.which() == "'}'") {
      message += std::string(" to close the ") + st.unclosed_what + " opened at line " +
                 std::to_string(LineOf(text, src.ToOriginal(st.unclosed_offset)));
    }
    message += ", found " + DescribeToken(where, st.end);
  } catch (const SyntaxException& e) {
    err_offset = e.offset;
    message = e.message;
  }
  result.error = MakeError(text, src.ToOriginal(err_offset), std::move(message));
  return result;
}

}  // namespace

std::string SyntaxError::Headline() const {
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

std::string SyntaxError::ToString() const {
  std::string caret;
  std::size_t col = 1;
  for (std::size_t i = 0; i < line_text.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line_text[i]);
    if ((c & 0xC0) == 0x80) continue;
    caret += c == '\t' ? '\t' : ' ';
    ++col;
  }
  return Headline() + "\n" + line_text + "\n" + caret + "^";
}

ParseResult<ast::Query> ParseQuery(std::string_view text, const ParseOptions& options) {
  return Run<ast::Query>(text, options, Unit::kQuery);
}

ParseResult<ast::Update> ParseUpdate(std::string_view text, const ParseOptions& options) {
  return Run<ast::Update>(text, options, Unit::kUpdate);
}

}  // namespace hamlet::sparql::syntax
