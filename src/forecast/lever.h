// Lever: a policy change applied to the forecast from a start month, optionally only
// in some municipalities. Levers are read from TOML (see docs/forecast.md):
//
//   [[lever]]
//   name = "Huisarts als poortwachter"
//   start = "2025-01"                      # first month the lever acts
//   municipalities = ["GM0505"]            # optional; default all
//   inflow_factor = { huisarts = 0.8 }     # per referral route (CSV names)
//   duration_factor = { ambulant = 0.9 }   # per product group; new assignments
//   volume_factor = { ambulant = 0.95 }    # per product group; new assignments
//   reindication = { alle = 0.5 }          # probability; "alle" = every group
//   tariff_change = { verblijf = -0.03 }   # fraction; all running care from start
//   products_removed = ["40/40A01"]        # no new assignments of these products
//   residential_to_outpatient = 0.2        # share of new residential inflow that
//   residential = "verblijf"               #   goes to outpatient care instead
//   outpatient = "ambulant"                #   (group names; these are the defaults)
//   nee_tenzij = true                      # provider ceilings enforced (capacity.h)
//   team_budgets = true                    # youth-team budgets enforced
//   review_above = 25000.00                # euros: extra review by the committee,
//   review_refused = 0.2                   #   which refuses this share (default: the
//                                          #   share it refused in toetsingen.csv)
//   measure = "2"                          # the agenda measure this lever expresses
//
// Instead of `start` a lever may give its decision month and implementation delay:
//   decision = "2019-10"                   # month of the decision
//   delay_months = 3                       # acts from decision + delay (seed 004:
//                                          #   "binnen 1 kwartaal na besluitvorming")
//
// Running assignments end on their own schedule: duration, volume and product levers
// act on assignments that start from the start month on, so their effect lags.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/codes.h"
#include "core/status.h"

namespace jr::forecast {

inline constexpr const char* kAllGroups = "alle";

struct Lever {
  std::string name;                         // for reports; default "hefboom <n>"
  int start_month = 0;                      // MonthIndex of the first month it acts
  std::vector<std::string> municipalities;  // CBS codes; empty = every municipality
  std::map<Route, double> inflow_factor;    // factor on new inflow per referral route
  std::map<std::string, double> duration_factor;  // per group name (or "alle")
  std::map<std::string, double> volume_factor;    // per group name (or "alle")
  std::map<std::string, double> reindication;     // probability per group (or "alle")
  std::map<std::string, double> tariff_change;    // fraction per group (or "alle")
  std::vector<std::string> products_removed;      // "45/45A10" or "45A10"
  double residential_to_outpatient = 0;           // share in [0, 1]
  std::string residential = "verblijf";           // group of residential care
  std::string outpatient = "ambulant";            // group it goes to instead
  std::optional<bool> nee_tenzij;                 // set: ceilings enforced or not
  std::optional<bool> team_budgets;               // set: team budgets enforced or not
  std::optional<double> review_above;             // euros
  std::optional<double> review_refused;           // share in [0, 1]
  std::optional<int> decision_month;              // MonthIndex of the decision
  int delay_months = 0;                           // start = decision + delay
  std::string measure;                            // agenda measure id; may be empty
};

// Parses the `[[lever]]` tables of a TOML document. Dutch error naming `file`, the
// line and the key (e.g. "lever[2].inflow_factor.huisart") on a syntax error, an
// unknown key or route, a missing start, or a value out of range (factors >= 0,
// probabilities and shares in [0, 1], tariff change > -1).
Result<std::vector<Lever>> ParseLevers(std::string_view toml, const std::string& file);
// Reads and parses a levers file; Dutch error naming the file when it cannot be read.
Result<std::vector<Lever>> LoadLevers(const std::string& file);

}  // namespace jr::forecast
