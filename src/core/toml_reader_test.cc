#include "core/toml_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jr {
namespace {

using ::testing::HasSubstr;

const TomlSource kSrc{"m.toml"};

// A parsed document. Kept as the Result: a copy of a toml::table loses the source
// lines, a move keeps them.
Result<toml::table> Doc(const char* text) {
  auto doc = ParseToml(text, kSrc);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc;
}

TEST(TomlReaderTest, SyntaxErrorNamesFileAndLine) {
  auto doc = ParseToml("a = 1\nb = = 2\n", kSrc);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().where().file, "m.toml");
  EXPECT_EQ(doc.status().where().line, 2);
  EXPECT_THAT(doc.status().message(), HasSubstr("geen geldige TOML"));
}

TEST(TomlReaderTest, UnreadableFileNamesWhatAndFile) {
  auto doc = ReadTomlFile({"/nonexistent/x.toml"}, "modelbestand");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().message(), "modelbestand kan niet worden gelezen");
  EXPECT_EQ(doc.status().where().file, "/nonexistent/x.toml");
}

TEST(TomlReaderTest, AmountsInEveryNotation) {
  auto parsed =
      Doc("a = 104_500_000\nb = 1234.5\nc = \"1.234,56\"\nd = 1.234\ne = true\n");
  const toml::table& t = *parsed;
  EXPECT_EQ(*RequireMoney(kSrc, t, "a", "a"), Money::FromEuros(104500000));
  EXPECT_EQ(*RequireMoney(kSrc, t, "b", "b"), Money::FromCents(123450));
  EXPECT_EQ(*RequireMoney(kSrc, t, "c", "c"), Money::FromCents(123456));
  auto three = RequireMoney(kSrc, t, "d", "d");
  ASSERT_FALSE(three.ok());
  EXPECT_THAT(three.status().message(), HasSubstr("twee decimalen"));
  EXPECT_EQ(three.status().where().line, 4);
  EXPECT_FALSE(RequireMoney(kSrc, t, "e", "e").ok());
  EXPECT_FALSE(OptionalMoney(kSrc, t, "x", "x")->has_value());
}

// The toml fuzz target's finding: 103_500_00095_700_00_000 euro is more cents than
// 64 bits hold; refused with the line, not wrapped (undefined behaviour before).
TEST(TomlReaderTest, AmountTooLargeForCentsIsRefused) {
  auto parsed =
      Doc("a = 103_500_00095_700_00_000\nb = 1e17\nc = 92_233_720_368_547_758\n");
  const toml::table& t = *parsed;
  auto a = RequireMoney(kSrc, t, "a", "a");
  ASSERT_FALSE(a.ok());
  EXPECT_THAT(a.status().message(), HasSubstr("te groot"));
  EXPECT_EQ(a.status().where().line, 1);
  auto b = RequireMoney(kSrc, t, "b", "b");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().where().line, 2);
  // The largest whole-euro amount that fits: 92,233,720,368,547,758 euro.
  EXPECT_EQ(RequireMoney(kSrc, t, "c", "c")->cents(), 9'223'372'036'854'775'800);
}

TEST(TomlReaderTest, MissingFieldNamesTheFullPathAtTheTable) {
  auto parsed = Doc("[[jaar]]\njaar = 2019\n[[jaar]]\nburap = 1\n");
  const toml::table& doc = *parsed;
  auto rows = TableArray(kSrc, doc, "jaar", "jaar", true);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  auto y = RequireYear(kSrc, *(*rows)[1], "jaar", "jaar[2].jaar");
  ASSERT_FALSE(y.ok());
  EXPECT_EQ(y.status().where().path, "jaar[2].jaar");
  EXPECT_EQ(y.status().message(), "verplicht veld 'jaar[2].jaar' ontbreekt");
  EXPECT_EQ(y.status().where().line, 3);  // the [[jaar]] it is missing from
  EXPECT_EQ(*RequireYear(kSrc, *(*rows)[0], "jaar", "jaar[1].jaar"), 2019);
}

