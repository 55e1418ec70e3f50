// Private to store/: the loader's in-memory map from term encodings to ids.
//
// Open addressing with linear probing over 32-bit slots; the term bytes live in an arena of
// large chunks, so a load of millions of terms costs a few allocations, not one per term.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "store/ids.h"

namespace hamlet::store {

class TermMap {
 public:
  struct Entry {
    const char* data;
    uint32_t size;
    TermId id;
    uint64_t hash;
    std::string_view bytes() const { return {data, size}; }
  };

  TermMap() { Rehash(1 << 16); }

  // The id stored for `key`, or kNoTerm.
  TermId Find(std::string_view key, uint64_t hash) const {
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      uint32_t s = slots_[i];
      if (s == 0) return kNoTerm;
      const Entry& e = entries_[s - 1];
      if (e.hash == hash && e.bytes() == key) return e.id;
    }
  }

  // REQUIRES: Find(key, hash) == kNoTerm. Returns the new entry's index.
  size_t Insert(std::string_view key, uint64_t hash, TermId id) {
    if ((entries_.size() + 1) * 10 > slots_.size() * 7) Rehash(slots_.size() * 2);
    entries_.push_back(Entry{Store(key), static_cast<uint32_t>(key.size()), id, hash});
    Place(entries_.size() - 1);
    return entries_.size() - 1;
  }

  const Entry& entry(size_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }

  // Frees the hash slots, keeping the entries (and their bytes) readable.
  void DropIndex() {
    slots_.clear();
    slots_.shrink_to_fit();
  }

 private:
  // Arena chunk size: large enough that allocation cost vanishes, small enough not to waste
  // much at the end of a small load.
  static constexpr size_t kChunkBytes = 4 << 20;

  const char* Store(std::string_view key) {
    if (key.size() > kChunkBytes / 4) {
      big_.emplace_back(new char[key.size()]);
      std::memcpy(big_.back().get(), key.data(), key.size());
      return big_.back().get();
    }
    if (chunk_used_ + key.size() > kChunkBytes || chunks_.empty()) {
      chunks_.emplace_back(new char[kChunkBytes]);
      chunk_used_ = 0;
    }
    char* dst = chunks_.back().get() + chunk_used_;
    std::memcpy(dst, key.data(), key.size());
    chunk_used_ += key.size();
    return dst;
  }
  void Place(size_t index) {
    for (size_t i = entries_[index].hash & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == 0) {
        slots_[i] = static_cast<uint32_t>(index + 1);
        return;
      }
    }
  }
  void Rehash(size_t n) {
    slots_.assign(n, 0);
    mask_ = n - 1;
    for (size_t i = 0; i < entries_.size(); ++i) Place(i);
  }

  std::vector<Entry> entries_;
  std::vector<uint32_t> slots_;
  size_t mask_ = 0;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::unique_ptr<char[]>> big_;
  size_t chunk_used_ = 0;
};

}  // namespace hamlet::store
