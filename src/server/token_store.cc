#include "server/token_store.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <ctime>

namespace jr::server {
namespace {

std::string Hex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

}  // namespace

std::string FormatUtc(std::chrono::system_clock::time_point t) {
  const std::time_t s = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&s, &tm);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string HashToken(std::string_view token) {
  std::array<unsigned char, crypto_generichash_BYTES> h{};
  crypto_generichash(h.data(), h.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return Hex(h.data(), h.size());
}

Result<std::string> AddToken(Store& store, const Role& role, const std::string& name,
                             int days) {
  if (sodium_init() < 0) return Status::Error("libsodium kon niet starten");
  if (days < 0 || days > 3660) {
    return Status::Error(
        fmt::format("--days {}: kies 1 tot 3660 dagen (0 = geen einde)", days));
  }
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
  const std::string expires =
      days == 0 ? ""
                : FormatUtc(std::chrono::system_clock::now() + std::chrono::days(days));
  Status s = store.AddToken({HashToken(token), role.name(), name, "", expires});
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
    out.push_back({t.hash.substr(0, 12), t.name, *role, t.created, t.expires});
  }
  return out;
}

Result<int> RevokeTokens(Store& store, const std::string& id, const std::string& name) {
  if (id.empty() == name.empty()) {
    return Status::Error("geef --id of --name (uit 'jeugdregio token list')");
  }
  if (!id.empty() && id.size() < 8) {
    return Status::Error("--id: geef minstens 8 tekens van het kenmerk");
  }
  auto tokens = store.LoadTokens();
  if (!tokens.ok()) return tokens.status();
  auto tx = Transaction::Begin(store);
  if (!tx.ok()) return tx.status();
  int revoked = 0;
  for (const StoredToken& t : *tokens) {
    if (id.empty() ? t.name != name : !t.hash.starts_with(id)) continue;
    auto n = store.DeleteToken(t.hash);
    if (!n.ok()) return n.status();
    revoked += static_cast<int>(*n);
  }
  if (revoked == 0) {
    return Status::Error(id.empty() ? "geen token met de omschrijving '" + name + "'"
                                    : "geen token met kenmerk '" + id + "'");
  }
  Status s = tx.value().Commit();
  if (!s.ok()) return s;
  return revoked;
}

Result<std::map<std::string, Role>> LoadTokenRoles(
    const Store& store, std::chrono::system_clock::time_point now) {
  auto tokens = store.LoadTokens();
  if (!tokens.ok()) return tokens.status();
  const std::string at = FormatUtc(now);
  std::map<std::string, Role> out;
  for (const StoredToken& t : *tokens) {
    if (!t.expires.empty() && t.expires <= at) continue;  // expired
    auto role = ParseRole(t.role);
    if (!role.ok()) return role.status();
    out.emplace(t.hash, *role);
  }
  return out;
}

}  // namespace jr::server
