#include "io/input_guard.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "rdf/utf8.h"

namespace hamlet::io {

namespace {

// "invalid UTF-8 (bytes C0 AF): an overlong encoding". The bytes shown are those of the
// sequence its lead byte announces, as far as `at` has them.
std::string Utf8Message(std::string_view at, rdf::utf8::Problem problem) {
  auto lead = static_cast<unsigned char>(at[0]);
  size_t n = lead < 0xC0 || lead > 0xF7 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  n = std::min(n, at.size());
  std::string bytes;
  for (size_t i = 0; i < n; ++i) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%s%02X", i == 0 ? "" : " ", static_cast<unsigned char>(at[i]));
    bytes += hex;
  }
  return std::string("invalid UTF-8 (byte") + (n > 1 ? "s " : " ") + bytes +
         "): " + rdf::utf8::Describe(problem);
}

// Printable ASCII less `syntax`: the bytes that cannot change the guard's state.
using ByteSet = std::array<bool, 256>;
constexpr ByteSet PlainBytes(std::string_view syntax) {
  ByteSet set{};
  for (int b = 0x20; b < 0x80; ++b) set[b] = syntax.find(static_cast<char>(b)) == syntax.npos;
  return set;
}
constexpr ByteSet kPlainInCode = PlainBytes("\\#<\"'[]()");
constexpr ByteSet kPlainInIri = PlainBytes(">");
constexpr ByteSet kPlainInComment = PlainBytes("");
constexpr ByteSet kPlainInDoubleQuotes = PlainBytes("\\\"");
constexpr ByteSet kPlainInSingleQuotes = PlainBytes("\\'");

}  // namespace

void InputGuard::Fail(size_t line, size_t column, std::string message) {
  if (failed()) return;
  fail_line_ = line;
  fail_column_ = column;
  message_ = std::move(message);
}

size_t InputGuard::Check(std::string_view bytes) {
  if (failed()) return 0;
  size_t i = pending_.empty() ? 0 : CompletePending(bytes);
  if (failed()) return 0;
  while (i < bytes.size()) {
    // Most bytes of a document mean nothing to the guard: skip them without Step.
    size_t plain = PlainRun(bytes.substr(i));
    i += plain;
    column_ += plain;
    if (i == bytes.size()) break;
    char c = bytes[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (!Step(c)) return i;
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
      ++i;
      continue;
    }
    size_t n = CheckNonAscii(bytes.substr(i));
    if (failed()) return i;
    i += n;
  }
  return bytes.size();
}

void InputGuard::Finish() {
  if (!pending_.empty()) {
    Fail(pending_line_, pending_column_,
         Utf8Message(pending_, rdf::utf8::Problem::kTruncated) + " by the end of the input");
  }
  if (lex_ == Lex::kIri) {
    Fail(iri_line_, iri_column_,
         "unterminated IRI: this '<' has no '>' before the end of the input");
  }
}

size_t InputGuard::CheckNonAscii(std::string_view rest) {
  rdf::utf8::Decoded d = rdf::utf8::DecodeFirst(rest);
  if (d.problem == rdf::utf8::Problem::kTruncated && d.length == rest.size()) {
    // Cut by the end of this chunk: the next one completes it (or Finish reports it).
    pending_.assign(rest);
    pending_line_ = line_;
    pending_column_ = column_;
    return rest.size();
  }
  if (d.problem != rdf::utf8::Problem::kNone) {
    Fail(line_, column_, Utf8Message(rest, d.problem));
    return 0;
  }
  AfterCharacter(d.length);
  return d.length;
}

size_t InputGuard::CompletePending(std::string_view bytes) {
  std::string seq = pending_;
  seq.append(bytes.substr(0, 4));
  rdf::utf8::Decoded d = rdf::utf8::DecodeFirst(seq);
  if (d.problem == rdf::utf8::Problem::kTruncated && d.length == seq.size()) {
    pending_ = std::move(seq);  // still not complete: a tiny chunk
    return bytes.size();
  }
  if (d.problem != rdf::utf8::Problem::kNone) {
    Fail(pending_line_, pending_column_, Utf8Message(seq, d.problem));
    return 0;
  }
  size_t taken = d.length - pending_.size();
  pending_.clear();
  AfterCharacter(d.length);
  return taken;
}

