#include "agenda/agenda.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "agenda/agenda_progress.h"
#include "agenda/agenda_run.h"
#include "region/key_weights.h"

namespace jr {
namespace {

using std::chrono::January;
using std::chrono::year;
using ::testing::HasSubstr;

Money E(int64_t euros) { return Money::FromEuros(euros); }

constexpr const char* kAgenda = R"(
datum = 2021-05-27
jaren = [2021, 2022, 2023]
begroting = "bestaat-niet.toml"
[verdeling]
bedrag = 250_000
sleutel = "inwoners"
[[opgave]]
id = "3"
naam = "Jeugdhulp naar voren"
cluster = "Hoe"
budget = 30_000
  [[opgave.besparing]]
  naam = "Jeugdhulp naar voren"
  gepland = { 2021 = 100_000, 2022 = 200_000, 2023 = 300_000 }
  gerealiseerd = { 2021 = 50_000 }
  [[opgave.mijlpaal]]
  naam = "Plan vastgesteld"
  datum = 2021-03-01
  gereed = 2021-02-20
  [[opgave.mijlpaal]]
  naam = "Start pilot"
  datum = 2021-05-01
[[opgave]]
id = "4"
naam = "Anders Zorgen"
cluster = "Wat"
  [[opgave.besparing]]
  naam = "Budgetbewust werken"
  gepland = { 2021 = 300_000, 2022 = 600_000, 2023 = 900_000 }
  [[opgave.besparing]]
  naam = "Regie op jeugdhulp"
  gepland = { 2021 = 200_000, 2022 = 400_000, 2023 = 600_000 }
  [[opgave.mijlpaal]]
  naam = "Besluit"
  datum = 2021-04-01
[[opgave]]
id = "10"
naam = "Opdracht Stichting Jeugdteams"
cluster = "Hoe"
status = "afgerond"
  [[opgave.besparing]]
  naam = "Contractering"
  gepland = { 2023 = 100_000 }
  [[opgave.mijlpaal]]
  naam = "Te laat maar afgerond"
  datum = 2021-01-01
)";

Agenda Parse(const std::string& text) {
  TomlSource src{"agenda.toml"};
  auto doc = ParseToml(text, src);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  auto a = ParseAgenda(*doc, src);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? *a : Agenda{};
}

TEST(AgendaTest, ProgressPerItemAndCluster) {
  Agenda a = Parse(kAgenda);
  ASSERT_EQ(a.items.size(), 3u);
  AgendaProgress p = EvaluateAgenda(a, a.date);
  const ItemProgress& front = p.items[0];
  EXPECT_EQ(front.savings.planned, E(100000));  // only 2021 is up to the as-of date
  EXPECT_EQ(front.savings.realised, E(50000));
  ASSERT_TRUE(front.savings.progress.has_value());
  EXPECT_DOUBLE_EQ(*front.savings.progress, 0.5);
  EXPECT_EQ(front.savings.planned_total, E(600000));
  EXPECT_EQ(front.milestones_done, 1);
  EXPECT_TRUE(front.overdue);
  // Nothing realised entered for "Anders Zorgen": progress unknown, not 0%.
  EXPECT_FALSE(p.items[1].savings.progress.has_value());
  EXPECT_EQ(p.items[1].savings.planned, E(500000));
  // A finished item is not overdue.
  EXPECT_FALSE(p.items[2].overdue);
  ASSERT_EQ(p.clusters.size(), 2u);
  EXPECT_EQ(p.clusters[0].cluster, "Hoe");
  EXPECT_EQ(p.clusters[0].items, 2);
  EXPECT_EQ(p.clusters[0].overdue_items, 1);
  EXPECT_EQ(p.clusters[0].savings.planned_total, E(700000));
}

TEST(AgendaTest, OverdueDependsOnTheAsOfDateOnly) {
  Agenda a = Parse(kAgenda);
  AgendaProgress p = EvaluateAgenda(a, a.date);
  ASSERT_EQ(p.overdue.size(), 2u);
  EXPECT_EQ(p.overdue[0].milestone->name, "Besluit");  // earliest due first
  EXPECT_EQ(p.overdue[0].days_late, 56);
  EXPECT_EQ(p.overdue[1].milestone->name, "Start pilot");
  AgendaProgress early = EvaluateAgenda(a, year(2021) / January / 15);
  EXPECT_TRUE(early.overdue.empty());
}

// The savings target the tests pass in, as a caller does (budget's LoadSavingsTarget).
const std::map<int, Money> kTarget = {
    {2021, E(1000000)}, {2022, E(1500000)}, {2023, E(2000000)}};

TEST(AgendaTest, TargetGapAndOneYearSlip) {
  Agenda a = Parse(kAgenda);
  a.target_gap = kTarget;
  AgendaProgress p = EvaluateAgenda(a, a.date);
  ASSERT_EQ(p.years.size(), 3u);
  EXPECT_EQ(p.years[0].planned, E(600000));
  EXPECT_EQ(p.years[0].shortfall, E(400000));
  EXPECT_EQ(p.years[0].planned_slipped, E(0));  // everything moves to 2022
  EXPECT_EQ(p.years[1].planned_slipped, E(600000));
  EXPECT_EQ(p.years[2].planned, E(1900000));
  // The finished item does not slip: its 100,000 stays in 2023.
  EXPECT_EQ(p.years[2].planned_slipped, E(1200000 + 100000));
  EXPECT_EQ(p.years[2].shortfall_slipped, E(700000));
  EXPECT_EQ(p.slip_loss, E(1800000));
}

Region TenMunicipalities() {
  Region r;
  const double inhabitants[] = {119000, 53000, 49000, 46000, 88000,
                                44000,  30000, 27000, 26000, 1};
  for (int i = 0; i < 10; ++i) {
    std::string code = "GM" + std::to_string(1000 + i);
    r.AddMunicipality({.code = code, .begin = year(2015) / January / 1});
    r.SetKey(code, 2021, "inwoners", inhabitants[i]);
  }
  return r;
}

TEST(AgendaTest, SharedCostAddsUpToTheCent) {
  Agenda a = Parse(kAgenda);
  EXPECT_EQ(a.shared_cost, E(250000));
  EXPECT_EQ(a.share_year, 2021);
  Region r = TenMunicipalities();
  auto w = WeightsFor(r, a.share_year, a.share_key);
  ASSERT_TRUE(w.ok());
  for (Money total : {a.shared_cost, Money::FromCents(1), Money::FromCents(25000001)}) {
    auto parts = SplitByKey(total, *w);
    ASSERT_TRUE(parts.ok());
    Money sum;
    for (Money m : *parts) sum += m;
    EXPECT_EQ(sum, total);
  }
  auto parts = SplitByKey(a.shared_cost, *w);
  // The largest municipality pays its share within a cent.
  EXPECT_NEAR(static_cast<double>((*parts)[0].cents()), 25000000.0 * 119000 / w->total,
              1.0);
}

TEST(AgendaTest, BadInputNamesFileAndKey) {
  struct Case {
    std::string from, to, path, words;
  };
  const Case cases[] = {
      {"datum = 2021-05-27\n", "", "datum", "ontbreekt"},
      {"status = \"afgerond\"", "status = \"klaar\"", "opgave[3].status",
       "onbekende status"},
      {"2023 = 300_000", "2025 = 300_000", "opgave[1].besparing[1].gepland.2025",
       "buiten"},
      {"naam = \"Anders Zorgen\"\n", "", "opgave[2].naam", "ontbreekt"},
      {"id = \"10\"", "id = \"3\"", "opgave[3].id", "twee keer"},
      {"datum = 2021-04-01", "datum = \"1 april\"", "opgave[2].mijlpaal[1].datum",
       "datum"},
      {"bedrag = 250_000", "bedrag = \"veel\"", "verdeling.bedrag", "veel"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    std::string text = kAgenda;
    size_t at = text.find(c.from);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, c.from.size(), c.to);
    TomlSource src{"agenda.toml"};
    auto doc = ParseToml(text, src);
    ASSERT_TRUE(doc.ok());
    auto r = ParseAgenda(*doc, src);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().where().file, "agenda.toml");
    EXPECT_EQ(r.status().where().path, c.path);
    EXPECT_THAT(r.status().message(), HasSubstr(c.words));
    EXPECT_GT(r.status().where().line, 0);
  }
}

