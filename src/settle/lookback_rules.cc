// history:<n> and clients:<lag>: rules that split by figures of earlier years, with
// predecessors' figures rolled up into their successors.
#include <fmt/format.h>

#include <algorithm>

#include "settle/rules.h"

namespace jr::settle {
namespace {

// Adds the figures of `from` (per municipality of that year) for the context's bucket
// to `weights` (per municipality of the settled year), rolled up over mergers.
template <typename Figures>
void AddRolledUp(const AllocationContext& c, const YearData& from, Figures figures,
                 std::vector<double>& weights) {
  int bucket = c.bucket_index < 0 ? -1 : from.BucketIndex(c.bucket);
  if (c.bucket_index >= 0 && bucket < 0) return;  // bucket unused that year
  const auto values = figures(from, bucket);
  const std::vector<int> target = c.input.RollUp(from, c.year);
  for (size_t m = 0; m < values.size(); ++m) {
    if (target[m] >= 0) weights[target[m]] += static_cast<double>(values[m]);
  }
}

std::vector<int64_t> UseCents(const YearData& y, int bucket) {
  std::vector<int64_t> out;
  for (Money v : y.UseOf(bucket)) out.push_back(v.cents());
  return out;
}

std::vector<int64_t> ClientCounts(const YearData& y, int bucket) {
  return y.ClientsOf(bucket);
}

Result<std::vector<Money>> SplitByNonNegative(const AllocationContext& c, Money total,
                                              std::vector<double> weights) {
  for (double& w : weights) w = std::max(w, 0.0);
  return SplitOverMunicipalities(total, weights, c.year);
}

class HistoryRule final : public SettlementRule {
 public:
  explicit HistoryRule(int n) : n_(n) {}
  std::string name() const override { return fmt::format("history:{}", n_); }
  RuleNeeds needs() const override { return {false, false, n_}; }
  Result<std::vector<Money>> allocate(const AllocationContext& c,
                                      Money total) const override {
    const int t = c.year.year;
    std::vector<double> weights(c.year.municipalities.size());
    for (int y = t - n_; y < t; ++y) {
      const YearData* from = c.input.Year(y);
      if (from == nullptr) {
        return Status::Error(fmt::format(
            "history:{} vraagt de kosten van {} tot en met {}, maar jaar {} ontbreekt "
            "(gegevens vanaf {}); kies een kleinere n of een later jaar",
            n_, t - n_, t - 1, y, c.input.FirstYear()));
      }
      AddRolledUp(c, *from, UseCents, weights);
    }
    return SplitByNonNegative(c, total, std::move(weights));
  }
  RulePtr WithKey(const std::string&) const override { return MakeHistoryRule(n_); }

 private:
  int n_;
};

class ClientsRule final : public SettlementRule {
 public:
  explicit ClientsRule(int lag) : lag_(lag) {}
  std::string name() const override { return fmt::format("clients:{}", lag_); }
  RuleNeeds needs() const override { return {false, false, lag_}; }
  Result<std::vector<Money>> allocate(const AllocationContext& c,
                                      Money total) const override {
    const int y = c.year.year - lag_;
    const YearData* from = lag_ == 0 ? &c.year : c.input.Year(y);
    if (from == nullptr) {
      return Status::Error(
          fmt::format("clients:{} vraagt het aantal cliënten van {}, maar dat jaar "
                      "ontbreekt (gegevens "
                      "vanaf {})",
                      lag_, y, c.input.FirstYear()));
    }
    std::vector<double> weights(c.year.municipalities.size());
    AddRolledUp(c, *from, ClientCounts, weights);
    return SplitByNonNegative(c, total, std::move(weights));
  }
  RulePtr WithKey(const std::string&) const override { return MakeClientsRule(lag_); }

 private:
  int lag_;
};

}  // namespace

RulePtr MakeHistoryRule(int n) { return std::make_unique<HistoryRule>(n); }
RulePtr MakeClientsRule(int lag) { return std::make_unique<ClientsRule>(lag); }

}  // namespace jr::settle
