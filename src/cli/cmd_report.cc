// jeugdregio report: the region's report for people (DESIGN.md §2.10) — one
// self-contained HTML file, an XLSX workbook with the same tables and CSV files.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "report/report_builder.h"
#include "report/report_files.h"

namespace jr::cli {
namespace {

struct ReportCliOptions {
  std::string db;               // database file
  std::string out = "rapport";  // output folder
  std::string models;  // "M1,M2,...": settlement models; empty = the default four
  report::ReportOptions report;
};

void Run(ReportCliOptions& o) {
  if (!o.models.empty()) {
    o.report.models.clear();
    std::stringstream in(o.models);
    for (std::string m; std::getline(in, m, ',');) {
      if (!m.empty()) o.report.models.push_back(m);
    }
  }
  o.report.threads = ResolveThreads(o.report.threads);
  if (isatty(STDERR_FILENO)) {
    o.report.progress = [](const std::string& step) {
      std::cerr << "rapport: " << step << "\n";
    };
  }
  auto store = OpenExisting(o.db);
  auto r = report::BuildReport(*store, o.report);
  if (!r.ok()) Fail(r.status());
  auto files = report::WriteReport(*r, o.out);
  if (!files.ok()) Fail(files.status());
  std::cout << fmt::format(
      "Rapport geschreven:\n  {}\n  {}\n  {} CSV-bestanden in {}/csv\n", files->html,
      files->xlsx, files->csv.size(), o.out);
}

void Register(CLI::App& app) {
  auto o = std::make_shared<ReportCliOptions>();
  auto* c = app.add_subcommand(
      "report", "rapport van de regio: HTML (zelfstandig, afdrukbaar), XLSX en CSV");
  AddDbOption(c, &o->db);
  AddThreadsOption(c, &o->report.threads);
  AddSeedOption(c, &o->report.seed);
  c->add_option("--out", o->out, "map voor rapport.html, rapport.xlsx en csv/")
      ->capture_default_str();
  c->add_flag("--public", o->report.public_output,
              "openbare versie: aantallen cliënten onder de 5 weglaten");
  c->add_option("--year", o->report.year,
                "jaar van vergelijking en risico (standaard: het laatste)");
  c->add_option("--budget", o->report.budget_file,
                "begroting.toml: taakstellingspad en scenario's")
      ->check(CLI::ExistingFile);
  c->add_option("--agenda", o->report.agenda_file, "agenda.toml: ontwikkelagenda")
      ->check(CLI::ExistingFile);
  c->add_option("--measures", o->report.measures_file, "maatregelen.toml: maatregelen")
      ->check(CLI::ExistingFile);
  c->add_option("--governance", o->report.governance_file,
                "bestuur.toml: varianten van wie wat doet, score en stemgewicht")
      ->check(CLI::ExistingFile);
  c->add_option("--models", o->models, "verrekenmodellen, bijvoorbeeld solidair,profijt");
  c->add_option("--runs", o->report.runs, "replicaties van prognose en risico")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  c->add_option("--months", o->report.months, "maanden prognose")
      ->check(CLI::Range(1, 120))
      ->capture_default_str();
  c->callback([o] { Run(*o); });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
