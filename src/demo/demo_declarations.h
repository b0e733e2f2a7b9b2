// PlanDeclarations: the monthly declarations (iJw prestaties) of one demo assignment.
#pragma once

#include <cstdint>
#include <vector>

#include "demo/demo_care.h"
#include "demo/demo_products.h"

namespace jr::demo {

// One month of delivered care. Volumes are in hundredths of the product's unit.
struct PlannedDeclaration {
  int first_day = 0;   // day number: the later of the month's first day and the start
  int last_day = 0;    // day number (inclusive): the earlier of the month's last day and
                       // the assignment's end or the horizon
  int64_t volume = 0;  // delivered volume, > 0
  // A correction: the month is credited in the next month's declaration and declared
  // again with `corrected_volume` (> 0, < volume).
  bool corrected = false;
  int64_t corrected_volume = 0;
};

// Appends to `out` one declaration per calendar month in which the assignment runs,
// up to and including `horizon_last_day`; months in which nothing was delivered are
// left out. The volume never exceeds what was assigned for the days of care in the
// month: per week x days / 7, per day x days, per month x days / days of the month,
// and a total spread over the planned days. Deterministic for (seed, a.key).
void PlanDeclarations(const DemoAssignment& a, const DemoProduct& product, uint64_t seed,
                      int horizon_last_day, std::vector<PlannedDeclaration>* out);

// The largest volume (hundredths) that may be declared for `care_days` days of care in
// a month of `month_days` days, for an assignment of `total_days` planned days.
int64_t MaxMonthlyVolume(const DemoAssignment& a, const DemoProduct& product,
                         int care_days, int month_days, int total_days);

}  // namespace jr::demo
