// EntityKey: the identity of a simulated entity, and the forecast's draws keyed by it.
//
// Draw `draw` of an entity in replication `replication` is the block (replication,
// root, generation << 8 | draw) of a stream (core/random_stream.h): a pure function of
// (seed, replication, entity, draw), so a replication gives the same numbers on any
// thread and in any order, and a baseline and a lever run with the same seed share
// their random numbers (common random numbers).
#pragma once

#include <array>
#include <cstdint>

#include "core/random_stream.h"

namespace jr::forecast {

// A root (a running assignment, or one inflow cell, month and rank) and the
// generation of the re-indication chain under it.
struct EntityKey {
  uint64_t root = 0;
  uint32_t generation = 0;  // < 2^16
};

class EntityDraws {
 public:
  EntityDraws(uint64_t seed, Stream stream) : stream_(seed, stream) {}

  // Four independent uniforms in (0, 1) for draw number `draw` (< 256) of `entity`
  // in replication `replication`.
  std::array<double, 4> Uniforms(uint32_t replication, EntityKey entity,
                                 uint32_t draw) const {
    return ToOpenUnits(stream_.Block(replication, entity.root,
                                     (entity.generation << 8) | (draw & 0xffu)));
  }

 private:
  RandomStream stream_;
};

}  // namespace jr::forecast
