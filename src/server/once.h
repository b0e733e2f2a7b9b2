// Once<T>: a value computed on first use, by the first thread that asks for it.
//
// Threads asking for the same value while it is computed wait for it (they need it
// anyway); no lock is held that other values or requests wait on. Safe to use from
// many threads; the value is never changed after it is computed.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>

namespace jr::server {

template <typename T>
class Once {
 public:
  // The value, computed by `compute()` (returning a T) on the first call.
  template <typename F>
  const T& Get(F compute) {
    std::call_once(flag_, [&] {
      value_.emplace(compute());
      ready_.store(true);
    });
    return *value_;
  }
  // Whether the value is computed (Get returns at once).
  bool Ready() const { return ready_.load(); }

 private:
  std::once_flag flag_;
  std::optional<T> value_;
  std::atomic<bool> ready_{false};
};

}  // namespace jr::server
