#include "report/report_builder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>

#include "report/sections.h"
#include "report/table_filter.h"
#include "settle/settle_run.h"
#include "settle/settlement_tables.h"

namespace jr::report {
namespace {

void Step(const ReportOptions& o, const std::string& what) {
  if (o.progress) o.progress(what);
}

}  // namespace

Result<Report> BuildReport(const Store& store, const ReportOptions& o) {
  Step(o, "gegevens laden");
  auto region = store.LoadRegion();
  if (!region.ok()) return region.status();
  auto use = store.UseByMunicipalityYear();
  if (!use.ok()) return use.status();
  // Every model over every year with data; a year a model cannot settle (e.g. too
  // little history for a model on past costs) is left out with a note, and a model
  // that cannot settle the report's year is left out whole, also from the risk.
  settle::SettleOptions so;
  so.models = o.models;
  so.every_year = true;
  so.skip_unsettled = true;
  so.risk = true;
  so.risk_options = {o.runs, o.seed, o.threads};
  auto models = settle::ResolveModels(so);
  if (!models.ok()) return models.status();
  auto input = settle::LoadInput(store, so, *models);
  if (!input.ok()) return input.status();
  if (input->years.empty()) {
    return Status::Error("geen gegevens voor een rapport; importeer eerst declaraties");
  }
  // The last year with declared care: a year with costs alone (fixed costs booked
  // ahead) is no year of the report (issue 18, item 10: it broke `report`).
  int last_year = input->years.rbegin()->first;
  for (auto it = input->years.rbegin(); it != input->years.rend(); ++it) {
    if (!it->second.client_costs.empty()) {
      last_year = it->first;
      break;
    }
  }
  const int year = o.year != 0 ? o.year : last_year;
  if (!input->years.contains(year)) {
    return Status::Error(fmt::format("geen gegevens over {} (--year)", year));
  }
  so.risk_year = year;

  Report report;
  const std::string dataset = store.GetMeta("dataset");
  report.title = "Jeugdhulp in de regio" + (dataset.empty() ? "" : " (" + dataset + ")");
  report.dataset = dataset;
  report.subtitle.push_back(fmt::format(
      "{}Stand van de gegevens: declaraties tot en met {} (het laatste jaar met "
      "gegevens).",
      o.generated ? "Gemaakt op " + FormatDate(*o.generated) + ". " : "", last_year));
  report.subtitle.push_back(
      fmt::format("Verrekening en risico over {}, prognose vanaf januari {}; seed {}.",
                  year, last_year + 1, o.seed));
  if (o.public_output) {
    report.subtitle.push_back(
        fmt::format("Openbare versie: aantallen cliënten en toewijzingen onder de {} "
                    "zijn weggelaten.",
                    kMinPublicCount));
  }
  std::vector<ReportSection>& sections = report.sections;
  sections.push_back(OverviewSection(*region, *use));
  Step(o, "rechtmatigheid en plafonds");
  auto rules_section = RulesSection(store);
  if (!rules_section.ok()) return rules_section.status();
  sections.push_back(std::move(rules_section).value());

  Step(o, "verrekening en risico");
  std::vector<const settle::Model*> pointers;
  for (const settle::Model& m : *models) pointers.push_back(&m);
  auto settled = settle::Run(*input, pointers, so);
  if (!settled.ok()) return settled.status();
  std::vector<std::vector<settle::YearSettlement>> results;
  std::vector<std::string> notes;
  for (const settle::ModelSettlement& m : settled->models) {
    const std::vector<int>& skipped = m.unsettled;
    if (std::find(skipped.begin(), skipped.end(), year) != skipped.end()) {
      notes.push_back(
          fmt::format("Model {} kan {} niet verrekenen (onder meer te weinig voorgaande "
                      "jaren) en is weggelaten.",
                      m.name, year));
      continue;
    }
    results.push_back(m.years);
    if (!skipped.empty()) {
      notes.push_back(
          fmt::format("Model {} kan {} niet verrekenen (onder meer te weinig voorgaande "
                      "jaren); die jaren ontbreken.",
                      m.name, fmt::join(skipped, ", ")));
    }
  }
  sections.push_back(SettlementSection(results, year));
  for (const std::string& n : notes) sections.back().text.push_back(n);
  sections.push_back(RiskSection(*settled->risk));
  if (!results.empty()) sections.push_back(ReconcileSection(*use, results.front()));

  Step(o, "taakstelling, agenda en maatregelen");
  struct OptionalInput {
    const std::string& file;
    const char* key;
    const char* title;
    const char* how;
    std::function<Result<ReportSection>()> build;
  };
  const OptionalInput inputs[] = {
      {o.budget_file, "taakstelling", "Taakstellingspad en scenario's",
       "Voeg het toe met --budget begroting.toml (zie data/demo/begroting.toml).",
       [&] { return BudgetSection(o.budget_file, store, *region); }},
      {o.agenda_file, "agenda", "Ontwikkelagenda",
       "Voeg het toe met --agenda agenda.toml (zie data/demo/agenda.toml).",
       [&] { return AgendaSection(o.agenda_file, *region); }},
      {o.measures_file, "maatregelen", "Maatregelen en hun besparing",
       "Voeg het toe met --measures maatregelen.toml (zie data/demo/maatregelen.toml).",
       [&] { return MeasuresSection(o.measures_file, o); }},
      {o.governance_file, "bestuur", "Bestuur: wie doet wat, tegen welke formatie",
       "Voeg het toe met --governance bestuur.toml (zie data/demo/bestuur.toml).",
       [&] { return GovernanceSection(o.governance_file, *region); }}};
  for (const OptionalInput& in : inputs) {
    auto s = in.file.empty()
                 ? Result<ReportSection>(AbsentSection(in.key, in.title, in.how))
                 : in.build();
    if (!s.ok()) return s.status();
    sections.push_back(std::move(s).value());
  }

  Step(o, "prognose");
  auto cutoff = ParseDate(fmt::format("{}-01-01", last_year + 1));
  if (!cutoff.ok()) return cutoff.status();
  auto forecast = ForecastSection(store, *cutoff, o);
  if (!forecast.ok()) return forecast.status();
  sections.push_back(std::move(forecast->section));

  sections.push_back(GlossarySection());

  if (o.public_output) {
    for (ReportSection& s : sections) {
      for (Section& t : s.tables) t.table = SuppressSmallCounts(std::move(t.table));
    }
  }
  Step(o, "pagina's per gemeente");
  std::vector<settle::YearSettlement> all;
  for (const auto& by_year : results)
    all.insert(all.end(), by_year.begin(), by_year.end());
  const Table settlement = settle::SettlementTable(all, false);
  const std::vector<ReportSection> region_sections = sections;
  for (const Municipality& m : region->municipalities()) {
    if (!m.ActiveInYear(year)) continue;
    sections.push_back(MunicipalityPage(
        m, region_sections, settlement,
        results.empty() ? std::vector<settle::YearSettlement>{} : results.front(),
        forecast->yearly));
    std::vector<std::string> summary =
        MunicipalitySummary(m, results, settled->risk ? &*settled->risk : nullptr, year);
    sections.back().text.insert(sections.back().text.begin(), summary.begin(),
                                summary.end());
  }
  return report;
}

}  // namespace jr::report
