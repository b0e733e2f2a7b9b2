// The savings target (taakstelling) per year that the agenda and the measures are
// measured against.
#pragma once

#include <map>
#include <vector>

#include <toml++/toml.h>

#include "budget/budget_year.h"
#include "budget/toml_fields.h"
#include "core/money.h"
#include "core/status.h"

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
// (year = euro), or `begroting = "file.toml"` (relative to the config's folder) whose
// path gives CumulativeTarget, with `autonome_groei` (default 0, in [-0.5, 0.5]) as
// the growth. Neither present: an empty map. Both: an error.
Result<std::map<int, Money>> ReadSavingsTarget(const toml::table& doc, const TomlSource& src,
                                               const std::vector<int>& years);

}  // namespace jr
