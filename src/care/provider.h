// Providers (aanbieders), their contracts per year and lot, and youth teams.
#pragma once

#include <optional>
#include <string>

#include "core/money.h"

namespace jr {

struct Provider {
  std::string agb;  // 8-digit AGB code
  std::string name;
};

// A provider's contract in a year for a lot (perceel), with an optional budget ceiling.
struct Contract {
  std::string agb;
  int year = 0;
  std::string lot;
  std::optional<Money> ceiling;
};

// A youth team (jeugdteam) serving one municipality, with an optional yearly budget.
struct YouthTeam {
  std::string team;  // team code
  std::string name;
  std::string municipality;  // CBS code
  int year = 0;
  std::optional<Money> budget;
};

// Tariff per unit of a product in a year; with `agb` set, a provider's contract tariff.
struct Tariff {
  std::string category;
  std::string code;
  int year = 0;
  Money per_unit;
  std::string agb;  // empty: the regional tariff
};

}  // namespace jr
