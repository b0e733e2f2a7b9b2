#include "settle/model.h"

namespace jr::settle {

const RuleBinding& Model::ForBucket(const std::string& bucket) const {
  auto it = bucket_rules.find(bucket);
  return it == bucket_rules.end() ? default_rule : it->second;
}

RuleNeeds Model::needs() const {
  RuleNeeds out = default_rule.rule->needs() | fixed_rule.rule->needs();
  for (const auto& [bucket, binding] : bucket_rules) out = out | binding.rule->needs();
  for (const auto& [bucket, binding] : fixed_bucket_rules)
    out = out | binding.rule->needs();
  return out;
}

const RuleBinding& Model::ForFixed(const std::string& bucket) const {
  auto it = fixed_bucket_rules.find(bucket);
  return it == fixed_bucket_rules.end() ? fixed_rule : it->second;
}

Model Model::WithKey(const std::string& key) const {
  auto swapped = [&key](const RuleBinding& b) {
    return RuleBinding{b.rule->WithKey(key), b.where};
  };
  Model out;
  out.name = name;
  out.description = description;
  out.default_rule = swapped(default_rule);
  for (const auto& [bucket, b] : bucket_rules) {
    out.bucket_rules.emplace(bucket, swapped(b));
  }
  out.fixed_rule = swapped(fixed_rule);
  for (const auto& [bucket, b] : fixed_bucket_rules) {
    out.fixed_bucket_rules.emplace(bucket, swapped(b));
  }
  return out;
}

}  // namespace jr::settle
