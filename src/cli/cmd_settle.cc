// jeugdregio settle: who pays what under a settlement model (DESIGN.md §2.4), several
// models side by side, a series of years, and the risk of each model by bootstrap.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sstream>
#include <tuple>

#include "cli/command.h"
#include "settle/builtin_models.h"
#include "settle/settle_run.h"
#include "settle/settlement_tables.h"

namespace jr::cli {
namespace {

struct SettleCliOptions {
  std::string db;                        // database file
  OutputFormat format;                   // table, csv or json
  int year = 0;                          // the year settled; 0 = last year with data
  std::string years;                     // "A-B": a series of years instead of --year
  std::string model = "solidair";        // the model (built-in name or from --model-file)
  std::string compare;                   // "M1,M2,...": models side by side
  std::vector<std::string> model_files;  // model files (TOML) whose models can be named
  std::string key;                       // another key for every keyed rule (what-if)
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

// The options of settle::Run: the models named by --compare or --model (none: the
// first of --model-file, else solidair), the years of --years or --year.
settle::SettleOptions RunOptions(const SettleCliOptions& o, bool model_given) {
  settle::SettleOptions out;
  out.models = SplitList(o.compare);
  if (out.models.empty() && model_given) out.models.push_back(o.model);
  out.model_files = o.model_files;
  out.key = o.key;
  out.first_year = out.last_year = o.year;
  if (!o.years.empty()) std::tie(out.first_year, out.last_year) = ParseYearRange(o.years);
  out.risk = o.risk;
  out.risk_options = {o.runs, o.seed, ResolveThreads(o.threads)};
  return out;
}

void Run(const SettleCliOptions& o, bool model_given) {
  const settle::SettleOptions options = RunOptions(o, model_given);
  auto store = OpenExisting(o.db);
  if (o.risk) {
    Progress("settle",
             fmt::format("risico met {} bootstrapruns per model en jaar ...", o.runs));
  }
  auto settled = settle::Run(*store, options);
  if (!settled.ok()) Fail(settled.status());
  const std::string dataset = store->GetMeta("dataset");

  if (o.risk) {
    Table t = settle::RiskTable(*settled->risk);
    LabelTable(t, dataset, o.format);
    Print(t, o.format);
    return;
  }
  const std::vector<settle::YearSettlement> results = settled->All();
  const bool people = o.format == OutputFormat::kTable;
  const bool one_year = options.first_year == options.last_year;
  Table t = people && one_year && settled->models.size() > 1
                ? settle::CompareTable(results)
                : settle::SettlementTable(results, people);
  if (people) {
    for (const settle::ModelSettlement& m : settled->models) {
      t.notes.push_back(fmt::format("Model {}: {} (standaardregel {}; vaste kosten {}).",
                                    m.name, m.description, m.default_rule, m.fixed_rule));
    }
  }
  LabelTable(t, dataset, o.format);
  Print(t, o.format);
}
void Register(CLI::App& app) {
  auto o = std::make_shared<SettleCliOptions>();
  auto* c = app.add_subcommand(
      "settle",
      "verrekening: wie betaalt wat onder een solidariteitsmodel, en met welk risico");
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
  c->add_option("--compare", o->compare,
                "modellen naast elkaar, bijvoorbeeld solidair,profijt");
  c->add_option("--model-file", o->model_files, "modelbestand (TOML, zie docs/settle.md)")
      ->check(CLI::ExistingFile);
  c->add_option(
      "--key", o->key,
      "wat-als: elke regel met een verdeelsleutel en de vaste kosten verdelen naar "
      "deze sleutel (inwoners, jeugdigen, rijksbijdrage of een eigen sleutel)");
  c->add_flag("--risk", o->risk, "risico per gemeente en model (bootstrap van cliënten)");
  c->add_option("--runs", o->runs, "aantal bootstrapruns bij --risk")
      ->check(CLI::Range(2, 1000000))
      ->capture_default_str();
  c->callback([o, model] { Run(*o, model->count() > 0); });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
