// The HTTP layer of `jeugdregio serve`: routes /api/* to an Api (JSON) and serves the
// dashboard's static files (no data in them; the pages fetch the API with a token).
#pragma once

#include <functional>
#include <string>

#include "core/status.h"
#include "server/api.h"

namespace jr::server {

struct HttpOptions {
  std::string host = "127.0.0.1";  // listen address; localhost by default
  int port = 8080;                 // 0 = any free port
  int threads = 0;                 // worker threads (0 = all cores)
  // Folder of the dashboard (web/: dashboard/ and node_modules/chart.js); empty = API
  // only.
  std::string web_dir;
  // Called once the socket listens, with the actual port (e.g. to print it).
  std::function<void(int port)> on_listen;
};

// Serves until the process ends. Fails (Dutch) when the address cannot be bound.
Status ServeHttp(const Api& api, const HttpOptions& options);

}  // namespace jr::server
