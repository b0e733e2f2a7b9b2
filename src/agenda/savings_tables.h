// Tables of the measures' Monte Carlo for people and machines.
#pragma once

#include "agenda/measure_portfolio.h"
#include "agenda/savings_simulation.h"
#include "core/table.h"

namespace jr {

// Per year. Keys: year, target_cents, p10_cents, p50_cents, p90_cents, mean_cents,
// naive_mean_cents, naive_p10_cents, naive_p90_cents, overlap_cents (naive mean -
// mean), p_target.
Table SavingsYearTable(const SimulationResult& r);
// Per measure. Keys: id, name, base, cluster, responsible, investment_cents,
// investment_note, lead_time, mean_<last year>_cents, then share_<year> per year
// (share of the variance of the total saving).
Table MeasureShareTable(const MeasurePortfolio& p, const SimulationResult& r);

}  // namespace jr
