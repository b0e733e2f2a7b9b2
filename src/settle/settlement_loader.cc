#include "settle/settlement_loader.h"

#include "settle/input_builder.h"

namespace jr::settle {

Result<SettlementInput> LoadSettlementInput(const Store& store,
                                            const SettlementLoadOptions& options) {
  auto region = store.LoadRegion();
  if (!region.ok()) return region.status();
  const bool all = options.first_year == 0 || options.last_year == 0;
  const int first = all ? 0 : options.first_year;
  const int last = all ? 9999 : options.last_year;
  const int from = first - (all ? 0 : options.lookback);
  auto use = store.UseByMunicipalityYearBucket(from, last);
  if (!use.ok()) return use.status();
  Result<std::vector<ClientYearCost>> clients = std::vector<ClientYearCost>{};
  if (options.client_costs) clients = store.ClientYearCosts(first, last);
  if (!clients.ok()) return clients.status();
  auto fixed = store.LoadFixedCosts();
  if (!fixed.ok()) return fixed.status();
  auto local = store.LoadLocalCosts();
  if (!local.ok()) return local.status();

  InputBuilder builder(std::move(region).value());
  for (const UseRow& row : *use) {
    builder.AddUse(row.municipality, row.year, row.bucket, row.cost, row.clients);
  }
  for (const ClientYearCost& row : *clients) {
    builder.AddClientCost(row.client, row.municipality, row.year, row.bucket, row.cost);
  }
  // Costs of the same years as the use only: a year must be complete or absent.
  for (const CostItem& item : *fixed) {
    if (item.year >= from && item.year <= last) {
      builder.AddFixedCost(item.year, item.bucket, item.amount);
    }
  }
  for (const CostItem& item : *local) {
    if (item.year >= from && item.year <= last) {
      builder.AddLocalCost(item.municipality, item.year, item.bucket, item.amount);
    }
  }
  return builder.Build();
}

}  // namespace jr::settle
