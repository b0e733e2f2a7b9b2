// BudgetYear: the figures of one year of the budget monitor, as entered in the config.
#pragma once

#include <optional>

#include "core/money.h"

namespace jr {

struct BudgetYear {
  int year = 0;
  // Begroting. Required in the first year (the start value of the path); in a later
  // year it rebases the path, otherwise the budget is last year's annual cost.
  std::optional<Money> budget;
  Money amendment;  // burap: amendments during the year
  Money target;     // taakstelling, signed as in the seed table: a saving is negative
  // Bijdrage rijk: extra state contribution deducted from the cost to the region;
  // unknown counts as 0 in the path but is shown as unknown.
  std::optional<Money> state_contribution;
  std::optional<Money> state_budget;  // oude rijksbudget jeugdhulp: the cap of scenario 1
  std::optional<Money> realised;      // realisatie; when absent, taken from the store
  std::optional<Money> forecast;      // prognose
};

}  // namespace jr
