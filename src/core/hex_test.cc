#include "core/hex.h"

#include <gtest/gtest.h>

#include <array>

namespace jr {
namespace {

TEST(HexTest, TwoLowercaseDigitsPerByteInOrder) {
  const std::array<unsigned char, 4> bytes = {0x00, 0x0f, 0xa0, 0xff};
  EXPECT_EQ(HexOf(bytes), "000fa0ff");
  std::string out = "3:";
  AppendHex(std::span<const unsigned char>(bytes).first(2), &out);
  EXPECT_EQ(out, "3:000f");
  EXPECT_EQ(HexOf({}), "");
}

}  // namespace
}  // namespace jr
