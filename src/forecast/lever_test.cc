#include "forecast/lever.h"

#include <gtest/gtest.h>

namespace jr::forecast {
namespace {

TEST(LeverTest, ParsesEveryKind) {
  auto levers = ParseLevers(R"(
[[lever]]
name = "Huisarts als poortwachter"
start = "2025-01"
municipalities = ["GM0505"]
inflow_factor = { huisarts = 0.8, jeugdarts = 0.9 }

[[lever]]
start = "2025-07"
duration_factor = { ambulant = 0.9 }
volume_factor = { alle = 0.95 }
reindication = { ggz = 0.5 }
tariff_change = { verblijf = -0.03 }
products_removed = ["40/40A01"]
residential_to_outpatient = 0.2
)",
                            "hefbomen.toml");
  ASSERT_TRUE(levers.ok()) << levers.status().ToString();
  ASSERT_EQ(levers->size(), 2u);
  const Lever& a = (*levers)[0];
  EXPECT_EQ(a.name, "Huisarts als poortwachter");
  EXPECT_EQ(a.start_month, 2025 * 12);
  EXPECT_EQ(a.municipalities, std::vector<std::string>{"GM0505"});
  EXPECT_DOUBLE_EQ(a.inflow_factor.at(Route::kGp), 0.8);
  EXPECT_DOUBLE_EQ(a.inflow_factor.at(Route::kYouthDoctor), 0.9);
  const Lever& b = (*levers)[1];
  EXPECT_EQ(b.name, "hefboom 2");
  EXPECT_EQ(b.start_month, 2025 * 12 + 6);
  EXPECT_DOUBLE_EQ(b.duration_factor.at("ambulant"), 0.9);
  EXPECT_DOUBLE_EQ(b.volume_factor.at(kAllGroups), 0.95);
  EXPECT_DOUBLE_EQ(b.reindication.at("ggz"), 0.5);
  EXPECT_DOUBLE_EQ(b.tariff_change.at("verblijf"), -0.03);
  EXPECT_EQ(b.products_removed, std::vector<std::string>{"40/40A01"});
  EXPECT_DOUBLE_EQ(b.residential_to_outpatient, 0.2);
  EXPECT_EQ(b.residential, "verblijf");
}

TEST(LeverTest, ErrorsNameFileLineAndKey) {
  auto bad_route = ParseLevers(
      "[[lever]]\nstart = \"2025-01\"\ninflow_factor = { huisart = 0.8 }\n", "h.toml");
  ASSERT_FALSE(bad_route.ok());
  EXPECT_NE(bad_route.status().message().find("huisart"), std::string::npos);
  EXPECT_EQ(bad_route.status().where().file, "h.toml");
  EXPECT_EQ(bad_route.status().where().line, 3);
  EXPECT_EQ(bad_route.status().where().path, "lever[1].inflow_factor.huisart");

  auto no_start = ParseLevers("[[lever]]\nname = \"x\"\n", "h.toml");
  ASSERT_FALSE(no_start.ok());
  EXPECT_NE(no_start.status().message().find("start"), std::string::npos);

  auto range = ParseLevers(
      "[[lever]]\nstart = \"2025-01\"\nreindication = { ggz = 1.5 }\n", "h.toml");
  ASSERT_FALSE(range.ok());
  EXPECT_EQ(range.status().where().path, "lever[1].reindication.ggz");

  auto unknown = ParseLevers("[[lever]]\nstart = \"2025-01\"\nfactor = 2\n", "h.toml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("factor"), std::string::npos);

  auto syntax = ParseLevers("[[lever]\n", "h.toml");
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.status().where().line, 1);
}

}  // namespace
}  // namespace jr::forecast
