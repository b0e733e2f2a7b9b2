// The parts of the demo generator, each with its own draws in Stream::kDemo.
//
// Draw n of entity e of part p is the block (p, e, n) of the demo stream
// (core/random_stream.h), so a draw does not depend on how many draws other entities
// made: a trajectory gets the same numbers whatever the scale or the order in which
// trajectories are simulated.
#pragma once

#include <cstdint>

#include "core/random_stream.h"

namespace jr::demo {

// One per kind of entity.
enum class Part : uint32_t {
  kRegion = 1,        // municipality factors, provider mix
  kStock = 2,         // trajectories in care on the first day
  kInflow = 3,        // trajectories that start later
  kDeclarations = 4,  // monthly delivered volume of one assignment
  kBudgets = 5,       // ceilings, team budgets, local and fixed costs
  kPseudonyms = 6,    // client pseudonyms
  kDefects = 7,       // defects planted in declaration lines (DemoOptions::defects)
  kReviews = 8,       // the review committee's decisions (toetsingen.csv)
};

// The draws of `entity` of `part`.
inline RandomSequence DemoDraws(uint64_t seed, Part part, uint64_t entity) {
  return RandomSequence(seed, Stream::kDemo, static_cast<uint32_t>(part), entity);
}

}  // namespace jr::demo
