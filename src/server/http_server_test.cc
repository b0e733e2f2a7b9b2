#include "server/http_server.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace jr::server
