#include "settle/model.h"

namespace jr::settle {

const RuleBinding& Model::ForBucket(const std::string& bucket) const {
  auto it = bucket_rules.find(bucket);
  return it == bucket_rules.end() ? default_rule : it->second;
}

RuleNeeds Model::needs() const {
  RuleNeeds out = default_rule.rule->needs() | fixed_rule.rule->needs();
  for (const auto& [bucket, binding] : bucket_rules) out = out | binding.rule->needs();
  for (const auto& [bucket, binding] : fixed_bucket_rules) out = out | binding.rule->needs();
  return out;
}

const RuleBinding& Model::ForFixed(const std::string& bucket) const {
  auto it = fixed_bucket_rules.find(bucket);
  return it == fixed_bucket_rules.end() ? fixed_rule : it->second;
}

}  // namespace jr::settle
