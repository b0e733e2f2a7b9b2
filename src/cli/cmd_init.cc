// jeugdregio init: creates the database (mode 0600) and the pseudonymisation key file.
#include <filesystem>
#include <iostream>

#include "care/pseudonym.h"
#include "cli/command.h"
#include "cli/key_file.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db, key;
  };
  auto o = std::make_shared<Opts>();
  auto* c =
      app.add_subcommand("init", "maak een lege database en een sleutelbestand aan");
  AddDbOption(c, &o->db);
  AddKeyOption(c, &o->key);
  c->callback([o] {
    bool existed = std::filesystem::exists(o->db);
    auto store = Store::Open(o->db);
    if (!store.ok()) Fail(store.status());
    std::string key = KeyPath(o->db, o->key);
    bool key_existed = std::filesystem::exists(key);
    if (!key_existed) {
      Status s = Pseudonymizer::CreateKeyFile(key);
      if (!s.ok()) Fail(s);
    }
    std::cout << (existed ? "Database bestaat al (schemaversie "
                          : "Database aangemaakt (schemaversie ")
              << store.value()->SchemaVersion() << "): " << o->db << "\n"
              << (key_existed ? "Sleutelbestand bestaat al: "
                              : "Sleutelbestand aangemaakt: ")
              << key << "\n";
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
