// BudgetConfig: the budget monitor's input file (begroting.toml).
//
//   indexatie = 0.02                     # scenario 2: base year -> first year (0.02)
//   indexatie_per_jaar = 0.0             # scenario 2: each later year (default 0:
//                                        #   a fixed base)
//   sleutel = "inwoners"                 # key for the municipality shares of caps 2
//                                        #   and 3; default: share of the base year
//   realisatie_voorgaand_jaar = 104_600_000  # realised cost of the base year, the
//                                        #   year before the first
//   [realisatie_uit_database]            # what "realised" means when read from the store
//   vaste_kosten = true                  # + regional fixed costs (default true)
//   lokale_kosten = false                # + local costs of the municipalities (default
//   false)
//   [[jaar]]
//   jaar = 2019
//   begroting = 104_500_000              # required in the first year
//   burap = 10_200_000                   # default 0
//   taakstelling = -5_000_000            # default 0; a saving is negative
//   bijdrage_rijk = 12_000_000           # optional: unknown counts as 0
//   rijksbudget = 95_700_000             # optional: cap of scenario 1
//   realisatie = 114_700_000             # optional: else from the store
//   prognose = 112_000_000               # optional
// Amounts are euros (see core/toml_reader.h).
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <vector>

#include "budget/budget_year.h"
#include "core/money.h"
#include "core/status.h"
#include "core/toml_reader.h"

namespace jr {

struct BudgetConfig {
  std::vector<BudgetYear> years;   // consecutive years, ascending
  double indexation = 0.02;        // scenario 2: base realisation -> first year's cap
  double yearly_indexation = 0.0;  // scenario 2: each later year (0: fixed base)
  std::optional<Money> realised_before;  // realised cost of years.front().year - 1
  // Key that shares caps 2 and 3 over municipalities; empty: each municipality's
  // share of the base year's realisation (DESIGN §2.5).
  std::string key;
  bool include_fixed_costs = true;   // store realisation includes fixed regional costs
  bool include_local_costs = false;  // store realisation includes local costs
};

// Reads the config from a parsed document. Dutch errors name file, line and key:
// a missing [[jaar]] list or `jaar`/`begroting` in the first year, years that are not
// consecutive and ascending, amounts that are not amounts, an indexation outside
// [-0.5, 0.5].
Result<BudgetConfig> ParseBudgetConfig(const toml::table& doc, const TomlSource& src);
// Reads and parses `file`.
Result<BudgetConfig> LoadBudgetConfig(const std::string& file);

}  // namespace jr
