// pool:<threshold>:<key>: stop-loss. Per client, the part of the year's cost in the
// bucket above the threshold is pooled and split by the key; the rest is own use.
#include <fmt/format.h>

#include "settle/rules.h"

namespace jr::settle {
namespace {

class PoolRule final : public SettlementRule {
 public:
  PoolRule(Money threshold, std::string key)
      : threshold_(threshold), key_(std::move(key)) {}
  std::string name() const override {
    return fmt::format("pool:{}:{}", threshold_.cents() / 100, key_);
  }
  RuleNeeds needs() const override { return {true, true, 0, threshold_.cents()}; }
  Result<std::vector<Money>> allocate(const AllocationContext& c,
                                      Money total) const override {
    std::vector<Money> exact = c.year.UseOf(c.bucket_index);
    // Whether the input has per-client costs for the year: a resampled risk year holds
    // only the rows above the threshold, and may hold none.
    const YearData* loaded = c.input.Year(c.year.year);
    if ((loaded != nullptr ? *loaded : c.year).client_costs.empty() &&
        c.bucket_total != Money()) {
      return Status::Error(
          fmt::format("{} vraagt de kosten per cliënt, maar die ontbreken voor jaar {}",
                      name(), c.year.year));
    }
    Money pooled;
    for (const ClientCost& row : c.year.client_costs) {
      if (row.bucket != c.bucket_index || row.cost <= threshold_) continue;
      exact[row.municipality] -= row.cost - threshold_;
      pooled += row.cost - threshold_;
    }
    auto shares = SplitByKey(c, key_, pooled);
    if (!shares.ok()) return shares.status();
    for (size_t m = 0; m < exact.size(); ++m) exact[m] += (*shares)[m];
    return ScaleExact(total, exact, c.year);
  }
  RulePtr WithKey(const std::string& key) const override {
    return MakePoolRule(threshold_, key);
  }

 private:
  Money threshold_;
  std::string key_;
};

}  // namespace

RulePtr MakePoolRule(Money threshold, std::string key) {
  return std::make_unique<PoolRule>(threshold, std::move(key));
}

}  // namespace jr::settle
