#include "core/huge_pages.h"

#include <gtest/gtest.h>
#include <tsl/robin_map.h>

#include <cstdint>
#include <vector>

namespace jr {
namespace {

TEST(HugePagesTest, LargeBlocksAreAlignedZeroedAndWritable) {
  HugePageAllocator<uint64_t> alloc;
  const size_t n = (kHugePageBytes * 3) / sizeof(uint64_t) + 5;  // not whole pages
  uint64_t* p = alloc.allocate(n);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % kHugePageBytes, 0u);
  EXPECT_EQ(p[0], 0u);
  EXPECT_EQ(p[n - 1], 0u);
  for (size_t i = 0; i < n; ++i) p[i] = i;
  EXPECT_EQ(p[n - 1], n - 1);
  alloc.deallocate(p, n);
}

TEST(HugePagesTest, SmallBlocksComeFromTheHeap) {
  HugePageAllocator<int> alloc;
  int* p = alloc.allocate(10);
  for (int i = 0; i < 10; ++i) p[i] = i;
  EXPECT_EQ(p[9], 9);
  alloc.deallocate(p, 10);
}

TEST(HugePagesTest, AMapGrowsThroughSmallAndLargeBlocks) {
  tsl::robin_map<uint64_t, uint64_t, std::hash<uint64_t>, std::equal_to<uint64_t>,
                 HugePageAllocator<std::pair<uint64_t, uint64_t>>>
      map;
  // 400,000 keys: the buckets pass 2 MiB on the way, so the map rehashes from a heap
  // block into mapped ones and back when cleared.
  for (uint64_t k = 0; k < 400'000; ++k) map.emplace(k * 7919, k);
  ASSERT_EQ(map.size(), 400'000u);
  for (uint64_t k = 0; k < 400'000; k += 997) EXPECT_EQ(map.at(k * 7919), k);
  EXPECT_EQ(map.count(3), 0u);
  map.clear();
  map.rehash(0);
  EXPECT_TRUE(map.empty());
}

}  // namespace
}  // namespace jr
