// The care rules on data they have not seen: every folder of tests/data/rules/
// (except base/) is a scenario. base/ holds the region, products, tariffs and clients;
// a scenario adds toewijzingen.csv and declaraties.csv (and regels.toml when it needs
// one) and lists in verwacht.csv, written by hand from the rule's text, every finding
// `check` must give: declaratienummer;toewijzingnummer;begindatum;code;status. A line
// not listed must be accepted. A scenario may also list, written by hand, the
// "nee, tenzij" outcomes (verwacht_nee_tenzij.csv: toewijzingnummer;besluit;
// andere_aanbieder) and the commitments as of peildatum.txt
// (verwacht_verplichtingen.csv: gemeentecode;agb_code;perceel;verplicht).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "core/date.h"
#include "core/env.h"
#include "ingest/importer.h"
#include "rules/ceilings.h"
#include "rules/check.h"
#include "rules/ijw_lines.h"
#include "rules/region_rules.h"
#include "rules/rule_set.h"

namespace jr::rules {
namespace {

namespace fs = std::filesystem;
const fs::path kData = "tests/data/rules";

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, sep)) out.push_back(cell);
  return out;
}

// The data lines of a hand-written CSV file (no header, no # comments).
std::set<std::string> ExpectedLines(const fs::path& file) {
  auto text = Env::Default().ReadFile(file.string());
  EXPECT_TRUE(text.ok()) << file;
  std::set<std::string> out;
  if (!text.ok()) return out;
  std::stringstream lines(*text);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    if (!line.empty() && line[0] != '#') out.insert(line);
  }
  return out;
}

std::string Key(const std::string& number, const std::string& assignment,
                const std::string& start, const std::string& code,
                const std::string& status) {
  return number + ";" + assignment + ";" + start + ";" + code + ";" + status;
}

class ScenarioTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jr_rules_test_" + std::to_string(::getpid()) + "_" + GetParam());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_P(ScenarioTest, FindsExactlyTheExpectedFindings) {
  const fs::path scenario = kData / GetParam();
  auto store = Store::Open((dir_ / "t.db").string());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  // base first, then the scenario's own files (one folder: copy both into one).
  fs::path input = dir_ / "in";
  fs::create_directories(input);
  for (const fs::path& from : {kData / "base", scenario}) {
    for (const auto& e : fs::directory_iterator(from)) {
      if (e.path().extension() == ".csv" &&
          !e.path().filename().string().starts_with("verwacht")) {
        fs::copy_file(e.path(), input / e.path().filename(),
                      fs::copy_options::overwrite_existing);
      }
    }
  }
  ImportOutcome imported = ImportFolder(**store, input.string(), {});
  ASSERT_TRUE(imported.ok()) << imported.errors.ToString();

  CheckOptions options;
  if (fs::exists(scenario / "regels.toml")) {
    auto rules = LoadRegionRules((scenario / "regels.toml").string());
    ASSERT_TRUE(rules.ok()) << rules.status().ToString();
    options.rules = *rules;
  }
  if (fs::exists(scenario / "peildatum.txt")) {
    auto text = Env::Default().ReadFile((scenario / "peildatum.txt").string());
    ASSERT_TRUE(text.ok());
    auto day = ParseDate(text->substr(0, 10));
    ASSERT_TRUE(day.ok()) << day.status().ToString();
    options.reference_date = *day;
  }
  auto result = RunCheck(**store, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();

  auto ctx = RuleContext::Build(**store, options.rules);
  ASSERT_TRUE(ctx.ok()) << ctx.status().ToString();
  Ceilings ceilings = ComputeCeilings(*ctx, *result);
  if (fs::exists(scenario / "verwacht_nee_tenzij.csv")) {
    std::set<std::string> cases;
    for (const NoUnlessCase& x : ceilings.no_unless) {
      cases.insert(x.assignment + ";" + std::string(NoUnlessOutcomeName(x.outcome)) +
                   ";" + x.other_agb);
    }
    EXPECT_EQ(cases, ExpectedLines(scenario / "verwacht_nee_tenzij.csv"));
  }
  if (fs::exists(scenario / "verwacht_verplichtingen.csv")) {
    std::set<std::string> rows;
    for (const CommitmentRow& r : ceilings.commitments) {
      std::string euros = r.committed.ToString();
      rows.insert(r.municipality + ";" + r.agb + ";" + r.lot + ";" + euros);
    }
    EXPECT_EQ(rows, ExpectedLines(scenario / "verwacht_verplichtingen.csv"));
  }

  std::set<std::string> got;
  for (const Finding& f : result->findings) {
    got.insert(Key(f.declaration, f.assignment, FormatDate(f.start), f.code,
                   std::string(FindingStatusName(f.status))));
    EXPECT_FALSE(f.message.empty());
  }
  auto text = Env::Default().ReadFile((scenario / "verwacht.csv").string());
  ASSERT_TRUE(text.ok()) << "verwacht.csv ontbreekt in " << scenario;
  std::set<std::string> want;
  std::stringstream lines(*text);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto c = Split(line, ';');
    ASSERT_EQ(c.size(), 5u) << line;
    want.insert(Key(c[0], c[1], c[2], c[3], c[4]));
  }
  std::string messages;
  for (const Finding& f : result->findings) {
    messages +=
        f.code + " " + f.declaration + " " + f.assignment + ": " + f.message + "\n";
  }
  EXPECT_EQ(got, want) << messages;

  // Recorded, and a second run changes nothing.
  auto dump = (*store)->Dump();
  ASSERT_TRUE(dump.ok());
  EXPECT_EQ((*store)->LoadFindings()->size(), result->findings.size());
  ASSERT_TRUE(RunCheck(**store, options).ok());
  EXPECT_EQ(*(*store)->Dump(), *dump);
}

