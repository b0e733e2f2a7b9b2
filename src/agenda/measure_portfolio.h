// MeasurePortfolio: the measures of a region with the bases they act on, read from
// maatregelen.toml, and the savings target they are measured against:
//
//   jaren = [2019, 2020, 2021, 2022]     # the years simulated
//   verdeling = "pert"                   # default: uniform | driehoek | pert
//   rangcorrelatie = 0.3                 # within a cluster (default 0 = independent)
//   kans_vertraging = 0.3                # default chance a measure delivers a year
//                                        #   late (default 0)
//   kans_mislukt = 0.1                   # default chance it delivers nothing (0)
//   begroting = "begroting.toml"         # the savings target: these keys are read by
//   [taakstelling]                       #   budget/savings_target.h, not here
//   [basis.instroom]                     # a base: the cost a measure's rate applies to
//   omschrijving = "..."
//   bedrag = 40_000_000                  # euro per year, or { 2019 = ..., 2020 = ... }
//   [[maatregel]]
//   id = "1"
//   naam = "..."
//   verantwoordelijk = "jeugdteams, gemeenten, SOJ"
//   basis = "instroom"
//   cluster = "toegang"
//   investering = 500_000                # or text: "op te geven door teams"
//   doorlooptijd = "6 mnd"
//   verdeling = "driehoek"               # optional, overrides the default
//   kans_vertraging = 0.5                # optional, overrides the default
//   kans_mislukt = 0.2                   # optional, overrides the default
//   besparing = { 2020 = [1_000_000, 8_000_000], 2021 = [1_000_000, 3_000_000,
//   10_000_000] }
//
// A bandwidth is [min, max] or [min, mode, max] in euros; the mode defaults to the
// midpoint. A measure's saving s in year t is turned into a rate r = s / base_t on its
// base, so measures on one base combine as base_t x (1 - prod(1 - r_i)).
#pragma once

#include <toml++/toml.h>

#include <map>
#include <string>
#include <vector>

#include "agenda/measure.h"
#include "core/money.h"
#include "core/status.h"
#include "core/toml_reader.h"

namespace jr {

struct MeasureBase {
  std::string name;
  std::string description;
  std::map<int, double> amount;  // euro per year, for every portfolio year
};

struct MeasurePortfolio {
  std::vector<int> years;          // ascending, unique
  std::vector<MeasureBase> bases;  // sorted by name
  std::vector<Measure> measures;   // in file order
  double rank_correlation = 0;     // Spearman rank correlation within a cluster, [0, 1)
  double default_p_slip = 0;       // kans_vertraging of a measure that names none
  double default_p_fail = 0;       // kans_mislukt of a measure that names none
  // Savings needed per year; may be empty. Not read from the file: the caller passes
  // it in (MeasuresOptions::target_gap).
  std::map<int, Money> target_gap;

  // Index of the base called `name`, or bases.size().
  size_t BaseIndex(const std::string& name) const;
};

// Reads a portfolio. Dutch errors naming file, line and key for: a missing field,
// an unknown base or distribution, a bandwidth with min > max or a mode outside it,
// a year outside `jaren`, a base without an amount for a year, a maximum saving above
// its base amount, a correlation outside [0, 1).
Result<MeasurePortfolio> ParseMeasurePortfolio(const toml::table& doc,
                                               const TomlSource& src);
Result<MeasurePortfolio> LoadMeasurePortfolio(const std::string& file);

}  // namespace jr
