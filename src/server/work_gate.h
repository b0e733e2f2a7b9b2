// WorkGate: a bound on heavy work (forecasts, the report's parts) in the server.
//
// At most `running` computations at once and at most `waiting` requests waiting for
// one; a request beyond that is refused at once (the Api answers 503 with Retry-After),
// so heavy requests never take all workers and cheap endpoints keep answering.
// RunYielding runs the heavy work itself at a lower CPU priority, so the cheap
// endpoints also keep their CPU while it runs.
#pragma once

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace jr::server {

class WorkGate {
 public:
  WorkGate(int running, int waiting) : running_(running), waiting_(waiting) {}

  // A slot, released when destroyed; empty (false) when refused.
  class Ticket {
   public:
    Ticket() = default;
    explicit Ticket(WorkGate* gate) : gate_(gate) {}
    explicit operator bool() const { return gate_ != nullptr; }
    Ticket(Ticket&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Ticket& operator=(Ticket&& other) noexcept {
      if (this != &other) {
        if (gate_ != nullptr) gate_->Leave();
        gate_ = other.gate_;
        other.gate_ = nullptr;
      }
      return *this;
    }
    ~Ticket() {
      if (gate_ != nullptr) gate_->Leave();
    }

   private:
    WorkGate* gate_ = nullptr;
  };

  // A slot, after waiting for one when all are taken and fewer than `waiting` wait;
  // an empty ticket at once when that many wait already.
  Ticket Enter() {
    std::unique_lock lock(mu_);
    if (busy_ >= running_) {
      if (queued_ >= waiting_) return Ticket();
      ++queued_;
      cv_.wait(lock, [&] { return busy_ < running_; });
      --queued_;
    }
    ++busy_;
    return Ticket(this);
  }

  // How many wait for a slot now (for tests and monitoring).
  int Waiting() {
    std::lock_guard lock(mu_);
    return queued_;
  }

 private:
  void Leave() {
    std::lock_guard lock(mu_);
    --busy_;
    cv_.notify_one();
  }

  const int running_;
  const int waiting_;
  std::mutex mu_;
  std::condition_variable cv_;
  int busy_ = 0;
  int queued_ = 0;
};

// The nice value of the threads of heavy work by default (0 = normal, 19 = lowest).
inline constexpr int kHeavyNice = 10;

// Runs `f()` on a thread of its own whose nice value is raised by `nice` (Linux keeps
// it per thread, and the threads `f` starts inherit it), waits for it and returns its
// result (an exception of `f` is rethrown here). On 2 cores a forecast's threads
// would otherwise take the CPU from the threads answering cheap requests (issue 18:
// p99 < 50 ms for the settlement what-if while a forecast runs); at nice 10 they get
// about a tenth of it while those want it, and all of it otherwise. The calling
// thread waits without using the CPU. `nice` 0, or a priority that cannot be
// changed: `f` runs at the caller's priority.
template <typename F>
auto RunYielding(int nice, F&& f) -> decltype(f()) {
  std::optional<decltype(f())> result;
  std::exception_ptr error;
  std::thread worker([&] {
    if (nice > 0) {
      const id_t self = static_cast<id_t>(::gettid());
      errno = 0;
      const int now = ::getpriority(PRIO_PROCESS, self);
      if (errno == 0) ::setpriority(PRIO_PROCESS, self, std::min(19, now + nice));
    }
    try {
      result.emplace(f());
    } catch (...) {
      error = std::current_exception();
    }
  });
  worker.join();
  if (error) std::rethrow_exception(error);
  return std::move(*result);
}

}  // namespace jr::server