std::vector<std::string> Scenarios() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kData)) {
    if (e.is_directory() && e.path().filename() != "base") {
      out.push_back(e.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Rules, ScenarioTest, ::testing::ValuesIn(Scenarios()),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(RegionRulesTest, ReadsProductsAndReviewAmount) {
  auto r = ParseRegionRules(
      "[[product]]\ncategorie = \"44\"\ncode = \"44K01\"\nmax_per_week = 3\n"
      "[toetsing]\nbedrag_boven = 25000.00\n",
      "regels.toml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->products.size(), 1u);
  EXPECT_EQ(r->products[0].category, "44");
  EXPECT_EQ(r->products[0].code, "44K01");
  EXPECT_EQ(r->products[0].max_per_week, 3);
  EXPECT_EQ(r->review_above, Money::FromEuros(25000));
  EXPECT_EQ(r->residential_buckets, std::vector<std::string>{"verblijf"});
}

TEST(RegionRulesTest, UnknownKeysNameFileAndKey) {
  auto top = ParseRegionRules("[toetsen]\nx = 1\n", "regels.toml");
  ASSERT_FALSE(top.ok());
  EXPECT_NE(top.status().ToString().find("regels.toml"), std::string::npos);
  EXPECT_NE(top.status().ToString().find("onbekende sleutel 'toetsen'"),
            std::string::npos)
      << top.status().ToString();
  auto inner = ParseRegionRules(
      "[[product]]\ncategorie = \"44\"\ncode = \"44K01\"\nmax_per_dag = 3\n",
      "regels.toml");
  ASSERT_FALSE(inner.ok());
  EXPECT_NE(inner.status().ToString().find("max_per_dag"), std::string::npos)
      << inner.status().ToString();
  auto review = ParseRegionRules("[toetsing]\nbedrag = 1\n", "regels.toml");
  ASSERT_FALSE(review.ok());
  EXPECT_NE(review.status().ToString().find("toetsing.bedrag"), std::string::npos)
      << review.status().ToString();
}

TEST(RegionRulesTest, FingerprintChangesWithTheRules) {
  RegionRules a, b;
  EXPECT_EQ(a.Fingerprint(), b.Fingerprint());
  b.review_above = Money::FromEuros(1);
  EXPECT_NE(a.Fingerprint(), b.Fingerprint());
}

// JW323 lines that became no declaration row: 8021 when the assignment is known (its
// key was taken by an earlier line), 9338 when it is not; stored lines and lines of an
// unknown message give nothing.
TEST(IjwLinesTest, UnstoredLinesBecomeFindings) {
  using namespace std::chrono_literals;
  Assignment a;
  a.number = "T1";
  a.start = 2021y / 1 / 1;
  RuleContext ctx =
      RuleContext::FromValues(Region{}, {}, {}, {}, {}, {}, {a}, RegionRules{});
  IjwMessage m{"JW323", "87654321", "ID1", "GM0505", 2021y / 2 / 5, "DEC1"};
  auto line = [](int64_t n, const char* message, const char* assignment, bool stored) {
    IjwLine l;
    l.message = message;
    l.line = n;
    l.assignment = assignment;
    l.start = 2021y / 1 / 1;
    l.end = 2021y / 2 / 1;
    l.amount = Money::FromCents(1000 * n);
    l.stored = stored;
    return l;
  };
  std::vector<IjwLine> lines = {line(1, "JW323/87654321/ID1", "T1", true),
                                line(2, "JW323/87654321/ID1", "T1", false),
                                line(3, "JW323/87654321/ID1", "TX", false),
                                line(4, "JW323/87654321/ID2", "TX", false)};
  std::vector<Finding> findings;
  std::vector<Money> amounts;
  FindingSink sink(&findings, 2021, 2021);
  EXPECT_EQ(CheckUnstoredIjwLines({m}, lines, ctx, &sink, &amounts), 2);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].assignment, "T1");
  EXPECT_EQ(findings[0].declaration, "DEC1 regel 2");
  EXPECT_EQ(findings[0].code, "8021");
  EXPECT_EQ(findings[0].status, FindingStatus::kRejected);
  EXPECT_EQ(findings[1].assignment, "TX");
  EXPECT_EQ(findings[1].declaration, "DEC1 regel 3");
  EXPECT_EQ(findings[1].code, "9338");
  EXPECT_EQ(amounts,
            (std::vector<Money>{Money::FromCents(2000), Money::FromCents(3000)}));
  // Outside the checked years: nothing.
  std::vector<Finding> none;
  FindingSink other(&none, 2022, 2022);
  EXPECT_EQ(CheckUnstoredIjwLines({m}, lines, ctx, &other, &amounts), 0);
  EXPECT_TRUE(none.empty());
}

TEST(RuleSetTest, NamesAreUnique) {
  const auto& rules = CareRules();
  ASSERT_FALSE(rules.empty());
  for (size_t i = 0; i < rules.size(); ++i) {
    for (size_t j = i + 1; j < rules.size(); ++j) {
      EXPECT_NE(rules[i]->name(), rules[j]->name());
    }
  }
}

}  // namespace
}  // namespace jr::rules
