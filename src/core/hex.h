#pragma once
// Bytes as lowercase hexadecimal: pseudonyms, message digests, token hashes.
#include <span>
#include <string>

namespace jr {

// Appends two hex digits per byte to `out` (no allocation per byte: a pseudonym per
// JW323 line goes through it).
void AppendHex(std::span<const unsigned char> bytes, std::string* out);
std::string HexOf(std::span<const unsigned char> bytes);

}  // namespace jr
