// The savings target (taakstelling) per year that the agenda and the measures are
// measured against. The agenda (agenda.toml) and the measures (maatregelen.toml) name
// their target in the same keys, read here, so the agenda part gets the target as a
// value and never opens a budget file itself:
//
//   jaren = [2021, 2022]             # the years of the file
//   begroting = "begroting.toml"     # target = cumulative target of the path, or
//   autonome_groei = 0.0             #   (with autonomous cost growth), or
//   [taakstelling]                   # the savings needed per year, euro
//   2021 = 1_000_000
#pragma once

#include <toml++/toml.h>

#include <map>
#include <string>
#include <vector>

#include "budget/budget_year.h"
#include "core/money.h"
#include "core/status.h"
#include "core/toml_reader.h"

namespace jr {

// The savings needed in each of `years` to stay on a budget path: the sum of the
// path's targets up to that year, negated (so a saving is positive; seed 004 gives
// 0, 5, 10 and 14.7 million for 2019-2022), plus what autonomous cost growth adds:
// annual cost of the first path year x ((1 + growth)^(t - first year) - 1), rounded
// to the cent. Years after the path keep its last target sum (the path ends at the
// level it reached) while growth goes on; years before the path are left out.
// REQUIRES: path as accepted by ComputeTargetPath.
std::map<int, Money> CumulativeTarget(const std::vector<BudgetYear>& path,
                                      const std::vector<int>& years, double growth);

// Reads the target for `years` from a config document: a [taakstelling] table
// (year = euro, each year one of `years`), or `begroting = "file.toml"` (relative to
// the config's folder) whose path gives CumulativeTarget, with `autonome_groei`
// (default 0, in [-0.5, 0.5]) as the growth. Neither present: an empty map. Both: an
// error. Dutch errors name the file (the config's or the budget file's), line and key.
Result<std::map<int, Money>> ReadSavingsTarget(const toml::table& doc,
                                               const TomlSource& src,
                                               const std::vector<int>& years);
// The target of the agenda or measures file `config_file` for the years of its
// `jaren`: reads the file and calls ReadSavingsTarget.
Result<std::map<int, Money>> LoadSavingsTarget(const std::string& config_file);

}  // namespace jr
