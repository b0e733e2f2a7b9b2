// DemoRandom: a counter-based random stream for the demo generator.
//
// Every draw is Philox4x32-10 of (seed; stream, entity, draw number), so a draw does
// not depend on how many draws other entities made: a trajectory gets the same
// numbers whatever the scale or the order in which trajectories are simulated.
// Not thread-safe (it counts its draws); make one per entity.
#pragma once

#include <Random123/philox.h>

#include <cstdint>
#include <span>

namespace jr::demo {

// The named streams of the generator; one per kind of entity.
enum class Stream : uint32_t {
  kRegion = 1,        // municipality factors, provider mix
  kStock = 2,         // trajectories in care on the first day
  kInflow = 3,        // trajectories that start later
  kDeclarations = 4,  // monthly delivered volume of one assignment
  kBudgets = 5,       // ceilings, team budgets, local and fixed costs
  kPseudonyms = 6,    // client pseudonyms
};

class DemoRandom {
 public:
  DemoRandom(uint64_t seed, Stream stream, uint64_t entity)
      : key_{{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}},
        stream_(static_cast<uint32_t>(stream)),
        entity_(entity) {}

  // 64 random bits.
  uint64_t Bits() {
    r123::Philox4x32::ctr_type ctr = {{stream_, static_cast<uint32_t>(entity_),
                                       static_cast<uint32_t>(entity_ >> 32), draw_++}};
    auto r = r123::Philox4x32()(ctr, key_);
    return (static_cast<uint64_t>(r[0]) << 32) | r[1];
  }
  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Bits() >> 11) * 0x1.0p-53; }
  // Uniform in [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  // Uniform integer in [lo, hi] (inclusive). REQUIRES: lo <= hi.
  int64_t Int(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Bits() % static_cast<uint64_t>(hi - lo + 1));
  }
  // True with probability p.
  bool Chance(double p) { return Uniform() < p; }
  // An index drawn in proportion to `weights`. REQUIRES: a positive weight.
  size_t Pick(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double u = Uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (u < weights[i]) return i;
      u -= weights[i];
    }
    for (size_t i = weights.size(); i-- > 0;) {
      if (weights[i] > 0) return i;
    }
    return 0;
  }

 private:
  r123::Philox4x32::key_type key_;
  uint32_t stream_;
  uint64_t entity_;
  uint32_t draw_ = 0;
};

}  // namespace jr::demo
