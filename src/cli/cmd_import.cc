// jeugdregio import <kind> <file> | import <folder>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "care/pseudonym.h"
#include "cli/command.h"
#include "cli/import_run.h"
#include "cli/key_file.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db, key, first, second;
    bool replace = false;
  };
  auto o = std::make_shared<Opts>();
  auto* c = app.add_subcommand(
      "import",
      "importeer een CSV-bestand (import <soort> <bestand>), een iJw-bericht (import "
      "<bericht.xml>) of een map (import <map>: CSV-bestanden en *.xml)");
  AddDbOption(c, &o->db);
  AddKeyOption(c, &o->key);
  c->add_option("kind_or_folder", o->first,
                "soort (gemeenten, declaraties, ...), iJw-bericht (.xml) of map")
      ->required();
  c->add_option("file", o->second, "bestand");
  c->add_flag("--replace", o->replace,
              "vervang rijen met dezelfde sleutel en andere inhoud (anders een fout)");
  c->callback([o] {
    auto key_path = KeyPath(o->db, o->key);
    if (!key_path.ok()) Fail(key_path.status());
    auto store = OpenExisting(o->db);
    ImportOptions options;
    options.replace = o->replace;
    // The key must be the database's; without a key file BSNs are refused.
    auto key = LoadDatabaseKey(*store, o->db, *key_path, /*create=*/false);
    if (!key.ok()) Fail(key.status());
    if (key->key) options.pseudonymizer = &*key->key;
    if (o->second.empty()) {
      bool message = o->first.ends_with(".xml") || o->first.ends_with(".XML");
      if (!std::filesystem::is_directory(o->first) &&
          !(message && std::filesystem::is_regular_file(o->first))) {
        Fail(
            Status::Error(fmt::format("'{}' is geen map of iJw-bericht (.xml); gebruik "
                                      "'import <soort> <bestand>'",
                                      o->first)));
      }
      RunImport(*store, "", o->first, options);
      if (Status s = BindKey(*store, *key); !s.ok()) Fail(s);
      return;
    }
    auto kind = ImportKindFromName(o->first);
    if (!kind) {
      std::string kinds;
      for (ImportKind k : ImportOrder())
        kinds += (kinds.empty() ? "" : ", ") + std::string(ImportKindName(k));
      Fail(Status::Error(
          fmt::format("onbekende soort '{}' (kies uit: {})", o->first, kinds)));
    }
    RunImport(*store, o->first, o->second, options);
    if (Status s = BindKey(*store, *key); !s.ok()) Fail(s);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
