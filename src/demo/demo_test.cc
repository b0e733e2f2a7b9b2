#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "care/pseudonym.h"
#include "care/volume.h"
#include "core/date.h"
#include "core/money.h"
#include "demo/demo_declarations.h"
#include "demo/demo_files.h"
#include "demo/demo_ijw.h"
#include "demo/demo_products.h"
#include "demo/demo_region.h"

namespace jr {
namespace {

namespace fs = std::filesystem;

// A CSV file as header -> column index and rows of fields.
struct Csv {
  std::string header;
  std::map<std::string, size_t> column;
  std::vector<std::vector<std::string>> rows;

  const std::string& At(size_t row, const std::string& name) const {
    return rows[row].at(column.at(name));
  }
};

Csv ReadCsv(const fs::path& path) {
  Csv csv;
  std::ifstream in(path);
  std::getline(in, csv.header);
  std::stringstream hs(csv.header);
  std::string field;
  for (size_t i = 0; std::getline(hs, field, ';'); ++i) csv.column[field] = i;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t pos; (pos = line.find(';', start)) != std::string::npos;
         start = pos + 1) {
      fields.push_back(line.substr(start, pos - start));
    }
    fields.push_back(line.substr(start));
    EXPECT_EQ(fields.size(), csv.column.size()) << path << ": " << line;
    csv.rows.push_back(std::move(fields));
  }
  return csv;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int DayOf(const std::string& text) {
  auto d = ParseDate(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? DayNumber(*d) : 0;
}

Money MoneyOf(const std::string& text) {
  auto m = Money::Parse(text);
  EXPECT_TRUE(m.ok()) << text;
  return m.ok() ? *m : Money();
}

Volume VolumeOf(const std::string& text) {
  auto v = Volume::Parse(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Volume();
}

const std::vector<std::string> kFiles = {
    "gemeenten.csv",    "kengetallen.csv", "aanbieders.csv",   "producten.csv",
    "tarieven.csv",     "contracten.csv",  "jeugdteams.csv",   "clienten.csv",
    "toewijzingen.csv", "declaraties.csv", "vaste_kosten.csv", "lokale_kosten.csv",
    "toetsingen.csv"};

class DemoRegionTest : public ::testing::Test {
 protected:
  static fs::path Dir(const std::string& name) {
    return fs::temp_directory_path() / ("jr_demo_test_" + std::to_string(::getpid())) /
           name;
  }
  static DemoSummary Write(const std::string& name, uint64_t seed, double scale) {
    DemoOptions o;
    o.seed = seed;
    o.scale = scale;
    o.dir = Dir(name).string();
    o.defects = false;  // the clean generator; the defects are `check`'s (cli_test.sh)
    DemoSummary summary;
    Status s = WriteDemoRegion(o, &summary);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return summary;
  }
  static void SetUpTestSuite() { summary_ = Write("a", 7, 0.02); }
  static void TearDownTestSuite() { fs::remove_all(Dir("")); }

  static DemoSummary summary_;
};
DemoSummary DemoRegionTest::summary_;

TEST_F(DemoRegionTest, SameSeedSameBytesOtherSeedOtherData) {
  Write("b", 7, 0.02);
  Write("c", 8, 0.02);
  for (const auto& f : kFiles) {
    EXPECT_EQ(ReadAll(Dir("a") / f), ReadAll(Dir("b") / f)) << f;
  }
  for (const char* f : {"clienten.csv", "toewijzingen.csv", "declaraties.csv"}) {
    EXPECT_NE(ReadAll(Dir("a") / f), ReadAll(Dir("c") / f)) << f;
  }
}

// The TOML files of data/demo are compiled in and written beside the CSV files, byte
// for byte (ctest runs from the source root), those of ScaledFiles() with their amounts
// scaled by the demo's 0.02.
TEST_F(DemoRegionTest, WritesTheConfigFilesOfDataDemo) {
  std::vector<std::string> in_tree;
  for (const auto& e : fs::directory_iterator("data/demo")) {
    if (e.path().extension() == ".toml") in_tree.push_back(e.path().filename().string());
  }
  std::sort(in_tree.begin(), in_tree.end());
  EXPECT_EQ(summary_.config_files, in_tree);
  for (const char* f : {"begroting.toml", "agenda.toml", "maatregelen.toml"}) {
    EXPECT_NE(std::find(in_tree.begin(), in_tree.end(), f), in_tree.end()) << f;
  }
  for (const auto& f : in_tree) {
    SCOPED_TRACE(f);
    std::string text = ReadAll(fs::path("data/demo") / f);
    EXPECT_FALSE(text.empty());
    for (const demo::ScaledFile& s : demo::ScaledFiles()) {
      if (s.name == f) text = demo::ScaleAmounts(text, 0.02, s.keys);
    }
    EXPECT_EQ(ReadAll(Dir("a") / f), text);
    struct stat st {};
    ASSERT_EQ(::stat((Dir("a") / f).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
  }
}

TEST_F(DemoRegionTest, HeadersAreThoseOfFormats) {
  const std::map<std::string, std::string> expected = {
      {"gemeenten.csv", "gemeentecode;naam;subregio;begindatum;einddatum;opvolger"},
      {"kengetallen.csv", "gemeentecode;jaar;sleutel;waarde"},
      {"aanbieders.csv", "agb_code;naam"},
      {"producten.csv",
       "productcategorie;productcode;omschrijving;eenheid;kostenpost;afbakening"},
      {"tarieven.csv", "productcategorie;productcode;jaar;tarief"},
      {"contracten.csv", "agb_code;jaar;perceel;budgetplafond"},
      {"jeugdteams.csv", "team;naam;gemeentecode;jaar;budget"},
      {"clienten.csv", "client;geboortedatum;gemeentecode;begindatum"},
      {"toewijzingen.csv",
       "toewijzingnummer;client;gemeentecode;agb_code;productcategorie;productcode;"
       "volume;"
       "eenheid;frequentie;ingangsdatum;einddatum;verwijzer;team;vorige_toewijzing;"
       "budget"},
      {"declaraties.csv",
       "declaratienummer;toewijzingnummer;agb_code;productcategorie;productcode;"
       "begindatum;"
       "einddatum;geleverd_volume;eenheid;tarief;bedrag;debet_credit"},
      {"vaste_kosten.csv", "jaar;kostenpost;bedrag"},
      {"lokale_kosten.csv", "gemeentecode;jaar;kostenpost;bedrag"},
      {"toetsingen.csv", "toewijzingnummer;besluit;datum;uitstelbaar"}};
  for (const auto& f : kFiles) {
    Csv csv = ReadCsv(Dir("a") / f);
    EXPECT_EQ(csv.header, expected.at(f)) << f;
    EXPECT_FALSE(csv.rows.empty()) << f;
    EXPECT_EQ(static_cast<int64_t>(csv.rows.size()), summary_.rows.at(f)) << f;
    struct stat st;
    ASSERT_EQ(::stat((Dir("a") / f).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << f;
  }
}

TEST_F(DemoRegionTest, MunicipalitiesAndKeys) {
  Csv g = ReadCsv(Dir("a") / "gemeenten.csv");
  std::map<std::string, size_t> row;
  for (size_t i = 0; i < g.rows.size(); ++i) row[g.At(i, "gemeentecode")] = i;
  EXPECT_EQ(g.rows.size(), 19u);
  EXPECT_EQ(g.At(row.at("GM0585"), "opvolger"), "GM1963");
  EXPECT_EQ(g.At(row.at("GM0585"), "einddatum"), "2018-12-31");
  EXPECT_EQ(g.At(row.at("GM1963"), "begindatum"), "2019-01-01");
  EXPECT_EQ(g.At(row.at("GM9906"), "opvolger"), "");  // Leerdam left the region
  EXPECT_EQ(g.At(row.at("GM0505"), "naam"), "Dordrecht");

  Csv k = ReadCsv(Dir("a") / "kengetallen.csv");
  std::map<int, double> grant, inhabitants;
  for (size_t i = 0; i < k.rows.size(); ++i) {
    int year = std::stoi(k.At(i, "jaar"));
    double value = std::stod(k.At(i, "waarde"));
    if (k.At(i, "sleutel") == "rijksbijdrage") grant[year] += value;
    if (k.At(i, "sleutel") == "inwoners") inhabitants[year] += value;
    if (k.At(i, "gemeentecode") == "GM0505" && year == 2019 &&
        k.At(i, "sleutel") == "inwoners") {
      EXPECT_EQ(value, 118709);
    }
  }
  for (int y = 2015; y <= 2025; ++y) {
    // The region's grant of 95-111 million a year, scaled by the demo's 0.02.
    EXPECT_GT(grant[y], 0.02 * 95e6) << y;
    EXPECT_LT(grant[y], 0.02 * 111e6) << y;
    EXPECT_GT(inhabitants[y], 440000) << y;
    EXPECT_LT(inhabitants[y], 500000) << y;
  }
}

TEST_F(DemoRegionTest, DeclarationsMatchTariffsAndStayInsideAssignments) {
  Csv tariffs = ReadCsv(Dir("a") / "tarieven.csv");
  std::map<std::pair<std::string, int>, Money> tariff;
  for (size_t i = 0; i < tariffs.rows.size(); ++i) {
    tariff[{tariffs.At(i, "productcode"), std::stoi(tariffs.At(i, "jaar"))}] =
        MoneyOf(tariffs.At(i, "tarief"));
  }
  Csv products = ReadCsv(Dir("a") / "producten.csv");
  std::map<std::string, std::string> bucket;
  for (size_t i = 0; i < products.rows.size(); ++i) {
    bucket[products.At(i, "productcode")] = products.At(i, "kostenpost");
  }
  Csv contracts = ReadCsv(Dir("a") / "contracten.csv");
  std::set<std::string> lots;
  for (size_t i = 0; i < contracts.rows.size(); ++i) {
    lots.insert(contracts.At(i, "agb_code") + "/" + contracts.At(i, "jaar") + "/" +
                contracts.At(i, "perceel"));
  }
  Csv tw = ReadCsv(Dir("a") / "toewijzingen.csv");
  struct Period {
    int start, end;
    std::string product, agb, frequency;
    Volume volume;
  };
  std::map<std::string, Period> assignment;
  for (size_t i = 0; i < tw.rows.size(); ++i) {
    const std::string& end = tw.At(i, "einddatum");
    assignment[tw.At(i, "toewijzingnummer")] = {
        DayOf(tw.At(i, "ingangsdatum")), end.empty() ? DayOf("2025-12-31") : DayOf(end),
        tw.At(i, "productcode"),         tw.At(i, "agb_code"),
        tw.At(i, "frequentie"),          VolumeOf(tw.At(i, "volume"))};
  }
  Csv d = ReadCsv(Dir("a") / "declaraties.csv");
  std::map<int, int64_t> net;
  std::set<std::string> keys;
  int credits = 0;
  for (size_t i = 0; i < d.rows.size(); ++i) {
    Volume v = VolumeOf(d.At(i, "geleverd_volume"));
    Money t = MoneyOf(d.At(i, "tarief"));
    Money amount = MoneyOf(d.At(i, "bedrag"));
    ASSERT_EQ(v.Times(t), amount) << "line " << i + 2;
    ASSERT_GT(v.hundredths, 0);
    const Period& a = assignment.at(d.At(i, "toewijzingnummer"));
    int first = DayOf(d.At(i, "begindatum")), last = DayOf(d.At(i, "einddatum"));
    ASSERT_LE(a.start, first) << "line " << i + 2;
    ASSERT_LE(first, last);
    ASSERT_LE(last, a.end) << "line " << i + 2;
    Date f = FromDayNumber(first), l = FromDayNumber(last);
    ASSERT_EQ(f.year() / f.month(), l.year() / l.month()) << "one calendar month a row";
    ASSERT_EQ(d.At(i, "productcode"), a.product);
    ASSERT_EQ(d.At(i, "agb_code"), a.agb);
    int year = static_cast<int>(f.year());
    ASSERT_EQ(t, (tariff[{a.product, year}])) << "line " << i + 2;
    ASSERT_TRUE(lots.count(a.agb + "/" + std::to_string(year) + "/" + bucket[a.product]))
        << "no contract for line " << i + 2;
    // Never more than assigned for the days of care in the month.
    int days = last - first + 1;
    int64_t allowed = a.volume.hundredths;  // per month, or in total
    if (a.frequency == "2") allowed = a.volume.hundredths * days / 7;
    if (a.frequency == "1") allowed = a.volume.hundredths * days;
    ASSERT_LE(v.hundredths, allowed) << "line " << i + 2;
    ASSERT_TRUE(keys.insert(d.At(i, "declaratienummer") + "/" +
                            d.At(i, "toewijzingnummer") + "/" + d.At(i, "begindatum"))
                    .second)
        << "duplicate key on line " << i + 2;
    bool credit = d.At(i, "debet_credit") == "C";
    credits += credit;
    net[year] += credit ? -amount.cents() : amount.cents();
  }
  EXPECT_GT(credits, 0);
  for (const auto& [year, cents] : net) {
    EXPECT_EQ(summary_.declared_per_year.at(year).cents(), cents) << year;
  }
}

TEST_F(DemoRegionTest, AssignmentsChainAndBelongToTheirMunicipality) {
  Csv g = ReadCsv(Dir("a") / "gemeenten.csv");
  std::map<std::string, std::pair<int, int>> valid;
  for (size_t i = 0; i < g.rows.size(); ++i) {
    const std::string& end = g.At(i, "einddatum");
    valid[g.At(i, "gemeentecode")] = {DayOf(g.At(i, "begindatum")),
                                      end.empty() ? DayOf("2099-12-31") : DayOf(end)};
  }
  Csv teams = ReadCsv(Dir("a") / "jeugdteams.csv");
  std::set<std::string> team_of;
  for (size_t i = 0; i < teams.rows.size(); ++i) {
    team_of.insert(teams.At(i, "team") + "/" + teams.At(i, "jaar") + "/" +
                   teams.At(i, "gemeentecode"));
  }
  Csv clients = ReadCsv(Dir("a") / "clienten.csv");
  std::map<std::string, std::map<int, std::string>> residence;
  for (size_t i = 0; i < clients.rows.size(); ++i) {
    residence[clients.At(i, "client")][DayOf(clients.At(i, "begindatum"))] =
        clients.At(i, "gemeentecode");
  }
  Csv tw = ReadCsv(Dir("a") / "toewijzingen.csv");
  std::map<std::string, size_t> row;
  for (size_t i = 0; i < tw.rows.size(); ++i) row[tw.At(i, "toewijzingnummer")] = i;
  size_t ended = 0, reindicated = 0, open = 0;
  std::set<std::string> has_successor;
  for (size_t i = 0; i < tw.rows.size(); ++i) {
    const std::string& prev = tw.At(i, "vorige_toewijzing");
    if (!prev.empty()) has_successor.insert(prev);
  }
  for (size_t i = 0; i < tw.rows.size(); ++i) {
    const std::string& muni = tw.At(i, "gemeentecode");
    int start = DayOf(tw.At(i, "ingangsdatum"));
    ASSERT_LE(valid.at(muni).first, start);
    ASSERT_LE(start, valid.at(muni).second) << "assignment after its municipality ended";
    const auto& lived = residence.at(tw.At(i, "client"));
    auto it = lived.upper_bound(start);
    ASSERT_NE(it, lived.begin());
    ASSERT_EQ(std::prev(it)->second, muni)
        << "municipality is not where the client lives";
    const std::string& team = tw.At(i, "team");
    ASSERT_EQ(team.empty(), tw.At(i, "verwijzer") != "gemeente");
    if (!team.empty()) {
      ASSERT_TRUE(
          team_of.count(team + "/" + tw.At(i, "ingangsdatum").substr(0, 4) + "/" + muni));
    }
    ASSERT_NE(tw.At(i, "productcode"), "45A08") << "a `geen` product is never assigned";
    const std::string& prev = tw.At(i, "vorige_toewijzing");
    if (!prev.empty()) {
      size_t p = row.at(prev);
      EXPECT_EQ(tw.At(p, "client"), tw.At(i, "client"));
      EXPECT_EQ(DayOf(tw.At(p, "einddatum")) + 1, start)
          << "re-indication starts the next day";
    }
    if (tw.At(i, "einddatum").empty()) {
      ++open;
    } else {
      ++ended;
      reindicated += has_successor.count(tw.At(i, "toewijzingnummer"));
    }
  }
  EXPECT_GT(open, 0u);
  double share = static_cast<double>(reindicated) / static_cast<double>(ended);
  EXPECT_NEAR(share, 0.70, 0.04);
}

TEST_F(DemoRegionTest, MeanDurationNearAYear) {
  Csv tw = ReadCsv(Dir("a") / "toewijzingen.csv");
  double days = 0;
  int n = 0;
  for (size_t i = 0; i < tw.rows.size(); ++i) {
    // Assignments that started after the transition year and long before the end,
    // so few are cut off by the horizon.
    int year = std::stoi(tw.At(i, "ingangsdatum").substr(0, 4));
    if (year < 2016 || year > 2019) continue;
    const std::string& end = tw.At(i, "einddatum");
    days += (end.empty() ? DayOf("2025-12-31") : DayOf(end)) -
            DayOf(tw.At(i, "ingangsdatum")) + 1;
    ++n;
  }
  ASSERT_GT(n, 1000);
  EXPECT_GT(days / n, 270.0);
  EXPECT_LT(days / n, 450.0);
}

TEST_F(DemoRegionTest, FullScaleTotalsAndClients) {
  // A quarter of the region, scaled up: 2019-2021 cost 100-120 million a year for
  // ~14,000 clients a year.
  constexpr double kScale = 0.25;
  DemoSummary s = Write("quarter", 1, kScale);
  for (int y = 2019; y <= 2021; ++y) {
    double euros = s.declared_per_year.at(y).ToEurosApprox() / kScale;
    EXPECT_GT(euros, 100e6) << y;
    EXPECT_LT(euros, 120e6) << y;
  }
  for (int y = 2015; y <= 2025; ++y) {
    double clients = static_cast<double>(s.clients_per_year.at(y)) / kScale;
    EXPECT_GT(clients, 12000) << y;
    EXPECT_LT(clients, 16500) << y;
  }
  fs::remove_all(Dir("quarter"));
}

TEST(DemoDeclarationsTest, NeverMoreThanAssigned) {
  const auto& products = demo::DemoProducts();
  int pgb = demo::DemoProductIndex("54001");  // total minutes over the assignment
  ASSERT_GE(pgb, 0);
  demo::DemoAssignment a;
  a.product = pgb;
  a.volume = 60000;  // 600 minutes in total
  a.start = DayOf("2020-01-15");
  a.end = DayOf("2020-06-10");
  a.usage_pct = 100;
  std::vector<demo::PlannedDeclaration> plan;
  demo::PlanDeclarations(a, products[pgb], 3, DayOf("2025-12-31"), &plan);
  ASSERT_EQ(plan.size(), 6u);
  int64_t total = 0;
  for (const auto& p : plan) total += p.volume;
  EXPECT_LE(total, a.volume);
  EXPECT_GT(total, a.volume * 9 / 10);
  EXPECT_EQ(plan.front().first_day, a.start);
  EXPECT_EQ(plan.back().last_day, a.end);
}

TEST(DemoRegionOptionsTest, RejectsBadOptions) {
  DemoOptions o;
  o.dir = (fs::temp_directory_path() / "jr_demo_bad").string();
  o.scale = 0;
  EXPECT_FALSE(WriteDemoRegion(o, nullptr).ok());
  o.scale = 0.01;
  o.first_year = 2020;
  o.last_year = 2019;
  EXPECT_FALSE(WriteDemoRegion(o, nullptr).ok());
  EXPECT_FALSE(fs::exists(o.dir));
}

TEST(ScaleAmountsTest, ScalesTheAmountsOfTheKeysOnly) {
  const std::string toml =
      "# begroting = 1\nindexatie = 0.02\nrealisatie_voorgaand_jaar = 104_600_000\n"
      "[[jaar]]\njaar = 2019\ntaakstelling = -5_000_000\nrijksbudget = 97_700_000\n"
      "investering = \"op te geven\"\n"
      "besparing = { 2020 = [1_000_000, 8_000_000], 2021 = [0, 2_500_000] }\n"
      "  gepland = { 2022 = 1_700_000, 2023 = 3_600_000 }\n";
  const std::string_view keys[] = {"realisatie_voorgaand_jaar",
                                   "taakstelling",
                                   "rijksbudget",
                                   "besparing",
                                   "investering",
                                   "gepland"};
  EXPECT_EQ(demo::ScaleAmounts(toml, 1.0, keys), toml);
  // 104.6 million x 0.02 = 2,092,000; -5 million x 0.02 = -100,000; 97.7 million x
  // 0.02 = 1,954,000. The year, the index and the comment stay.
  const std::string scaled = demo::ScaleAmounts(toml, 0.02, keys);
  EXPECT_NE(scaled.find("\nrealisatie_voorgaand_jaar = 2_092_000\n"), std::string::npos)
      << scaled;
  EXPECT_NE(scaled.find("\ntaakstelling = -100_000\n"), std::string::npos) << scaled;
  EXPECT_NE(scaled.find("\nrijksbudget = 1_954_000\n"), std::string::npos) << scaled;
  EXPECT_NE(scaled.find("\njaar = 2019\n"), std::string::npos);
  EXPECT_NE(scaled.find("\nindexatie = 0.02\n"), std::string::npos);
  EXPECT_EQ(scaled.rfind("# begroting = 1\n", 0), 0u);
  // Ranges: the amounts in the brackets scale, the years and a text value stay.
  EXPECT_NE(
      scaled.find("\nbesparing = { 2020 = [20_000, 160_000], 2021 = [0, 50_000] }\n"),
      std::string::npos)
      << scaled;
  EXPECT_NE(scaled.find("\ninvestering = \"op te geven\"\n"), std::string::npos);
  // An indented key; its values after "= " scale, and so does its comment's indent.
  EXPECT_NE(scaled.find("\n  gepland = { 2022 = 34_000, 2023 = 72_000 }\n"),
            std::string::npos)
      << scaled;
  EXPECT_NE(scaled.find("\n  # { 2022 = 1_700_000"), std::string::npos);
  EXPECT_EQ(scaled.find("# \"op te geven\""), std::string::npos);
  EXPECT_NE(scaled.find("# 104_600_000 x 0.02 (jeugdregio demo --scale 0.02)"),
            std::string::npos);
}

}  // namespace
}  // namespace jr

// The synthetic BSNs of `demo --ijw`: each passes the 11-test, no two alike.
TEST(DemoIjwTest, BsnsAreValidAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 200000; ++i) {
    std::string bsn = jr::demo::DemoBsn(i);
    ASSERT_EQ(bsn.size(), 9u) << i;
    ASSERT_TRUE(jr::IsValidBsn(bsn)) << i << " " << bsn;
    ASSERT_TRUE(seen.insert(bsn).second) << i << " " << bsn;
  }
  // Index 0: 90000000, weighted sum 9 x 9 = 81, 81 mod 11 = 4: check digit 4.
  EXPECT_EQ(jr::demo::DemoBsn(0), "900000004");
  EXPECT_EQ(jr::demo::DemoIjwAssignmentNumber(0), "1000001");
}
