#include "server/http_front.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/table.h"
#include "server/http_server.h"

namespace jr::server {
namespace {

using Clock = std::chrono::steady_clock;

const char* Reason(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    default:
      return "Service Unavailable";
  }
}

void SetNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of header `name` (lower case) in a request or response head, or "".
std::string HeaderValue(const std::string& lower_head, std::string_view name) {
  const std::string key = fmt::format("\n{}:", name);
  const size_t at = lower_head.find(key);
  if (at == std::string::npos) return "";
  size_t begin = at + key.size();
  size_t end = lower_head.find('\n', begin);
  if (end == std::string::npos) end = lower_head.size();
  std::string v = lower_head.substr(begin, end - begin);
  v.erase(0, v.find_first_not_of(" \t"));
  while (!v.empty() && (v.back() == '\r' || v.back() == ' ' || v.back() == '\t')) {
    v.pop_back();
  }
  return v;
}

// The head of a request as the worker gets it: the same, with `Connection: close` in
// place of any Connection header.
std::string WorkerRequest(std::string_view head) {
  std::string out;
  size_t begin = 0;
  while (begin < head.size()) {
    size_t end = head.find("\r\n", begin);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view line = head.substr(begin, end - begin);
    begin = end + 2;
    if (line.empty()) break;  // the blank line ending the head
    if (Lower(line.substr(0, 11)) == "connection:") continue;
    out.append(line);
    out += "\r\n";
  }
  out += "Connection: close\r\n\r\n";
  return out;
}

std::string PeerAddress(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return "?";
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr)->sin_addr, buf,
                sizeof(buf));
  } else if (addr.ss_family == AF_INET6) {
    ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&addr)->sin6_addr, buf,
                sizeof(buf));
  }
  return buf;
}

// Complete requests waiting for a worker (the fd of the worker's end of a socket pair).
class WorkQueue {
 public:
  explicit WorkQueue(size_t capacity) : capacity_(capacity) {}
  bool Push(int fd) {
    std::lock_guard lock(mu_);
    if (queue_.size() >= capacity_) return false;
    queue_.push_back(fd);
    cv_.notify_one();
    return true;
  }
  // The next fd, or -1 once closed and empty.
  int Pop() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return closed_ || !queue_.empty(); });
    if (queue_.empty()) return -1;
    int fd = queue_.front();
    queue_.pop_front();
    return fd;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<int> queue_;
  bool closed_ = false;
};

struct Connection {
  int fd = -1;
  std::string client;  // peer address, for the per-client cap
  std::string in;      // bytes read, not yet a handed request
  std::string out;     // answer bytes not yet written to the client
  int pipe = -1;       // the front's end of the socket pair while a worker answers
  std::string to_pipe;
  std::string answer_head;   // first bytes of the worker's answer (its head)
  bool close_after = false;  // close once `out` is written
  bool eof = false;  // the client sends no more (pipelined requests still answered)
  Clock::time_point deadline;
};

class Front {
 public:
  Front(int listen_fd, const FrontLimits& limits, const std::function<void(int)>& process,
        const std::atomic<bool>* stop)
      : listen_fd_(listen_fd),
        limits_(limits),
        process_(process),
        stop_(stop),
        queue_(limits.max_queued_requests) {}

