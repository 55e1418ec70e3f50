// A cancellation token that scan loops check: cancelled by a user (Ctrl-C) or by a deadline.
//
// A token may have a parent (set_parent): Check() fails when either fires, so a query's own
// deadline and its caller's token (Ctrl-C in the REPL, a disconnected HTTP client) are one
// mechanism for the loops that check it.
//
// Thread safety: Cancel() may be called from any thread while other threads call Check();
// SetTimeout() and set_parent() are called before the token is shared. Checking costs one
// relaxed atomic load plus, with a deadline, one clock read, so loops call it every few
// hundred rows rather than every row.
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "rdf/status.h"

namespace hamlet::store {

class CancellationToken {
 public:
  using Clock = std::chrono::steady_clock;

  void Cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  // After `seconds` from now, Check() fails with "timed out after N s". 0 or less: no limit.
  void SetTimeout(double seconds) {
    if (seconds <= 0) return;
    timeout_seconds_ = seconds;
    deadline_ = Clock::now() +
                std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    has_deadline_.store(true, std::memory_order_relaxed);
  }

  // Check() also fails when `parent` (not owned; must outlive this token) fires.
  void set_parent(const CancellationToken* parent) { parent_ = parent; }

  // OK, or Cancelled with a message saying why.
  Status Check() const {
    if (cancelled_.load(std::memory_order_relaxed)) return Status::Cancelled("cancelled");
    if (parent_ != nullptr) {
      if (Status s = parent_->Check(); !s.ok()) return s;
    }
    if (has_deadline_.load(std::memory_order_relaxed) && Clock::now() >= deadline_) {
      return Status::Cancelled("timed out after " + FormatSeconds(timeout_seconds_) + " s");
    }
    return Status::Ok();
  }

 private:
  static std::string FormatSeconds(double s) {
    std::string out = std::to_string(s);
    while (out.size() > 1 && out.back() == '0') out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out;
  }
  const CancellationToken* parent_ = nullptr;
  std::atomic<bool> cancelled_{false};
  std::atomic<bool> has_deadline_{false};
  Clock::time_point deadline_{};
  double timeout_seconds_ = 0;
};

}  // namespace hamlet::store
