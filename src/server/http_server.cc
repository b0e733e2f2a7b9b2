#include "server/http_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <thread>

#include "core/env.h"
#include "server/api_util.h"

namespace jr::server {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool IsWildcardHost(const std::string& host) {
  return host == "0.0.0.0" || host == "::" || host == "[::]" || host.empty();
}

// `host` as it appears in a Host header: IPv6 literals in brackets.
std::string HeaderName(const std::string& host) {
  if (host.find(':') != std::string::npos && !host.starts_with("[")) {
    return "[" + host + "]";
  }
  return host;
}

// cpp-httplib's handling of one connection (parse, route, answer; private in 0.11),
// reached through an explicit instantiation, which the access rules do not apply to
// ([temp.spec.general]). The front (http_front.h) calls it on one end of a socket pair
// holding one complete request.
struct ProcessSocketTag {
  using type = bool (httplib::Server::*)(::socket_t);
};
ProcessSocketTag::type ProcessSocket(ProcessSocketTag);
template <typename Tag, typename Tag::type kMember>
struct Expose {
  friend typename Tag::type ProcessSocket(Tag) { return kMember; }
};
template struct Expose<ProcessSocketTag, &httplib::Server::process_and_close_socket>;

// cpp-httplib answers a connection only while its listening socket (`svr_sock_`,
// protected) is set; a socket the caller listens on (HttpOptions::listen_fd) is set
// there, as binding would.
struct AdoptListening : httplib::Server {
  static void Set(httplib::Server& http, int fd) {
    http.*(&AdoptListening::svr_sock_) = fd;
  }
};

void SetJson(httplib::Response& res, const nlohmann::json& body) {
  res.set_content(DumpJson(body), "application/json; charset=utf-8");
}

}  // namespace

bool IsLoopbackHost(const std::string& host) {
  const std::string h = Lower(host);
  if (h == "localhost" || h == "::1" || h == "[::1]") return true;
  // 127.0.0.0/8 written as a dotted quad.
  if (!h.starts_with("127.")) return false;
  int parts = 0;
  size_t i = 0;
  while (i <= h.size()) {
    size_t j = h.find('.', i);
    if (j == std::string::npos) j = h.size();
    const std::string part = h.substr(i, j - i);
    if (part.empty() || part.size() > 3 ||
        !std::all_of(part.begin(), part.end(),
                     [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(part) > 255) {
      return false;
    }
    ++parts;
    i = j + 1;
  }
  return parts == 4;
}

bool HostAllowed(const std::string& host_header, const HttpOptions& options, int port) {
  if (IsWildcardHost(options.host) && options.allowed_hosts.empty()) return true;
  std::vector<std::string> names = {"localhost", "127.0.0.1", "[::1]"};
  if (!IsWildcardHost(options.host)) names.push_back(HeaderName(options.host));
  for (const std::string& n : options.allowed_hosts) names.push_back(HeaderName(n));
  const std::string h = Lower(host_header);
  const std::string with_port = fmt::format(":{}", port);
  for (const std::string& name : names) {
    const std::string n = Lower(name);
    if (h == n + with_port || (port == 80 && h == n)) return true;
  }
  return false;
}

std::vector<std::pair<std::string, std::string>> SecurityHeaders() {
  return {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'"},
      {"X-Frame-Options", "DENY"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"}};
}

void InstallHandlers(httplib::Server& http, const Api& api, const HttpOptions& options,
                     int port) {
  httplib::Headers headers;
  for (auto& [k, v] : SecurityHeaders()) headers.emplace(k, v);
  http.set_default_headers(headers);  // on every response, errors included
  auto handler = [&api](const httplib::Request& req, httplib::Response& res) {
    ApiRequest r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.query[k] = v;
    r.authorization = req.get_header_value("Authorization");
    ApiResponse out = api.Handle(r);
    res.status = out.status;
    if (out.retry_after > 0)
      res.set_header("Retry-After", std::to_string(out.retry_after));
    SetJson(res, out.body);
  };
  http.Get(R"(/api/.*)", handler);
  if (!options.web_dir.empty()) {
    // The dashboard's own files, and Chart.js from npm served locally (no internet).
    http.set_mount_point("/", options.web_dir + "/dashboard");
    http.Get("/vendor/chart.js", [dir = options.web_dir](const httplib::Request&,
                                                         httplib::Response& res) {
      auto text =
          Env::Default().ReadFile(dir + "/node_modules/chart.js/dist/chart.umd.js");
      if (!text.ok()) {
        res.status = 404;
        return;
      }
      res.set_content(*text, "text/javascript; charset=utf-8");
    });
  }
  // Every other method reaches the API too, which answers the documented 405.
  http.Post(R"(/api/.*)", handler);
  http.Put(R"(/api/.*)", handler);
  http.Patch(R"(/api/.*)", handler);
  http.Delete(R"(/api/.*)", handler);
  http.Options(R"(/api/.*)", handler);
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = fmt::format("HTTP-fout {}", res.status);
    if (res.status == 404) {
      message = IsValidUtf8(req.path) ? "onbekend pad '" + req.path + "'"
                                      : "onbekend pad (geen geldige UTF-8)";
    }
    SetJson(res, {{"error", message}});
  });
  // An exception in a handler (none is expected) ends neither the worker nor the
  // server, and its text stays in the server (no EXCEPTION_WHAT header).
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.headers.erase("EXCEPTION_WHAT");
        SetJson(res, {{"error", "interne fout bij dit verzoek; de server draait door"}});
      });
  // The Host header names this server (no DNS rebinding: a page of another site whose
  // name resolves to this address cannot read the API).
  http.set_pre_routing_handler(
      [options, port](const httplib::Request& req, httplib::Response& res) {
        if (HostAllowed(req.get_header_value("Host"), options, port)) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        res.status = 421;
        SetJson(res, {{"error",
                       "onbekende host in de Host-header; gebruik het adres waarop "
                       "de server luistert"}});
        return httplib::Server::HandlerResponse::Handled;
      });
}

