// BudgetConfig: the budget monitor's input file (begroting.toml).
//
//   indexatie = 0.02                     # scenario 2, per year (default 0.02)
//   sleutel = "inwoners"                 # key for municipality shares (default)
//   realisatie_voorgaand_jaar = 104_600_000  # realised cost of the year before the first
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
  std::vector<BudgetYear> years;         // consecutive years, ascending
  double indexation = 0.02;              // scenario 2: yearly indexation of the cap
  std::optional<Money> realised_before;  // realised cost of years.front().year - 1
  std::string key = "inwoners";          // key that shares caps over municipalities
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
