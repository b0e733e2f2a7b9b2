// Runs every scenario file in tests/data/settle/: the expected table was computed by
// hand and is written in the file.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "settle/scenario_file.h"
#include "settle/settlement.h"

namespace jr::settle {
namespace {

std::vector<std::string> ScenarioFiles() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator("tests/data/settle")) {
    if (entry.path().extension() == ".toml") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class ScenarioTest : public testing::TestWithParam<std::string> {};

TEST_P(ScenarioTest, MatchesHandComputedTable) {
  auto scenario = LoadScenarioFile(GetParam());
  if (!scenario.ok()) {
    ASSERT_TRUE(false) << scenario.status().ToString();
  }
  auto settled = SettleYear(scenario->input, scenario->model, scenario->year);
  if (scenario->expected_error) {
    ASSERT_FALSE(settled.ok()) << "verwachtte de fout: " << *scenario->expected_error;
    EXPECT_NE(settled.status().ToString().find(*scenario->expected_error),
              std::string::npos)
        << settled.status().ToString();
    EXPECT_EQ(settled.status().where().file, GetParam());
    return;
  }
  ASSERT_TRUE(settled.ok()) << settled.status().ToString();
  EXPECT_EQ(settled->model, scenario->model.name);
  EXPECT_EQ(settled->year, scenario->year);
  ASSERT_EQ(settled->municipalities.size(), scenario->expected.size())
      << "the expected table must list every municipality of the year";
  std::map<std::string, const MunicipalitySettlement*> by_code;
  for (const auto& m : settled->municipalities) by_code[m.code] = &m;
  for (const ExpectedRow& row : scenario->expected) {
    SCOPED_TRACE(row.municipality);
    ASSERT_TRUE(by_code.count(row.municipality));
    EXPECT_EQ(by_code[row.municipality]->contribution.ToString(),
              row.contribution.ToString());
    EXPECT_EQ(by_code[row.municipality]->own_use.ToString(), row.own_use.ToString());
  }
  for (const BucketSettlement& b : settled->buckets) {
    Money sum;
    for (Money p : b.parts) sum += p;
    EXPECT_EQ(sum, b.total) << b.bucket;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, ScenarioTest, testing::ValuesIn(ScenarioFiles()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name =
                               std::filesystem::path(info.param).stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(ScenarioFiles, CoverEveryRuleKind) {
  // The data files must keep covering each rule, a blend, a phase-in and a merger.
  std::string all;
  for (const std::string& f : ScenarioFiles()) all += f + " ";
  for (const char* name :
       {"own", "key", "history", "clients", "pool", "blend", "phase", "merger"}) {
    EXPECT_NE(all.find(std::string("/") + name + ".toml"), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace jr::settle
