// RandomStream: counter-based random numbers for the forecast (Random123 Philox4x32).
//
// Every draw is a pure function of (seed, replication, entity, draw): there is no
// state, so a replication gives the same numbers on any thread and in any order, and
// a baseline and a lever run with the same seed share their random numbers (common
// random numbers). Thread-safe: all members are const.
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstdint>

namespace jr::forecast {

// The identity of a simulated entity: a root (a running assignment, or one inflow
// cell, month and rank) and the generation of the re-indication chain under it.
struct EntityKey {
  uint64_t root = 0;
  uint32_t generation = 0;
};

class RandomStream {
 public:
  explicit RandomStream(uint64_t seed)
      : key_{{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}} {}

  // Four independent uniforms in (0, 1) for draw number `draw` (< 256) of `entity`
  // in replication `replication`.
  std::array<double, 4> Uniforms(uint32_t replication, EntityKey entity, uint32_t draw) const {
    r123::Philox4x32::ctr_type ctr = {{replication, static_cast<uint32_t>(entity.root),
                                       static_cast<uint32_t>(entity.root >> 32),
                                       (entity.generation << 8) | (draw & 0xffu)}};
    r123::Philox4x32::ctr_type r = philox_(ctr, key_);
    return {ToUnit(r[0]), ToUnit(r[1]), ToUnit(r[2]), ToUnit(r[3])};
  }

  // Maps 32 random bits to (0, 1), never 0 or 1.
  static double ToUnit(uint32_t x) { return (static_cast<double>(x) + 0.5) * 0x1p-32; }

 private:
  r123::Philox4x32 philox_;
  r123::Philox4x32::key_type key_;
};

// The standard normal quantile of `u` in (0, 1) (Acklam's rational approximation,
// relative error below 1.2e-9). Monotone in `u`.
double NormalQuantile(double u);

// A Poisson(mean) count from one uniform `u` by inversion (mean < 40) or a rounded
// normal approximation with continuity correction (larger means). Monotone in `u`
// and in `mean`, so a lever that lowers the mean keeps the same random numbers
// coupled (common random numbers). mean <= 0 gives 0.
int PoissonFromUniform(double mean, double u);

// A Gamma(shape, 1 / shape) variate (mean 1, variance 1 / shape) from one uniform `u`
// by the Wilson-Hilferty cube of a normal, floored at 0; monotone in `u`. Used for
// negative-binomial counts: Poisson(mean x this) with shape = mean / (dispersion - 1)
// has variance dispersion x mean. REQUIRES: shape > 0.
double GammaMeanOneFromUniform(double shape, double u);

}  // namespace jr::forecast