size_t InputGuard::PlainRun(std::string_view bytes) const {
  if (escape_ || (lex_ == Lex::kLongString && quotes_ != 0)) return 0;
  const ByteSet* plain = nullptr;
  switch (lex_) {
    case Lex::kCode:
      plain = &kPlainInCode;
      break;
    case Lex::kIri:
      plain = &kPlainInIri;
      break;
    case Lex::kComment:
      plain = &kPlainInComment;
      break;
    case Lex::kShortString:
    case Lex::kLongString:
      plain = quote_ == '"' ? &kPlainInDoubleQuotes : &kPlainInSingleQuotes;
      break;
    case Lex::kOpenQuote:
      return 0;
  }
  size_t i = 0;
  while (i < bytes.size() && (*plain)[static_cast<unsigned char>(bytes[i])]) ++i;
  return i;
}

void InputGuard::AfterCharacter(size_t length) {
  // A character outside ASCII is never syntax: it ends an escape or a run of quotes.
  if (lex_ == Lex::kOpenQuote) lex_ = quotes_ == 2 ? Lex::kCode : Lex::kShortString;
  if (lex_ == Lex::kLongString) quotes_ = 0;
  escape_ = false;
  column_ += length;
}

bool InputGuard::InString() const {
  return lex_ == Lex::kShortString || lex_ == Lex::kLongString ||
         (lex_ == Lex::kOpenQuote && quotes_ == 1);
}

bool InputGuard::Step(char c) {
  if (c == '\0' && !InString()) {
    Fail(line_, column_, "a NUL byte outside a string (only a string may hold one)");
    return false;
  }
  if (escape_) {  // the byte after a backslash is never syntax
    escape_ = false;
    if (lex_ == Lex::kLongString) quotes_ = 0;
    return true;
  }
  switch (lex_) {
    case Lex::kCode:
      break;
    case Lex::kIri:
      if (c == '>') lex_ = Lex::kCode;
      if (c == '\n' || c == '\r') {
        Fail(iri_line_, iri_column_,
             "unterminated IRI: this '<' has no '>' before the end of the line");
        return false;
      }
      return true;
    case Lex::kComment:
      if (c == '\n' || c == '\r') lex_ = Lex::kCode;
      return true;
    case Lex::kOpenQuote:
      if (c == quote_) {
        if (++quotes_ == 3) lex_ = Lex::kLongString, quotes_ = 0;
        return true;
      }
      lex_ = quotes_ == 2 ? Lex::kCode : Lex::kShortString;  // "" is an empty string
      return Step(c);
    case Lex::kShortString:
      escape_ = c == '\\';
      // A line end inside is Serd's error to report; carry on as if the string had ended.
      if (c == quote_ || c == '\n' || c == '\r') lex_ = Lex::kCode;
      return true;
    case Lex::kLongString:
      escape_ = c == '\\';
      quotes_ = c == quote_ ? quotes_ + 1 : 0;
      if (quotes_ == 3) lex_ = Lex::kCode, quotes_ = 0;
      return true;
  }
  switch (c) {
    case '\\':  // an escape in a prefixed name (ex:a\(b)
      escape_ = true;
      break;
    case '#':
      lex_ = Lex::kComment;
      break;
    case '<':
      lex_ = Lex::kIri, iri_line_ = line_, iri_column_ = column_;
      break;
    case '"':
    case '\'':
      lex_ = Lex::kOpenQuote, quote_ = c, quotes_ = 1;
      break;
    case '[':
    case '(':
      if (++depth_ > kMaxNesting) {
        Fail(line_, column_,
             "too deeply nested: more than " + std::to_string(kMaxNesting) +
                 " levels of '[' and '(' (Hamlet's limit, which keeps the parser's stack safe)");
        return false;
      }
      break;
    case ']':
    case ')':
      if (depth_ > 0) --depth_;
      break;
    default:
      break;
  }
  return true;
}

}  // namespace hamlet::io
