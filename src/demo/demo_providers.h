// DemoProvider: the ~180 contracted providers of the demo region, each of one kind
// (certified institution, residential, foster care, mental health, outpatient
// practice, ...) with the products it delivers, a market size and the years it is
// contracted.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/demo_products.h"

namespace jr::demo {

struct DemoProvider {
  std::string agb;   // 8-digit AGB code (synthetic)
  std::string name;  // synthetic name
  ProviderKind kind = ProviderKind::kOutpatient;
  double size = 1;            // relative chance to be chosen for a new assignment
  int first_year = 0;         // first contract year
  int last_year = 0;          // last contract year
  std::vector<int> products;  // indices into DemoProducts(), ascending

  bool ActiveIn(int year) const { return year >= first_year && year <= last_year; }
  bool Offers(int product) const;
};

// The providers for a seed. The first provider of each kind is contracted every year
// and delivers every product of its kind, so every product always has a provider.
std::vector<DemoProvider> MakeDemoProviders(uint64_t seed, int first_year, int last_year);

}  // namespace jr::demo
