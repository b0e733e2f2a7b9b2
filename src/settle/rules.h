// The settlement rules (DESIGN.md §2.4). Internal to settle/: other code makes rules
// through ParseRule (rule_registry.h) so that a rule's name always parses back to it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "settle/settlement_rule.h"

namespace jr::settle {

// own: each municipality pays its own declared use (profijtbeginsel).
RulePtr MakeOwnRule();
// key:<name>: the total split by a key of the settled year (waarborg).
RulePtr MakeKeyRule(std::string key);
// history:<n>: split by each municipality's share of the bucket's use in the n years
// before the settled year, predecessors rolled up into their successors (vlaktaks).
// REQUIRES: n >= 1
RulePtr MakeHistoryRule(int n);
// clients:<lag>: split by the number of clients of the bucket in year t - lag.
// REQUIRES: lag >= 0
RulePtr MakeClientsRule(int lag);
// pool:<threshold>:<key>: per client, the part of the year's cost in the bucket above
// `threshold` is pooled and split by the key; the rest is own use (stop-loss).
// REQUIRES: threshold > 0
RulePtr MakePoolRule(Money threshold, std::string key);
// A weighted blend: the total is split by the weights (to the cent), each part by its
// rule. REQUIRES: weights > 0 adding up to 1; at least one term.
RulePtr MakeBlendRule(std::vector<std::pair<double, RulePtr>> terms);
// A phase-in path: in year t the rule of the latest entry with year <= t; before the
// first entry the first. REQUIRES: entries sorted by strictly increasing year; not empty.
RulePtr MakePhaseRule(std::vector<std::pair<int, RulePtr>> entries);

// Splits `total` by non-negative weights over year.municipalities (ties by code).
Result<std::vector<Money>> SplitOverMunicipalities(Money total,
                                                   const std::vector<double>& weights,
                                                   const YearData& year);
// `total` split by the key `key` of the context's year; fails when the key is missing
// for a municipality.
Result<std::vector<Money>> SplitByKey(const AllocationContext& context,
                                      const std::string& key, Money total);
// `exact` when it adds up to `total`; otherwise `total` split in proportion to the
// positive parts of `exact` (a rule's full-bucket result scaled to a blend's part).
Result<std::vector<Money>> ScaleExact(Money total, const std::vector<Money>& exact,
                                      const YearData& year);

}  // namespace jr::settle
