// The sections that need an input file besides the store: the budget monitor
// (begroting.toml), the development agenda (agenda.toml) and the measures
// (maatregelen.toml).
#include <fmt/format.h>

#include "agenda/agenda_run.h"
#include "agenda/agenda_tables.h"
#include "agenda/measures_run.h"
#include "agenda/savings_tables.h"
#include "budget/monitor_run.h"
#include "budget/monitor_tables.h"
#include "budget/savings_target.h"
#include "report/chart_from_table.h"
#include "report/sections.h"

namespace jr::report {

Result<ReportSection> BudgetSection(const std::string& file, const Store& store,
                                    const Region& region) {
  auto run = RunMonitor(&store, {.config_file = file});
  if (!run.ok()) return run.status();
  const MonitorResult* r = &run->result;
  ReportSection s{"taakstelling", "Taakstellingspad en scenario's", {}, {}, {}, ""};
  s.text.push_back(fmt::format(
      "Begroting, burap en taakstelling uit {} naast de realisatie (jaren zonder "
      "realisatie in het bestand: gedeclareerde zorg en vaste regionale kosten uit de "
      "database). Scenario 1: plafond op het oude rijksbudget jeugd; 2: een vaste "
      "basis, de realisatie van het jaar voor het eerste jaar (van de gemeenten die "
      "dan in de regio zitten) plus indexatie, die latere overschrijdingen niet volgt; "
      "3: het taakstellingspad. Per gemeente: plafond 1 naar het eigen rijksbudget "
      "jeugd, 2 en 3 naar het aandeel in de realisatie van dat basisjaar. Een positief "
      "verschil is een overschrijding.",
      file));
  Table path = PathTable(*r);
  Table scenarios = ScenarioTable(*r);
  Chart c = ColumnsChart(scenarios, Chart::Kind::kLines, "year",
                         {"cost_cents", "cap1_cents", "cap2_cents", "cap3_cents"});
  c.title = "Kosten naast de plafonds van scenario 1-3";
  s.charts.push_back(std::move(c));
  s.tables.push_back({"taakstellingspad", std::move(path)});
  s.tables.push_back({"scenarios", std::move(scenarios)});
  s.tables.push_back(
      {"scenarios_gemeenten", MunicipalityScenarioTable(*r, region, run->key)});
  return s;
}

Result<ReportSection> AgendaSection(const std::string& file, const Region& region) {
  auto target = LoadSavingsTarget(file);
  if (!target.ok()) return target.status();
  auto run = RunAgenda(region.municipalities().empty() ? nullptr : &region,
                       {.file = file, .target_gap = std::move(target).value()});
  if (!run.ok()) return run.status();
  const Agenda* agenda = run->agenda.get();
  const AgendaProgress& p = run->progress;
  ReportSection s{"agenda", "Ontwikkelagenda", {}, {}, {}, ""};
  s.text.push_back(fmt::format(
      "Voortgang van de opgaven uit {} op {}: geplande en gerealiseerde besparing per "
      "jaar, ook "
      "als de besparing een jaar later komt, en mijlpalen die over tijd zijn.",
      file, FormatDate(agenda->date)));
  Table years = AgendaYearTable(p);
  Chart c = ColumnsChart(years, Chart::Kind::kBars, "year",
                         {"planned_cents", "realised_cents", "target_cents"});
  c.title = "Besparing per jaar: gepland, gerealiseerd en taakstelling";
  s.charts.push_back(std::move(c));
  s.tables.push_back({"agenda_jaren", std::move(years)});
  s.tables.push_back({"agenda_opgaven", AgendaItemTable(p)});
  s.tables.push_back({"agenda_clusters", AgendaClusterTable(p)});
  s.tables.push_back({"agenda_over_tijd", OverdueTable(p)});
  if (run->sharing) {
    s.tables.push_back({"agenda_verdeling", CostShareTable(*agenda, run->sharing->weights,
                                                           run->sharing->parts, region)});
  }
  return s;
}

Result<ReportSection> MeasuresSection(const std::string& file, const ReportOptions& o) {
  auto target = LoadSavingsTarget(file);
  if (!target.ok()) return target.status();
  auto run = RunMeasures(
      {.file = file,
       .target_gap = std::move(target).value(),
       .simulation = {.runs = o.measure_runs, .seed = o.seed, .threads = o.threads}});
  if (!run.ok()) return run.status();
  const SimulationResult* r = &run->result;
  const MeasurePortfolio* p = &run->portfolio;
  ReportSection s{"maatregelen", "Maatregelen en hun besparing", {}, {}, {}, ""};
  s.text.push_back(
      fmt::format("Monte Carlo over de bandbreedtes van de maatregelen in {} ({} runs). "
                  "Maatregelen op "
                  "dezelfde grondslag tellen niet op: samen besparen ze minder dan de "
                  "som (overlap). De "
                  "figuur toont de verdeling van de totale besparing (P10, P50, P90) "
                  "naast de naïeve som.",
                  file, FormatNumber(static_cast<double>(o.measure_runs), 0)));
  Table years = SavingsYearTable(*r);
  Chart c = ColumnsChart(
      years, Chart::Kind::kBars, "year",
      {"p10_cents", "p50_cents", "p90_cents", "naive_mean_cents", "target_cents"});
  c.title = "Totale besparing per jaar: verdeling, naïeve som en taakstelling";
  s.charts.push_back(std::move(c));
  s.tables.push_back({"besparing", std::move(years)});
  s.tables.push_back({"maatregelen", MeasureShareTable(*p, *r)});
  return s;
}

}  // namespace jr::report
