#include "care/volume.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace jr {
namespace {

TEST(VolumeTest, CheckedTimesRoundsHalfAwayFromZero) {
  EXPECT_EQ(Volume{250}.CheckedTimes(Money::FromCents(333))->cents(), 833);  // 832,5
  EXPECT_EQ(Volume{250}.CheckedTimes(Money::FromCents(-333))->cents(), -833);
  EXPECT_EQ(Volume{33}.CheckedTimes(Money::FromCents(1001))->cents(), 330);  // 330,33
}

TEST(VolumeTest, CheckedTimesDetectsOverflowAtTheBoundary) {
  // Issue 18.7: the product used to wrap (UB). INT64_MAX = 7 x 1.317.624.576.693.539.401.
  auto fits = Volume{1317624576693539401}.CheckedTimes(Money::FromCents(7));
  ASSERT_TRUE(fits.ok());
  EXPECT_EQ(fits->cents(),
            92233720368547758);  // 9.223.372.036.854.775.807 / 100, rounded
  auto over = Volume{1317624576693539402}.CheckedTimes(Money::FromCents(7));
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.status().message().find("is te groot"), std::string::npos);
  // 2^62 x 4 wraps to exactly 0 in int64: must not pass as the amount 0.
  EXPECT_FALSE(Volume{int64_t{1} << 62}.CheckedTimes(Money::FromCents(4)).ok());
  EXPECT_THROW(Volume{int64_t{1} << 62}.Times(Money::FromCents(4)), std::overflow_error);
}

TEST(VolumeTest, BoundedLinesNeverOverflow) {
  // The importer's bounds: 99.999.999 units x EUR 999.999,99 fits in int64 cents.
  auto m = Volume{Volume::kMaxHundredths}.CheckedTimes(Money::FromCents(kMaxLineCents));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->cents(), 9999999800000001);  // 99.999.999 x 99.999.999 cents
}

}  // namespace
}  // namespace jr
