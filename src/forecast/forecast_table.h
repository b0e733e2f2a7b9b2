// Tables of forecast summaries for people and machines, shared by the CLI and the
// report.
#pragma once

#include <vector>

#include "core/table.h"
#include "forecast/calibration.h"
#include "forecast/capacity.h"
#include "forecast/forecast_summary.h"

namespace jr::forecast {

// Per period, municipality and group. Keys: period, months, municipality, name, group,
// cost_{mean,p10,p50,p90}_cents, active_{mean,p10,p90}, new_{mean,p10,p90}. Without
// `all_rows` only the rows people read: each municipality over all groups, the region
// per group and in total.
Table ForecastTable(const Calibration& c, const std::vector<SummaryRow>& rows, Period p,
                    bool all_rows);
// The levers' effect per year (rows of Difference). Keys: year, municipality, name,
// group, cost_effect_{mean,p10,p90}_cents, active_effect_mean, new_effect_mean.
Table EffectTable(const Calibration& c, const std::vector<SummaryRow>& rows);
// Per provider, lot and year (providers = true) or per team and year: the ceiling
// (budget), the cost over the runs, the mean overrun, the share of runs in which it
// ran out and the median month ("2025-09"; empty when it holds in most runs), and
// what happened to the new assignments past it (means per run). Keys: agb (team),
// lot, year, ceiling_cents (team, year, budget_cents), spend_{mean,p10,p90}_cents,
// overrun_mean_cents, out_share, out_month, redirected_mean, received_mean,
// allowed_mean, deferred_mean, refused_mean. Without `all_rows` only the rows that
// run out in at least one run.
Table CapacityTable(const CapacitySummary& s, bool providers, bool all_rows);

}  // namespace jr::forecast
