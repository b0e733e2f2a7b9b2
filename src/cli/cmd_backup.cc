// jeugdregio backup: a consistent copy of the database while it is in use (SQLite's
// online backup), private (mode 0600). The pseudonymisation key is not in the database
// and not in the copy: it is backed up separately (docs/operations.md).
#include <fmt/format.h>

#include <iostream>

#include "cli/command.h"
#include "cli/key_file.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db;
    std::string out;
    std::string key;
  };
  auto o = std::make_shared<Opts>();
  auto* c = app.add_subcommand(
      "backup",
      "reservekopie van de database terwijl die in gebruik is (zonder de sleutel)");
  AddDbOption(c, &o->db);
  c->add_option("--out", o->out, "het nieuwe bestand (mode 0600; wordt vervangen)")
      ->required();
  AddKeyOption(c, &o->key);
  c->callback([o] {
    if (o->db.starts_with("postgres://") || o->db.starts_with("postgresql://")) {
      Fail(
          Status::Error("'jeugdregio backup' maakt alleen een reservekopie van een "
                        "SQLite-databasebestand; "
                        "gebruik voor PostgreSQL pg_dump"));
    }
    if (o->out == o->db) {
      Fail(Status::Error("--out is de database zelf; kies een ander bestand"));
    }
    auto store = OpenExisting(o->db);
    Status s = store->BackupTo(o->out);
    if (!s.ok()) Fail(s);
    auto key_path = KeyPath(o->db, o->key);
    const std::string key = key_path.ok() ? *key_path : o->key;
    std::cout << fmt::format(
        "Reservekopie gemaakt: {} (mode 0600).\n"
        "De sleutel {} zit er niet in: bewaar die apart (bijvoorbeeld offline); zonder "
        "die sleutel kunnen nieuwe bestanden met BSN's niet aan de opgeslagen cliënten "
        "worden gekoppeld.\n",
        o->out, key);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
