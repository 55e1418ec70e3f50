// Status and Result<T>: how errors travel between layers (never as exceptions).
//
// A Status is either OK or carries a Code and a human-readable message. The message is
// complete on its own (it names file:line:column where the input has positions), so a
// caller may print it as is. Result<T> holds either a value or a non-OK Status.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace hamlet {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,       // the user's input is malformed (syntax, bad IRI, bad literal)
    kInvalidArgument,    // a caller passed something the API does not accept (bad usage)
    kNotFound,           // a file, graph or term does not exist
    kIoError,            // the operating system or RocksDB failed to read or write
    kCorruption,         // stored data is not what this version of Hamlet wrote
    kCancelled,          // a cancellation token fired (timeout or user interrupt)
    kResourceExhausted,  // a resource ran out: a query's memory budget, disk space, the store
                         // lock held by another process, a permission the OS refused
    kInternal,           // a bug: an invariant did not hold
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string m) { return Status(Code::kInvalidInput, std::move(m)); }
  static Status InvalidArgument(std::string m) {
    return Status(Code::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status Corruption(std::string m) { return Status(Code::kCorruption, std::move(m)); }
  static Status Cancelled(std::string m) { return Status(Code::kCancelled, std::move(m)); }
  static Status ResourceExhausted(std::string m) {
    return Status(Code::kResourceExhausted, std::move(m));
  }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns the same status with `context` put in front of the message ("context: message").
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(v_); }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace hamlet

// Returns from the enclosing function when `expr` yields a non-OK Status.
#define HAMLET_RETURN_IF_ERROR(expr) \
  do {                               \
    ::hamlet::Status _st = (expr);   \
    if (!_st.ok()) return _st;       \
  } while (0)
