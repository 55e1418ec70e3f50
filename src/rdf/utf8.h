// The one strict UTF-8 codec of Hamlet (RFC 3629, Unicode table 3-7 "well-formed UTF-8
// byte sequences"): every layer that decodes, validates, encodes or counts UTF-8 calls this
// instead of keeping its own bit-twiddling, so all of them agree on what is a character.
//
// Strict means: no overlong forms (C0 AF for '/'), no UTF-16 surrogates (ED A0 80 for
// U+D800, which CESU-8 and some escape decoders produce), nothing above U+10FFFF (F4 90 80
// 80), no lead bytes C0, C1, F5..FF, no stray continuation bytes, no sequence cut short.
// The bytes of an ill-formed sequence are found at the first byte that cannot continue it,
// as table 3-7 does, so the offsets reported are those a person would point at.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hamlet::rdf::utf8 {

enum class Problem : uint8_t {
  kNone = 0,
  kStrayContinuation,  // a continuation byte (80..BF) where a character should start
  kInvalidByte,        // C0, C1 or F5..FF: a byte that never occurs in UTF-8
  kOverlong,           // a longer form of a code point that has a shorter one
  kSurrogate,          // U+D800..U+DFFF: UTF-16 halves, not characters
  kTooLarge,           // above U+10FFFF
  kTruncated,          // the sequence stops (input ends or another byte comes) too early
};

// A short phrase for messages: "overlong encoding", "UTF-16 surrogate (U+D800..U+DFFF)"...
const char* Describe(Problem p);

struct Decoded {
  char32_t code_point = 0;  // valid only when problem == kNone
  // Bytes taken: the whole sequence when valid; otherwise the bytes that still fitted the
  // sequence (at least 1), so that the caller can resume after them.
  size_t length = 0;
  Problem problem = Problem::kNone;
};

// Decodes the character at the start of `s`. REQUIRES: !s.empty().
// kTruncated with length == s.size() means the input ended inside a sequence that was
// well-formed so far: a streaming caller may wait for more bytes.
Decoded DecodeFirst(std::string_view s);

struct Invalid {
  size_t offset = 0;  // of the first byte of the ill-formed sequence
  Problem problem = Problem::kNone;
};

// The first ill-formed sequence of `s`, or nullopt when all of `s` is well-formed UTF-8.
std::optional<Invalid> FindInvalid(std::string_view s);
inline bool IsValid(std::string_view s) {
  return !FindInvalid(s).has_value();
}

// True for the Unicode scalar values: U+0000..U+10FFFF less the surrogates.
constexpr bool IsScalarValue(char32_t cp) {
  return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

// Appends the UTF-8 form of `cp`; a value that is not a scalar value becomes U+FFFD.
void Append(char32_t cp, std::string* out);

// The number of characters of well-formed `s`: the bytes that are not continuation bytes
// (on ill-formed input, a count that is still bounded by the size).
size_t CountCodePoints(std::string_view s);

// The length in bytes of the longest prefix of `s` holding at most `n` characters, never
// cutting a character in two (continuation bytes stay with their lead byte).
size_t PrefixBytes(std::string_view s, size_t n);

}  // namespace hamlet::rdf::utf8
