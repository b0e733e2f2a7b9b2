// WriteDemoRegion: writes the synthetic demo region ("demoregio, synthetische
// gegevens") as the CSV files of FORMATS.md, ready for `jeugdregio import <dir>`.
//
// The region is shaped on Zuid-Holland Zuid (facts/demo-region.md): its ten
// municipalities and the seven that merged or left in 2019, ~20 youth teams, ~180
// providers, a product catalogue on the iJw categories, ~14,000 clients in care a
// year, assignments with referral routes and re-indications, and monthly
// declarations of roughly 100-120 million euro a year. All care data is invented;
// municipality names and inhabitant counts are public figures.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "demo/demo_care.h"
#include "demo/demo_ijw.h"

namespace jr {

// The name to show with every output made from the demo data.
inline constexpr const char* kDemoRegionLabel = "demoregio, synthetische gegevens";

struct DemoOptions {
  uint64_t seed = 1;              // the same seed gives byte-identical files
  std::string dir = "demo-data";  // output folder; created (mode 0700) if missing
  int first_year = 2015;          // first year of care data (REQUIRES: >= 2015)
  int last_year = 2025;           // last year of care data; assignments still running at
                                  // its end have no end date (REQUIRES: >= first_year)
  double scale = 1.0;     // 1.0 = full size (~14,000 clients a year); tests use ~0.02;
                          // multiplies clients only, not municipalities/providers
  demo::CareModel model;  // assumptions of the care model (counts at scale 1.0)
  // Plant a realistic share of defects in the declaration lines (a few percent: over
  // volume, wrong amount, a period declared twice, a line after the assignment's end,
  // a product that is not youth care, short stay above 3 nights a week, over budget),
  // so `jeugdregio check` has work. They have their own draws (Part::kDefects): the
  // clean lines are the same with or without. The summary's sums are those of the
  // lines as they would be without defects.
  bool defects = true;
  // `jeugdregio demo --ijw` (demo/demo_ijw.h): a region iJw can express — whole units
  // (assigned volumes rounded up, delivered volumes down), assignment numbers that are
  // numbers (1000001, ...), declaration numbers of at most 12 characters (one per
  // provider, month and municipality), clients by synthetic BSN in clienten.csv and
  // toewijzingen.csv — and the same region also as iJw messages in <dir>/ijw/ with
  // ijw/toewijzingen_aanvulling.csv (referrer, team, previous assignment). The draws
  // are those of the default demo; without it the files are as they always were.
  bool ijw = false;
};

struct DemoSummary {
  std::map<std::string, int64_t> rows;      // file name ("declaraties.csv") -> data rows
  std::map<int, Money> declared_per_year;   // net declared amount by year of the month
  std::map<int, int64_t> clients_per_year;  // clients with an assignment in the year
  int64_t defect_lines = 0;  // declaration lines with a planted defect (DemoOptions)
  std::vector<std::string> config_files;  // TOML files written beside the CSV files
  demo::IjwFileCounts ijw_files;          // --ijw: messages written
};

// Writes gemeenten.csv, kengetallen.csv, aanbieders.csv, producten.csv,
// tarieven.csv, contracten.csv, jeugdteams.csv, clienten.csv, toewijzingen.csv,
// declaraties.csv, vaste_kosten.csv, lokale_kosten.csv and toetsingen.csv into
// options.dir, each with
// mode 0600, `;` as separator, decimal commas, dates YYYY-MM-DD and inclusive end
// dates; beside them the demo configuration files of demo/demo_files.h
// (begroting.toml, agenda.toml, maatregelen.toml, ...) for `jeugdregio monitor`,
// `agenda` and `measures`. Files of the same name are overwritten. Deterministic for
// the options.
// On success fills `summary` (if not null). On error returns a Dutch message naming
// the file or option; files written before the error stay behind.
Status WriteDemoRegion(const DemoOptions& options, DemoSummary* summary);

}  // namespace jr
