#include "server/token_store.h"

#include <sodium.h>

#include <array>

#include <fmt/format.h>

#include "store/statement.h"

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
  crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(h.data(), h.size());
}

Result<std::string> AddToken(Store& store, const Role& role, const std::string& name) {
  if (sodium_init() < 0) return Status::Error("libsodium kon niet starten");
  if (!role.region()) {
    auto region = store.LoadRegion();
    if (!region.ok()) return region.status();
    if (region->Find(role.municipality) == nullptr) {
      return Status::Error("gemeente '" + role.municipality + "' staat niet in de database");
    }
  }
  std::array<unsigned char, 24> raw{};
  randombytes_buf(raw.data(), raw.size());
  std::string token = "jr_" + Hex(raw.data(), raw.size());
  Statement insert(store.handle(),
                   "INSERT INTO api_token (hash, role, name, created) "
                   "VALUES (?, ?, ?, datetime('now'))");
  insert.Bind(1, HashToken(token)).Bind(2, role.name()).Bind(3, name);
  Status s = insert.Run();
  if (!s.ok()) return s;
  return token;
}

Result<std::vector<TokenInfo>> ListTokens(const Store& store) {
  Statement q(store.handle(), "SELECT name, role, created FROM api_token ORDER BY rowid");
  std::vector<TokenInfo> out;
  while (q.Step()) {
    auto role = ParseRole(q.Text(1));
    if (!role.ok()) return role.status();
    out.push_back({q.Text(0), *role, q.Text(2)});
  }
  if (!q.status().ok()) return q.status();
  return out;
}

Result<std::map<std::string, Role>> LoadTokenRoles(const Store& store) {
  Statement q(store.handle(), "SELECT hash, role FROM api_token");
  std::map<std::string, Role> out;
  while (q.Step()) {
    auto role = ParseRole(q.Text(1));
    if (!role.ok()) return role.status();
    out.emplace(q.Text(0), *role);
  }
  if (!q.status().ok()) return q.status();
  return out;
}

}  // namespace jr::server
