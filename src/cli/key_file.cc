#include "cli/key_file.h"

#include <fmt/format.h>

#include <iostream>

namespace jr::cli {

void AddKeyOption(CLI::App* c, std::string* key) {
  c->add_option("--key", *key,
                "sleutelbestand voor pseudonimisering (standaard: <db>.key; verplicht "
                "bij een postgresql://-database)");
}

Result<std::string> KeyPath(const std::string& db, const std::string& key) {
  if (!key.empty()) return key;
  if (Store::IsUrl(db)) {
    return Status::Error(
        "geef bij een PostgreSQL-database het sleutelbestand met --key BESTAND: de "
        "sleutel staat nooit in de database, dus ook niet ernaast; elke analist van de "
        "regio gebruikt een kopie van hetzelfde sleutelbestand (mode 0600)");
  }
  return db + ".key";
}

Result<DatabaseKey> LoadDatabaseKey(Store& store, const std::string& db,
                                    const std::string& path, bool create, Env& env) {
  const std::string stored = store.GetMeta(kKeyFingerprintMeta);
  const int64_t clients = store.Count("client_residence") + store.Count("assignment");
  DatabaseKey out;
  if (!env.FileExists(path)) {
    if (!stored.empty()) {
      return Status::Error(
          fmt::format("sleutelbestand ontbreekt, maar database {} is met een sleutel "
                      "gepseudonimiseerd: zet dat sleutelbestand terug (of geef het pad "
                      "met --key); maak geen nieuwe sleutel, want dan krijgt elke cliënt "
                      "een nieuw pseudoniem",
                      db),
          {path});
    }
    if (!create) return out;  // the importer refuses BSNs without a key
    if (clients > 0) {
      return Status::Error(
          fmt::format("sleutelbestand ontbreekt en database {} heeft al cliënten: er "
                      "wordt geen nieuwe sleutel gemaakt (elke cliënt kreeg dan een "
                      "nieuw pseudoniem); zet het sleutelbestand waarmee de database is "
                      "gevuld terug op deze plek of geef het pad met --key",
                      db),
          {path});
    }
    Status s = Pseudonymizer::CreateKeyFile(path, env);
    if (!s.ok()) return s;
    out.created = true;
  }
  auto key = Pseudonymizer::FromKeyFile(path, env);
  if (!key.ok()) return key.status();
  if (auto mode = env.FileMode(path); mode.ok() && (*mode & 077) != 0) {
    std::cerr << fmt::format(
        "waarschuwing: {}: sleutelbestand is leesbaar voor anderen (mode {:04o}); maak "
        "het privé met 'chmod 600 {}'\n",
        path, *mode, path);
  }
  const std::string fingerprint = key->Fingerprint();
  if (!stored.empty() && stored != fingerprint) {
    return Status::Error(
        fmt::format("sleutelbestand hoort niet bij database {} (de vingerafdruk in de "
                    "database is van een andere sleutel): geef het sleutelbestand "
                    "waarmee de database is gevuld met --key; er is niets gewijzigd",
                    db),
        {path});
  }
  if (stored.empty()) {
    if (clients == 0) {
      out.bind = true;
    } else {
      std::cerr << fmt::format(
          "waarschuwing: {}: database {} heeft al cliënten maar nog geen vingerafdruk "
          "van de sleutel; niet te controleren of dit de sleutel is waarmee ze zijn "
          "gepseudonimiseerd\n",
          path, db);
    }
  }
  out.key = std::move(key).value();
  return out;
}

Status BindKey(Store& store, const DatabaseKey& k) {
  if (!k.bind || !k.key) return Status::Ok();
  return store.SetMeta(kKeyFingerprintMeta, k.key->Fingerprint());
}

}  // namespace jr::cli
