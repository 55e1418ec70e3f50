// Private to store/: the hand-off between the parsing thread and the encoding thread of a
// load. The parser encodes each term to its dictionary bytes and hashes it; the encoder
// maps those bytes to ids. On two cores the two halves run side by side.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hamlet::store {

struct EncodedTerm {
  uint32_t offset = 0;
  uint32_t size = 0;  // 0: no term (default graph)
  uint64_t hash = 0;
};

// Quads whose terms are already in dictionary form: four EncodedTerms per quad (S, P, O, G)
// pointing into `bytes`.
struct QuadBatch {
  std::string bytes;
  std::vector<EncodedTerm> terms;
  std::string_view Bytes(const EncodedTerm& t) const { return {bytes.data() + t.offset, t.size}; }
  size_t quads() const { return terms.size() / 4; }
};

// A bounded queue of batches between one producer and one consumer.
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}

  // Blocks while full. Returns false when the consumer aborted (the batch is dropped).
  bool Push(std::unique_ptr<QuadBatch> b) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return aborted_ || q_.size() < capacity_; });
    if (aborted_) return false;
    q_.push_back(std::move(b));
    cv_.notify_all();
    return true;
  }
  // Producer: no more batches.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }
  // Consumer: stop the producer (its next Push returns false).
  void Abort() {
    std::lock_guard<std::mutex> lock(mu_);
    aborted_ = true;
    q_.clear();
    cv_.notify_all();
  }
  // Blocks until a batch arrives; null once closed and drained.
  std::unique_ptr<QuadBatch> Pop() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return closed_ || !q_.empty(); });
    if (q_.empty()) return nullptr;
    auto b = std::move(q_.front());
    q_.pop_front();
    cv_.notify_all();
    return b;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<QuadBatch>> q_;
  size_t capacity_;
  bool closed_ = false, aborted_ = false;
};

}  // namespace hamlet::store
