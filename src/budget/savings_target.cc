#include "budget/savings_target.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>

#include "budget/budget_config.h"
#include "budget/target_path.h"

namespace jr {

std::map<int, Money> CumulativeTarget(const std::vector<BudgetYear>& path,
                                      const std::vector<int>& years, double growth) {
  std::map<int, Money> out;
  if (path.empty()) return out;
  const double start =
      static_cast<double>(ComputeTargetPath(path).front().annual_cost.cents());
  for (int y : years) {
    if (y < path.front().year) continue;
    Money sum;
    for (const BudgetYear& b : path) {
      if (b.year <= y) sum -= b.target;
    }
    const double trend = start * (std::pow(1.0 + growth, y - path.front().year) - 1.0);
    out[y] = sum + Money::FromCents(RoundCents(trend));
  }
  return out;
}

Result<std::map<int, Money>> ReadSavingsTarget(const toml::table& doc,
                                               const TomlSource& src,
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
    auto growth = OptionalDouble(src, doc, "autonome_groei", "autonome_groei", 0.0);
    if (!growth.ok()) return growth.status();
    if (*growth < -0.5 || *growth > 0.5) {
      return TomlError(src, doc.get("autonome_groei"), "autonome_groei",
                       "'autonome_groei' moet tussen -0,5 en 0,5 liggen");
    }
    return CumulativeTarget(cfg->years, years, *growth);
  }
  if (table == nullptr) return std::map<int, Money>();
  return ReadYearAmounts(src, *table, "taakstelling", years);
}

Result<std::map<int, Money>> LoadSavingsTarget(const std::string& config_file) {
  TomlSource src{config_file};
  auto doc = ReadTomlFile(src);
  if (!doc.ok()) return doc.status();
  auto years = RequireYearList(src, *doc, "jaren", "jaren");
  if (!years.ok()) return years.status();
  return ReadSavingsTarget(*doc, src, *years);
}

}  // namespace jr
