// Measure (maatregel, seed 004 §3c): a policy measure with a savings bandwidth per year,
// acting on one base (a cost bucket or lever) in one cluster.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "agenda/distribution.h"
#include "core/money.h"

namespace jr {

// Savings of one measure in one year, in euros (min <= mode <= max).
struct Bandwidth {
  double min = 0;
  double mode = 0;  // most likely value; the midpoint when not given
  double max = 0;
};

struct Measure {
  std::string id;                   // "3a"
  std::string name;                 // Dutch, as in the source
  std::string responsible;          // "gemeenten, jeugdteams, SOJ"
  std::string base;                 // name of a MeasureBase
  std::string cluster;              // measures in one cluster may be correlated
  std::optional<Money> investment;  // when given as an amount
  std::string investment_note;      // when given as text ("op te geven door teams")
  std::string lead_time;            // as text: "3-6 mnd", "lopend"
  DistributionKind distribution = DistributionKind::kPert;
  std::map<int, Bandwidth> savings;  // per year; a year that is absent saves nothing
  // Measures fail or slip (DESIGN §2.6): per Monte Carlo run, with probability
  // p_fail the measure delivers nothing in any year, with probability p_slip it
  // delivers a year late (its saving in year t is drawn from the bandwidth of t - 1,
  // nothing in its first year), else on time. p_fail + p_slip <= 1.
  double p_slip = 0;
  double p_fail = 0;
};

}  // namespace jr
