// The settlement engine: applies a Model to one year of a SettlementInput.
//
// Per municipality: contribution = its part of every care bucket (by the bucket's rule)
// + its part of every fixed regional cost + its own local costs; own use = its declared
// care + its local costs + its share of the fixed regional costs by the region's
// fixed-cost key (SettlementInput::fixed_cost_key, default inwoners; the same under
// every model, DESIGN §2.4). Invariants (tested): every bucket's parts add up to the
// bucket total to the cent, so the total of all contributions is the same under every
// model (care + fixed + local costs) and equals the total own use: the transfers of a
// year add up to zero, and are all zero under `profijt`. Pure; thread-safe on const
// inputs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "settle/model.h"
#include "settle/settlement_input.h"

namespace jr::settle {

// One bucket of one year, split over the municipalities.
struct BucketSettlement {
  std::string bucket;  // "verblijf", "serviceorganisatie", "jeugdteams"
  std::string rule;    // rule name as stored ("key:inwoners"); "own" for local costs
  enum class Kind { kCare, kFixed, kLocal } kind = Kind::kCare;
  Money total;               // the bucket total
  std::vector<Money> parts;  // per municipality (YearSettlement::municipalities order)
};

struct MunicipalitySettlement {
  std::string code;    // "GM0505"
  std::string name;    // "Dordrecht"
  Money contribution;  // everything it pays under the model
  Money declared_use;  // its declared care
  Money local_costs;   // its local costs (also part of contribution and own use)
  Money fixed_share;   // its share of the fixed regional costs by the fixed-cost key
  Money own_use;       // declared_use + local_costs + fixed_share
  Money state_grant;   // rijksbijdrage
  // contribution - own use: positive = pays for others; a year's transfers add up
  // to zero.
  Money transfer() const { return contribution - own_use; }
  // contribution / own use and state grant / own use; none when own use is 0.
  std::optional<double> contribution_ratio() const;
  std::optional<double> grant_ratio() const;
};

struct YearSettlement {
  std::string model;  // model name, stored with every result
  int year = 0;
  std::vector<MunicipalitySettlement> municipalities;  // sorted by code
  std::vector<BucketSettlement> buckets;  // care buckets, then fixed, then local
  Money TotalContribution() const;
};

// Settles `year` of `input` under `model`. Fails (Dutch, with the model file and key of
// the failing rule) when a rule cannot be applied or the year has no data.
Result<YearSettlement> SettleYear(const SettlementInput& input, const Model& model,
                                  int year);
// The same for given year data (e.g. a resampled copy of input.years[year]).
Result<YearSettlement> SettleYearData(const SettlementInput& input, const YearData& year,
                                      const Model& model);

}  // namespace jr::settle
