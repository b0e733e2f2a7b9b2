#include "settle/model_file.h"

#include <gtest/gtest.h>

#include "settle/builtin_models.h"

namespace jr::settle {
namespace {

TEST(ModelFile, BuiltinModelsParse) {
  ASSERT_EQ(BuiltinModelNames().size(), 6u);
  for (const std::string& name : BuiltinModelNames()) {
    auto m = BuiltinModel(name);
    ASSERT_TRUE(m.ok()) << name << ": " << m.status().ToString();
    EXPECT_EQ(m->name, name);
    EXPECT_FALSE(m->description.empty());
    EXPECT_EQ(m->fixed_rule.rule->name(), "key:inwoners");
  }
  auto heavy = BuiltinModel("zwaar-solidair");
  EXPECT_EQ(heavy->ForBucket("verblijf").rule->name(), "key:inwoners");
  EXPECT_EQ(heavy->ForBucket("ambulant").rule->name(), "own");
  EXPECT_FALSE(BuiltinModel("onzin").ok());
  EXPECT_NE(BuiltinModel("onzin").status().message().find("solidair"), std::string::npos);
}

TEST(ModelFile, ExampleFileBindsBucketsAndFixedCosts) {
  const std::string path = "tests/data/settle/models/jeugd-solidair.toml";
  auto m = LoadModelFile(path);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->name, "jeugd-solidair");
  EXPECT_EQ(m->ForBucket("verblijf").rule->name(), "key:jeugdigen");
  EXPECT_EQ(m->ForBucket("verblijf").where.path, "buckets.verblijf");
  EXPECT_EQ(m->ForBucket("verblijf").where.file, path);
  EXPECT_EQ(m->ForBucket("ggz").rule->name(), "key:inwoners");
  EXPECT_EQ(m->ForFixed("crisisdienst").rule->name(), "key:rijksbijdrage");
}

struct BadFile {
  const char* file;
  const char* key;
  int line;
  const char* message;
};

class BadModelFile : public testing::TestWithParam<BadFile> {};

TEST_P(BadModelFile, NamesFileLineAndKey) {
  const std::string path = std::string("tests/data/settle/models/") + GetParam().file;
  auto m = LoadModelFile(path);
  ASSERT_FALSE(m.ok());
  const Status& s = m.status();
  EXPECT_EQ(s.where().file, path);
  EXPECT_EQ(s.where().path, GetParam().key);
  EXPECT_EQ(s.where().line, GetParam().line);
  EXPECT_NE(s.ToString().find(GetParam().message), std::string::npos) << s.ToString();
  EXPECT_NE(s.ToString().find(path), std::string::npos) << s.ToString();
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadModelFile,
    testing::Values(BadFile{"bad-unknown-rule.toml", "buckets.verblijf", 4,
                            "onbekende regel 'vlaktaks:3'"},
                    BadFile{"bad-weights.toml", "default", 2, "tellen op tot 1.1"},
                    BadFile{"bad-fixed-own.toml", "fixed", 3,
                            "kan vaste regionale kosten niet verdelen"}));

TEST(ModelFile, TextErrors) {
  auto missing = ParseModelToml("name = \"x\"\n", "m.toml");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("('default') ontbreekt"), std::string::npos);

  auto unknown =
      ParseModelToml("name = \"x\"\ndefault = \"own\"\nstandaard = 1\n", "m.toml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().where().path, "standaard");
  EXPECT_EQ(unknown.status().where().line, 3);

  auto syntax = ParseModelToml("name = \n", "m.toml");
  ASSERT_FALSE(syntax.ok());
  EXPECT_NE(syntax.status().message().find("geen geldige TOML"), std::string::npos);
  EXPECT_EQ(syntax.status().where().line, 1);

  auto type = ParseModelToml("name = \"x\"\ndefault = 3\n", "m.toml");
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.status().where().path, "default");

  EXPECT_FALSE(LoadModelFile("tests/data/settle/models/bestaat-niet.toml").ok());
}

}  // namespace
}  // namespace jr::settle