Status ServeHttp(const Api& api, const HttpOptions& options) {
  ::signal(SIGPIPE,
           SIG_IGN);  // a client gone mid-answer is an error return, not a signal
  httplib::Server http;
  // The library parses and routes one complete request per call on a local socket
  // pair (the front owns the client connections): short timeouts suffice there, and
  // it answers one request only. With more, a request whose Connection: close it did
  // not see (a request line it cannot parse) made it wait for the next one for its
  // keep-alive timeout (5 s) while holding the worker (found by fuzz/api_fuzz.cc).
  http.set_tcp_nodelay(true);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(10, 0);
  http.set_keep_alive_max_count(1);
  http.set_payload_max_length(options.limits.max_body_bytes);
  int listen_socket = options.listen_fd;
  int port = options.port;
  if (listen_socket < 0) {
    // SO_REUSEADDR only: the library's default (SO_REUSEPORT) would let a second
    // server start on a port already in use and share its connections.
    http.set_socket_options([&listen_socket](int sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
      listen_socket = sock;
    });
    if (port == 0) {
      port = http.bind_to_any_port(options.host);
      if (port < 0) return Status::Error("kan geen poort openen op " + options.host);
    } else if (!http.bind_to_port(options.host, port)) {
      return Status::Error(fmt::format("kan niet luisteren op {}:{} (poort in gebruik?)",
                                       options.host, port));
    }
    if (listen_socket < 0) return Status::Error("de server kan niet luisteren");
    // The library listens with a backlog of 5: a burst of connections (100 users
    // opening the dashboard) would see dropped attempts and 1 s retries.
    ::listen(listen_socket, SOMAXCONN);
  } else {
    AdoptListening::Set(http, listen_socket);
  }
  InstallHandlers(http, api, options, port);
  if (options.on_listen) options.on_listen(port);
  FrontLimits limits = options.limits;
  const int threads =
      options.threads > 0
          ? options.threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  limits.workers = std::max(limits.workers, threads * 4);
  const auto process = ProcessSocket(ProcessSocketTag{});
  return RunFront(
      listen_socket, limits, [&http, process](int fd) { (http.*process)(fd); },
      options.stop);
}

}  // namespace jr::server
