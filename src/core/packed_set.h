#pragma once
// A set of nonzero 64-bit keys for the large look-up tables of an import (the stored
// assignment numbers a JW323 line is checked against): open addressing with linear
// probing, the keys in the slots (0 marks an empty one), a power-of-two number of slots
// at most half full, in huge pages when large (core/huge_pages.h). Beside insert and
// contains it has Prefetch: a caller that knows a key before it asks (the reader sees
// the ToewijzingNummer some elements before the line ends) starts the load of its slot
// so that the cache miss overlaps other work. A general-purpose set has no such call.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/huge_pages.h"

namespace jr {

// A hash of an integer key for an open-addressing table: std::hash of an integer is the
// integer, and the table takes its low bits, so keys that share them (100000, 200000,
// ...) would share buckets; this spreads every bit over the low ones.
inline size_t MixBits(uint64_t v) {
  v ^= v >> 31;
  v *= 0xBF58476D1CE4E5B9ULL;
  return static_cast<size_t>(v ^ (v >> 29));
}

class PackedSet {
 public:
  // Room for `n` keys without growing.
  void reserve(size_t n) {
    if (n * 2 > slots_.size()) Rehash(n * 2);
  }
  // REQUIRES: key != 0.
  void insert(uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.empty() ? 16 : slots_.size() * 2);
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      if (slots_[i] == key) return;
      if (slots_[i] == 0) {
        slots_[i] = key;
        ++size_;
        return;
      }
    }
  }
  bool contains(uint64_t key) const {
    if (slots_.empty()) return false;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(key)]);
  }
  size_t size() const { return size_; }

 private:
  size_t Home(uint64_t key) const { return MixBits(key) & mask_; }
  void Rehash(size_t at_least) {
    size_t n = 16;
    while (n < at_least) n *= 2;
    std::vector<uint64_t, HugePageAllocator<uint64_t>> old(n, 0);
    old.swap(slots_);
    mask_ = n - 1;
    size_ = 0;
    for (uint64_t k : old)
      if (k != 0) insert(k);
  }

  std::vector<uint64_t, HugePageAllocator<uint64_t>> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace jr
