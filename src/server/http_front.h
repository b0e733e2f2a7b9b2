// The front of `jeugdregio serve`: one thread that owns every client connection
// (non-blocking, epoll) and hands only complete requests to a small pool of workers.
//
// Why (issue 18, item 8): cpp-httplib 0.11 gives each open connection a worker of its
// own for as long as it is open, so idle or slowly written connections (slowloris)
// starve everyone else, and it drops pipelined requests (it reads ahead into a buffer
// it forgets between requests). Here an idle or slow connection costs one file
// descriptor and no worker:
// - a request's head and body must arrive within `request_timeout_ms` (else 408),
//   an idle keep-alive connection is closed after `idle_timeout_ms`, a client that
//   does not read its answer is closed after `write_timeout_ms` without progress;
// - at most `max_connections_per_client` open connections per client address and
//   `max_connections` in all: the next one gets 503 with Retry-After and is closed;
// - at most `max_queued_requests` complete requests wait for a worker (else 503);
// - heads are at most `max_head_bytes` (431), bodies at most `max_body_bytes` (413),
//   no Transfer-Encoding (400);
// - pipelined requests are answered one after the other, in order.
// A worker gets the request on one end of a socket pair and answers on it (the caller
// runs cpp-httplib's parser and routes there); the front copies the answer back.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

#include "core/status.h"

namespace jr::server {

struct FrontLimits {
  int workers = 16;
  size_t max_queued_requests = 256;
  size_t max_connections = 2048;
  size_t max_connections_per_client = 256;  // an office behind one address (NAT)
  int request_timeout_ms = 10000;
  int idle_timeout_ms = 15000;
  int write_timeout_ms = 10000;
  size_t max_head_bytes = 16 * 1024;
  size_t max_body_bytes = 64 * 1024;
  int retry_after_seconds = 5;  // in the Retry-After header of a 503
};

// The raw HTTP/1.1 answer of the front itself (status, a Dutch JSON error, the security
// headers, Connection: close; Retry-After on 503). Exposed for tests.
std::string FrontAnswer(int status, const std::string& message, int retry_after_seconds);

// Accepts connections on `listen_fd` (bound and listening) until `*stop` is true (checked
// a few times a second; null = never). `process(fd)` runs in a worker with one end of a
// socket pair holding exactly one request (its write side shut) and must write the
// answer to `fd` and close it. Fails (Dutch) only when the front cannot start.
Status RunFront(int listen_fd, const FrontLimits& limits,
                const std::function<void(int fd)>& process,
                const std::atomic<bool>* stop = nullptr);

}  // namespace jr::server
