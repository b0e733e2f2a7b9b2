// SettlementInput: everything the settlement engine needs, as plain values.
//
// One YearData per year: the municipalities active that year, their declared use per
// cost bucket, client counts, per-client costs (for the pool rule and the risk
// bootstrap), keys, state grant, fixed regional costs and local costs. Municipalities
// and buckets are addressed by index into the sorted `municipalities` and `buckets`
// vectors of that year. Built by LoadSettlementInput (from the store), by tests
// (from scenario files) and by benchmarks (synthetic). Thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/money.h"
#include "core/status.h"

namespace jr::settle {

// One client's declared cost in one year and bucket. A client with costs in several
// buckets has several rows, next to each other (same `client`).
struct ClientCost {
  int client = 0;        // number of the client within the year
  int municipality = 0;  // index into YearData::municipalities
  int bucket = 0;        // index into YearData::buckets
  Money cost;
};

// A cost that is not declared care: a fixed regional cost (one amount per year) or a
// municipality's local cost.
struct CostLine {
  std::string bucket;       // "serviceorganisatie", "jeugdteams"
  std::vector<Money> cost;  // local: per municipality; fixed: a single amount
};

struct YearData {
  int year = 0;
  std::vector<std::string> municipalities;    // codes active this year, sorted
  std::vector<std::string> buckets;           // care cost buckets, sorted
  std::vector<std::vector<Money>> use;        // [bucket][municipality] declared own use
  std::vector<std::vector<int64_t>> clients;  // [bucket][municipality] distinct clients
  // Grouped by client; empty: no pool, no risk. A resampled risk year holds only the
  // rows its models read (above the lowest pool threshold).
  std::vector<ClientCost> client_costs;
  // Keys by name ("inwoners", "jeugdigen", "rijksbijdrage", custom), per municipality;
  // NaN where a municipality has no value.
  std::map<std::string, std::vector<double>> keys;
  std::vector<Money> state_grant;     // per municipality (rijksbijdrage)
  std::vector<CostLine> fixed_costs;  // regional, `cost` has one element
  std::vector<CostLine> local_costs;  // per municipality, settled as own

  // Index of a municipality or bucket, or -1.
  int MunicipalityIndex(const std::string& code) const;
  int BucketIndex(const std::string& bucket) const;
  // Total declared use of a bucket (-1: of all buckets) by municipality.
  std::vector<Money> UseOf(int bucket) const;
  // Client counts of a bucket (-1: summed over buckets) by municipality.
  std::vector<int64_t> ClientsOf(int bucket) const;
  // Sum of the declared use of one bucket (-1: all buckets).
  Money TotalUse(int bucket) const;
};

struct SettlementInput {
  std::map<int, YearData> years;
  // Merger: predecessor code -> the municipality it merged into.
  std::map<std::string, std::string> successor;
  std::map<std::string, std::string> names;  // code -> name, for output
  // The key by which each municipality's own use includes a share of the fixed
  // regional costs (DESIGN §2.4): the region's, not the model's, so own use is the
  // same under every model.
  std::string fixed_cost_key = "inwoners";

  const YearData* Year(int year) const;
  // First year with data; 0 if there is none.
  int FirstYear() const;
  // For each municipality of year `from`, the index in year `to` of the municipality
  // its figures belong to in `to`: itself, or the end of its successor chain. -1 when
  // it left the region without a successor.
  std::vector<int> RollUp(const YearData& from, const YearData& to) const;
  // Display name, or the code when unknown.
  std::string Name(const std::string& code) const;
  // The names of the keys of any year, sorted.
  std::vector<std::string> KeyNames() const;
};

}  // namespace jr::settle
