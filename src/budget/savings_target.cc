#include "budget/savings_target.h"

#include <filesystem>

#include <fmt/format.h>

#include "budget/budget_config.h"

namespace jr {

std::map<int, Money> CumulativeTarget(const std::vector<BudgetYear>& path,
                                      const std::vector<int>& years) {
  std::map<int, Money> out;
  if (path.empty()) return out;
  for (int y : years) {
    if (y < path.front().year) continue;
    Money sum;
    for (const BudgetYear& b : path) {
      if (b.year <= y) sum -= b.target;
    }
    out[y] = sum;
  }
  return out;
}

Result<std::map<int, Money>> ReadSavingsTarget(const toml::table& doc, const TomlSource& src,
                                               const std::vector<int>& years) {
  const toml::node* table = doc.get("taakstelling");
  const toml::node* budget = doc.get("begroting");
  if (table != nullptr && budget != nullptr) {
    return TomlError(src, budget, "begroting",
                     "geef 'taakstelling' of 'begroting', niet allebei");
  }
  if (budget != nullptr) {
    auto file = RequireString(src, doc, "begroting", "begroting");
    if (!file.ok()) return file.status();
    std::filesystem::path p(*file);
    if (p.is_relative()) p = std::filesystem::path(src.file).parent_path() / p;
    auto cfg = LoadBudgetConfig(p.string());
    if (!cfg.ok()) return cfg.status();
    return CumulativeTarget(cfg->years, years);
  }
  if (table == nullptr) return std::map<int, Money>();
  return ReadYearAmounts(src, *table, "taakstelling", years);
}

}  // namespace jr
