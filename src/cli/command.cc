#include "cli/command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <thread>
#include <vector>

#include "report/csv_nl.h"

namespace jr::cli {
namespace {

std::vector<Registrar>& Registry() {
  static std::vector<Registrar> r;
  return r;
}

}  // namespace

bool RegisterCommand(Registrar r) {
  Registry().push_back(r);
  return true;
}

void RegisterAll(CLI::App& app) {
  for (Registrar r : Registry()) r(app);
}

void AddDbOption(CLI::App* c, std::string* db) {
  *db = kDefaultDb;
  c->add_option("--db", *db,
                "databasebestand, of postgresql://gebruiker@host/dbnaam[?schema=NAAM] "
                "(wachtwoord uit ~/.pgpass of PGPASSWORD)")
      ->capture_default_str();
}

bool DatabaseExists(const std::string& db) {
  return Store::IsUrl(db) || std::filesystem::exists(db);
}

void AddFormatOption(CLI::App* c, OutputFormat* f) {
  *f = OutputFormat::kTable;
  std::map<std::string, OutputFormat> names{{"table", OutputFormat::kTable},
                                            {"csv", OutputFormat::kCsv},
                                            {"json", OutputFormat::kJson}};
  c->add_option("--format", *f,
                "uitvoer: table (voor mensen), csv of json (voor machines)")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
      ->default_str("table");
}

void AddThreadsOption(CLI::App* c, int* threads) {
  *threads = 0;
  c->add_option("--threads", *threads, "aantal threads (0 = alle kernen)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
}

int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

void AddSeedOption(CLI::App* c, uint64_t* seed) {
  *seed = 1;
  c->add_option("--seed", *seed, "startgetal (seed) van de toevalsgetallen")
      ->capture_default_str();
}

void AddViewOption(CLI::App* c, std::string* view,
                   const std::vector<std::string>& views) {
  std::string help = "welk deel: ";
  for (size_t i = 0; i < views.size(); ++i) {
    help += (i == 0 ? "" : i + 1 == views.size() ? " of " : ", ") + views[i];
  }
  c->add_option("--view", *view, help)
      ->check(CLI::IsMember(views))
      ->capture_default_str();
}

void Fail(const Status& s, int code) {
  std::cerr << "fout: " << s.ToString() << "\n";
  std::cerr.flush();
  throw CLI::RuntimeError(code);
}

void AddConfigOption(CLI::App* c, std::string* config, const char* default_name) {
  c->add_option(
      "--config", *config,
      fmt::format("TOML input (default: ./{0}, else {0} in the demo folder of --db)",
                  default_name));
}

std::string DemoDir(const Store& store, const std::string& db) {
  namespace fs = std::filesystem;
  const std::string dir = store.GetMeta(kDemoDirMeta);
  if (dir.empty()) return "";
  if (fs::path(dir).is_absolute() || Store::IsUrl(db)) return dir;  // URL: from here
  return (fs::path(db).parent_path() / dir).lexically_normal().string();
}

std::string ResolveConfigFile(const std::string& config, const char* default_name,
                              const std::string& db) {
  namespace fs = std::filesystem;
  if (!config.empty()) {
    if (fs::is_regular_file(config)) return config;
    Fail(Status::Error("bestand ontbreekt; controleer --config", {config}));
  }
  if (fs::is_regular_file(default_name)) return default_name;
  std::string tried = "niet in de huidige map";
  if (Store::IsUrl(db) || fs::is_regular_file(db)) {
    auto store = Store::Open(db, /*create=*/false);
    std::string dir = store.ok() ? DemoDir(*store.value(), db) : "";
    if (!dir.empty()) {
      std::string in_demo = (fs::path(dir) / default_name).string();
      if (fs::is_regular_file(in_demo)) return in_demo;
      tried += fmt::format(" en niet in de demomap {} van {}", dir, db);
    } else {
      tried += fmt::format(" en {} kent geen demomap", db);
    }
  } else {
    tried += fmt::format(" en database {} bestaat niet", db);
  }
  Fail(Status::Error(
      fmt::format(
          "bestand ontbreekt ({}); geef het met --config BESTAND, of schrijf de "
          "demoregio met 'jeugdregio demo --db {} --dir MAP' (die schrijft {} in MAP)",
          tried, db, default_name),
      {default_name}));
}

std::unique_ptr<Store> OpenExisting(const std::string& db) {
  if (!DatabaseExists(db)) {
    Fail(
        Status::Error("database bestaat niet; maak hem aan met 'jeugdregio init'", {db}));
  }
  auto store = Store::Open(db, /*create=*/false);
  if (!store.ok()) Fail(store.status());
  return std::move(store).value();
}

std::string DatasetLabel(const std::string& db) {
  if (!std::filesystem::is_regular_file(db)) return "";
  auto store = Store::Open(db, /*create=*/false);
  return store.ok() ? store.value()->GetMeta("dataset") : "";
}

void LabelTable(Table& t, const std::string& label, OutputFormat format) {
  if (label.empty()) return;
  t.title += " (" + label + ")";
  if (format == OutputFormat::kCsv) t = report::WithDataset(std::move(t), label);
}

void LabelTables(std::vector<Section>& sections, const std::string& label,
                 OutputFormat format) {
  for (Section& s : sections) LabelTable(s.table, label, format);
}

void Progress(const std::string& command, const std::string& step) {
  if (isatty(STDERR_FILENO)) std::cerr << command << ": " << step << std::endl;
}

void Print(const Table& t, OutputFormat f) { std::cout << Render(t, f) << std::flush; }

}  // namespace jr::cli
