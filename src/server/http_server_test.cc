#include "server/http_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "ingest/importer.h"
#include "server/token_store.h"

namespace jr::server {
namespace {

// Issue 18, item 9: `--open` only on loopback, and the Host header checked.
TEST(HttpServerTest, LoopbackHostsAreRecognised) {
  for (const char* h :
       {"127.0.0.1", "127.1.2.3", "localhost", "LocalHost", "::1", "[::1]"}) {
    EXPECT_TRUE(IsLoopbackHost(h)) << h;
  }
  for (const char* h : {"0.0.0.0", "::", "", "192.168.1.10", "127.0.0.1.evil.nl",
                        "127.0.0", "127.0.0.256", "localhost.evil.nl", "10.0.0.1"}) {
    EXPECT_FALSE(IsLoopbackHost(h)) << h;
  }
}

TEST(HttpServerTest, HostHeaderMustNameThisServerWithItsPort) {
  HttpOptions o;  // 127.0.0.1
  EXPECT_TRUE(HostAllowed("127.0.0.1:8080", o, 8080));
  EXPECT_TRUE(HostAllowed("localhost:8080", o, 8080));
  EXPECT_TRUE(HostAllowed("LOCALHOST:8080", o, 8080));
  EXPECT_TRUE(HostAllowed("[::1]:8080", o, 8080));
  EXPECT_FALSE(HostAllowed("evil.example:8080", o, 8080));  // DNS rebinding
  EXPECT_FALSE(HostAllowed("127.0.0.1:9090", o, 8080));
  EXPECT_FALSE(HostAllowed("127.0.0.1", o, 8080));
  EXPECT_FALSE(HostAllowed("", o, 8080));
  EXPECT_TRUE(HostAllowed("localhost", o, 80));
  o.host = "192.168.1.10";
  o.allowed_hosts = {"jeugdregio.regio.nl"};
  EXPECT_TRUE(HostAllowed("192.168.1.10:8080", o, 8080));
  EXPECT_TRUE(HostAllowed("jeugdregio.regio.nl:8080", o, 8080));
  EXPECT_FALSE(HostAllowed("evil.example:8080", o, 8080));
  o.host = "::1";
  o.allowed_hosts.clear();
  EXPECT_TRUE(HostAllowed("[::1]:8080", o, 8080));
  // A wildcard address without names: not checked (tokens required: no --open there).
  o.host = "0.0.0.0";
  EXPECT_TRUE(HostAllowed("anything:8080", o, 8080));
  o.allowed_hosts = {"jeugdregio.regio.nl"};
  EXPECT_FALSE(HostAllowed("anything:8080", o, 8080));
  EXPECT_TRUE(HostAllowed("jeugdregio.regio.nl:8080", o, 8080));
}

TEST(HttpServerTest, SecurityHeadersAreTheDocumentedOnes) {
  std::map<std::string, std::string> h;
  for (auto& [k, v] : SecurityHeaders()) h[k] = v;
  EXPECT_EQ(h["X-Frame-Options"], "DENY");
  EXPECT_EQ(h["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(h["Referrer-Policy"], "no-referrer");
  EXPECT_NE(h["Content-Security-Policy"].find("script-src 'self'"), std::string::npos);
  EXPECT_NE(h["Content-Security-Policy"].find("frame-ancestors 'none'"),
            std::string::npos);
}

// A real server on a loopback port: no request ends it and no answer shows internals.
class HttpSocketTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("jr_http_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = Store::Open((dir_ / "t.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::array<unsigned char, 32> key{};
    Pseudonymizer pseudo(key);
    ImportOptions import;
    import.pseudonymizer = &pseudo;
    ASSERT_TRUE(ImportFolder(**store, "tests/data/ingest/valid", import).ok());
    auto role = ParseRole("region");
    ASSERT_TRUE(role.ok());
    auto token = AddToken(**store, *role, "test");
    ASSERT_TRUE(token.ok());
    token_ = *token;
    auto api = Api::Load(**store, ApiOptions{});
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = std::move(api).value();
    port_ = http_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    InstallHandlers(http_, *api_, HttpOptions{}, port_);
    http_.Get("/throws", [](const httplib::Request&, httplib::Response&) {
      throw std::runtime_error("geheime interne details");
    });
    http_.Get("/throws-int",
              [](const httplib::Request&, httplib::Response&) { throw 7; });
    thread_ = std::thread([this] { http_.listen_after_bind(); });
    for (int i = 0; i < 500 && !http_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  void TearDown() override {
    http_.stop();
    if (thread_.joinable()) thread_.join();
    std::filesystem::remove_all(dir_);
  }
  httplib::Result Get(const std::string& path, httplib::Headers headers = {}) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    headers.emplace("Authorization", "Bearer " + token_);
    return client.Get(path, headers);
  }
  void ExpectStillServing() {
    auto health = Get("/api/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Api> api_;
  std::string token_;
  httplib::Server http_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(HttpSocketTest, InvalidUtf8PathsAnswerAndTheServerStaysUp) {
  auto root = Get("/%ff");  // ended the process before issue 18
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 404);
  EXPECT_EQ(root->body, R"j({"error":"onbekend pad (geen geldige UTF-8)"})j");
  ExpectStillServing();
  auto api = Get("/api/%ff?x=%fe");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 400);
  EXPECT_FALSE(api->has_header("EXCEPTION_WHAT"));
  EXPECT_EQ(api->body, R"j({"error":"het pad is geen geldige UTF-8"})j");
  auto param = Get("/api/health?x=%fe");
  ASSERT_TRUE(param);
  EXPECT_EQ(param->status, 400);
  EXPECT_EQ(param->body,
            R"j({"error":"parameter 'x': de waarde is geen geldige UTF-8"})j");
  ExpectStillServing();
}

TEST_F(HttpSocketTest, AnExceptionIsAGeneric500WithoutInternals) {
  for (const char* path : {"/throws", "/throws-int"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 500);
    EXPECT_FALSE(r->has_header("EXCEPTION_WHAT"));
    EXPECT_EQ(r->body,
              R"j({"error":"interne fout bij dit verzoek; de server draait door"})j");
    EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  }
  ExpectStillServing();
}

TEST_F(HttpSocketTest, ForeignHostIs421AndEveryResponseHasTheSecurityHeaders) {
  auto evil = Get("/api/health", {{"Host", "evil.example:" + std::to_string(port_)}});
  ASSERT_TRUE(evil);
  EXPECT_EQ(evil->status, 421);
  for (const std::string path : {"/api/health", "/nope", "/api/nope"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    for (auto& [k, v] : SecurityHeaders()) EXPECT_EQ(r->get_header_value(k), v) << path;
  }
  ExpectStillServing();
}

}  // namespace
}  // namespace jr::server
