// InputBuilder: assembles a SettlementInput from rows (store aggregates, scenario files,
// synthetic benchmark data).
//
// Years are those with any use, client cost, fixed or local cost. In each year the
// municipalities are those of the region active that year; a row of a municipality no
// longer active is booked on its successor of that year (mergers), and dropped when it
// has none (it left the region). Keys are taken from the region per year; the state
// grant is the key "rijksbijdrage" (euro) in cents. Not thread-safe while adding.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/money.h"
#include "region/region.h"
#include "settle/settlement_input.h"

namespace jr::settle {

class InputBuilder {
 public:
  explicit InputBuilder(Region region) : region_(std::move(region)) {}

  // Declared use of a municipality in a year and care bucket, with its client count.
  void AddUse(const std::string& code, int year, const std::string& bucket, Money cost,
              int64_t clients);
  // One client's declared cost in a year and bucket (for the pool rule and risk). Does
  // not add to the use: add that with AddUse.
  void AddClientCost(const std::string& client, const std::string& code, int year,
                     const std::string& bucket, Money cost);
  // A fixed regional cost of a year.
  void AddFixedCost(int year, const std::string& bucket, Money amount);
  // A municipality's local cost of a year.
  void AddLocalCost(const std::string& code, int year, const std::string& bucket,
                    Money amount);

  // Rows dropped so far because their municipality had left the region.
  int64_t dropped() const { return dropped_; }

  SettlementInput Build() const;

 private:
  // The municipality a row of `code` in `year` is booked on, or "" if none.
  std::string Target(const std::string& code, int year) const;

  Region region_;
  // (year, bucket, municipality) -> (cost, clients)
  std::map<std::tuple<int, std::string, std::string>, std::pair<Money, int64_t>> use_;
  // Per-client rows with interned names; grouped at Build().
  struct ClientRow {
    int year;
    int client;        // index into client_ids_
    int municipality;  // index into names_
    int bucket;        // index into names_
    Money cost;
  };
  int Intern(const std::string& name);
  std::vector<ClientRow> client_rows_;
  std::unordered_map<std::string, int> client_ids_;
  std::unordered_map<std::string, int> name_ids_;
  std::vector<std::string> names_;
  // (code, year) -> target of Target(), cached: rows come by the hundred thousand.
  mutable std::unordered_map<std::string, std::string> targets_;
  std::map<std::pair<int, std::string>, Money> fixed_;
  // (year, bucket, municipality) -> amount
  std::map<std::tuple<int, std::string, std::string>, Money> local_;
  mutable int64_t dropped_ = 0;
};

}  // namespace jr::settle
