// Where the pseudonymisation key lives: --key PATH, default "<db>.key" beside the
// database file (never inside it), and how it is bound to its database. A database on
// a server (a postgresql:// URL) has nothing to be beside: there --key is required,
// and every analyst of the region uses a copy of the same key file (mode 0600).
//
// The database stores the key's fingerprint (meta kKeyFingerprintMeta,
// Pseudonymizer::Fingerprint) from the first use of the key with it: `init`, or the
// first successful import into an older database without a fingerprint and without
// clients. Another key is refused; a missing key is never replaced by a new one once
// the database has clients (each client would get a new pseudonym).
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "care/pseudonym.h"
#include "core/env.h"
#include "store/store.h"

namespace jr::cli {

void AddKeyOption(CLI::App* c, std::string* key);
// The key path for a database: `key` if given, else db + ".key" for a file; for a
// URL without `key` a Dutch error that asks for --key.
Result<std::string> KeyPath(const std::string& db, const std::string& key);

// The store's meta key holding the fingerprint of the database's key.
inline constexpr const char* kKeyFingerprintMeta = "key_fingerprint";

// The key of a database, checked against the database.
struct DatabaseKey {
  std::optional<Pseudonymizer> key;  // empty: no key file (and none is needed yet)
  bool created = false;              // the key file was made now (`create`)
  bool bind = false;  // the database has no fingerprint yet: BindKey after first use
};

// Loads the key file `path` for `store` (the database `db`). Errors (Dutch, at the
// key file; they say what to do): a key file that cannot be read or holds no key (the
// real error); a key whose fingerprint is not the database's; a missing key file when
// the database has a fingerprint, or — with `create` — when it has clients. With
// `create` a missing key file is made (mode 0600) for a database without clients and
// without fingerprint. Warns once on stderr when the key file can be read by others
// (mode looser than 0600), or when an older database with clients has no fingerprint
// to check the key against.
Result<DatabaseKey> LoadDatabaseKey(Store& store, const std::string& db,
                                    const std::string& path, bool create,
                                    Env& env = Env::Default());

// Stores the key's fingerprint in the database when `k.bind` (after its first use).
Status BindKey(Store& store, const DatabaseKey& k);

}  // namespace jr::cli
