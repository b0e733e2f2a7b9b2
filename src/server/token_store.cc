#include "server/token_store.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>

namespace jr::server {
namespace {

std::string Hex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

}  // namespace

std::string HashToken(std::string_view token) {
  std::array<unsigned char, crypto_generichash_BYTES> h{};
  crypto_generichash(h.data(), h.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return Hex(h.data(), h.size());
}

Result<std::string> AddToken(Store& store, const Role& role, const std::string& name) {
  if (sodium_init() < 0) return Status::Error("libsodium kon niet starten");
  if (!role.region()) {
    auto region = store.LoadRegion();
    if (!region.ok()) return region.status();
    if (region->Find(role.municipality) == nullptr) {
      return Status::Error("gemeente '" + role.municipality +
                           "' staat niet in de database");
    }
  }
  std::array<unsigned char, 24> raw{};
  randombytes_buf(raw.data(), raw.size());
  std::string token = "jr_" + Hex(raw.data(), raw.size());
  Status s = store.AddToken({HashToken(token), role.name(), name, ""});
  if (!s.ok()) return s;
  return token;
}

Result<std::vector<TokenInfo>> ListTokens(const Store& store) {
  auto tokens = store.LoadTokens();
  if (!tokens.ok()) return tokens.status();
  std::vector<TokenInfo> out;
  for (const StoredToken& t : *tokens) {
    auto role = ParseRole(t.role);
    if (!role.ok()) return role.status();
    out.push_back({t.name, *role, t.created});
  }
  return out;
}

Result<std::map<std::string, Role>> LoadTokenRoles(const Store& store) {
  auto tokens = store.LoadTokens();
  if (!tokens.ok()) return tokens.status();
  std::map<std::string, Role> out;
  for (const StoredToken& t : *tokens) {
    auto role = ParseRole(t.role);
    if (!role.ok()) return role.status();
    out.emplace(t.hash, *role);
  }
  return out;
}

}  // namespace jr::server
