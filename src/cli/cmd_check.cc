// jeugdregio check: every care rule on every declaration line; the decisions are
// recorded in the database (rules/check.h).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "core/env.h"
#include "rules/ceilings.h"
#include "rules/check.h"
#include "rules/check_tables.h"

namespace jr::cli {
namespace {

// --rules FILE; else regels.toml in the current folder; else in the demo folder the
// database records; else none (the iJw checks only).
std::string RulesFile(const std::string& given, const Store& store,
                      const std::string& db) {
  if (!given.empty()) return given;
  Env& env = Env::Default();
  if (env.FileExists("regels.toml")) return "regels.toml";
  std::string demo = DemoDir(store, db);
  if (!demo.empty()) {
    std::string in_demo = (std::filesystem::path(demo) / "regels.toml").string();
    if (env.FileExists(in_demo)) return in_demo;
  }
  return "";
}

void Register(CLI::App& app) {
  struct Opts {
    std::string db, rules, reference_date;
    OutputFormat format = OutputFormat::kTable;
    int year = 0;
    int threads = 0;
    bool ceilings = false;
  };
  auto o = std::make_shared<Opts>();
  auto* c = app.add_subcommand(
      "check", "controleer elke declaratieregel (iJw-retourcodes en eigen regels)");
  AddDbOption(c, &o->db);
  AddFormatOption(c, &o->format);
  AddThreadsOption(c, &o->threads);
  c->add_option("--rules", o->rules,
                "regelbestand (standaard regels.toml hier of in de demomap)");
  c->add_option("--year", o->year, "alleen de regels van dit jaar");
  c->add_flag("--plafonds", o->ceilings,
              "ook budgetplafonds, jeugdteambudgetten en verplichtingen");
  c->add_option("--peildatum", o->reference_date,
                "peildatum JJJJ-MM-DD van --plafonds: wat na die dag begint is nog niet "
                "bekend, de verplichtingen lopen vanaf de dag erna (standaard: de "
                "laatste dag van de gegevens)");
  c->callback([o] {
    auto store = OpenExisting(o->db);
    rules::CheckOptions options;
    std::string file = RulesFile(o->rules, *store, o->db);
    if (!file.empty()) {
      auto r = rules::LoadRegionRules(file);
      if (!r.ok()) Fail(r.status());
      options.rules = *r;
      options.rules_file = std::filesystem::absolute(file).string();
    }
    if (o->year != 0) options.first_year = options.last_year = o->year;
    if (!o->reference_date.empty()) {
      if (!o->ceilings) Fail(Status::Error("--peildatum hoort bij --plafonds"));
      auto d = ParseDate(o->reference_date);
      if (!d.ok()) Fail(Status::Error(d.status().message(), {"", 0, 0, "--peildatum"}));
      options.reference_date = *d;
    }
    // The reading thread plus workers: with one core, all in one thread.
    options.threads = ResolveThreads(o->threads) - 1;
    options.progress = [](int64_t n) {
      std::cerr << fmt::format("gelezen: {} declaratieregels\n",
                               FormatNumber(static_cast<double>(n), 0));
    };
    auto result = rules::RunCheck(*store, options);
    if (!result.ok()) Fail(result.status());
    auto n = [](int64_t v) { return FormatNumber(static_cast<double>(v), 0); };
    std::cerr << fmt::format(
        "gecontroleerd: {} regels, {} afgewezen, {} signaal; regels: {}\n",
        n(result->lines), n(result->rejected_lines), n(result->signal_lines),
        file.empty() ? "alleen iJw (geen regels.toml)" : file);
    Table summary = rules::FindingsSummaryTable(result->findings, result->amounts);
    summary.title += fmt::format(" ({} regels gecontroleerd{})", n(result->lines),
                                 o->year ? fmt::format(", {}", o->year) : "");
    summary.notes.push_back(fmt::format(
        "{} regels afgewezen (tellen niet als eigen gebruik), {} met alleen een signaal.",
        n(result->rejected_lines), n(result->signal_lines)));
    Table list = rules::FindingsTable(result->findings, result->amounts);
    std::vector<Section> extra;
    if (o->ceilings) {
      auto ctx = rules::RuleContext::Build(*store, options.rules);
      if (!ctx.ok()) Fail(ctx.status());
      extra = rules::CeilingSections(rules::ComputeCeilings(*ctx, *result));
    }
    switch (o->format) {
      case OutputFormat::kTable:
      case OutputFormat::kCsv: {
        std::vector<Section> all = {
            {"", o->format == OutputFormat::kTable ? summary : list}};
        all.insert(all.end(), extra.begin(), extra.end());
        std::cout << RenderSections(all, o->format);
        break;
      }
      case OutputFormat::kJson: {
        nlohmann::json j;
        j["findings"] = ToJson(list);
        j["summary"] = ToJson(summary);
        j["lines"] = result->lines;
        j["rejected_lines"] = result->rejected_lines;
        j["signal_lines"] = result->signal_lines;
        j["rules_fingerprint"] = result->fingerprint;
        for (const Section& x : extra) j[x.key] = ToJson(x.table);
        std::cout << DumpJson(j, 2) << "\n";
        break;
      }
    }
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
