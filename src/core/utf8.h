// UTF-8 validation (RFC 3629), the one check of every text that comes in: CSV files,
// API paths and parameters.
#pragma once

#include <cstddef>
#include <string_view>

namespace jr {

// The offset of the first byte that is not valid UTF-8 (no overlong forms, no
// surrogates D800-DFFF, nothing above 10FFFF, no F5-FF bytes), or npos.
size_t FirstInvalidUtf8(std::string_view s);

inline bool IsValidUtf8(std::string_view s) {
  return FirstInvalidUtf8(s) == std::string_view::npos;
}

}  // namespace jr
