// jeugdregio stats: care use per municipality and year.
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
    std::string dataset = store->GetMeta("dataset");
    if (!dataset.empty()) t.title += " (" + dataset + ")";
    Print(t, o->format);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
