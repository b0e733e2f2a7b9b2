// Weighted blends of rules and phase-in paths of blends by year.
#include <fmt/format.h>

#include "core/split.h"
#include "settle/rules.h"

namespace jr::settle {
namespace {

// The needs of all rules of (weight or year, rule) pairs together.
template <typename Pairs>
RuleNeeds AllNeeds(const Pairs& pairs) {
  RuleNeeds out;
  for (const auto& pair : pairs) out = out | pair.second->needs();
  return out;
}

class BlendRule final : public SettlementRule {
 public:
  explicit BlendRule(std::vector<std::pair<double, RulePtr>> terms)
      : terms_(std::move(terms)) {
    for (size_t i = 0; i < terms_.size(); ++i) {
      weights_.push_back(terms_[i].first);
      tie_keys_.push_back(fmt::format("{:04}", i));
    }
  }
  std::string name() const override {
    std::string out;
    for (const auto& [weight, rule] : terms_) {
      if (!out.empty()) out += " + ";
      out += fmt::format("{}*{}", weight, rule->name());
    }
    return out;
  }
  RuleNeeds needs() const override { return AllNeeds(terms_); }
  Result<std::vector<Money>> allocate(const AllocationContext& c,
                                      Money total) const override {
    auto parts = SplitLargestRemainder(total, weights_, tie_keys_);
    if (!parts.ok()) return parts.status();
    std::vector<Money> out(c.year.municipalities.size());
    for (size_t i = 0; i < terms_.size(); ++i) {
      auto shares = terms_[i].second->allocate(c, (*parts)[i]);
      if (!shares.ok()) return shares.status();
      for (size_t m = 0; m < out.size(); ++m) out[m] += (*shares)[m];
    }
    return out;
  }
  RulePtr WithKey(const std::string& key) const override {
    std::vector<std::pair<double, RulePtr>> terms;
    for (const auto& [weight, rule] : terms_) {
      terms.emplace_back(weight, rule->WithKey(key));
    }
    return MakeBlendRule(std::move(terms));
  }

 private:
  std::vector<std::pair<double, RulePtr>> terms_;
  std::vector<double> weights_;
  std::vector<std::string> tie_keys_;
};

class PhaseRule final : public SettlementRule {
 public:
  explicit PhaseRule(std::vector<std::pair<int, RulePtr>> entries)
      : entries_(std::move(entries)) {}
  std::string name() const override {
    std::string out;
    for (const auto& [year, rule] : entries_) {
      out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", year, rule->name());
    }
    return "phase(" + out + ")";
  }
  RuleNeeds needs() const override { return AllNeeds(entries_); }
  Result<std::vector<Money>> allocate(const AllocationContext& c,
                                      Money total) const override {
    const SettlementRule* rule = entries_.front().second.get();
    for (const auto& [year, r] : entries_) {
      if (year <= c.year.year) rule = r.get();
    }
    return rule->allocate(c, total);
  }
  RulePtr WithKey(const std::string& key) const override {
    std::vector<std::pair<int, RulePtr>> entries;
    for (const auto& [year, rule] : entries_) {
      entries.emplace_back(year, rule->WithKey(key));
    }
    return MakePhaseRule(std::move(entries));
  }

 private:
  std::vector<std::pair<int, RulePtr>> entries_;
};

}  // namespace

RulePtr MakeBlendRule(std::vector<std::pair<double, RulePtr>> terms) {
  return std::make_unique<BlendRule>(std::move(terms));
}

RulePtr MakePhaseRule(std::vector<std::pair<int, RulePtr>> entries) {
  return std::make_unique<PhaseRule>(std::move(entries));
}

}  // namespace jr::settle
