// WorkGate: a bound on heavy work (forecasts, the report's parts) in the server.
//
// At most `running` computations at once and at most `waiting` requests waiting for
// one; a request beyond that is refused at once (the Api answers 503 with Retry-After),
// so heavy requests never take all workers and cheap endpoints keep answering.
#pragma once

#include <condition_variable>
#include <mutex>

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

}  // namespace jr::server
