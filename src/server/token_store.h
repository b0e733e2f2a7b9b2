// API tokens: created by `jeugdregio token add`, stored only as a hash (BLAKE2b) with
// their role, checked by the server. The token itself is shown once and never stored.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "server/role.h"
#include "store/store.h"

namespace jr::server {

struct TokenInfo {
  std::string name;  // free label, e.g. "controller Dordrecht"
  Role role;
  std::string created;  // "YYYY-MM-DD HH:MM:SS" UTC
};

// Hash of a token as stored (hex BLAKE2b-256).
std::string HashToken(std::string_view token);

// Creates a random token with `role`, stores its hash and returns the token (the only
// time it is visible). Fails (Dutch) on a database error or, for a municipality role,
// when the municipality is not in the store.
Result<std::string> AddToken(Store& store, const Role& role, const std::string& name);

// All tokens, oldest first (without hashes).
Result<std::vector<TokenInfo>> ListTokens(const Store& store);

// hash -> role of every token, for the server (tokens added later need a restart).
Result<std::map<std::string, Role>> LoadTokenRoles(const Store& store);

}  // namespace jr::server
