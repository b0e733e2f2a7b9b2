// Model: a settlement model (solidarity model) — which rule settles which bucket.
//
// Care buckets (declared use) get their own rule or the model's default; fixed
// regional costs get their own rule or `fixed` (default key:inwoners); local costs are
// always settled per municipality. Each rule keeps where it was written (file and TOML
// key) so errors while applying it name that place. Move-only; immutable after parsing
// and safe to share between threads.
#pragma once

#include <map>
#include <string>

#include "core/status.h"
#include "settle/settlement_rule.h"

namespace jr::settle {

// A rule and where it came from.
struct RuleBinding {
  RulePtr rule;
  Location where;  // file and TOML key, e.g. {"mijn.toml", 4, 1, "buckets.verblijf"}
};

struct Model {
  std::string name;          // stored with every result: "solidair"
  std::string description;   // Dutch, one line
  RuleBinding default_rule;  // care buckets not listed
  std::map<std::string, RuleBinding> bucket_rules;  // care bucket -> rule
  RuleBinding fixed_rule;                           // fixed regional costs not listed
  std::map<std::string, RuleBinding> fixed_bucket_rules;  // fixed cost bucket -> rule

  const RuleBinding& ForBucket(const std::string& bucket) const;
  // The needs of all its rules together.
  RuleNeeds needs() const;
  const RuleBinding& ForFixed(const std::string& bucket) const;
  // The what-if on the key: a copy whose rules split by `key` wherever they split by a
  // key (SettlementRule::WithKey) — care buckets and fixed regional costs alike. Name,
  // description and where each rule was written are kept.
  Model WithKey(const std::string& key) const;
};

}  // namespace jr::settle
