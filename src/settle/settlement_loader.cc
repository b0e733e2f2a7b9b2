#include "settle/settlement_loader.h"

#include "settle/input_builder.h"

namespace jr::settle {

Result<SettlementInput> LoadSettlementInput(const Store& store, bool client_costs) {
  auto region = store.LoadRegion();
  if (!region.ok()) return region.status();
  auto use = store.UseByMunicipalityYearBucket();
  if (!use.ok()) return use.status();
  Result<std::vector<ClientYearCost>> clients = std::vector<ClientYearCost>{};
  if (client_costs) clients = store.ClientYearCosts();
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
  for (const CostItem& item : *fixed) builder.AddFixedCost(item.year, item.bucket, item.amount);
  for (const CostItem& item : *local) {
    builder.AddLocalCost(item.municipality, item.year, item.bucket, item.amount);
  }
  return builder.Build();
}

}  // namespace jr::settle
