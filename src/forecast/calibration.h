// Calibration: the fitted parameters of the caseload model, estimated from the
// History before a cut-off date. Pure function of its input.
//
// The model, per product group (= cost bucket of the product):
//  - inflow of new (not re-indicated) assignments per municipality x referral route x
//    group: a Poisson count per month (negative binomial, a gamma-Poisson mixture,
//    when the group's counts are overdispersed) with mean
//      level x trend^((months after the level window's middle) / 12)
//            x season[month of year] x young_people(year) / young_people(level year);
//  - a duration per assignment from a Kaplan-Meier survival curve of its product (of
//    the group when the product has few observations);
//  - at its end, with the group's re-indication probability, a follow-up assignment
//    whose product is drawn from the observed follow-ups of the product (of the group
//    when the product has few); the same product keeps its cost, another draws one;
//  - a monthly cost per assignment at base-year prices, drawn from the product's
//    quantiles (new assignments) or the assignment's own recent cost (running ones),
//    times the group's month-of-year cost pattern and tariff index; after the base
//    year each replication draws each year's indexation around `indexation` with the
//    historical spread `indexation_sd`.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "care/codes.h"
#include "core/date.h"
#include "core/status.h"
#include "forecast/history.h"
#include "forecast/population.h"
#include "forecast/survival_curve.h"

