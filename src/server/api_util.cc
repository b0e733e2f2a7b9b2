#include "server/api_util.h"

#include <fmt/format.h>

#include <charconv>

namespace jr::server {

ApiResponse Error(int status, const std::string& message) {
  return {status, nlohmann::json{{"error", message}}};
}

ApiResponse Busy() {
  ApiResponse r =
      Error(503, "de server is bezig met zwaar rekenwerk; probeer het zo opnieuw");
  r.retry_after = 5;
  return r;
}

Result<int> IntParam(const ApiRequest& r, const std::string& name, int fallback, int min,
                     int max) {
  auto it = r.query.find(name);
  if (it == r.query.end() || it->second.empty()) return fallback;
  int v = 0;
  const std::string& s = it->second;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) {
    return Status::Error(
        fmt::format("parameter '{}': '{}' is geen geheel getal", name, s));
  }
  if (v < min || v > max) {
    return Status::Error(
        fmt::format("parameter '{}': {} ligt niet tussen {} en {}", name, v, min, max));
  }
  return v;
}

}  // namespace jr::server
