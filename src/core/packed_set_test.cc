#include "core/packed_set.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>

namespace jr {
namespace {

TEST(PackedSetTest, HoldsWhatWasInsertedAndNothingElse) {
  PackedSet set;
  EXPECT_FALSE(set.contains(1));
  set.Prefetch(1);  // empty: no slot to load, no crash
  std::set<uint64_t> reference;
  std::mt19937_64 rng(7);
  // Keys sharing their low bits (multiples of 2^20) and random ones; through several
  // rehashes (16 slots at first).
  for (uint64_t k = 1; k <= 3000; ++k) {
    uint64_t key = k % 2 ? k << 20 : (rng() | 1);
    set.insert(key);
    set.insert(key);  // twice: counted once
    reference.insert(key);
  }
  EXPECT_EQ(set.size(), reference.size());
  for (uint64_t key : reference) {
    set.Prefetch(key);
    EXPECT_TRUE(set.contains(key)) << key;
  }
  for (uint64_t k = 1; k <= 3000; ++k) {
    uint64_t other = (k << 20) + 1;  // not inserted
    EXPECT_EQ(set.contains(other), reference.count(other) > 0) << other;
  }
}

TEST(PackedSetTest, ReserveKeepsTheKeys) {
  PackedSet set;
  for (uint64_t k = 1; k <= 100; ++k) set.insert(k * 3);
  set.reserve(1'000'000);  // into huge pages
  EXPECT_EQ(set.size(), 100u);
  for (uint64_t k = 1; k <= 100; ++k) {
    EXPECT_TRUE(set.contains(k * 3));
    EXPECT_FALSE(set.contains(k * 3 + 1));
  }
}

}  // namespace
}  // namespace jr
