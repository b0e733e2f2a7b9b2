// jeugdregio calibrate / forecast / backtest: the caseload microsimulation
// (DESIGN.md §2.7, src/forecast/).
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "agenda/measure_portfolio.h"
#include "budget/budget_config.h"
#include "budget/path_forecast.h"
#include "cli/command.h"
#include "forecast/backtest.h"
#include "forecast/forecast_run.h"
#include "forecast/forecast_table.h"
#include "forecast/lever.h"

namespace jr::cli {
namespace {

using forecast::Calibration;
using forecast::EffectTable;
using forecast::ForecastTable;
using forecast::SummaryRow;

Date ParseDateOrFail(const std::string& text, const char* option) {
  auto d = ParseDate(text);
  if (!d.ok()) Fail(Status::Error(d.status().message(), {"", 0, 0, option}));
  return *d;
}

// The measure of `portfolio` with id `id`, or null.
const Measure* FindMeasure(const MeasurePortfolio& portfolio, const std::string& id) {
  for (const Measure& m : portfolio.measures) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

// The levers that name an agenda measure (`measure = "2"`) beside that measure's
// savings bandwidth per year (maatregelen.toml): the forecast's saving (baseline minus
// with levers, region, all groups) and the sum of the named measures' min, mode and
// max. A named measure not in the file is refused before the forecast runs.
Table MeasureComparison(const std::vector<forecast::Lever>& levers,
                        const std::vector<SummaryRow>& effect,
                        const MeasurePortfolio& portfolio, const std::string& file) {
  std::vector<const Measure*> named;
  std::string ids;
  for (const forecast::Lever& l : levers) {
    if (l.measure.empty()) continue;
    const Measure* m = FindMeasure(portfolio, l.measure);
    if (!m) continue;  // refused before the forecast ran (RegisterForecast)
    named.push_back(m);
    ids += (ids.empty() ? "" : ", ") + m->id;
  }
  Table t;
  t.title = "Hefbomen naast de maatregelen " + ids + " (" + file + ")";
  t.columns = {{"year", "Jaar", ColumnType::kYear},
               {"measures", "Maatregelen"},
               {"saving_mean_cents", "Besparing prognose gem.", ColumnType::kMoney},
               {"saving_p10_cents", "P10", ColumnType::kMoney},
               {"saving_p90_cents", "P90", ColumnType::kMoney},
               {"measure_min_cents", "Maatregel min", ColumnType::kMoney},
               {"measure_mode_cents", "modus", ColumnType::kMoney},
               {"measure_max_cents", "max", ColumnType::kMoney},
               {"within", "Binnen bandbreedte"}};
  for (const SummaryRow& r : effect) {
    if (r.municipality != forecast::kRegion || r.group != forecast::kAllGroups) continue;
    double lo = 0, mode = 0, hi = 0;
    bool any = false;
    for (const Measure* m : named) {
      auto it = m->savings.find(r.period);
      if (it == m->savings.end()) continue;
      any = true;
      lo += it->second.min;
      mode += it->second.mode;
      hi += it->second.max;
    }
    auto cents = [](double v) { return Money::FromCents(RoundCents(v)); };
    // A saving is the effect with the sign turned: less cost is a positive saving.
    const double saving = -r.cost.mean;
    t.AddRow(
        {int64_t{r.period}, ids, cents(saving), cents(-r.cost.p90), cents(-r.cost.p10),
         any ? Cell(cents(lo * 100)) : Cell(), any ? Cell(cents(mode * 100)) : Cell(),
         any ? Cell(cents(hi * 100)) : Cell(),
         any ? Cell(std::string(saving >= lo * 100 && saving <= hi * 100 ? "ja" : "nee"))
             : Cell()});
  }
  t.notes.push_back(
      "Besparing = basis min met hefbomen (zelfde toevalsgetallen); de maatregelen: de "
      "som van hun bandbreedtes in het jaar (leeg: geen besparing in dat jaar).");
  return t;
}

// A progress line per simulation on stderr when it is a terminal; otherwise nothing.
forecast::ForecastProgress Progress(bool with_levers) {
  if (!isatty(STDERR_FILENO)) return {};
  return [with_levers](forecast::ForecastStep step, int done, int total) {
    const char* what = step == forecast::ForecastStep::kLevers ? "met hefbomen"
                       : with_levers                           ? "basis"
                                                               : "prognose";
    std::cerr << "\r" << what << ": " << done << "/" << total << " runs" << std::flush;
    if (done == total) std::cerr << "\n";
  };
}

Money Cents(double cents) { return Money::FromCents(RoundCents(cents)); }

std::string Dataset(const Store& store) {
  std::string d = store.GetMeta("dataset");
  return d.empty() ? "" : " (" + d + ")";
}

// The forecast's region totals per year beside the target path of `budget`, with the
// fixed regional costs of the store when the budget counts them in its realisation.
Table PathBesideForecast(const Store& store, const BudgetConfig& budget,
                         const std::vector<SummaryRow>& yearly) {
  std::map<int, ForecastYear> totals;
  for (const SummaryRow& r : yearly) {
    if (r.municipality != forecast::kRegion || r.group != forecast::kAllGroups) continue;
    totals[r.period] = {Cents(r.cost.mean), Cents(r.cost.p10), Cents(r.cost.p90),
                        r.months};
  }
  std::map<int, Money> fixed;
  if (budget.include_fixed_costs) {
    auto items = store.LoadFixedCosts();
    if (!items.ok()) Fail(items.status());
    for (const CostItem& i : *items) fixed[i.year] += i.amount;
  }
  return PathForecastTable(ComputeTargetPath(budget.years), totals, fixed);
}

void RegisterCalibrate(CLI::App& app) {
  struct Opts {
    std::string db, cutoff;
    OutputFormat format;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("calibrate",
                                 "parameters van de prognose schatten tot een peildatum");
  AddDbOption(cmd, &o->db);
  AddFormatOption(cmd, &o->format);
  cmd->add_option("--cutoff", o->cutoff,
                  "peildatum JJJJ-MM-DD: gegevens daarvoor worden gebruikt")
      ->required();
  cmd->callback([o] {
    Date cutoff = ParseDateOrFail(o->cutoff, "--cutoff");
    auto store = OpenExisting(o->db);
    cli::Progress("calibrate", "gegevens laden en parameters schatten ...");
    auto c = forecast::Calibrate(*store, cutoff);
    if (!c.ok()) Fail(c.status());
    Table groups;
    groups.title = "Gekalibreerde parameters per productgroep, start " +
                   FormatMonth(FromMonthIndex(c->start_month)) + Dataset(*store);
    groups.columns = {{"group", "Productgroep"},
                      {"inflow_per_month", "Instroom/mnd", ColumnType::kNumber, 1},
                      {"trend_per_year", "Trend/jaar", ColumnType::kPercent, 1},
                      {"inflow_dispersion", "Spreiding", ColumnType::kNumber, 2},
                      {"mean_duration_months", "Duur gem. (mnd)", ColumnType::kNumber, 1},
                      {"median_duration_months", "Duur mediaan", ColumnType::kInt},
                      {"durations", "Waarnemingen", ColumnType::kInt},
                      {"reindication", "Herindicatie", ColumnType::kPercent, 1},
                      {"reindication_past_limit", "Herindicatie na leeftijdsgrens",
                       ColumnType::kPercent, 1},
                      {"follow_up", "Vervolg meestal"},
                      {"cost_per_month_cents", "Kosten/mnd gem.", ColumnType::kMoney},
                      {"price_index_change", "Tariefindex", ColumnType::kPercent, 1},
                      {"running", "Lopend", ColumnType::kInt, ColumnRole::kClientCount}};
    std::vector<int64_t> running(c->groups.size(), 0);
    std::vector<double> cost(c->groups.size(), 0), weight(c->groups.size(), 0);
    for (const auto& r : c->running) running[r.group] += r.ended ? 0 : 1;
    for (size_t g = 0; g < c->groups.size(); ++g) {
      const forecast::GroupParams& gp = c->groups[g];
      for (size_t k = 0; k < gp.products.size(); ++k) {
        cost[g] += gp.product_share[k] * c->products[gp.products[k]].mean_cost;
      }
      size_t top =
          std::max_element(gp.follow.begin(), gp.follow.end()) - gp.follow.begin();
      int gi = static_cast<int>(g);
      groups.AddRow(
          {gp.name, gp.inflow_per_month, gp.trend - 1, gp.inflow_dispersion,
           gp.duration.MeanMonths(), int64_t{gp.duration.MedianMonths()},
           gp.observed_durations, gp.reindication, gp.reindication_past_limit,
           c->groups[top].name, Cents(cost[g]),
           c->PriceIndex(gi, c->base_year) / c->PriceIndex(gi, c->base_year - 1) - 1,
           running[g]});
    }
    groups.notes = {
        "Instroom: nieuwe toewijzingen (geen herindicaties) per maand in de regio, "
        "gemiddelde "
        "van de laatste 12 maanden; duur met Kaplan-Meier (lopende toewijzingen "
        "gecensureerd).",
        "Trend: per productgroep, gekrompen naar de trend van alle groepen samen "
        "(empirisch "
        "Bayes); spreiding: variantie / gemiddelde van de instroom per maand (1 = "
        "Poisson).",
        "Kosten per maand in tarieven van " + std::to_string(c->base_year) +
            "; indexatie na dat jaar " + FormatNumber(100 * c->indexation, 1) +
            "% per jaar (spreiding tussen jaren " +
            FormatNumber(100 * c->indexation_sd, 1) + " procentpunt).",
        "Herindicatie: van cliënten onder de leeftijdsgrens (18, verlengde jeugdhulp "
        "23) bij het einde; na de grens apart. Verhuizing bij herindicatie: " +
            FormatNumber(100 * c->move, 1) +
            "%; terugkeer binnen 36 maanden na de zorg: " +
            FormatNumber(c->return_cdf.empty() ? 0.0 : 100 * c->return_cdf.back(), 1) +
            "% (cliënten van wie de zorg eindigde; 0: geen terugkeer gezien)."};
    Table munis;
    munis.title = "Instroom en lopende toewijzingen per gemeente";
    munis.columns = {
        {"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
        {"name", "Naam"},
        {"inflow_per_month", "Instroom/mnd", ColumnType::kNumber, 1},
        {"young_people", "Jeugdigen", ColumnType::kInt},
        {"inflow_per_1000_young_per_year", "Per 1.000 jeugdigen/jaar",
         ColumnType::kNumber, 1},
        {"running", "Lopend", ColumnType::kInt, ColumnRole::kClientCount}};
    std::vector<double> inflow(c->municipalities.size(), 0);
    std::vector<int64_t> open(c->municipalities.size(), 0);
    for (const auto& cell : c->inflow) inflow[cell.municipality] += cell.level;
    for (const auto& r : c->running) open[r.municipality] += r.ended ? 0 : 1;
    for (size_t m = 0; m < c->municipalities.size(); ++m) {
      const auto& yp = c->young_people[m];
      auto it = yp.upper_bound(c->level_month / 12);
      double young = it == yp.begin() ? 0 : std::prev(it)->second;
      Cell per = std::monostate{};
      if (young > 0) per = inflow[m] * 12 * 1000 / young;
      munis.AddRow({c->municipalities[m], c->municipality_names[m], inflow[m],
                    static_cast<int64_t>(young), per, open[m]});
    }
    if (o->format == OutputFormat::kJson) {
      nlohmann::json j = {{"start", FormatMonth(FromMonthIndex(c->start_month))},
                          {"indexation", c->indexation},
                          {"groups", ToJson(groups)},
                          {"municipalities", ToJson(munis)}};
      std::cout << DumpJson(j, 2) << "\n";
      return;
    }
    Print(groups, o->format);
    if (o->format == OutputFormat::kTable) std::cout << "\n";
    Print(munis, o->format);
  });
}

void RegisterForecast(CLI::App& app) {
  struct Opts {
    std::string db, from, levers, budget, measures, view = "yearly";
    OutputFormat format;
    int months = 36, runs = 200, threads = 0;
    uint64_t seed = 1;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("forecast",
                                 "prognose van kosten en cliënten met microsimulatie");
  AddDbOption(cmd, &o->db);
  AddFormatOption(cmd, &o->format);
  AddThreadsOption(cmd, &o->threads);
  AddSeedOption(cmd, &o->seed);
  cmd->add_option("--from", o->from, "eerste prognosemaand JJJJ-MM (gegevens daarvoor)")
      ->required();
  cmd->add_option("--months", o->months, "aantal maanden")
      ->check(CLI::Range(1, 240))
      ->capture_default_str();
  cmd->add_option("--runs", o->runs, "aantal replicaties")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--levers", o->levers, "TOML-bestand met hefbomen ([[lever]])");
  cmd->add_option(
      "--budget", o->budget,
      "begroting.toml: de jaartotalen naast het taakstellingspad van de monitor");
  cmd->add_option("--measures", o->measures,
                  "maatregelen.toml: hefbomen met 'measure' naast de bandbreedte van die "
                  "maatregel");
  AddViewOption(cmd, &o->view, {"yearly", "monthly"});
  cmd->callback([o] {
    auto from = ParseMonth(o->from);
    if (!from.ok()) Fail(Status::Error(from.status().message(), {"", 0, 0, "--from"}));
    forecast::ForecastOptions fo;
    fo.cutoff = FirstOfMonth(*from);
    fo.months = o->months;
    fo.runs = o->runs;
    fo.seed = o->seed;
    fo.threads = ResolveThreads(o->threads);
    fo.monthly = o->format == OutputFormat::kJson || o->view == "monthly";
    fo.refuse_after_data_end = true;
    if (!o->levers.empty()) {
      auto loaded = forecast::LoadLevers(o->levers);
      if (!loaded.ok()) Fail(loaded.status());
      fo.levers = std::move(loaded).value();
    }
    const std::vector<forecast::Lever>& levers = fo.levers;
    std::optional<BudgetConfig> budget;
    if (!o->budget.empty()) {
      auto b = LoadBudgetConfig(o->budget);
      if (!b.ok()) Fail(b.status());
      budget = std::move(b).value();
    }
    std::optional<MeasurePortfolio> portfolio;
    if (!o->measures.empty()) {
      if (levers.empty()) {
        Fail(Status::Error(
            "--measures vraagt --levers met hefbomen die een maatregel noemen",
            {"", 0, 0, "--measures"}));
      }
      auto p = LoadMeasurePortfolio(o->measures);
      if (!p.ok()) Fail(p.status());
      portfolio = std::move(p).value();
      // Checked before the forecast runs, so an error prints nothing else.
      bool any = false;
      for (const forecast::Lever& l : levers) {
        if (l.measure.empty()) continue;
        any = true;
        if (!FindMeasure(*portfolio, l.measure)) {
          Fail(Status::Error("hefboom '" + l.name + "': maatregel '" + l.measure +
                                 "' staat niet in " + o->measures,
                             {o->levers, 0, 0, "measure"}));
        }
      }
      if (!any) {
        Fail(Status::Error(
            "geen hefboom in " + o->levers + " noemt een maatregel (measure = \"...\")",
            {"", 0, 0, "--measures"}));
      }
    }
    auto store = OpenExisting(o->db);
    auto clock_start = std::chrono::steady_clock::now();
    auto f = forecast::Run(*store, fo, Progress(!levers.empty()));
    if (!f.ok()) Fail(f.status());
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start)
            .count();
    const Calibration& c = f->calibration;
    std::optional<Table> beside_path;
    if (budget) beside_path = PathBesideForecast(*store, *budget, f->yearly);

    std::string title = "Prognose " + FormatMonth(*from) + " + " +
                        std::to_string(o->months) + " maanden, " +
                        std::to_string(o->runs) + " replicaties" +
                        (levers.empty() ? "" : ", met hefbomen") + Dataset(*store);
    if (o->format == OutputFormat::kJson) {
      nlohmann::json j;
      j["meta"] = {{"entity_months", f->entity_months},
                   {"seconds", seconds},
                   {"threads", fo.threads},
                   {"runs", o->runs},
                   {"months", o->months},
                   {"seed", o->seed},
                   {"from", FormatMonth(*from)},
                   {"levers", levers.size()},
                   {"dataset", store->GetMeta("dataset")}};
      j["yearly"] = ToJson(ForecastTable(c, f->yearly, forecast::Period::kYear, true));
      j["monthly"] = ToJson(ForecastTable(c, f->monthly, forecast::Period::kMonth, true));
      if (!levers.empty()) j["lever_effect"] = ToJson(EffectTable(c, f->effect));
      if (beside_path) j["beside_path"] = ToJson(*beside_path);
      if (portfolio)
        j["measures"] =
            ToJson(MeasureComparison(levers, f->effect, *portfolio, o->measures));
      j["ceilings"] = ToJson(forecast::CapacityTable(f->capacity, true, true));
      j["teams"] = ToJson(forecast::CapacityTable(f->capacity, false, true));
      if (!levers.empty()) {
        j["ceilings_baseline"] =
            ToJson(forecast::CapacityTable(f->capacity_baseline, true, true));
        j["teams_baseline"] =
            ToJson(forecast::CapacityTable(f->capacity_baseline, false, true));
      }
      std::cout << DumpJson(j, 2) << "\n";
      return;
    }
    bool by_month = o->view == "monthly";
    Table t = by_month ? ForecastTable(c, f->monthly, forecast::Period::kMonth, false)
                       : ForecastTable(c, f->yearly, forecast::Period::kYear, false);
    t.title = title;
    t.notes = {
        "Kosten in euro (gemiddelde en P10/P50/P90 over de replicaties); lopend = "
        "lopende toewijzingen (per jaar: gemiddeld per maand); nieuw = gestarte "
        "toewijzingen inclusief herindicaties.",
        FormatNumber(static_cast<double>(f->entity_months), 0) +
            " toewijzing-maanden in " + FormatNumber(seconds, 2) + " s op " +
            std::to_string(fo.threads) + " threads."};
    Print(t, o->format);
    if (!levers.empty()) {
      if (o->format == OutputFormat::kTable) std::cout << "\n";
      Print(EffectTable(c, f->effect), o->format);
      if (portfolio) {
        if (o->format == OutputFormat::kTable) std::cout << "\n";
        Print(MeasureComparison(levers, f->effect, *portfolio, o->measures), o->format);
      }
    }
    if (!f->capacity.providers.empty() || !f->capacity.teams.empty()) {
      for (bool providers : {true, false}) {
        if (o->format == OutputFormat::kTable) std::cout << "\n";
        Print(forecast::CapacityTable(f->capacity, providers, false), o->format);
      }
    }
    if (beside_path) {
      if (o->format == OutputFormat::kTable) std::cout << "\n";
      if (beside_path->rows.empty()) {
        std::cerr << "Geen jaren van de prognose in " << o->budget
                  << "; geen vergelijking met het pad.\n";
      } else {
        Print(*beside_path, o->format);
      }
    }
  });
}

// The per-municipality table of one backtest.
Table BacktestTable(const forecast::BacktestResult& r, const std::string& dataset) {
  Table t;
  t.title = "Backtest: prognose vanaf " + FormatMonth(FromMonthIndex(r.start_month)) +
            ", " + std::to_string(r.months) + " maanden, tegen werkelijke declaraties" +
            dataset;
  t.columns = {{"municipality", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Naam"},
               {"actual_cents", "Werkelijk", ColumnType::kMoney},
               {"forecast_cents", "Prognose", ColumnType::kMoney},
               {"naive_cents", "Naïef", ColumnType::kMoney},
               {"ets_cents", "ETS", ColumnType::kMoney},
               {"seasonal_drift_cents", "Seizoen+drift", ColumnType::kMoney},
               {"wape_forecast", "WAPE prognose", ColumnType::kPercent, 1},
               {"wape_naive", "WAPE naïef", ColumnType::kPercent, 1},
               {"wape_ets", "WAPE ETS", ColumnType::kPercent, 1},
               {"wape_seasonal_drift", "WAPE seizoen+drift", ColumnType::kPercent, 1},
               {"coverage_p10_p90", "In P10-P90", ColumnType::kPercent, 0}};
  for (const auto& row : r.rows) {
    t.AddRow({row.municipality, row.name, row.actual, row.forecast, row.naive, row.ets,
              row.seasonal_drift, row.wape_forecast, row.wape_naive, row.wape_ets,
              row.wape_seasonal_drift, row.coverage_p10_p90},
             row.municipality == forecast::kRegion ? RowKind::kTotal : RowKind::kDetail);
  }
  return t;
}

const char* kBacktestMethods =
    "WAPE = som |prognose - werkelijk| / som werkelijk over gemeente-maanden. Naïef = "
    "dezelfde maand een jaar eerder plus tariefindexatie; ETS = exponentiële afvlakking "
    "met gedempte trend en seizoen op log-kosten per gemeente; seizoen+drift = dezelfde "
    "maand vorig jaar maal de groei van vorig jaar.";

// Region-level figures of one backtest, as in the JSON of both forms.
nlohmann::json BacktestJson(const forecast::BacktestResult& r) {
  return {{"start", FormatMonth(FromMonthIndex(r.start_month))},
          {"months", r.months},
          {"data_end", FormatMonth(FromMonthIndex(r.data_end_month))},
          {"wape_forecast", r.wape_forecast},
          {"wape_naive", r.wape_naive},
          {"wape_ets", r.wape_ets},
          {"wape_seasonal_drift", r.wape_seasonal_drift},
          {"coverage_p10_p90", r.coverage_p10_p90},
          {"error_year_forecast", r.error_year_forecast},
          {"error_year_naive", r.error_year_naive},
          {"error_year_ets", r.error_year_ets},
          {"error_year_seasonal_drift", r.error_year_seasonal_drift}};
}

void RegisterBacktest(CLI::App& app) {
  struct Opts {
    std::string db, cutoff;
    std::vector<std::string> cutoffs;
    OutputFormat format;
    int months = 12, runs = 200, threads = 0;
    uint64_t seed = 1;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand(
      "backtest",
      "prognose achteraf toetsen tegen de werkelijkheid, de naïeve methode en twee "
      "statistische basislijnen");
  AddDbOption(cmd, &o->db);
  AddFormatOption(cmd, &o->format);
  AddThreadsOption(cmd, &o->threads);
  AddSeedOption(cmd, &o->seed);
  auto* one = cmd->add_option("--cutoff", o->cutoff, "peildatum JJJJ-MM-DD");
  auto* several =
      cmd->add_option("--cutoffs", o->cutoffs,
                      "meerdere peildata JJJJ-MM-DD,JJJJ-MM-DD,...: één tabel, een rij "
                      "per peildatum")
          ->delimiter(',');
  one->excludes(several);
  several->excludes(one);
  cmd->add_option("--months", o->months, "maanden na de peildatum")
      ->check(CLI::Range(1, 120))
      ->capture_default_str();
  cmd->add_option("--runs", o->runs, "aantal replicaties")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->callback([o] {
    if (o->cutoff.empty() && o->cutoffs.empty()) {
      Fail(Status::Error("geef --cutoff of --cutoffs"));
    }
    std::vector<Date> cutoffs;
    if (!o->cutoff.empty()) cutoffs.push_back(ParseDateOrFail(o->cutoff, "--cutoff"));
    for (const std::string& c : o->cutoffs) {
      cutoffs.push_back(ParseDateOrFail(c, "--cutoffs"));
    }
    auto store = OpenExisting(o->db);
    auto clock_start = std::chrono::steady_clock::now();
    forecast::BacktestOptions bo;
    bo.months = o->months;
    bo.runs = o->runs;
    bo.seed = o->seed;
    bo.threads = ResolveThreads(o->threads);
    cli::Progress("backtest",
                  fmt::format("{} peildatum(s), {} replicaties per peildatum ...",
                              cutoffs.size(), bo.runs));
    auto results = forecast::RunBacktests(*store, cutoffs, bo);
    if (!results.ok()) Fail(results.status());
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start)
            .count();
    int64_t entity_months = 0;
    for (const auto& r : *results) entity_months += r.entity_months;
    const nlohmann::json meta = {{"entity_months", entity_months},
                                 {"seconds", seconds},
                                 {"threads", bo.threads},
                                 {"runs", o->runs},
                                 {"dataset", store->GetMeta("dataset")}};

    if (!o->cutoffs.empty()) {
      Table t;
      t.title = "Backtest per peildatum, " + std::to_string(o->months) +
                " maanden, regio over gemeente-maanden" + Dataset(*store);
      t.columns = {{"start", "Eerste maand"},
                   {"actual_cents", "Werkelijk", ColumnType::kMoney},
                   {"wape_forecast", "WAPE prognose", ColumnType::kPercent, 1},
                   {"wape_naive", "WAPE naïef", ColumnType::kPercent, 1},
                   {"wape_ets", "WAPE ETS", ColumnType::kPercent, 1},
                   {"wape_seasonal_drift", "WAPE seizoen+drift", ColumnType::kPercent, 1},
                   {"coverage_p10_p90", "In P10-P90", ColumnType::kPercent, 0},
                   {"error_year_forecast", "Jaarfout prognose", ColumnType::kPercent, 1}};
      for (const auto& r : *results) {
        t.AddRow({FormatMonth(FromMonthIndex(r.start_month)), r.rows.back().actual,
                  r.wape_forecast, r.wape_naive, r.wape_ets, r.wape_seasonal_drift,
                  r.coverage_p10_p90, r.error_year_forecast});
      }
      t.notes = {kBacktestMethods,
                 "In P10-P90: aandeel gemeente-maanden binnen de band van de prognose "
                 "(nominaal 80%). Jaarfout: (prognose - werkelijk) / werkelijk, regio."};
      if (o->format == OutputFormat::kJson) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& r : *results) list.push_back(BacktestJson(r));
        std::cout << DumpJson({{"cutoffs", list}, {"meta", meta}}, 2) << "\n";
        return;
      }
      Print(t, o->format);
      return;
    }

    const forecast::BacktestResult& r = results->front();
    Table t = BacktestTable(r, Dataset(*store));
    t.notes = {kBacktestMethods,
               "Jaartotaal regio naast werkelijk: prognose " +
                   FormatNumber(100 * r.error_year_forecast, 1) + "%, naïef " +
                   FormatNumber(100 * r.error_year_naive, 1) + "%, ETS " +
                   FormatNumber(100 * r.error_year_ets, 1) + "%, seizoen+drift " +
                   FormatNumber(100 * r.error_year_seasonal_drift, 1) + "%."};
    if (o->format == OutputFormat::kJson) {
      nlohmann::json j = BacktestJson(r);
      j["meta"] = meta;
      j["municipalities"] = ToJson(t);
      std::cout << DumpJson(j, 2) << "\n";
      return;
    }
    Print(t, o->format);
  });
}

void Register(CLI::App& app) {
  RegisterCalibrate(app);
  RegisterForecast(app);
  RegisterBacktest(app);
}

}  // namespace

JR_COMMAND(Register);

}  // namespace jr::cli
