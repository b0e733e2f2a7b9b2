// jeugdregio stats: care use per municipality and year.
#include <cmath>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/command.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db;
    OutputFormat format;
    int year = 0;
  };
  auto o = std::make_shared<Opts>();
  auto* c = app.add_subcommand("stats", "cliënten, toewijzingen en kosten per gemeente en jaar");
  AddDbOption(c, &o->db);
  AddFormatOption(c, &o->format);
  c->add_option("--year", o->year, "alleen dit jaar");
  c->callback([o] {
    auto store = OpenExisting(o->db);
    auto region = store->LoadRegion();
    if (!region.ok()) Fail(region.status());
    auto use = store->UseByMunicipalityYear();
    if (!use.ok()) Fail(use.status());
    Table t;
    std::string dataset = store->GetMeta("dataset");
    t.title = "Zorggebruik per gemeente en jaar" + (dataset.empty() ? "" : " (" + dataset + ")");
    t.columns = {{"municipality", "Gemeente"},
                 {"name", "Naam"},
                 {"year", "Jaar", ColumnType::kYear},
                 {"clients", "Cliënten", ColumnType::kInt},
                 {"assignments", "Toewijzingen", ColumnType::kInt},
                 {"cost_cents", "Kosten (EUR)", ColumnType::kMoney},
                 {"cost_per_inhabitant", "Per inwoner (EUR)", ColumnType::kNumber, 2}};
    struct Total {
      int64_t clients = 0, assignments = 0;
      Money cost;
      double inhabitants = 0;
    };
    std::map<int, Total> totals;
    for (const UseRow& r : *use) {
      if (o->year != 0 && r.year != o->year) continue;
      const Municipality* m = region->Find(r.municipality);
      auto inhabitants = region->Key(r.municipality, r.year, kKeyInhabitants);
      Cell per = std::monostate{};
      if (inhabitants && *inhabitants > 0) per = r.cost.ToEurosApprox() / *inhabitants;
      t.AddRow({r.municipality, m ? m->name : std::string("?"), int64_t{r.year}, r.clients,
                r.assignments, r.cost, per});
      Total& tot = totals[r.year];
      tot.clients += r.clients;
      tot.assignments += r.assignments;
      tot.cost += r.cost;
      tot.inhabitants += inhabitants.value_or(0);
    }
    if (o->format == OutputFormat::kTable) {
      // Region totals per year, for people; clients may be counted twice when they
      // moved between municipalities within a year.
      for (const auto& [year, tot] : totals) {
        t.AddRow({"REGIO", "Totaal regio", int64_t{year}, tot.clients, tot.assignments, tot.cost,
                  tot.inhabitants > 0 ? Cell(tot.cost.ToEurosApprox() / tot.inhabitants)
                                      : Cell(std::monostate{})});
      }
      if (t.rows.empty()) t.notes.push_back("Geen declaraties in de database.");
    }
    Print(t, o->format);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
