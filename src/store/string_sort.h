// Private to store/: sorting many byte strings that share long prefixes (IRIs), for the
// term->id SST file.
//
// std::sort with memcmp follows two pointers per comparison into memory scattered over the
// arena: cache misses dominate. Here each round copies the next 8 bytes of every string in
// a group next to its index and sorts those pairs; runs with equal words recurse to the
// next 8 bytes. One scattered read per string per 8 bytes of shared prefix.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace hamlet::store {

// Sorts `order` (indexes of strings) by the bytes of `get(index)`, ascending.
template <typename Get>
void SortByBytes(std::vector<uint32_t>* order, const Get& get) {
  struct Item {
    uint64_t word;      // 8 bytes at the current depth, big-endian, zero-padded
    uint32_t len_left;  // bytes left from this depth (capped), so "ab" < "ab\0"
    uint32_t index;
  };
  std::vector<Item> items(order->size());
  // Small groups: plain comparison sort is cheaper than another round.
  constexpr size_t kSmallGroup = 16;
  struct Range {
    size_t begin, end, depth;
  };
  std::vector<Range> stack = {{0, order->size(), 0}};
  for (size_t i = 0; i < order->size(); ++i) items[i].index = (*order)[i];
  while (!stack.empty()) {
    Range r = stack.back();
    stack.pop_back();
    if (r.end - r.begin <= kSmallGroup) {
      std::sort(items.begin() + r.begin, items.begin() + r.end, [&](const Item& a, const Item& b) {
        std::string_view x = get(a.index), y = get(b.index);
        return x.substr(std::min(r.depth, x.size())) < y.substr(std::min(r.depth, y.size()));
      });
      continue;
    }
    for (size_t i = r.begin; i < r.end; ++i) {
      std::string_view s = get(items[i].index);
      uint64_t w = 0;
      size_t n = s.size() > r.depth ? std::min<size_t>(8, s.size() - r.depth) : 0;
      for (size_t k = 0; k < n; ++k)
        w |= uint64_t{static_cast<unsigned char>(s[r.depth + k])} << (56 - 8 * k);
      items[i].word = w;
      items[i].len_left =
          static_cast<uint32_t>(std::min<size_t>(s.size() - std::min(s.size(), r.depth), 9));
    }
    std::sort(items.begin() + r.begin, items.begin() + r.end, [](const Item& a, const Item& b) {
      return a.word != b.word ? a.word < b.word : a.len_left < b.len_left;
    });
    for (size_t i = r.begin; i < r.end;) {
      size_t j = i + 1;
      while (j < r.end && items[j].word == items[i].word && items[j].len_left == items[i].len_left)
        ++j;
      // Equal words of strings that go on past them: order them by what follows.
      if (j - i > 1 && items[i].len_left > 8) stack.push_back({i, j, r.depth + 8});
      i = j;
    }
  }
  for (size_t i = 0; i < order->size(); ++i) (*order)[i] = items[i].index;
}

}  // namespace hamlet::store
