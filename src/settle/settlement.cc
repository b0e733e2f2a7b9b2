#include "settle/settlement.h"

#include <fmt/format.h>

#include "region/key_weights.h"

namespace jr::settle {
namespace {

std::optional<double> Ratio(Money num, Money den) {
  if (den == Money()) return std::nullopt;
  return static_cast<double>(num.cents()) / static_cast<double>(den.cents());
}

// Applies one rule to one bucket; errors name the model file and key.
Result<BucketSettlement> Allocate(const SettlementInput& input, const YearData& year,
                                  const RuleBinding& binding, const std::string& bucket,
                                  int bucket_index, Money total) {
  AllocationContext context{input, year, bucket, bucket_index, total};
  auto parts = binding.rule->allocate(context, total);
  if (!parts.ok()) {
    std::string where = binding.where.path.empty() ? "" : binding.where.path + ": ";
    return Status::Error(fmt::format("{}kostenpost '{}' in {}: {}", where, bucket,
                                     year.year, parts.status().message()),
                         binding.where);
  }
  BucketSettlement out{
      bucket, binding.rule->name(),
      bucket_index < 0 ? BucketSettlement::Kind::kFixed : BucketSettlement::Kind::kCare,
      total, std::move(parts).value()};
  return out;
}

}  // namespace

std::optional<double> MunicipalitySettlement::contribution_ratio() const {
  return Ratio(contribution, own_use);
}

std::optional<double> MunicipalitySettlement::grant_ratio() const {
  return Ratio(state_grant, own_use);
}

Money YearSettlement::TotalContribution() const {
  Money total;
  for (const MunicipalitySettlement& m : municipalities) total += m.contribution;
  return total;
}

Result<YearSettlement> SettleYear(const SettlementInput& input, const Model& model,
                                  int year) {
  const YearData* data = input.Year(year);
  if (data == nullptr) {
    return Status::Error(fmt::format("geen gegevens voor jaar {} (gegevens vanaf {})",
                                     year, input.FirstYear()));
  }
  return SettleYearData(input, *data, model);
}

Result<YearSettlement> SettleYearData(const SettlementInput& input, const YearData& year,
                                      const Model& model) {
  const size_t n = year.municipalities.size();
  YearSettlement out;
  out.model = model.name;
  out.year = year.year;
  for (size_t b = 0; b < year.buckets.size(); ++b) {
    const std::string& bucket = year.buckets[b];
    auto settled = Allocate(input, year, model.ForBucket(bucket), bucket,
                            static_cast<int>(b), year.TotalUse(static_cast<int>(b)));
    if (!settled.ok()) return settled.status();
    out.buckets.push_back(std::move(settled).value());
  }
  for (const CostLine& fixed : year.fixed_costs) {
    auto settled = Allocate(input, year, model.ForFixed(fixed.bucket), fixed.bucket, -1,
                            fixed.cost.at(0));
    if (!settled.ok()) return settled.status();
    out.buckets.push_back(std::move(settled).value());
  }
  for (const CostLine& local : year.local_costs) {
    Money total;
    for (Money v : local.cost) total += v;
    out.buckets.push_back(BucketSettlement{
        local.bucket, "own", BucketSettlement::Kind::kLocal, total, local.cost});
  }
  out.municipalities.resize(n);
  for (size_t m = 0; m < n; ++m) {
    MunicipalitySettlement& row = out.municipalities[m];
    row.code = year.municipalities[m];
    row.name = input.Name(row.code);
    row.state_grant = m < year.state_grant.size() ? year.state_grant[m] : Money();
  }
  for (const BucketSettlement& b : out.buckets) {
    Money sum;
    for (size_t m = 0; m < n; ++m) {
      out.municipalities[m].contribution += b.parts[m];
      sum += b.parts[m];
    }
    if (sum != b.total) {
      return Status::Error(
          fmt::format("interne fout: regel '{}' verdeelt {} van kostenpost '{}' "
                      "als {}",
                      b.rule, b.total.ToString(), b.bucket, sum.ToString()));
    }
    if (b.kind == BucketSettlement::Kind::kLocal) {
      for (size_t m = 0; m < n; ++m) out.municipalities[m].local_costs += b.parts[m];
    }
  }
  for (const auto& row : year.use) {
    for (size_t m = 0; m < n; ++m) out.municipalities[m].declared_use += row[m];
  }
  if (!year.fixed_costs.empty()) {
    // Each fixed bucket split on its own, as a key rule splits it, so under a model
    // whose fixed rule is the same key the share equals the contribution to the cent.
    const std::string& key = input.fixed_cost_key;
    auto it = year.keys.find(key);
    if (it == year.keys.end()) {
      return Status::Error(fmt::format(
          "verdeelsleutel '{}' van de vaste regionale kosten bestaat niet in jaar {}",
          key, year.year));
    }
    for (const CostLine& fixed : year.fixed_costs) {
      auto parts = jr::SplitByKey(
          fixed.cost.at(0), key, year.year, year.municipalities, it->second,
          [&input](const std::string& code) { return input.Name(code); });
      if (!parts.ok()) return parts.status();
      for (size_t m = 0; m < n; ++m) out.municipalities[m].fixed_share += (*parts)[m];
    }
  }
  for (MunicipalitySettlement& row : out.municipalities) {
    row.own_use = row.declared_use + row.local_costs + row.fixed_share;
  }
  return out;
}

}  // namespace jr::settle
