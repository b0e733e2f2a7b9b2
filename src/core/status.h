// Status and Result<T>: the outcome of a call that can fail on its input.
//
// A failed Status carries a Dutch, human-readable message and the location in the
// input it is about (file, line, column, or a path such as an XML element or TOML
// key). Expected failures are returned, never thrown; exceptions are for bugs.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace jr {

// Where in the input a message is about. Every field is optional.
struct Location {
  std::string file;  // file name as the user gave it
  int line = 0;      // 1-based; 0 = unknown
  int column = 0;    // 1-based; 0 = unknown
  std::string path;  // e.g. a TOML key "model.buckets.45" or XML path

  // "file:line:column" (parts that are unknown are left out), or "" if nothing is known.
  std::string ToString() const;
};

class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Error(std::string message, Location where = {}) {
    Status s;
    s.ok_ = false;
    s.message_ = std::move(message);
    s.where_ = std::move(where);
    return s;
  }

  bool ok() const { return ok_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }

  // "file:line:column: message", or just the message without a location.
  std::string ToString() const;

 private:
  bool ok_ = true;
  std::string message_;
  Location where_;
};

// A value or a failed Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Status error) : v_(std::move(error)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: ok()
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

// A list of errors gathered over a whole input (an import reports them all, up to a
// limit, before giving up).
class ErrorList {
 public:
  explicit ErrorList(size_t limit = 100) : limit_(limit) {}
  void Add(Status s) {
    ++count_;
    if (errors_.size() < limit_) errors_.push_back(std::move(s));
  }
  void Add(std::string message, Location where) {
    Add(Status::Error(std::move(message), std::move(where)));
  }
  bool empty() const { return count_ == 0; }
  size_t count() const { return count_; }  // all errors, also those past the limit
  bool full() const { return errors_.size() >= limit_; }
  const std::vector<Status>& errors() const { return errors_; }
  // One line per error, and a closing line when errors were left out.
  std::string ToString() const;

 private:
  size_t limit_;
  size_t count_ = 0;
  std::vector<Status> errors_;
};

}  // namespace jr
