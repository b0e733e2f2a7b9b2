#pragma once
// An allocator for the large tables an import fills at once (the iJw reader's hash
// maps): a block of 2 MiB or more is mapped apart, aligned to 2 MiB and marked for
// transparent huge pages (madvise MADV_HUGEPAGE), so that a table of 64 MiB costs some
// 32 page faults instead of 16,384. On this project's machines a page fault is dear
// (a virtual machine's): before this, a quarter of a large JW323 import's system time
// was spent filling one table (BENCHMARKS.md, "Huge pages"). Smaller blocks come from
// operator new. Where the kernel gives no huge pages (THP "never") the block is simply
// mapped with small pages.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

namespace jr {

// The block size from which HugePageAllocator maps apart (the x86-64 and arm64
// transparent huge page with 4 KiB pages).
inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// `bytes` (at least kHugePageBytes) of zeroed memory aligned to kHugePageBytes, its
// length rounded up to a whole number of huge pages; throws std::bad_alloc.
void* MapHugePages(size_t bytes);
// Gives back a block of MapHugePages with the same `bytes`.
void UnmapHugePages(void* block, size_t bytes) noexcept;

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;
  HugePageAllocator() noexcept = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT: rebind

  T* allocate(size_t n) {
    if (n > SIZE_MAX / sizeof(T)) throw std::bad_array_new_length();
    if (n * sizeof(T) < kHugePageBytes) return std::allocator<T>().allocate(n);
    return static_cast<T*>(MapHugePages(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) noexcept {
    if (n * sizeof(T) < kHugePageBytes) {
      std::allocator<T>().deallocate(p, n);
    } else {
      UnmapHugePages(p, n * sizeof(T));
    }
  }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) {
    return true;
  }
};

}  // namespace jr
