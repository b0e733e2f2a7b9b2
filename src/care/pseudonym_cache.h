#pragma once
// A bounded cache of pseudonyms by BSN for the iJw reader (ingest/ijw/ijw_source.cc).

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "care/pseudonym.h"
#include "core/huge_pages.h"
#include "core/packed_set.h"

namespace jr {

// BSN -> pseudonym, bounded: 2^16 sets of four, each set one cache line (a JW323 names
// a client once per line group; a keyed BLAKE2b per line is slow). A set keeps the
// BSNs as numbers (0, no valid BSN, marks a free way) and the pseudonyms' 10 bytes:
// one cache miss a client, which the reader hides behind the parse of the line
// (Prefetch at the Bsn, Get when the line ends). A full set gives up its ways in turn.
// The BSNs stay in memory only.
class PseudonymCache {
 public:
  static constexpr size_t kSets = size_t{1} << 16;
  static constexpr int kWays = 4;
  // The set `bsn` goes to (for tests).
  static size_t SetOf(uint32_t bsn) { return MixBits(bsn) & (kSets - 1); }

  // The pseudonym of `bsn` (its nine digits as a number), from `compute` if not cached.
  template <typename Compute>
  const Pseudonymizer::PseudonymBytes& Get(uint32_t bsn, Compute&& compute) {
    if (sets_.empty()) sets_.resize(kSets);
    Set& set = sets_[SetOf(bsn)];
    for (int w = 0; w < kWays; ++w)
      if (set.bsn[w] == bsn) return set.bytes[w];
    const int w = set.next++ % kWays;
    set.bsn[w] = bsn;
    set.bytes[w] = compute();
    return set.bytes[w];
  }
  void Prefetch(uint32_t bsn) const {
    if (!sets_.empty()) __builtin_prefetch(&sets_[SetOf(bsn)]);
  }

 private:
  struct alignas(64) Set {
    std::array<uint32_t, kWays> bsn{};
    std::array<Pseudonymizer::PseudonymBytes, kWays> bytes{};
    uint8_t next = 0;
  };
  static_assert(sizeof(Set) == 64);
  std::vector<Set, HugePageAllocator<Set>> sets_;  // 4 MiB, at the first BSN
};

}  // namespace jr
