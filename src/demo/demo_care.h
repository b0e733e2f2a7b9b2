// DemoCare: the simulated care of the demo region — clients with their residence
// over time and their assignments (toewijzingen) — and the model that makes it.
//
// Care comes in trajectories. Clients in care on the first day (the transition of
// 2015) and clients who start later each get a first assignment; when an assignment
// ends, it is re-indicated with `reindication_chance` (a new assignment the next day,
// mostly the same product and provider) until the chain stops, the client turns 18
// or the horizon ends. Assignments of a municipality that merges are continued by its
// successor on the day of the merger; those of a municipality that leaves the region
// end the day before.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "care/codes.h"
#include "demo/demo_providers.h"

namespace jr::demo {

// The assumptions of the care model (no source; tuned to the public figures of
// facts/demo-region.md). Counts are at scale 1.0.
struct CareModel {
  double stock = 11000;               // trajectories running on the first day
  double inflow = 3750;               // new trajectories a year (times the growth path)
  double reindication_chance = 0.74;  // chance that an ending assignment is re-indicated
  double move_chance = 0.03;          // chance a client moves to another municipality of
                                      // the region at a re-indication
  double provider_loyalty = 0.9;      // chance a re-indication stays with the provider
};

struct DemoResidence {
  int municipality = 0;  // index into DemoMunicipalities()
  int begin = 0;         // day number of the first day
};

struct DemoClient {
  std::string pseudonym;                  // "P" + 20 hex characters (synthetic)
  int birth_month = 0;                    // MonthIndex of the birth month
  std::vector<DemoResidence> residences;  // ascending begin
};

struct DemoAssignment {
  int client = 0;        // index into DemoCare::clients
  int municipality = 0;  // responsible municipality, index into DemoMunicipalities()
  int product = 0;       // index into DemoProducts()
  int provider = 0;      // index into the providers
  int64_t volume = 0;    // assigned volume per frequency period, hundredths
  int start = 0;         // day number of the first day
  int end = 0;        // day number of the last day (inclusive); may lie past the horizon
  bool open = false;  // still running after the last day: written without an end date
  Route route = Route::kUnknown;
  int team = -1;         // issuing team, index into DemoTeams(); -1 = none
  int predecessor = -1;  // the assignment it re-indicates; -1 = none
  int usage_pct = 100;   // share of the volume that is delivered
  uint64_t key = 0;      // entity of its random stream (declarations)
};

struct DemoCare {
  std::vector<DemoClient> clients;
  std::vector<DemoAssignment> assignments;  // sorted by start; predecessors come first
};

// What SimulateCare needs.
struct CareInput {
  uint64_t seed = 1;
  int first_year = 2015;
  int last_year = 2025;
  double scale = 1.0;  // multiplies the number of trajectories
  CareModel model;
  const std::vector<DemoProvider>* providers = nullptr;  // REQUIRES: not null
};

// Deterministic for the input. Every assignment lies in [first_year, last_year]
// (ends after the horizon are marked `open`), belongs to a municipality that is in the
// region on its start day, and is issued by a team of that municipality, if any.
DemoCare SimulateCare(const CareInput& input);

}  // namespace jr::demo
