// jeugdregio settle: who pays what under a settlement model (DESIGN.md §2.4), several
// models side by side, a series of years, and the risk of each model by bootstrap.
#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/command.h"
#include "settle/builtin_models.h"
#include "settle/model_file.h"
#include "settle/risk.h"
#include "settle/settlement.h"
#include "settle/settlement_loader.h"
#include "settle/settlement_tables.h"

namespace jr::cli {
namespace {

struct SettleOptions {
  std::string db;                        // database file
  OutputFormat format;                   // table, csv or json
  int year = 0;                          // the year settled; 0 = last year with data
  std::string years;                     // "A-B": a series of years instead of --year
  std::string model = "solidair";        // the model (built-in name or from --model-file)
  std::string compare;                   // "M1,M2,...": models side by side
  std::vector<std::string> model_files;  // model files (TOML) whose models can be named
  bool risk = false;                     // bootstrap risk instead of the settlement
  int runs = 1000;                       // bootstrap runs
  uint64_t seed = 1;                     // seed of the bootstrap
  int threads = 0;                       // worker threads (0 = all cores)
};

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// --years "A-B" as (A, B); exits with a Dutch message when it is not such a range.
std::pair<int, int> ParseYearRange(const std::string& text) {
  int a = 0, b = 0;
  char dash = 0;
  std::istringstream in(text);
  if (!(in >> a >> dash >> b) || dash != '-' || a > b || !in.eof()) {
    Fail(Status::Error(fmt::format("--years '{}' is geen reeks als 2015-2018", text)));
  }
  return {a, b};
}

// Loads the models named by --model / --compare, from --model-file or built in.
std::vector<settle::Model> ResolveModels(const SettleOptions& o, bool model_given) {
  std::vector<settle::Model> from_files;
  for (const std::string& file : o.model_files) {
    auto m = settle::LoadModelFile(file);
    if (!m.ok()) Fail(m.status());
    from_files.push_back(std::move(m).value());
  }
  std::vector<std::string> names = SplitList(o.compare);
  if (names.empty()) {
    names.push_back(!model_given && !from_files.empty() ? from_files.front().name : o.model);
  }
  std::vector<settle::Model> out;
  for (const std::string& name : names) {
    auto it = std::find_if(from_files.begin(), from_files.end(),
                           [&](const settle::Model& m) { return m.name == name; });
    if (it != from_files.end()) {
      out.push_back(std::move(*it));
      from_files.erase(it);
      continue;
    }
    auto m = settle::BuiltinModel(name);
    if (!m.ok()) Fail(m.status());
    out.push_back(std::move(m).value());
  }
  return out;
}

// The years asked: --years A-B, --year Y, or the last year with data.
std::vector<int> ResolveYears(const SettleOptions& o, const settle::SettlementInput& input) {
  if (input.years.empty()) {
    // Only the years asked were read, so an empty input may mean just those are empty.
    Fail(Status::Error(o.year == 0 && o.years.empty()
                           ? "geen gegevens om te verrekenen; importeer eerst declaraties"
                       : o.years.empty() ? fmt::format("geen gegevens voor jaar {}", o.year)
                                         : fmt::format("geen gegevens voor de jaren {}", o.years)));
  }
  if (!o.years.empty()) {
    const auto [first, last] = ParseYearRange(o.years);
    std::vector<int> out;
    for (int y = first; y <= last; ++y) out.push_back(y);
    return out;
  }
  return {o.year != 0 ? o.year : input.years.rbegin()->first};
}

// Only the years asked and those the rules look back on are read, and per-client costs
// only when needed (risk, pool rules): grouping the declarations is most of the time.
settle::SettlementLoadOptions LoadOptions(const SettleOptions& o,
                                          const std::vector<settle::Model>& models) {
  settle::SettlementLoadOptions out;
  out.client_costs = o.risk;
  for (const settle::Model& m : models) {
    out.client_costs = out.client_costs || m.needs().client_costs;
    out.lookback = std::max(out.lookback, m.needs().lookback);
  }
  out.first_year = out.last_year = o.year;
  if (!o.years.empty()) {
    const auto [first, last] = ParseYearRange(o.years);
    out.first_year = first;
    out.last_year = last;
  }
  return out;
}

void Run(const SettleOptions& o, bool model_given) {
  std::vector<settle::Model> models = ResolveModels(o, model_given);
  auto store = OpenExisting(o.db);
  auto input = settle::LoadSettlementInput(*store, LoadOptions(o, models));
  if (!input.ok()) Fail(input.status());
  const std::vector<int> years = ResolveYears(o, *input);
  const std::string dataset = store->GetMeta("dataset");
  const std::string suffix = dataset.empty() ? "" : " (" + dataset + ")";

  if (o.risk) {
    if (years.size() != 1) Fail(Status::Error("--risk werkt op één jaar; gebruik --year"));
    std::vector<const settle::Model*> pointers;
    for (const settle::Model& m : models) pointers.push_back(&m);
    settle::RiskOptions options{o.runs, o.seed, ResolveThreads(o.threads)};
    auto risk = settle::SimulateRisk(*input, pointers, years.front(), options);
    if (!risk.ok()) Fail(risk.status());
    Table t = settle::RiskTable(*risk);
    t.title += suffix;
    Print(t, o.format);
    return;
  }

  std::vector<settle::YearSettlement> results;
  for (const settle::Model& model : models) {
    for (int year : years) {
      auto s = settle::SettleYear(*input, model, year);
      if (!s.ok()) Fail(s.status());
      results.push_back(std::move(s).value());
    }
  }
  const bool people = o.format == OutputFormat::kTable;
  Table t = people && years.size() == 1 && models.size() > 1
                ? settle::CompareTable(results)
                : settle::SettlementTable(results, people);
  t.title += suffix;
  if (people) {
    for (const settle::Model& m : models) {
      t.notes.push_back(fmt::format("Model {}: {} (standaardregel {}; vaste kosten {}).", m.name,
                                    m.description, m.default_rule.rule->name(),
                                    m.fixed_rule.rule->name()));
    }
  }
  Print(t, o.format);
}

void Register(CLI::App& app) {
  auto o = std::make_shared<SettleOptions>();
  auto* c = app.add_subcommand(
      "settle", "verrekening: wie betaalt wat onder een solidariteitsmodel, en met welk risico");
  AddDbOption(c, &o->db);
  AddFormatOption(c, &o->format);
  AddThreadsOption(c, &o->threads);
  AddSeedOption(c, &o->seed);
  c->add_option("--year", o->year, "het jaar (standaard: het laatste jaar met gegevens)");
  c->add_option("--years", o->years, "een reeks jaren, bijvoorbeeld 2015-2018");
  auto* model = c->add_option("--model", o->model,
                              fmt::format("het model: {} of een model uit --model-file",
                                          fmt::join(settle::BuiltinModelNames(), ", ")))
                    ->capture_default_str();
  c->add_option("--compare", o->compare, "modellen naast elkaar, bijvoorbeeld solidair,profijt");
  c->add_option("--model-file", o->model_files, "modelbestand (TOML, zie docs/settle.md)")
      ->check(CLI::ExistingFile);
  c->add_flag("--risk", o->risk, "risico per gemeente en model (bootstrap van cliënten)");
  c->add_option("--runs", o->runs, "aantal bootstrapruns bij --risk")
      ->check(CLI::Range(2, 1000000))
      ->capture_default_str();
  c->callback([o, model] { Run(*o, model->count() > 0); });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
