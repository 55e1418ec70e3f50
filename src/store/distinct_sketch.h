// A HyperLogLog sketch of how many distinct ids a predicate's subjects (or objects) take, kept
// in the statistics so the planner can tell how many rows a pattern gives per bound subject
// (or object). Sketches merge by taking register maxima, so each load adds its quads without
// re-reading the store's.
//
// 256 one-byte registers: about 6.5 % standard error, 256 bytes per predicate and position.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/ids.h"

namespace hamlet::store {

class DistinctSketch {
 public:
  static constexpr int kIndexBits = 8;
  static constexpr size_t kRegisters = size_t{1} << kIndexBits;

  void Add(TermId id) {
    uint64_t h = Mix(id);
    size_t index = h >> (64 - kIndexBits);
    uint64_t rest = (h << kIndexBits) | (uint64_t{1} << (kIndexBits - 1));
    auto rank = static_cast<uint8_t>(__builtin_clzll(rest) + 1);
    if (rank > registers_[index]) registers_[index] = rank;
  }

  // Adds another sketch's ids (as written by Bytes()); other sizes are ignored.
  void Merge(std::string_view bytes) {
    if (bytes.size() != kRegisters) return;
    for (size_t i = 0; i < kRegisters; ++i) {
      auto r = static_cast<uint8_t>(bytes[i]);
      if (r > registers_[i]) registers_[i] = r;
    }
  }

  std::string Bytes() const { return std::string(registers_.begin(), registers_.end()); }

  // The estimated number of distinct ids added.
  double Estimate() const {
    // 2^-r for every possible rank: the planner reads every sketch for every query.
    static const std::array<double, 66> kInversePowers = [] {
      std::array<double, 66> t{};
      for (size_t r = 0; r < t.size(); ++r) t[r] = std::ldexp(1.0, -static_cast<int>(r));
      return t;
    }();
    double sum = 0;
    size_t zeros = 0;
    for (uint8_t r : registers_) {
      sum += kInversePowers[r < kInversePowers.size() ? r : kInversePowers.size() - 1];
      zeros += r == 0;
    }
    const double m = kRegisters;
    double e = 0.7213 / (1 + 1.079 / m) * m * m / sum;
    if (e <= 2.5 * m && zeros > 0) e = m * std::log(m / static_cast<double>(zeros));
    return e;
  }

 private:
  // SplitMix64's finaliser: ids of one load are consecutive, the registers need spread bits.
  static uint64_t Mix(uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }

  std::array<uint8_t, kRegisters> registers_{};
};

}  // namespace hamlet::store
