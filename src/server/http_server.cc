#include "server/http_server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <sys/socket.h>

#include <thread>

#include "core/env.h"

namespace jr::server {

Status ServeHttp(const Api& api, const HttpOptions& options) {
  httplib::Server http;
  const int threads =
      options.threads > 0
          ? options.threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // A worker serves one keep-alive connection at a time, so there are enough workers
  // for many open connections (a dashboard per user, a load test); the work per
  // request is short. Small responses go out at once (no Nagle delay).
  const size_t workers = static_cast<size_t>(std::max(128, threads * 32));
  http.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  http.set_tcp_nodelay(true);
  // Keep connections open for many requests, and let many wait to be accepted: the
  // library listens with a backlog of 5, so a burst of connections (100 users opening
  // the dashboard) would see dropped attempts and 1 s retries. The listening socket is
  // remembered here and listened on again with a large backlog after binding.
  http.set_keep_alive_max_count(100000);
  int listen_socket = -1;
  // SO_REUSEADDR only: the library's default (SO_REUSEPORT) would let a second server
  // start on a port already in use and share its connections.
  http.set_socket_options([&listen_socket](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listen_socket = sock;
  });
  auto handler = [&api](const httplib::Request& req, httplib::Response& res) {
    ApiRequest r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.query[k] = v;
    r.authorization = req.get_header_value("Authorization");
    ApiResponse out = api.Handle(r);
    res.status = out.status;
    res.set_content(out.body.dump(), "application/json; charset=utf-8");
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
  http.Post(R"(/api/.*)", handler);
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    nlohmann::json body = {{"error", res.status == 404
                                         ? "onbekend pad '" + req.path + "'"
                                         : fmt::format("HTTP-fout {}", res.status)}};
    res.set_content(body.dump(), "application/json; charset=utf-8");
  });
  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(options.host);
    if (port < 0) return Status::Error("kan geen poort openen op " + options.host);
  } else if (!http.bind_to_port(options.host, port)) {
    return Status::Error(fmt::format("kan niet luisteren op {}:{} (poort in gebruik?)",
                                     options.host, port));
  }
  if (listen_socket >= 0) ::listen(listen_socket, SOMAXCONN);
  if (options.on_listen) options.on_listen(port);
  if (!http.listen_after_bind()) return Status::Error("de server is onverwacht gestopt");
  return Status::Ok();
}

}  // namespace jr::server