  Status Run() {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    if (epoll_ < 0) return Status::Error("de server kan geen epoll openen");
    SetNonBlocking(listen_fd_);
    Watch(listen_fd_, EPOLLIN, EPOLL_CTL_ADD);
    for (int i = 0; i < std::max(1, limits_.workers); ++i) {
      workers_.emplace_back([this] {
        for (int fd; (fd = queue_.Pop()) >= 0;) process_(fd);
      });
    }
    std::vector<epoll_event> events(256);
    while (stop_ == nullptr || !stop_->load()) {
      const int n =
          ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == listen_fd_) {
          Accept();
          continue;
        }
        auto it = by_fd_.find(fd);
        if (it == by_fd_.end()) continue;
        Connection* c = it->second;
        if (fd == c->pipe) {
          OnPipe(c, events[i].events);
        } else {
          OnClient(c, events[i].events);
        }
      }
      Sweep();
    }
    queue_.Close();
    for (auto& w : workers_) w.join();
    while (!conns_.empty()) Close(conns_.begin()->second.get());
    ::close(epoll_);
    return Status::Ok();
  }

 private:
  void Watch(int fd, uint32_t events, int op) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    ::epoll_ctl(epoll_, op, fd, &ev);
  }

  void Accept() {
    if (accept_paused_) return;
    for (;;) {
      const int fd =
          ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          // Out of descriptors: stop accepting for a moment (the sweep resumes).
          ::epoll_ctl(epoll_, EPOLL_CTL_DEL, listen_fd_, nullptr);
          accept_paused_ = true;
          resume_accept_ = Clock::now() + std::chrono::milliseconds(100);
        }
        return;
      }
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, 1 /* TCP_NODELAY */, &one, sizeof(one));
      std::string client = PeerAddress(fd);
      if (conns_.size() >= limits_.max_connections ||
          per_client_[client] >= limits_.max_connections_per_client) {
        Refuse(fd, client);
        continue;
      }
      auto c = std::make_unique<Connection>();
      c->fd = fd;
      c->client = client;
      ++per_client_[client];
      c->deadline = Clock::now() + std::chrono::milliseconds(limits_.idle_timeout_ms);
      by_fd_[fd] = c.get();
      Watch(fd, EPOLLIN, EPOLL_CTL_ADD);
      conns_[fd] = std::move(c);
    }
  }

  // A connection over a cap: a best-effort 503 and closed (no state kept).
  void Refuse(int fd, const std::string& client) {
    if (per_client_[client] == 0) per_client_.erase(client);
    const std::string answer = FrontAnswer(
        503, "te veel verbindingen; probeer het zo opnieuw", limits_.retry_after_seconds);
    [[maybe_unused]] ssize_t w = ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
    ::close(fd);
  }

  void Close(Connection* c) {
    if (c->pipe >= 0) {
      by_fd_.erase(c->pipe);
      ::close(c->pipe);
    }
    by_fd_.erase(c->fd);
    ::close(c->fd);
    if (--per_client_[c->client] == 0) per_client_.erase(c->client);
    const int fd = c->fd;
    conns_.erase(fd);  // deletes `c`
  }

  // Answers `status` from the front itself and closes after writing it.
  void AnswerAndClose(Connection* c, int status, const std::string& message) {
    c->in.clear();
    c->out += FrontAnswer(status, message, limits_.retry_after_seconds);
    c->close_after = true;
    Flush(c);
  }

  // The events to wait for on the client's socket.
  void Rewatch(Connection* c) {
    uint32_t events = 0;
    if (!c->out.empty()) {
      events = EPOLLOUT;
    } else if (c->pipe < 0 && !c->eof) {
      events = EPOLLIN;
    }
    Watch(c->fd, events, EPOLL_CTL_MOD);
  }

  void OnClient(Connection* c, uint32_t events) {
    if (events & (EPOLLERR | EPOLLHUP)) {
      Close(c);
      return;
    }
    if ((events & EPOLLIN) && !c->eof) {
      char buf[16384];
      for (;;) {
        const ssize_t n = ::recv(c->fd, buf, sizeof(buf), 0);
        if (n > 0) {
          if (c->in.empty() && c->pipe < 0 && c->out.empty()) {
            // The first byte of a request: its whole head and body have this long.
            c->deadline =
                Clock::now() + std::chrono::milliseconds(limits_.request_timeout_ms);
          }
          c->in.append(buf, static_cast<size_t>(n));
          if (c->in.size() > limits_.max_head_bytes + limits_.max_body_bytes + 4096) {
            break;  // enough to decide; the rest waits in the socket
          }
          continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) break;
        c->eof = true;  // closed or failed: answer what is complete, then close
        Rewatch(c);
        break;
      }
    }
    if (events & EPOLLOUT) {
      if (!Flush(c)) return;
    }
    MaybeStart(c);
  }

  // Writes what it can of `out`; false when the connection was closed.
  bool Flush(Connection* c) {
    while (!c->out.empty()) {
      const ssize_t n = ::send(c->fd, c->out.data(), c->out.size(), MSG_NOSIGNAL);
      if (n > 0) {
        c->out.erase(0, static_cast<size_t>(n));
        c->deadline = Clock::now() + std::chrono::milliseconds(limits_.write_timeout_ms);
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        Rewatch(c);
        return true;
      }
      Close(c);
      return false;
    }
    if (c->pipe < 0) {
      if (c->close_after) {
        Close(c);
        return false;
      }
      c->deadline = Clock::now() +
                    std::chrono::milliseconds(c->in.empty() ? limits_.idle_timeout_ms
                                                            : limits_.request_timeout_ms);
    }
    Rewatch(c);
    return true;
  }

  // Hands the next complete request in `in` to a worker, when no answer is pending.
  void MaybeStart(Connection* c) {
    if (c->pipe >= 0 || !c->out.empty() || c->close_after) return;
    // Empty lines before a request are allowed (RFC 9112, 2.2).
    size_t skip = 0;
    while (skip < c->in.size() && (c->in[skip] == '\r' || c->in[skip] == '\n')) ++skip;
    c->in.erase(0, skip);
    const size_t end = c->in.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (c->in.size() > limits_.max_head_bytes) {
        AnswerAndClose(c, 431, "de kop van het verzoek is te groot");
      } else if (c->eof) {
        Close(c);  // nothing complete is left to answer
      }
      return;
    }
    const size_t head_size = end + 4;
    if (head_size > limits_.max_head_bytes) {
      AnswerAndClose(c, 431, "de kop van het verzoek is te groot");
      return;
    }
    const std::string head = Lower(std::string_view(c->in).substr(0, head_size));
    if (!HeaderValue(head, "transfer-encoding").empty()) {
      AnswerAndClose(c, 400, "Transfer-Encoding wordt niet ondersteund");
      return;
    }
    size_t body = 0;
    const std::string length = HeaderValue(head, "content-length");
    if (!length.empty()) {
      if (length.size() > 12 || !std::all_of(length.begin(), length.end(), [](char ch) {
            return ch >= '0' && ch <= '9';
          })) {
        AnswerAndClose(c, 400, "ongeldige Content-Length");
        return;
      }
      body = std::stoull(length);
      if (body > limits_.max_body_bytes) {
        AnswerAndClose(c, 413, "de inhoud van het verzoek is te groot");
        return;
      }
    }
    if (c->in.size() < head_size + body) {  // the body is still coming
      if (c->eof) Close(c);
      return;
    }
    // HTTP/1.0 or `Connection: close`: closed after this answer.
    const std::string line = head.substr(0, head.find('\r'));
    const std::string connection = HeaderValue(head, "connection");
    if (connection == "close" ||
        (line.ends_with("http/1.0") && connection != "keep-alive")) {
      c->close_after = true;
    }
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
      AnswerAndClose(c, 503, "de server is tijdelijk overbelast");
      return;
    }
    int size = static_cast<int>(limits_.max_head_bytes + limits_.max_body_bytes + 4096);
    ::setsockopt(pair[0], SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
    SetNonBlocking(pair[0]);
    // The worker answers exactly this request and then closes its end: the request
    // carries `Connection: close` for it (the client's own Connection header is kept
    // here, in close_after). The answer's head is set back for the client (OnPipe).
    c->to_pipe = WorkerRequest(std::string_view(c->in).substr(0, head_size)) +
                 c->in.substr(head_size, body);
    c->in.erase(0, head_size + body);
    if (!queue_.Push(pair[1])) {
      ::close(pair[0]);
      ::close(pair[1]);
      c->to_pipe.clear();
      AnswerAndClose(c, 503, "de server is tijdelijk overbelast; probeer het zo opnieuw");
      return;
    }
    c->pipe = pair[0];
    c->answer_head.clear();
    by_fd_[c->pipe] = c;
    Watch(c->pipe, EPOLLIN | EPOLLOUT, EPOLL_CTL_ADD);
    Rewatch(c);
    // The worker has the time it needs (heavy work is bounded by the Api's queue).
    c->deadline = Clock::time_point::max();
    OnPipe(c, EPOLLOUT);
  }

  void OnPipe(Connection* c, uint32_t events) {
    if ((events & EPOLLOUT) && !c->to_pipe.empty()) {
      const ssize_t n =
          ::send(c->pipe, c->to_pipe.data(), c->to_pipe.size(), MSG_NOSIGNAL);
      if (n > 0) c->to_pipe.erase(0, static_cast<size_t>(n));
      // Not shut for writing: cpp-httplib would take that for a client gone and not
      // answer.
      if (c->to_pipe.empty()) Watch(c->pipe, EPOLLIN, EPOLL_CTL_MOD);
    }
    if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR))) return;
    char buf[65536];
    for (;;) {
      const ssize_t n = ::recv(c->pipe, buf, sizeof(buf), 0);
      if (n > 0) {
        const bool had_head = c->answer_head.find("\r\n\r\n") != std::string::npos;
        if (c->answer_head.size() < 8192) {
          c->answer_head.append(buf, std::min<size_t>(static_cast<size_t>(n), 8192));
        }
        c->out.append(buf, static_cast<size_t>(n));
        if (!had_head && c->answer_head.find("\r\n\r\n") != std::string::npos) {
          ClientHead(c);
        }
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) break;
      // The worker is done (it closed its end).
      by_fd_.erase(c->pipe);
      ::close(c->pipe);
      c->pipe = -1;
      c->deadline = Clock::now() + std::chrono::milliseconds(limits_.write_timeout_ms);
      if (c->answer_head.empty()) {  // the worker wrote nothing
        c->out =
            FrontAnswer(500, "interne fout bij dit verzoek; de server draait door", 0);
        c->close_after = true;
      }
      break;
    }
    // Nothing goes to the client before the answer's head is set for it.
    if (c->pipe >= 0 && c->answer_head.find("\r\n\r\n") == std::string::npos) return;
    if (Flush(c)) MaybeStart(c);
  }

  // The worker's answer says `Connection: close` (its request asked for that); for a
  // client that keeps the connection it says keep-alive. `out` starts with that head
  // (an answer starts only when `out` is empty).
  void ClientHead(Connection* c) {
    if (c->close_after) return;
    const size_t end = c->out.find("\r\n\r\n");
    const std::string lower = Lower(std::string_view(c->out).substr(0, end + 2));
    const size_t at = lower.find("\r\nconnection: close\r\n");
    if (at == std::string::npos) return;
    c->out.replace(at, std::string("\r\nconnection: close\r\n").size(),
                   fmt::format("\r\nConnection: keep-alive\r\nKeep-Alive: timeout={}\r\n",
                               limits_.idle_timeout_ms / 1000));
  }

  void Sweep() {
    const Clock::time_point now = Clock::now();
    if (accept_paused_ && now >= resume_accept_) {
      accept_paused_ = false;
      Watch(listen_fd_, EPOLLIN, EPOLL_CTL_ADD);
    }
    if (now - last_sweep_ < std::chrono::milliseconds(100)) return;
    last_sweep_ = now;
    std::vector<Connection*> late;
    for (auto& [fd, c] : conns_) {
      if (c->deadline <= now) late.push_back(c.get());
    }
    for (Connection* c : late) {
      if (!c->in.empty() && c->out.empty()) {
        // A request that did not arrive in time (slowloris): 408, then closed.
        const std::string answer =
            FrontAnswer(408, "het verzoek kwam niet op tijd binnen", 0);
        [[maybe_unused]] ssize_t w =
            ::send(c->fd, answer.data(), answer.size(), MSG_NOSIGNAL);
      }
      Close(c);
    }
  }

  const int listen_fd_;
  const FrontLimits limits_;
  const std::function<void(int)>& process_;
  const std::atomic<bool>* stop_;
  WorkQueue queue_;
  int epoll_ = -1;
  std::vector<std::thread> workers_;
  std::map<int, std::unique_ptr<Connection>> conns_;  // by client fd
  std::map<int, Connection*> by_fd_;                  // client and pipe fds
  std::map<std::string, size_t> per_client_;
  bool accept_paused_ = false;
  Clock::time_point resume_accept_;
  Clock::time_point last_sweep_;
};

}  // namespace

std::string FrontAnswer(int status, const std::string& message, int retry_after_seconds) {
  const std::string body = DumpJson(nlohmann::json{{"error", message}});
  std::string out = fmt::format("HTTP/1.1 {} {}\r\n", status, Reason(status));
  for (const auto& [k, v] : SecurityHeaders()) out += fmt::format("{}: {}\r\n", k, v);
  if (status == 503 && retry_after_seconds > 0) {
    out += fmt::format("Retry-After: {}\r\n", retry_after_seconds);
  }
  out += fmt::format(
      "Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n"
      "Connection: close\r\n\r\n{}",
      body.size(), body);
  return out;
}

Status RunFront(int listen_fd, const FrontLimits& limits,
                const std::function<void(int fd)>& process,
                const std::atomic<bool>* stop) {
  Front front(listen_fd, limits, process, stop);
  return front.Run();
}

}  // namespace jr::server
