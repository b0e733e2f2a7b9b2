// jeugdregio report: the region's report for people (DESIGN.md §2.10) — one
// self-contained HTML file, an XLSX workbook with the same tables and CSV files.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
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
  std::string models;   // "M1,M2,...": settlement models; empty = the default four
  bool no_pdf = false;  // --no-pdf: no rapport.pdf
  report::ReportOptions report;
};

// `s` in single quotes for sh.
std::string ShellQuoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The first of chromium and chromium-browser on PATH; empty when there is none.
std::string FindChromium() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  std::stringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    for (const char* name : {"chromium", "chromium-browser"}) {
      std::filesystem::path p = std::filesystem::path(dir) / name;
      if (::access(p.c_str(), X_OK) == 0) return p.string();
    }
  }
  return "";
}

// Prints `html` to `pdf` (A4, the report's print CSS) with headless Chromium; the
// file is private (umask 077) from its first byte. Returns false when it failed.
bool PrintPdf(const std::string& chromium, const std::string& html,
              const std::string& pdf) {
  const std::string url =
      "file://" + std::filesystem::absolute(html).lexically_normal().string();
  const std::string cmd = fmt::format(
      "umask 077; {} --headless --no-sandbox --disable-gpu --no-pdf-header-footer "
      "--print-to-pdf={} {} > /dev/null 2>&1",
      ShellQuoted(chromium), ShellQuoted(pdf), ShellQuoted(url));
  std::filesystem::remove(pdf);
  return std::system(cmd.c_str()) == 0 && std::filesystem::exists(pdf);
}

void Run(ReportCliOptions& o) {
  if (!o.models.empty()) {
    o.report.models.clear();
    std::stringstream in(o.models);
    for (std::string m; std::getline(in, m, ',');) {
      if (!m.empty()) o.report.models.push_back(m);
    }
  }
  o.report.threads = ResolveThreads(o.report.threads);
  o.report.progress = [](const std::string& step) { Progress("rapport", step); };
  o.report.generated =
      Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  auto store = OpenExisting(o.db);
  auto r = report::BuildReport(*store, o.report);
  if (!r.ok()) Fail(r.status());
  auto files = report::WriteReport(*r, o.out);
  if (!files.ok()) Fail(files.status());
  std::string pdf_line;
  if (!o.no_pdf) {
    const std::string chromium = FindChromium();
    const std::string pdf = (std::filesystem::path(o.out) / "rapport.pdf").string();
    if (chromium.empty()) {
      std::cerr << "rapport: geen Chromium gevonden (make web installeert het): "
                   "rapport.pdf overgeslagen\n";
    } else {
      Progress("rapport", "pdf (Chromium)");
      if (PrintPdf(chromium, files->html, pdf)) {
        pdf_line = "  " + pdf + "\n";
      } else {
        std::cerr << "rapport: Chromium kon rapport.pdf niet maken; rapport.html is er "
                     "wel\n";
      }
    }
  }
  std::cout << fmt::format(
      "Rapport geschreven:\n  {}\n{}  {}\n  {} CSV-bestanden in {}/csv (voor "
      "machines) en {}/excel (voor Excel: puntkomma, decimale komma)\n",
      files->html, pdf_line, files->xlsx, files->csv.size(), o.out, o.out);
}

void Register(CLI::App& app) {
  auto o = std::make_shared<ReportCliOptions>();
  auto* c = app.add_subcommand(
      "report", "rapport van de regio: HTML (zelfstandig, afdrukbaar), PDF, XLSX en CSV");
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
  c->add_flag("--no-pdf", o->no_pdf,
              "geen rapport.pdf (anders met headless Chromium, als dat er is)");
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