TEST(TomlReaderTest, DefaultsOnlyWhenAbsent) {
  auto parsed = Doc("n = \"drie\"\nx = 2\nb = 1\n");
  const toml::table& t = *parsed;
  EXPECT_EQ(*OptionalInt(kSrc, t, "absent", "absent", 7), 7);
  EXPECT_FALSE(OptionalInt(kSrc, t, "n", "n", 7).ok());
  EXPECT_DOUBLE_EQ(*OptionalDouble(kSrc, t, "x", "x", 0.5), 2.0);  // integers are numbers
  EXPECT_FALSE(OptionalBool(kSrc, t, "b", "b", false).ok());
  EXPECT_EQ(*OptionalString(kSrc, t, "absent", "absent", "lopend"), "lopend");
}

TEST(TomlReaderTest, RangesAndNumberTables) {
  auto parsed = Doc("f = { ggz = 0.5, jgz = 1.5 }\ns = 1.2\nl = [\"a\", 3]\n");
  const toml::table& t = *parsed;
  auto table = NumberTable(kSrc, *t.get("f"), "lever[1].f", 0, 1);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().where().path, "lever[1].f.jgz");
  EXPECT_EQ(table.status().message(), "'lever[1].f.jgz' = 1,5 ligt niet tussen 0 en 1");
  EXPECT_TRUE(NumberTable(kSrc, *t.get("f"), "f", 0, 2).ok());
  EXPECT_FALSE(NumberInRange(kSrc, *t.get("s"), "s", 0, 1).ok());
  EXPECT_DOUBLE_EQ(*NumberInRange(kSrc, *t.get("s"), "s", 1, 1.2), 1.2);
  auto list = StringList(kSrc, *t.get("l"), "l");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().where().path, "l[2]");
}

TEST(TomlReaderTest, YearsListsAndAmountsByYear) {
  auto parsed =
      Doc("jaren = [2021, 2021]\nok = [2020, 2021]\nbedrag = { 2021 = 5, 2030 = 1 }\n");
  const toml::table& t = *parsed;
  auto dup = RequireYearList(kSrc, t, "jaren", "jaren");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().where().path, "jaren[2]");
  auto years = RequireYearList(kSrc, t, "ok", "ok");
  ASSERT_TRUE(years.ok());
  auto outside = ReadYearAmounts(kSrc, *t.get("bedrag"), "bedrag", *years);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.status().where().path, "bedrag.2030");
  EXPECT_THAT(outside.status().message(), HasSubstr("valt buiten"));
  auto any = ReadYearAmounts(kSrc, *t.get("bedrag"), "bedrag", {});
  ASSERT_TRUE(any.ok());
  EXPECT_EQ(any->at(2030), Money::FromEuros(1));
}

TEST(TomlReaderTest, ArrayOfTablesRequiredOrNot) {
  auto parsed = Doc("opgave = 3\n");
  const toml::table& t = *parsed;
  EXPECT_TRUE(TableArray(kSrc, t, "absent", "absent", false)->empty());
  EXPECT_FALSE(TableArray(kSrc, t, "absent", "absent", true).ok());
  auto wrong = TableArray(kSrc, t, "opgave", "opgave", false);
  ASSERT_FALSE(wrong.ok());
  EXPECT_THAT(wrong.status().message(), HasSubstr("[[opgave]]"));
}

TEST(TomlReaderTest, KeyPathAndUnknownKey) {
  EXPECT_EQ(KeyPath("", "default"), "default");
  EXPECT_EQ(KeyPath("model", "default"), "model.default");
  auto parsed = Doc("\nstandaard = 1\n");
  const toml::table& t = *parsed;
  Status s =
      UnknownKey(kSrc, *t.get("standaard"), "standaard", "standaard", "; bekend is name");
  EXPECT_EQ(s.ToString(),
            "m.toml:2:13 [standaard]: onbekende sleutel 'standaard'; bekend is name");
}

}  // namespace
}  // namespace jr
