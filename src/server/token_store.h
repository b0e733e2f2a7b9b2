// API tokens: created by `jeugdregio token add`, stored only as a hash (BLAKE2b) with
// their role, checked by the server. The token itself is shown once and never stored.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "server/role.h"
#include "store/store.h"

namespace jr::server {

struct TokenInfo {
  std::string id;    // the first 12 hex digits of its hash: names it in `token revoke`
  std::string name;  // free label, e.g. "controller Dordrecht"
  Role role;
  std::string created;  // "YYYY-MM-DD HH:MM:SS" UTC
  std::string expires;  // "YYYY-MM-DD HH:MM:SS" UTC; "" = never
};

// `t` as "YYYY-MM-DD HH:MM:SS" in UTC (how the store writes times).
std::string FormatUtc(std::chrono::system_clock::time_point t);

// Hash of a token as stored (hex BLAKE2b-256).
std::string HashToken(std::string_view token);

// Creates a random token with `role`, stores its hash and returns the token (the only
// time it is visible). It expires `days` days from now (0 = never). Fails (Dutch) on a
// database error or, for a municipality role, when the municipality is not in the
// store.
Result<std::string> AddToken(Store& store, const Role& role, const std::string& name,
                             int days = 0);

// Revokes the tokens whose id (TokenInfo::id, or a longer prefix of the hash) is `id`,
// or, with `id` empty, every token named `name`. The number revoked; an error (Dutch)
// when none matches.
Result<int> RevokeTokens(Store& store, const std::string& id, const std::string& name);

// All tokens, oldest first (without hashes).
Result<std::vector<TokenInfo>> ListTokens(const Store& store);

// hash -> role of every token not expired at `now`, for the server (which reloads
// them while it runs: server/api.h).
Result<std::map<std::string, Role>> LoadTokenRoles(
    const Store& store,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace jr::server
