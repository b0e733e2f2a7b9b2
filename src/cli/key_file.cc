#include "cli/key_file.h"

namespace jr::cli {

void AddKeyOption(CLI::App* c, std::string* key) {
  c->add_option("--key", *key,
                "sleutelbestand voor pseudonimisering (standaard: <db>.key)");
}

std::string KeyPath(const std::string& db, const std::string& key) {
  return key.empty() ? db + ".key" : key;
}

}  // namespace jr::cli
