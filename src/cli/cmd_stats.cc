// jeugdregio stats: care use per municipality and year.
#include <iostream>
#include <map>

#include "cli/command.h"
#include "report/use_table.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db;
    OutputFormat format;
    int year = 0;
  };
  auto o = std::make_shared<Opts>();
  auto* c = app.add_subcommand("stats",
                               "cliënten, toewijzingen en kosten per gemeente en jaar");
  AddDbOption(c, &o->db);
  AddFormatOption(c, &o->format);
  c->add_option("--year", o->year, "alleen dit jaar");
  c->callback([o] {
    auto store = OpenExisting(o->db);
    auto region = store->LoadRegion();
    if (!region.ok()) Fail(region.status());
    auto use = store->UseByMunicipalityYear();
    if (!use.ok()) Fail(use.status());
    Table t = report::UseTable(*region, *use, o->year, o->format == OutputFormat::kTable);
    LabelTable(t, store->GetMeta("dataset"), o->format);
    Print(t, o->format);
    // The real start and end of care of the iJw messages JW305/JW307, when imported.
    auto periods = store->LoadCarePeriods();
    if (!periods.ok() || periods->empty()) return;
    auto assignments = store->LoadAssignments();
    if (!assignments.ok()) Fail(assignments.status());
    std::map<std::string, std::string> municipality_of;
    for (const Assignment& a : *assignments) municipality_of[a.number] = a.municipality;
    struct Row {
      int64_t started = 0, ended = 0, days = 0;
    };
    std::map<std::pair<std::string, int>, Row> rows;
    for (const CarePeriod& p : *periods) {
      int year = static_cast<int>(p.start.year());
      if (o->year && year != o->year) continue;
      auto m = municipality_of.find(p.assignment);
      Row& r = rows[{m == municipality_of.end() ? "(onbekend)" : m->second, year}];
      ++r.started;
      if (p.end) {
        ++r.ended;
        r.days += DayNumber(*p.end) - DayNumber(p.start);
      }
    }
    Table z;
    z.title = "Zorgperiodes volgens JW305/JW307 (start en einde van de zorg)";
    z.columns = {{"municipality", "Gemeente"},
                 {"year", "Jaar", ColumnType::kYear},
                 {"started", "Gestart", ColumnType::kInt},
                 {"ended", "Beëindigd", ColumnType::kInt},
                 {"days", "Gem. duur beëindigd (dagen)", ColumnType::kNumber}};
    for (const auto& [k, r] : rows) {
      z.AddRow({k.first, int64_t{k.second}, r.started, r.ended,
                r.ended ? Cell(static_cast<double>(r.days) / static_cast<double>(r.ended))
                        : Cell()});
    }
    if (o->format == OutputFormat::kTable) std::cout << "\n";
    Print(z, o->format);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
