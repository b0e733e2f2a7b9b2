// own and key:<name>.
#include <fmt/format.h>

#include "core/split.h"
#include "region/key_weights.h"
#include "settle/rules.h"

namespace jr::settle {

Result<std::vector<Money>> SplitOverMunicipalities(Money total,
                                                   const std::vector<double>& weights,
                                                   const YearData& year) {
  return SplitLargestRemainder(total, weights, year.municipalities);
}

Result<std::vector<Money>> ScaleExact(Money total, const std::vector<Money>& exact,
                                      const YearData& year) {
  Money sum;
  for (Money v : exact) sum += v;
  if (sum == total) return exact;
  std::vector<double> weights(exact.size());
  for (size_t i = 0; i < exact.size(); ++i) {
    weights[i] = exact[i].cents() > 0 ? static_cast<double>(exact[i].cents()) : 0.0;
  }
  return SplitOverMunicipalities(total, weights, year);
}

Result<std::vector<Money>> SplitByKey(const AllocationContext& c, const std::string& key,
                                      Money total) {
  auto it = c.year.keys.find(key);
  if (it == c.year.keys.end()) {
    return Status::Error(
        fmt::format("verdeelsleutel '{}' bestaat niet in jaar {}", key, c.year.year));
  }
  return jr::SplitByKey(total, key, c.year.year, c.year.municipalities, it->second,
                        [&c](const std::string& code) { return c.input.Name(code); });
}

namespace {

class OwnRule final : public SettlementRule {
 public:
  std::string name() const override { return "own"; }
  RuleNeeds needs() const override { return {true, false, 0}; }
  Result<std::vector<Money>> allocate(const AllocationContext& c,
                                      Money total) const override {
    return ScaleExact(total, c.year.UseOf(c.bucket_index), c.year);
  }
  RulePtr WithKey(const std::string&) const override { return MakeOwnRule(); }
};

class KeyRule final : public SettlementRule {
 public:
  explicit KeyRule(std::string key) : key_(std::move(key)) {}
  std::string name() const override { return "key:" + key_; }
  Result<std::vector<Money>> allocate(const AllocationContext& c,
                                      Money total) const override {
    return SplitByKey(c, key_, total);
  }
  RulePtr WithKey(const std::string& key) const override { return MakeKeyRule(key); }

 private:
  std::string key_;
};

}  // namespace

RulePtr MakeOwnRule() { return std::make_unique<OwnRule>(); }
RulePtr MakeKeyRule(std::string key) { return std::make_unique<KeyRule>(std::move(key)); }

}  // namespace jr::settle
