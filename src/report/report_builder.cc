#include "report/report_builder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>

#include "report/sections.h"
#include "report/table_filter.h"
#include "settle/builtin_models.h"
#include "settle/settlement_loader.h"
#include "settle/settlement_tables.h"

namespace jr::report {
namespace {

void Step(const ReportOptions& o, const std::string& what) {
  if (o.progress) o.progress(what);
}

// Every year of `input` settled under every model: results[model][year], ascending.
// A year a model cannot settle (e.g. too little history for a model on past costs) is
// left out with a Dutch note; a model that cannot settle `required` is left out whole.
struct Settled {
  std::vector<std::vector<settle::YearSettlement>> results;
  std::vector<const settle::Model*> models;  // those that settled `required`
  std::vector<std::string> notes;
};

Settled SettleAll(const settle::SettlementInput& input,
                  const std::vector<settle::Model>& models, int required) {
  Settled out;
  for (const settle::Model& model : models) {
    std::vector<settle::YearSettlement> by_year;
    std::vector<int> skipped;
    for (const auto& [year, data] : input.years) {
      auto s = settle::SettleYear(input, model, year);
      if (s.ok()) {
        by_year.push_back(std::move(s).value());
      } else {
        skipped.push_back(year);
      }
    }
    if (std::find(skipped.begin(), skipped.end(), required) != skipped.end()) {
      out.notes.push_back(
          fmt::format("Model {} kan {} niet verrekenen (onder meer te weinig voorgaande "
                      "jaren) en is weggelaten.",
                      model.name, required));
      continue;
    }
    out.results.push_back(std::move(by_year));
    out.models.push_back(&model);
    if (!skipped.empty()) {
      out.notes.push_back(
          fmt::format("Model {} kan {} niet verrekenen (onder meer te weinig voorgaande "
                      "jaren); die jaren ontbreken.",
                      model.name, fmt::join(skipped, ", ")));
    }
  }
  return out;
}

}  // namespace

Result<Report> BuildReport(const Store& store, const ReportOptions& o) {
  Step(o, "gegevens laden");
  auto region = store.LoadRegion();
  if (!region.ok()) return region.status();
  auto use = store.UseByMunicipalityYear();
  if (!use.ok()) return use.status();
  auto input = settle::LoadSettlementInput(store);
  if (!input.ok()) return input.status();
  if (input->years.empty()) {
    return Status::Error("geen gegevens voor een rapport; importeer eerst declaraties");
  }
  const int last_year = input->years.rbegin()->first;
  const int year = o.year != 0 ? o.year : last_year;
  if (!input->years.contains(year)) {
    return Status::Error(fmt::format("geen gegevens over {} (--year)", year));
  }
  std::vector<settle::Model> models;
  for (const std::string& name : o.models) {
    auto m = settle::BuiltinModel(name);
    if (!m.ok()) return m.status();
    models.push_back(std::move(m).value());
  }

  Report report;
  const std::string dataset = store.GetMeta("dataset");
  report.title = "Jeugdhulp in de regio" + (dataset.empty() ? "" : " (" + dataset + ")");
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

  Step(o, "verrekening");
  const Settled settled = SettleAll(*input, models, year);
  sections.push_back(SettlementSection(settled.results, year));
  for (const std::string& n : settled.notes) sections.back().text.push_back(n);

  Step(o, "risico");
  auto risk =
      settle::SimulateRisk(*input, settled.models, year, {o.runs, o.seed, o.threads});
  if (!risk.ok()) return risk.status();
  sections.push_back(RiskSection(*risk));

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
       [&] { return MeasuresSection(o.measures_file, o); }}};
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

  if (o.public_output) {
    for (ReportSection& s : sections) {
      for (Section& t : s.tables) t.table = SuppressSmallCounts(std::move(t.table));
    }
  }
  Step(o, "pagina's per gemeente");
  std::vector<settle::YearSettlement> all;
  for (const auto& by_year : settled.results)
    all.insert(all.end(), by_year.begin(), by_year.end());
  const Table settlement = settle::SettlementTable(all, false);
  const std::vector<ReportSection> region_sections = sections;
  for (const Municipality& m : region->municipalities()) {
    if (!m.ActiveInYear(year)) continue;
    sections.push_back(
        MunicipalityPage(m, region_sections, settlement, forecast->monthly));
  }
  return report;
}

}  // namespace jr::report
