// Private to store/: id quads permuted into an index's key order and sorted, for writing
// SST files and for deduplication.
#pragma once

#include <algorithm>
#include <array>
#include <vector>

#include "store/quad_index.h"

namespace hamlet::store {

// Four ids in key order of some index; compares lexicographically.
struct OrderedKey {
  std::array<TermId, 4> k;
  bool operator<(const OrderedKey& o) const {
    if (k[0] != o.k[0]) return k[0] < o.k[0];
    if (k[1] != o.k[1]) return k[1] < o.k[1];
    if (k[2] != o.k[2]) return k[2] < o.k[2];
    return k[3] < o.k[3];
  }
  bool operator==(const OrderedKey& o) const = default;
};

inline OrderedKey ToOrderedKey(IndexId index, const IdQuad& q) {
  const TermId by_pos[4] = {q.s, q.p, q.o, q.g};
  const auto& order = IndexOrder(index);
  return OrderedKey{{by_pos[order[0]], by_pos[order[1]], by_pos[order[2]], by_pos[order[3]]}};
}

inline void EncodeOrderedKey(const OrderedKey& key, char out[kQuadKeyBytes]) {
  for (int i = 0; i < 4; ++i) PutBigEndian64(out + i * 8, key.k[i]);
}

// The quads (only named-graph ones for the named-only indexes) as sorted keys of `index`.
inline std::vector<OrderedKey> SortedKeys(IndexId index, const std::vector<IdQuad>& quads) {
  std::vector<OrderedKey> keys;
  keys.reserve(quads.size());
  for (const auto& q : quads) {
    if (!NamedOnly(index) || q.g != kNoTerm) keys.push_back(ToOrderedKey(index, q));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace hamlet::store
