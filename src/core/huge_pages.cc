#include "core/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace jr {
namespace {

size_t RoundUp(size_t bytes) {
  return (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
}

}  // namespace

void* MapHugePages(size_t bytes) {
  if (bytes > SIZE_MAX - 2 * kHugePageBytes) throw std::bad_alloc();
  const size_t length = RoundUp(bytes);
  // One huge page more than asked, then the unaligned head and the tail cut off: the
  // kernel backs only aligned 2 MiB ranges with huge pages.
  const size_t mapped = length + kHugePageBytes;
  void* p =
      mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(p);
  const uintptr_t aligned =
      (start + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  if (aligned > start) munmap(p, aligned - start);
  const uintptr_t end = aligned + length;
  if (start + mapped > end) munmap(reinterpret_cast<void*>(end), start + mapped - end);
  // Advice only: without transparent huge pages the block works with small pages.
  madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(aligned);
}

void UnmapHugePages(void* block, size_t bytes) noexcept { munmap(block, RoundUp(bytes)); }

}  // namespace jr
