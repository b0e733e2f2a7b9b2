// Where the pseudonymisation key lives: --key PATH, default "<db>.key" beside the
// database (never inside it).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace jr::cli {

void AddKeyOption(CLI::App* c, std::string* key);
// The key path for a database: `key` if given, else db + ".key".
std::string KeyPath(const std::string& db, const std::string& key);

}  // namespace jr::cli
