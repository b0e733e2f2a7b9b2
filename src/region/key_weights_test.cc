#include "region/key_weights.h"

#include <gtest/gtest.h>

#include <limits>

namespace jr {
namespace {

using std::chrono::January;
using std::chrono::year;

Region ThreeMunicipalities() {
  Region r;
  r.AddMunicipality({.code = "GM0003", .name = "Cee", .begin = year(2015) / January / 1});
  r.AddMunicipality({.code = "GM0001", .name = "Aa", .begin = year(2015) / January / 1});
  r.AddMunicipality({.code = "GM0002",
                     .name = "Bee",
                     .begin = year(2015) / January / 1,
                     .end = year(2019) / January / 1,
                     .successor = "GM0001"});
  r.SetKey("GM0001", 2021, "inwoners", 1);
  r.SetKey("GM0003", 2021, "inwoners", 2);
  r.SetKey("GM0001", 2018, "inwoners", 1);
  r.SetKey("GM0002", 2018, "inwoners", 1);
  return r;
}

TEST(KeyWeightsTest, ActiveMunicipalitiesSortedWithTheirShares) {
  auto w = WeightsFor(ThreeMunicipalities(), 2021, "inwoners");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_EQ(w->codes, (std::vector<std::string>{"GM0001", "GM0003"}));  // GM0002 merged
  EXPECT_DOUBLE_EQ(w->total, 3);
  EXPECT_DOUBLE_EQ(w->Share(1), 2.0 / 3);
  EXPECT_EQ(w->IndexOf("GM0003"), 1u);
  EXPECT_EQ(w->IndexOf("GM0002"), 2u);
}

TEST(KeyWeightsTest, SplitIsCentExactWithTiesByCode) {
  auto w = WeightsFor(ThreeMunicipalities(), 2021, "inwoners");
  ASSERT_TRUE(w.ok());
  // 100 cents by 1:2 = 33.33 and 66.67: the larger remainder (0.67) gets the cent.
  auto parts = SplitByKey(Money::FromCents(100), *w);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ((*parts)[0], Money::FromCents(33));
  EXPECT_EQ((*parts)[1], Money::FromCents(67));
  // Equal weights: 1 cent over 2 goes to the smaller code.
  auto even = SplitByKey(Money::FromCents(1), "k", 2018, {"GM0001", "GM0002"}, {1, 1},
                         [](const std::string& c) { return c; });
  ASSERT_TRUE(even.ok());
  EXPECT_EQ((*even)[0], Money::FromCents(1));
  EXPECT_EQ((*even)[1], Money());
}

TEST(KeyWeightsTest, MissingValueNamesTheMunicipality) {
  auto w = WeightsFor(ThreeMunicipalities(), 2021, "jeugdigen");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(
      w.status().message(),
      "verdeelsleutel 'jeugdigen' ontbreekt voor gemeente Aa (GM0001) in jaar 2021");
  EXPECT_EQ(w.status().where().path, "jeugdigen");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto parts =
      SplitByKey(Money::FromCents(10), "jeugdigen", 2021, {"GM0001", "GM0002"}, {1, nan},
                 [](const std::string&) { return std::string("Bee"); });
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(
      parts.status().message(),
      "verdeelsleutel 'jeugdigen' ontbreekt voor gemeente Bee (GM0002) in jaar 2021");
}

TEST(KeyWeightsTest, NoActiveMunicipality) {
  auto w = WeightsFor(ThreeMunicipalities(), 2010, "inwoners");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().message(), "geen gemeenten in de regio in 2010");
}

}  // namespace
}  // namespace jr
