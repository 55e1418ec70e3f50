#include "sparql/exec/memory_budget.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace hamlet::sparql::exec {

std::string FormatBytes(size_t bytes) {
  static constexpr const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  size_t unit = 0;
  double value = static_cast<double>(bytes);
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  char buf[32];
  if (unit == 0 || value == std::floor(value)) {
    std::snprintf(buf, sizeof buf, "%.0f %s", value, kUnits[unit]);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f %s", value, kUnits[unit]);
  }
  return buf;
}

Result<size_t> ParseBytes(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument("'" + std::string(text) +
                                   "' is not a memory size (examples: 512M, 2G, 1000000)");
  };
  size_t i = 0;
  unsigned __int128 value = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
    if (value > (unsigned __int128)1 << 62) return bad();
    ++i;
  }
  if (i == 0) return bad();
  std::string unit;
  for (; i < text.size(); ++i) unit += static_cast<char>(std::tolower(text[i]));
  unsigned shift = 0;
  if (unit.empty() || unit == "b") {
    shift = 0;
  } else if (unit == "k" || unit == "kb" || unit == "kib") {
    shift = 10;
  } else if (unit == "m" || unit == "mb" || unit == "mib") {
    shift = 20;
  } else if (unit == "g" || unit == "gb" || unit == "gib") {
    shift = 30;
  } else if (unit == "t" || unit == "tb" || unit == "tib") {
    shift = 40;
  } else {
    return bad();
  }
  value <<= shift;
  if (value == 0 || value > (unsigned __int128)1 << 62) return bad();
  return static_cast<size_t>(value);
}

Status MemoryBudget::Reserve(size_t bytes, std::string_view what) {
  size_t now = used_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (now > limit_) {
    used_.fetch_sub(bytes, std::memory_order_relaxed);
    return Status::ResourceExhausted("the query needs more than " + FormatBytes(limit_) +
                                     " of memory for " + std::string(what) +
                                     "; raise --memory-limit");
  }
  size_t peak = peak_.load(std::memory_order_relaxed);
  while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
  return Status::Ok();
}

Status MemoryLease::Set(size_t bytes) {
  if (budget_ == nullptr) {
    held_ = bytes;
    return Status::Ok();
  }
  if (bytes > held_) {
    HAMLET_RETURN_IF_ERROR(budget_->Reserve(bytes - held_, what_));
  } else if (bytes < held_) {
    budget_->Release(held_ - bytes);
  }
  held_ = bytes;
  return Status::Ok();
}

}  // namespace hamlet::sparql::exec
