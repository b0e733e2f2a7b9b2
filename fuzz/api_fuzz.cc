// libFuzzer target: the whole HTTP request path of `jeugdregio serve`. The input is
// the raw bytes a client sends on one connection (one request, several pipelined, or
// garbage). They go to the real server (ServeHttp on the test region, on a Unix
// socket of its own): the front's framing (server/http_front.h: head and body limits,
// Content-Length, pipelining), cpp-httplib's parsing, the routing, the Host check and
// every handler of the Api, with and without a token. In the input `@R` stands for a
// region token, `@G` for a municipality token (GM0505) and `@P` for the port the Host
// header must name, so the seeds reach the handlers behind the token check. The
// connection is read until the server closes it; the answer must be HTTP. Any crash,
// sanitizer report, hang (libFuzzer's -timeout) or an answer that is not HTTP is a
// finding. (issue 18, item 13)
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <thread>

#include "ingest/importer.h"
#include "server/http_server.h"
#include "server/token_store.h"

namespace {

namespace fs = std::filesystem;

constexpr int kPort = 8080;  // the port of the Host header (@P)
constexpr const char* kRegionToken = "jr_fuzz_regio";
constexpr const char* kMunicipalityToken = "jr_fuzz_gemeente";

// The folder of the database and the socket, removed at exit.
fs::path& Dir() {
  static fs::path dir;
  return dir;
}

// The server, started once and left running until the process ends (never destroyed:
// its thread serves until exit).
class Server {
 public:
  Server() {
    dir_ = fs::temp_directory_path() / ("jr_api_fuzz_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Dir() = dir_;
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(Dir(), ignored);
    });
    auto store = jr::Store::Open((dir_ / "t.db").string());
    if (!store.ok()) std::abort();
    jr::Pseudonymizer pseudo(std::array<unsigned char, 32>{});
    jr::ImportOptions import;
    import.pseudonymizer = &pseudo;
    const char* data = std::getenv("JR_FUZZ_DATA");  // tests/data/ingest/valid
    if (!jr::ImportFolder(**store, data ? data : "tests/data/ingest/valid", import)
             .ok()) {
      std::abort();
    }
    // Tokens of known value (AddToken makes random ones): only their hash is stored.
    if (!(*store)
             ->AddToken({jr::server::HashToken(kRegionToken), "region", "fuzz", "", ""})
             .ok() ||
        !(*store)
             ->AddToken({jr::server::HashToken(kMunicipalityToken), "municipality:GM0505",
                         "fuzz", "", ""})
             .ok()) {
      std::abort();
    }
    jr::server::ApiOptions options;  // no db_path: report and forecast answer 503
    auto api = jr::server::Api::Load(**store, options);
    if (!api.ok()) std::abort();
    api_ = std::move(api).value();
    path_ = (dir_ / "api.sock").string();
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr = Address();
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
        ::listen(fd, SOMAXCONN) != 0) {
      std::abort();
    }
    http_.port = kPort;
    http_.listen_fd = fd;
    http_.limits.workers = 4;
    http_.limits.request_timeout_ms = 2000;
    std::thread([this] { (void)jr::server::ServeHttp(*api_, http_); }).detach();
  }

  sockaddr_un Address() const {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path_.c_str(), sizeof(addr.sun_path) - 1);
    return addr;
  }

 private:
  fs::path dir_;
  std::string path_;
  std::unique_ptr<jr::server::Api> api_;
  jr::server::HttpOptions http_;
};

// `in` with the placeholders replaced.
std::string Expand(const uint8_t* data, size_t size) {
  std::string out;
  out.reserve(size + 64);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == '@' && i + 1 < size) {
      const char next = static_cast<char>(data[i + 1]);
      if (next == 'R' || next == 'G' || next == 'P') {
        out += next == 'R'   ? kRegionToken
               : next == 'G' ? kMunicipalityToken
                             : std::to_string(kPort);
        ++i;
        continue;
      }
    }
    out += static_cast<char>(data[i]);
  }
  return out;
}

// Sends `request`, shuts the writing side and reads until the server closes; both
// directions at once, so neither side waits on a full socket. The answer.
std::string Exchange(const Server& server, const std::string& request) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr = server.Address();
  if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    std::abort();
  }
  std::string answer;
  size_t sent = 0;
  bool shut = false;
  for (;;) {
    if (!shut && sent == request.size()) {
      ::shutdown(fd, SHUT_WR);
      shut = true;
    }
    pollfd p{fd, static_cast<short>(POLLIN | (shut ? 0 : POLLOUT)), 0};
    if (::poll(&p, 1, -1) < 0) continue;
    if (p.revents & POLLOUT) {
      const ssize_t n =
          ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<size_t>(n);
      } else {
        sent = request.size();  // the server closed while we wrote: read what it said
      }
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[65536];
      const ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
      if (n <= 0) break;
      answer.append(buf, static_cast<size_t>(n));
    }
  }
  ::close(fd);
  return answer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Server* server = new Server();  // never destroyed (see Server)
  const std::string answer = Exchange(*server, Expand(data, size));
  // Nothing complete (the server just closes), or HTTP answers.
  if (!answer.empty() && !answer.starts_with("HTTP/1.1 ")) std::abort();
  return 0;
}
