// The HTTP layer of `jeugdregio serve`: routes /api/* to an Api (JSON) and serves the
// dashboard's static files (no data in them; the pages fetch the API with a token).
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "server/api.h"
#include "server/http_front.h"

namespace httplib {
class Server;
}

namespace jr::server {

struct HttpOptions {
  std::string host = "127.0.0.1";  // listen address; localhost by default
  int port = 8080;                 // 0 = any free port
  int threads = 0;                 // worker threads (0 = all cores)
  // Folder of the dashboard (web/: dashboard/ and node_modules/chart.js); empty = API
  // only.
  std::string web_dir;
  // Host names (without port) a request's Host header may name besides the loopback
  // names and `host` itself, e.g. the server's DNS name when `host` is 0.0.0.0. A
  // request naming another host gets 421 (no DNS rebinding). With a wildcard `host`
  // (0.0.0.0, ::) and no names here the Host header is not checked.
  std::vector<std::string> allowed_hosts;
  // Called once the socket listens, with the actual port (e.g. to print it).
  std::function<void(int port)> on_listen;
  // Timeouts and caps of the connections (server/http_front.h).
  FrontLimits limits;
  // ServeHttp returns once this is true (tests); null = serve until the process ends.
  const std::atomic<bool>* stop = nullptr;
  // A socket already bound and listening (any family: the fuzz target's is a Unix
  // socket) to serve on instead of binding `host`:`port`; `port` is then only the one
  // the Host header must name. -1 = bind `host`:`port`. Not closed by ServeHttp.
  int listen_fd = -1;
};

// Whether `host` is a loopback address or name (127.0.0.0/8, ::1, localhost): where
// `serve --open` may listen.
bool IsLoopbackHost(const std::string& host);

// Whether a request's Host header value (`name[:port]`) names this server: a loopback
// name, `options.host` or one of `options.allowed_hosts`, with the port it listens on
// (or without a port when that is 80). Case-insensitive.
bool HostAllowed(const std::string& host_header, const HttpOptions& options, int port);

// The headers sent with every response: Content-Security-Policy (scripts, styles and
// data from the server itself only; no frames), X-Frame-Options, X-Content-Type-Options
// and Referrer-Policy.
std::vector<std::pair<std::string, std::string>> SecurityHeaders();

// Installs on `http` (bound to `port`) the routes, the error and exception handlers, the
// Host check and the security headers of ServeHttp; exposed for tests.
void InstallHandlers(httplib::Server& http, const Api& api, const HttpOptions& options,
                     int port);

// Serves until the process ends (or `options.stop`). Fails (Dutch) when the address
// cannot be bound. No request ends the server: an exception in a handler answers 500
// with a generic Dutch error (no internals), and every JSON is written without
// throwing. Connections are owned by the front (http_front.h): idle and slow clients
// hold no worker, and the Api bounds its heavy work (503 with Retry-After).
Status ServeHttp(const Api& api, const HttpOptions& options);

}  // namespace jr::server
