#include "core/money.h"

#include <gtest/gtest.h>

namespace jr {
namespace {

int64_t P(const char* s) {
  auto r = Money::Parse(s);
  EXPECT_TRUE(r.ok()) << s << ": " << (r.ok() ? "" : r.status().message());
  return r.ok() ? r->cents() : -999999;
}

TEST(MoneyTest, ParsesDutchAndEnglishNotation) {
  EXPECT_EQ(P("1234"), 123400);
  EXPECT_EQ(P("1234,56"), 123456);
  EXPECT_EQ(P("1.234,56"), 123456);
  EXPECT_EQ(P("1234.56"), 123456);
  EXPECT_EQ(P("1,234.56"), 123456);
  EXPECT_EQ(P("1.234.567,8"), 123456780);
  EXPECT_EQ(P("1.234"), 123400);  // a dot before three digits groups thousands
  EXPECT_EQ(P("12,5"), 1250);
  EXPECT_EQ(P("0.05"), 5);
  EXPECT_EQ(P(",05"), 5);
  EXPECT_EQ(P("-12,50"), -1250);
  EXPECT_EQ(P(" \xE2\x82\xAC 12,50 "), 1250);
}

TEST(MoneyTest, RejectsWhatIsNotAnAmount) {
  for (const char* s : {"", "abc", "12,345", "1.2.3", "12,", "1,2,3", "12.3a", "1..2",
                        "12 34", "1.23,4.5"}) {
    auto r = Money::Parse(s);
    ASSERT_FALSE(r.ok()) << s;
    EXPECT_NE(r.status().message().find("bedrag"), std::string::npos);
  }
}

TEST(MoneyTest, FormatsDutchStyle) {
  EXPECT_EQ(Money::FromCents(123456).ToString(), "1.234,56");
  EXPECT_EQ(Money::FromCents(5).ToString(), "0,05");
  EXPECT_EQ(Money::FromCents(-100000000).ToString(), "-1.000.000,00");
  EXPECT_EQ(Money::FromCents(123450).ToEuroString(), "1.235");
  EXPECT_EQ(Money::FromCents(-49).ToEuroString(), "0");
}

TEST(MoneyTest, RoundTripsThroughText) {
  for (int64_t c : {0LL, 1LL, 99LL, 100LL, 123456789LL, -98765LL}) {
    EXPECT_EQ(P(Money::FromCents(c).ToString().c_str()), c);
  }
}

TEST(MoneyTest, Arithmetic) {
  Money a = Money::FromCents(150), b = Money::FromEuros(2);
  EXPECT_EQ((a + b).cents(), 350);
  EXPECT_EQ((a - b).cents(), -50);
  EXPECT_EQ((a * 3).cents(), 450);
  EXPECT_LT(a, b);
  EXPECT_EQ(RoundCents(12.5), 13);
  EXPECT_EQ(RoundCents(-12.5), -13);
}

TEST(MoneyTest, CheckedAddDetectsOverflowAtTheBoundary) {
  const int64_t max = INT64_MAX;  // 9.223.372.036.854.775.807 cents
  auto top = Money::CheckedAdd(Money::FromCents(max - 1), Money::FromCents(1));
  ASSERT_TRUE(top.ok());
  EXPECT_EQ(top->cents(), max);
  auto over = Money::CheckedAdd(Money::FromCents(max), Money::FromCents(1));
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().message(),
            "som van 92.233.720.368.547.758,07 en 0,01 euro is te groot");
  auto bottom = Money::CheckedAdd(Money::FromCents(INT64_MIN + 1), Money::FromCents(-1));
  ASSERT_TRUE(bottom.ok());
  EXPECT_EQ(bottom->cents(), INT64_MIN);
  EXPECT_FALSE(Money::CheckedAdd(Money::FromCents(INT64_MIN), Money::FromCents(-1)).ok());
  // Two large amounts (the case): each fits, their sum does not.
  EXPECT_FALSE(
      Money::CheckedAdd(Money::FromCents(max / 2 + 1), Money::FromCents(max / 2 + 1))
          .ok());
}

TEST(MoneyTest, CheckedMulDetectsOverflowAtTheBoundary) {
  // INT64_MAX = 3 x 3.074.457.345.618.258.602 + 1
  auto fits = Money::CheckedMul(Money::FromCents(3074457345618258602), 3);
  ASSERT_TRUE(fits.ok());
  EXPECT_EQ(fits->cents(), INT64_MAX - 1);
  EXPECT_FALSE(Money::CheckedMul(Money::FromCents(3074457345618258603), 3).ok());
  EXPECT_FALSE(Money::CheckedMul(Money::FromCents(-3074457345618258603), 3).ok());
  EXPECT_EQ(Money::CheckedMul(Money::FromCents(-250), 4)->cents(), -1000);
}

TEST(MoneyTest, LineBoundIsIjwsEightDigitsInCents) {
  EXPECT_EQ(Money::FromCents(kMaxLineCents).ToString(), "999.999,99");
}

}  // namespace
}  // namespace jr
