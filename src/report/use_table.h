// The table of care use per municipality and year (`jeugdregio stats` and the region
// overview of the report).
#pragma once

#include <vector>

#include "core/table.h"
#include "region/region.h"
#include "store/store.h"

namespace jr::report {

// The municipality code of the region rows.
inline constexpr const char* kRegionCode = "REGIO";

// One row per UseRow (of `year` only, unless 0). Keys: municipality, name, year,
// clients, assignments, cost_cents, cost_per_inhabitant. With `with_totals` a region
// row (municipality "REGIO") per year follows; clients who moved between
// municipalities within a year may be counted twice there.
Table UseTable(const Region& region, const std::vector<UseRow>& use, int year,
               bool with_totals);

}  // namespace jr::report
