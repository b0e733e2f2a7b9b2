// Population: the clients behind the caseload (DESIGN.md §2.7). Ages from the birth
// month in the store (age-out at 18, or 23 for extended care), moves between
// municipalities at a re-indication (woonplaatsbeginsel: the municipality of the day
// care starts pays), and recurrence (a client whose care ended comes back later).
// Calibrated from the History before the cut-off; used by calibration.cc (the
// re-indication probability is estimated apart for clients past their age limit) and
// simulation.cc (PopulationDraws).
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "forecast/history.h"

namespace jr::forecast {

struct Calibration;

constexpr int kNoBirth = std::numeric_limits<int>::min();  // birth month unknown
constexpr int kYouthAgeLimitMonths = 18 * 12;              // Jeugdwet: care ends at 18
constexpr int kExtendedAgeLimitMonths = 23 * 12;  // extended care (verlengde jeugdhulp)

// The calibration's view of one assignment (calibration.cc fills it from its spells).
struct PopulationSpell {
  bool known = false;     // started before the cut-off, product known
  int client = -1;        // index of the client (pseudonym) in the history
  int birth = kNoBirth;   // MonthIndex of the client's birth month
  int municipality = -1;  // -1: not in the region in the base year
  int product = 0;
  int group = 0;
  int first = 0;  // MonthIndex of the first active month
  int last = 0;   // of the last active month (start - 1 when running)
  bool ended = false;
  bool reindication = false;
  int predecessor = -1;  // index of the assignment it re-indicates, -1 none
};

// Per assignment of `h`: its client's index (assignments of one pseudonym share it;
// -1 for an empty pseudonym) and birth month (kNoBirth when not in the residences).
void ClientsOf(const History& h, std::vector<int>& client, std::vector<int>& birth);

// Months of age of a client born in `birth` in month `month`; -1 when unknown.
inline int AgeMonths(int birth, int month) {
  return birth == kNoBirth ? -1 : month - birth;
}

// Recurrence hazard bins: months since the end of a client's care, [from, to].
struct ReturnBin {
  int from = 1, to = 1;
  double hazard = 0;    // returns per client-month at risk in the bin
  double returns = 0;   // observed returns
  double exposure = 0;  // client-months at risk
};

// A client whose care ended before the cut-off and who may come back in the forecast.
struct EndedClient {
  int municipality = 0;
  int group = 0;  // group of the last assignment
  int since = 0;  // months since the last active month at the first forecast month
  int birth = kNoBirth;
};

// Fills, in `c` (products' age limits and start ages, the move probability and
// destinations, the recurrence hazards and the ended clients at risk) and marks in
// `is_return` the assignments that are a return (a new, not re-indicated assignment
// of a client whose earlier care ended at least one whole month before), which the
// inflow then leaves out: the simulation makes them itself.
void CalibratePopulation(const std::vector<PopulationSpell>& spells, int start,
                         Calibration& c, std::vector<bool>& is_return);

// True when a client born in `birth` has reached `product`'s age limit in `month`
// (false when the age is unknown).
bool PastAgeLimit(const Calibration& c, int product, int birth, int month);

}  // namespace jr::forecast
