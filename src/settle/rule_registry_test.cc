#include "settle/rule_registry.h"

#include <gtest/gtest.h>

namespace jr::settle {
namespace {

std::string ErrorOf(const std::string& text) {
  auto r = ParseRule(text);
  return r.ok() ? "" : r.status().message();
}

TEST(RuleRegistry, ParsesEveryKindAndNamesRoundTrip) {
  for (const char* text :
       {"own", "key:inwoners", "key:eigen_sleutel", "history:3", "clients:0", "clients:2",
        "pool:100000:inwoners", "0.25*own + 0.75*key:jeugdigen",
        "phase(2022: key:inwoners; 2023: 0.75*key:inwoners + 0.25*own; 2026: own)"}) {
    auto rule = ParseRule(text);
    ASSERT_TRUE(rule.ok()) << text << ": " << rule.status().ToString();
    EXPECT_EQ((*rule)->name(), text);
    auto again = ParseRule((*rule)->name());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ((*again)->name(), (*rule)->name());
  }
}

TEST(RuleRegistry, WithKeySwapsEveryKeyAndNamesParseBack) {
  const std::pair<const char*, const char*> cases[] = {
      {"own", "own"},
      {"key:inwoners", "key:jeugdigen"},
      {"history:3", "history:3"},
      {"clients:1", "clients:1"},
      {"pool:100000:inwoners", "pool:100000:jeugdigen"},
      {"0.25*own + 0.75*key:rijksbijdrage", "0.25*own + 0.75*key:jeugdigen"},
      {"0.5*pool:50000:inwoners + 0.5*history:2",
       "0.5*pool:50000:jeugdigen + 0.5*history:2"},
      {"phase(2022: key:inwoners; 2023: 0.5*key:eigen + 0.5*own; 2024: own)",
       "phase(2022: key:jeugdigen; 2023: 0.5*key:jeugdigen + 0.5*own; 2024: own)"}};
  for (const auto& [text, swapped] : cases) {
    auto rule = ParseRule(text);
    ASSERT_TRUE(rule.ok()) << text << ": " << rule.status().ToString();
    RulePtr other = (*rule)->WithKey("jeugdigen");
    EXPECT_EQ(other->name(), swapped);
    EXPECT_EQ((*rule)->name(), text) << "the original is unchanged";
    auto again = ParseRule(other->name());
    ASSERT_TRUE(again.ok()) << other->name();
    EXPECT_EQ((*again)->name(), swapped);
  }
}

TEST(RuleRegistry, NormalisesSpaces) {
  auto rule = ParseRule("  0.5 * own+0.5*  history:2 ");
  ASSERT_TRUE(rule.ok()) << rule.status().ToString();
  EXPECT_EQ((*rule)->name(), "0.5*own + 0.5*history:2");
}

TEST(RuleRegistry, UnknownRuleListsTheKnownOnes) {
  std::string e = ErrorOf("vlaktaks:3");
  EXPECT_NE(e.find("onbekende regel 'vlaktaks:3'"), std::string::npos) << e;
  EXPECT_NE(e.find("history"), std::string::npos) << e;
}

TEST(RuleRegistry, WeightsMustAddUpToOne) {
  EXPECT_NE(ErrorOf("0.5*own + 0.6*key:inwoners").find("tellen op tot 1.1"),
            std::string::npos);
  EXPECT_NE(ErrorOf("0*own + 1*key:inwoners").find("groter dan 0"), std::string::npos);
  EXPECT_NE(ErrorOf("own + key:inwoners").find("geen gewicht"), std::string::npos);
}

TEST(RuleRegistry, BadArguments) {
  EXPECT_NE(ErrorOf("history:0").find("van 1 tot en met 100"), std::string::npos);
  EXPECT_NE(ErrorOf("history:x").find("geen geheel getal"), std::string::npos);
  EXPECT_NE(ErrorOf("clients:-1").find("van 0 tot en met 100"), std::string::npos);
  // A count that does not fit an int is refused, not cut to one.
  EXPECT_NE(ErrorOf("history:4294967297").find("tot en met 100"), std::string::npos);
  EXPECT_NE(ErrorOf("clients:9223372036854775807").find("tot en met 100"),
            std::string::npos);
  EXPECT_NE(ErrorOf("pool:0:inwoners").find("minstens 1"), std::string::npos);
  EXPECT_NE(ErrorOf("key:").find("naam van de verdeelsleutel"), std::string::npos);
  EXPECT_NE(ErrorOf("pool:100000").find("2 argument"), std::string::npos);
  // More cents than 64 bits hold: refused, not wrapped.
  EXPECT_NE(ErrorOf("pool:92233720368547759:inwoners").find("te groot"),
            std::string::npos);
  EXPECT_NE(ErrorOf("own:1").find("0 argument"), std::string::npos);
  EXPECT_NE(ErrorOf("").find("lege regel"), std::string::npos);
}

TEST(RuleRegistry, PhaseYearsMustIncrease) {
  EXPECT_NE(ErrorOf("phase(2023: own; 2022: key:inwoners)").find("komt niet na"),
            std::string::npos);
  EXPECT_NE(ErrorOf("phase(own)").find("<jaar>: <regel>"), std::string::npos);
  // A year that does not fit an int is no year (it was cut to one).
  EXPECT_NE(ErrorOf("phase(2022: own; 4294969318: key:inwoners)").find("<jaar>: <regel>"),
            std::string::npos);
}

TEST(RuleRegistry, UsageCoversEveryKind) {
  std::string all;
  for (const std::string& line : RuleUsage()) all += line + "\n";
  for (const char* kind : {"own", "key:", "history:", "clients:", "pool:", "phase("}) {
    EXPECT_NE(all.find(kind), std::string::npos) << kind;
  }
}

}  // namespace
}  // namespace jr::settle
