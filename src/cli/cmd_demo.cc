// jeugdregio demo: writes the synthetic demo region as CSV files and imports them
// through the same importer a region uses, so the demo exercises the real path.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "care/pseudonym.h"
#include "cli/command.h"
#include "cli/import_run.h"
#include "cli/key_file.h"
#include "demo/demo_region.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db, key, dir = "demo-data";
    uint64_t seed = 1;
    double scale = 1.0;
    bool ijw = false;
  };
  auto o = std::make_shared<Opts>();
  auto* c = app.add_subcommand(
      "demo", "schrijf de demoregio (synthetische gegevens) als CSV en importeer die");
  AddDbOption(c, &o->db);
  AddKeyOption(c, &o->key);
  AddSeedOption(c, &o->seed);
  c->add_option("--dir", o->dir, "map voor de CSV-bestanden")->capture_default_str();
  c->add_option("--scale", o->scale, "omvang (1 = ~14.000 cliënten per jaar)")
      ->check(CLI::Range(0.001, 10.0))
      ->capture_default_str();
  c->add_flag("--ijw", o->ijw,
              "schrijf de regio ook als iJw-berichten (JW301, JW305, JW307, JW323) in "
              "<dir>/ijw/ en importeer die in plaats van toewijzingen.csv en "
              "declaraties.csv");
  c->callback([o] {
    auto key_path = KeyPath(o->db, o->key);
    if (!key_path.ok()) Fail(key_path.status());
    auto store = Store::Open(o->db);
    if (!store.ok()) Fail(store.status());
    // As init: a new key only for a database without clients, never another key.
    auto key = LoadDatabaseKey(*store.value(), o->db, *key_path, /*create=*/true);
    if (!key.ok()) Fail(key.status());
    DemoOptions options;
    options.seed = o->seed;
    options.dir = o->dir;
    options.scale = o->scale;
    options.ijw = o->ijw;
    DemoSummary summary;
    std::cerr << "Demoregio schrijven naar " << o->dir << " ..." << std::endl;
    auto t0 = std::chrono::steady_clock::now();
    Status s = WriteDemoRegion(options, &summary);
    if (!s.ok()) Fail(s);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    int64_t rows = 0;
    for (const auto& [file, n] : summary.rows) rows += n;
    std::cout << fmt::format("Demoregio ({}) geschreven: {} rijen in {:.1f} s\n",
                             kDemoRegionLabel, FormatNumber(static_cast<double>(rows), 0),
                             seconds);
    std::cout << fmt::format("Instellingen (TOML) van de demoregio in {}: {}\n", o->dir,
                             fmt::join(summary.config_files, ", "));
    if (o->ijw) {
      const demo::IjwFileCounts& n = summary.ijw_files;
      std::cout << fmt::format(
          "iJw-berichten in {}: {} JW301, {} JW305, {} JW307, {} JW323 (synthetische "
          "BSN's)\n",
          (std::filesystem::path(o->dir) / "ijw").string(),
          FormatNumber(static_cast<double>(n.jw301), 0),
          FormatNumber(static_cast<double>(n.jw305), 0),
          FormatNumber(static_cast<double>(n.jw307), 0),
          FormatNumber(static_cast<double>(n.jw323), 0));
    }
    ImportOptions import;
    import.pseudonymizer = &*key->key;
    if (o->ijw) {
      // The master data as CSV, the care data through the messages: the real path.
      RunImportFolders(*store.value(),
                       {o->dir, (std::filesystem::path(o->dir) / "ijw").string()},
                       {ImportKind::kAssignments, ImportKind::kDeclarations}, import,
                       "Niet ingelezen (dezelfde gegevens komen uit de iJw-berichten)");
    } else {
      RunImport(*store.value(), "", o->dir, import);
    }
    s = BindKey(*store.value(), *key);
    if (s.ok()) s = store.value()->SetMeta("dataset", kDemoRegionLabel);
    if (s.ok()) {
      // Relative to the database's folder (for a postgresql:// URL: to the current
      // folder): no absolute path of this machine is stored (issue 15 item 13);
      // DemoDir resolves it again.
      namespace fs = std::filesystem;
      const fs::path db_dir =
          Store::IsUrl(o->db) ? fs::current_path() : fs::absolute(o->db).parent_path();
      s = store.value()->SetMeta(
          kDemoDirMeta,
          fs::absolute(o->dir).lexically_normal().lexically_relative(db_dir).string());
    }
    if (!s.ok()) Fail(s);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
