#include "core/split.h"

#include <gtest/gtest.h>

#include <random>

namespace jr {
namespace {

std::vector<int64_t> Cents(const Result<std::vector<Money>>& r) {
  std::vector<int64_t> out;
  for (Money m : r.value()) out.push_back(m.cents());
  return out;
}

TEST(SplitTest, ThirdsGoToSmallestKeysOnTies) {
  auto r = SplitLargestRemainder(Money::FromCents(100), {1, 1, 1}, {"GM3", "GM1", "GM2"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Cents(r), (std::vector<int64_t>{33, 34, 33}));
}

TEST(SplitTest, LargestRemainderWins) {
  // Quotas 14.3, 28.6, 57.1 -> floors 14, 28, 57 (99), the cent to 28.6.
  auto r = SplitLargestRemainder(Money::FromCents(100), {1, 2, 4}, {"a", "b", "c"});
  EXPECT_EQ(Cents(r), (std::vector<int64_t>{14, 29, 57}));
}

TEST(SplitTest, NegativeTotalIsMirrored) {
  auto r = SplitLargestRemainder(Money::FromCents(-100), {1, 1, 1}, {"a", "b", "c"});
  EXPECT_EQ(Cents(r), (std::vector<int64_t>{-34, -33, -33}));
}

TEST(SplitTest, ZeroWeightsGetNothing) {
  auto r = SplitLargestRemainder(Money::FromCents(7), {0, 1, 0}, {"a", "b", "c"});
  EXPECT_EQ(Cents(r), (std::vector<int64_t>{0, 7, 0}));
}

TEST(SplitTest, ErrorsAreDutch) {
  auto all_zero = SplitLargestRemainder(Money::FromCents(7), {0, 0}, {"a", "b"});
  ASSERT_FALSE(all_zero.ok());
  EXPECT_NE(all_zero.status().message().find("verdeelsleutels zijn 0"),
            std::string::npos);
  auto negative = SplitLargestRemainder(Money::FromCents(7), {1, -1}, {"a", "b"});
  ASSERT_FALSE(negative.ok());
  EXPECT_NE(negative.status().message().find("'b'"), std::string::npos);
}

// Property: for random totals and weights the parts add up to the cent, each part is
// within one cent of its exact quota, and the result does not depend on input order.
TEST(SplitTest, PropertyAddsUpToTheCent) {
  std::mt19937_64 rng(42);
  for (int trial = 0; trial < 2000; ++trial) {
    size_t n = 1 + rng() % 40;
    int64_t total = static_cast<int64_t>(rng() % 20'000'000'000ULL) - 5'000'000'000LL;
    std::vector<double> w(n);
    std::vector<std::string> keys(n);
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
      w[i] = (rng() % 5 == 0) ? 0.0 : std::uniform_real_distribution<double>(0, 1e6)(rng);
      keys[i] = "GM" + std::to_string(1000 + i);
      sum += w[i];
    }
    if (sum == 0) w[0] = sum = 1;
    auto r = SplitLargestRemainder(Money::FromCents(total), w, keys);
    ASSERT_TRUE(r.ok());
    int64_t added = 0;
    for (size_t i = 0; i < n; ++i) {
      added += r.value()[i].cents();
      double quota = static_cast<double>(total) * w[i] / sum;
      EXPECT_LE(std::abs(r.value()[i].cents() - quota), 1.0 + 1e-6 * std::abs(quota));
    }
    EXPECT_EQ(added, total);
    // Reversed input gives the same part per key.
    std::vector<double> rw(w.rbegin(), w.rend());
    std::vector<std::string> rk(keys.rbegin(), keys.rend());
    auto rr = SplitLargestRemainder(Money::FromCents(total), rw, rk);
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(rr.value()[n - 1 - i].cents(), r.value()[i].cents());
    }
  }
}

}  // namespace
}  // namespace jr
