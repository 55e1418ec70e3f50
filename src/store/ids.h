// Term ids and id quads: what flows through the store and the query engine.
//
// A TermId is 64 bits: the top byte is the term's kind (IRI, blank node, literal), the low
// 56 bits a sequence number handed out by the dictionary in load order. So an id says what
// kind of term it names without a dictionary look-up, and ids of one load are dense.
// Small numbers, dates and booleans have no dictionary entry: their id holds the value
// (inline_literal.h).
// Id 0 means "no term": the default graph in the graph position.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "rdf/term.h"

namespace hamlet::store {

using TermId = uint64_t;

inline constexpr TermId kNoTerm = 0;  // also: the default graph
inline constexpr int kKindShift = 56;
inline constexpr TermId kSequenceMask = (TermId{1} << kKindShift) - 1;

// Kinds above the dictionary's: literals whose value is the low 56 bits (inline_literal.h).
inline constexpr uint8_t kInlineInteger = 0x40;
inline constexpr uint8_t kInlineDecimal = 0x41;
inline constexpr uint8_t kInlineDate = 0x42;
inline constexpr uint8_t kInlineBoolean = 0x43;

inline bool IsInline(TermId id) {
  uint8_t k = static_cast<uint8_t>(id >> kKindShift);
  return k >= kInlineInteger && k <= kInlineBoolean;
}

inline TermId MakeId(rdf::TermKind kind, uint64_t seq) {
  return (static_cast<TermId>(kind) << kKindShift) | (seq & kSequenceMask);
}
inline rdf::TermKind KindOf(TermId id) {
  return IsInline(id) ? rdf::TermKind::kLiteral : static_cast<rdf::TermKind>(id >> kKindShift);
}
inline uint64_t SequenceOf(TermId id) {
  return id & kSequenceMask;
}

struct IdQuad {
  TermId s = 0, p = 0, o = 0, g = 0;  // g == 0: default graph
  bool operator==(const IdQuad&) const = default;
};

// Big-endian so that byte order equals numeric order in RocksDB keys.
inline void PutBigEndian64(char* dst, uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    dst[i] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
}
inline uint64_t GetBigEndian64(const char* src) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(src[i]);
  return v;
}

}  // namespace hamlet::store
