// Exit codes of the hamlet command, and the mapping from a Status to one.
#pragma once

#include "rdf/status.h"

namespace hamlet::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;  // malformed file or query, missing file, timeout
inline constexpr int kExitUsage = 2;     // bad command line
inline constexpr int kExitInternal = 3;  // I/O failure, corrupt store, bug
// A resource ran out or is held elsewhere: a query's memory budget, disk space, the store in
// use by another process, permission denied. Retrying with more of it may succeed.
inline constexpr int kExitResource = 4;

inline int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kInvalidInput:
    case Status::Code::kNotFound:
    case Status::Code::kCancelled:
      return kExitBadInput;
    case Status::Code::kInvalidArgument:
      return kExitUsage;
    case Status::Code::kResourceExhausted:
      return kExitResource;
    default:
      return kExitInternal;
  }
}

}  // namespace hamlet::cli
