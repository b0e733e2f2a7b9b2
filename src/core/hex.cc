#include "core/hex.h"

namespace jr {

void AppendHex(std::span<const unsigned char> bytes, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned char b : bytes) {
    out->push_back(kHex[b >> 4]);
    out->push_back(kHex[b & 15]);
  }
}

std::string HexOf(std::span<const unsigned char> bytes) {
  std::string hex;
  hex.reserve(2 * bytes.size());
  AppendHex(bytes, &hex);
  return hex;
}

}  // namespace jr
