// History: the care data a forecast is calibrated on and a backtest is compared with.
// Plain values loaded from the store (see history_loader.h) or built by tests.
#pragma once

#include <cstdint>
#include <vector>

#include "care/assignment.h"
#include "care/product.h"
#include "care/provider.h"
#include "region/region.h"

namespace jr::forecast {

// Declared cost and volume of one assignment in one calendar month (declarations
// counted in the month of their first day; credits subtract).
struct AssignmentMonth {
  int assignment = 0;  // index into History::assignments
  int month = 0;       // MonthIndex
  int64_t cost_cents = 0;
  int64_t volume_x100 = 0;
};

struct History {
  Region region;
  std::vector<Product> products;
  std::vector<Tariff> tariffs;
  std::vector<Assignment> assignments;
  std::vector<AssignmentMonth> months;  // any order
  // Residence periods with the birth month (population.h); may be empty (then ages,
  // age-out and recurrence are unknown and the model runs without them).
  std::vector<ClientResidence> clients;
};

}  // namespace jr::forecast