namespace jr::forecast {

struct CalibrationOptions {
  int level_months = 12;       // inflow level: mean over the last n months
  double max_trend = 0.15;     // yearly inflow trend clipped to 1 +- this
  int trend_months = 36;       // inflow trend: regression on the last n months
  int season_months = 36;      // month-of-year patterns from the last n months
  int duration_months = 60;    // assignments started in the last n months give durations
  int cost_months = 24;        // cost per month from the last n months
  int recent_cost_months = 3;  // a running assignment's cost: mean of its last n months
  int cost_quantiles = 20;     // equal-probability cost bins per product (bin means)
  int min_product_durations = 20;  // fewer observations: a product uses its group's curve
  int min_product_follow_ups =
      30;  // fewer re-indications seen: the group's pattern applies
  double default_indexation = 0.0;  // yearly tariff indexation when tariffs show none
  SurvivalOptions survival;         // Kaplan-Meier settings
};

struct ProductParams {
  std::string key;                   // "45/45A10"
  std::string code;                  // "45A10"
  int group = 0;                     // index into Calibration::groups
  std::vector<double> monthly_cost;  // bin means, cents per month at base-year prices
  double mean_cost = 0;              // mean monthly cost (cents, base-year prices)
  double mean_volume_x100 = 0;       // mean declared volume per active month (hundredths)
  int64_t tariff_cents = 0;          // regional tariff in the base year (0 = none)
  SurvivalCurve duration;          // own Kaplan-Meier curve, or the group's when few data
  int64_t observed_durations = 0;  // observations of its own (0 = group curve used)
  // Products of the observed re-indications of this product (indexes into products)
  // and their shares (sum 1); empty when fewer than min_product_follow_ups were seen,
  // and then the group's follow-up pattern applies.
  std::vector<int> follow_products;
  std::vector<double> follow_share;
  // Population (population.h): the age at which a client's care of this product ends
  // (18, or 23 when the data show it as extended care: clients of 18 and older start
  // it), and the client's age in months at the start of a new assignment (bin means;
  // empty when the store knows no birth months).
  int age_limit_months = kYouthAgeLimitMonths;
  std::vector<double> start_age;
};

struct GroupParams {
  std::string name;           // cost bucket: "ambulant"
  SurvivalCurve duration;     // of all the group's assignments (for reports)
  double reindication = 0;    // P(an ended assignment is followed by a re-indication)
  double reindication_n = 0;  // ended assignments it is estimated on
  // The same for clients past their product's age limit at the end (age-out); the
  // probability above is then that of the clients below it.
  double reindication_past_limit = 0;
  double reindication_past_limit_n = 0;
  // P(a returning client's new care is in group j | last care in this group).
  std::vector<double> return_follow;
  std::vector<double> follow;  // P(follow-up group = j | re-indicated); sums to 1
  std::vector<int> products;   // product mix of new assignments (indexes into products)
  std::vector<double> product_share;  // same length as products; sums to 1
  double trend = 1;     // yearly inflow factor per young person (1.03 = +3%)
  double trend_se = 0;  // standard error of log(trend)
  std::array<double, 12> inflow_season{};  // month-of-year factor of inflow, mean 1
  std::array<double, 12> cost_season{};    // month-of-year factor of cost, mean 1
  // Partial months: the cost of the first month of new care (not a re-indication) and
  // of the last month of care that ends without a follow-up, as a share of the
  // assignment's full months (the product's monthly costs are full months).
  double first_month_share = 1;
  double last_month_share = 1;
  std::map<int, double> price_index;  // year -> tariff index (base year = 1)
  double inflow_per_month = 0;        // region, mean of the level window (for reports)
  double inflow_dispersion = 1;       // variance / mean of monthly inflow counts (>= 1)
  int64_t observed_durations = 0;     // assignments in the Kaplan-Meier estimate
  int64_t duration_events = 0;        // of them ended (not censored)
};

// A region-level inflow cell; `level` is the mean count per month in the level window.
struct InflowCell {
  int municipality = 0;  // index into Calibration::municipalities
  Route route = Route::kUnknown;
  int group = 0;
  double level = 0;     // new assignments per month
  double level_se = 0;  // relative standard error of `level`
                        // (sqrt(dispersion / count))
};

// An assignment running at the cut-off, or one that ended in the month before it
// without a known follow-up (its re-indication would start in the first month).
struct RunningAssignment {
  int municipality = 0;
  int group = 0;
  int product = 0;
  int age_months = 0;        // calendar months active before the cut-off month
  double monthly_cost = -1;  // own recent cost at base-year prices, or without
                             // declarations its commitment (assigned volume x tariff
                             // x the group's declared share); < 0 = unknown
  bool ended = false;        // ended just before the cut-off; may be re-indicated
  int assignment = -1;       // index into History::assignments
  int birth = kNoBirth;      // MonthIndex of the client's birth month
};

struct Capacity;  // capacity.h

struct Calibration {
  int start_month = 0;  // MonthIndex of the first forecast month
  int base_year = 0;    // year of start_month; prices are in this year's tariffs
  int level_month = 0;  // MonthIndex of the level window's middle month
  std::vector<std::string> municipalities;  // codes active in base_year, sorted
  std::vector<std::string> municipality_names;
  std::vector<std::map<int, double>> young_people;  // per municipality: year -> jeugdigen
  std::vector<GroupParams> groups;
  std::vector<ProductParams> products;
  std::vector<InflowCell> inflow;
  std::vector<RunningAssignment> running;
  // Per municipality: standard deviation of the log of its monthly declared cost
  // around the mean of the months before and after (deseasonalised, the cost window),
  // less the part the caseload's own changes explain (assignments starting and
  // stopping), divided by sqrt(1.5) (the neighbours' own noise): the month-to-month
  // spread of the declarations, which the caseload model (a fixed cost per
  // assignment-month) does not make. 0 when unknown or explained.
  std::vector<double> month_noise;
  // Population (population.h). Moves: P(a re-indication starts in another
  // municipality) and the destinations' shares (sum 1; empty: no moves).
  double move = 0;
  double move_n = 0;  // re-indications it is estimated on
  std::vector<double> move_to;
  // Recurrence: the monthly hazard of a return by months since the last care, and
  // P(returned within k months) for k = 0 .. (cumulative; empty: no returns).
  std::vector<ReturnBin> returns;
  std::vector<double> return_cdf;
  std::vector<EndedClient> ended_clients;  // may return in the forecast
  double indexation = 0;                   // yearly tariff indexation after base_year
  double indexation_sd = 0;  // its year-to-year standard deviation (history)
  // Providers, teams, ceilings and budgets (capacity.h); null: none in the simulation.
  std::shared_ptr<const Capacity> capacity;

  // Index of a group by name, or -1.
  int GroupIndex(const std::string& name) const;
  // Index of a product by key "45/45A10" or code "45A10", or -1.
  int ProductIndex(const std::string& key_or_code) const;
  // Index of a municipality by code, or -1.
  int MunicipalityIndex(const std::string& code) const;
  // Tariff index of `group` in `year` relative to base_year (indexation beyond).
  double PriceIndex(int group, int year) const;
  // Young people in `year` relative to the level window's year (nearest earlier year
  // known; 1 when unknown).
  double YoungPeopleScale(int municipality, int year) const;
};

// The first forecast month of a cut-off date: its month when it is the 1st, else the
// next month. Data before the first day of that month is used.
int StartMonthOf(Date cutoff);

// Calibrates on all data before FirstOfMonth(StartMonthOf(cutoff)). Dutch error when
// the region has no municipalities in that year or there are no assignments before it.
Result<Calibration> Calibrate(const History& history, Date cutoff,
                              const CalibrationOptions& options = {});

}  // namespace jr::forecast
