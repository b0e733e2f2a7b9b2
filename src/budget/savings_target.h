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

// The cumulative savings target of a budget path for each of `years`: the sum of the
// path's targets up to that year, negated (so a saving is positive): seed 004 gives
// 0, 5, 10 and 14.7 million for 2019-2022. Years after the path keep its last value
// (the path ends at the level it reached); years before it are left out.
std::map<int, Money> CumulativeTarget(const std::vector<BudgetYear>& path,
                                      const std::vector<int>& years);

// Reads the target for `years` from a config document: a [taakstelling] table
// (year = euro), or `begroting = "file.toml"` (relative to the config's folder) whose
// path gives CumulativeTarget. Neither present: an empty map. Both: an error.
Result<std::map<int, Money>> ReadSavingsTarget(const toml::table& doc, const TomlSource& src,
                                               const std::vector<int>& years);

}  // namespace jr
