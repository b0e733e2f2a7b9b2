// Scenario files: a small settlement case in TOML — input, model and the expected
// table computed by hand (tests/data/settle/*.toml; format in docs/settle.md).
//
//   description = "..."
//   year = 2021                         # the year settled
//   [[municipality]]                    # code, name, from (year), until, successor
//   [[key]]                             # municipality, year, key, value
//   [[use]]                             # municipality, year, bucket, amount, clients
//   [[client]]                          # client, municipality, year, bucket, amount
//                                       #   (also counts as use and as one client)
//   [[fixed]]                           # year, bucket, amount
//   [[local]]                           # municipality, year, bucket, amount
//   [model]                             # a model, as in a model file, or
//   model = "solidair"                  #   the name of a built-in model
//   [[expected]]                        # municipality, contribution, own_use
//   expected_error = "..."              # or: a part of the expected error message
// Amounts are euros as in every TOML input (core/toml_reader.h): "1234,56" or 1234.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "settle/model.h"
#include "settle/settlement_input.h"

namespace jr::settle {

struct ExpectedRow {
  std::string municipality;  // code
  Money contribution;
  Money own_use;
};

struct Scenario {
  std::string file;
  std::string description;
  int year = 0;
  SettlementInput input;
  Model model;
  std::vector<ExpectedRow> expected;
  std::optional<std::string> expected_error;  // part of the Dutch message
};

// Reads a scenario file; Dutch errors name the file, line and key.
Result<Scenario> LoadScenarioFile(const std::string& path);

}  // namespace jr::settle