// agenda.toml written to a temporary file, for RunAgenda.
std::string AgendaFile(const std::string& text) {
  const std::filesystem::path p =
      std::filesystem::temp_directory_path() /
      ("agenda_test_" +
       std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".toml");
  std::ofstream(p) << text;
  return p.string();
}

TEST(RunAgendaTest, TargetIsAValueAndTheBudgetFileIsNeverOpened) {
  // kAgenda names a budget file that does not exist: the agenda does not open it.
  const std::string file = AgendaFile(kAgenda);
  Region r = TenMunicipalities();
  auto run = RunAgenda(&r, {.file = file, .target_gap = kTarget});
  std::filesystem::remove(file);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->agenda->target_gap, kTarget);
  ASSERT_EQ(run->progress.years.size(), 3u);
  EXPECT_EQ(run->progress.years[0].shortfall, E(1000000 - 600000));
  EXPECT_EQ(run->progress.as_of, run->agenda->date);
  ASSERT_TRUE(run->sharing.has_value());
  Money sum;
  for (Money m : run->sharing->parts) sum += m;
  EXPECT_EQ(sum, E(250000));
  EXPECT_EQ(run->sharing->weights.codes.front(), "GM1000");
}

TEST(RunAgendaTest, AsOfKeyAndNoRegion) {
  const std::string file = AgendaFile(kAgenda);
  auto early = RunAgenda(nullptr, {.file = file, .as_of = year(2021) / January / 15});
  Region r = TenMunicipalities();
  auto other_key = RunAgenda(&r, {.file = file, .key = "jeugdigen"});
  auto unshared = RunAgenda(&r, {.file = file, .key = "jeugdigen", .share = false});
  std::filesystem::remove(file);
  ASSERT_TRUE(early.ok()) << early.status().ToString();
  EXPECT_TRUE(early->progress.overdue.empty());
  EXPECT_FALSE(early->sharing.has_value());  // no region: nothing shared
  EXPECT_FALSE(early->progress.years[0].target_gap.has_value());  // no target given
  ASSERT_FALSE(other_key.ok());  // the region has no jeugdigen
  EXPECT_THAT(other_key.status().message(), HasSubstr("'jeugdigen' ontbreekt"));
  ASSERT_TRUE(unshared.ok());
  EXPECT_FALSE(unshared->sharing.has_value());
}

}  // namespace
}  // namespace jr
