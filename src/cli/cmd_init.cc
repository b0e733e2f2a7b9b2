// jeugdregio init: creates the database (mode 0600) and the pseudonymisation key file,
// and binds the key to the database (cli/key_file.h).
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
    auto key = KeyPath(o->db, o->key);
    if (!key.ok()) Fail(key.status());
    bool existed = DatabaseExists(o->db) && Store::Open(o->db, /*create=*/false).ok();
    auto store = Store::Open(o->db);
    if (!store.ok()) Fail(store.status());
    // Never a new key for a database with clients; another key is refused.
    auto k = LoadDatabaseKey(*store.value(), o->db, *key, /*create=*/true);
    if (!k.ok()) Fail(k.status());
    if (Status s = BindKey(*store.value(), *k); !s.ok()) Fail(s);
    std::cout << (existed ? "Database bestaat al (schemaversie "
                          : "Database aangemaakt (schemaversie ")
              << store.value()->SchemaVersion() << "): " << o->db << "\n"
              << (k->created ? "Sleutelbestand aangemaakt: "
                             : "Sleutelbestand bestaat al: ")
              << *key << "\n";
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
