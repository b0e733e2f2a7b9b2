#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "agenda/measure_portfolio.h"
#include "agenda/measures_run.h"
#include "agenda/savings_combination.h"
#include "agenda/savings_simulation.h"

namespace jr {
namespace {

using ::testing::HasSubstr;

TEST(CombineOnBaseTest, OverlappingMeasuresDoNotAdd) {
  const double two[] = {10, 20};
  EXPECT_DOUBLE_EQ(CombineOnBase(100, two), 100 * (1 - 0.9 * 0.8));  // 28, not 30
  const double one[] = {37};
  EXPECT_DOUBLE_EQ(CombineOnBase(100, one), 37);
  const double all[] = {100, 50};
  EXPECT_DOUBLE_EQ(CombineOnBase(100, all), 100);  // never more than the base
  EXPECT_DOUBLE_EQ(CombineOnBase(100, {}), 0);
}

TEST(DistributionTest, QuantilesAndMoments) {
  Distribution u(DistributionKind::kUniform, 2, 5, 10);
  EXPECT_DOUBLE_EQ(u.Quantile(0.25), 4);
  EXPECT_DOUBLE_EQ(u.Mean(), 6);
  Distribution t(DistributionKind::kTriangular, 0, 2, 10);
  EXPECT_NEAR(t.Quantile(0.2), 2, 1e-12);  // F(mode) = (c - a) / (b - a)
  EXPECT_DOUBLE_EQ(t.Mean(), 4);
  Distribution p(DistributionKind::kPert, 0, 2, 10);
  EXPECT_DOUBLE_EQ(p.Mean(), 3);
  // The quantile table integrates back to the analytic mean and variance.
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int k = 0; k < n; ++k) {
    double x = p.Quantile((k + 0.5) / n);
    sum += x;
    sum2 += x * x;
  }
  EXPECT_NEAR(sum / n, p.Mean(), 1e-3);
  EXPECT_NEAR(sum2 / n - (sum / n) * (sum / n), p.Variance(), 1e-2);
  Distribution point(DistributionKind::kPert, 3, 3, 3);
  EXPECT_DOUBLE_EQ(point.Quantile(0.7), 3);
}

// Three measures on two bases, each with another distribution.
MeasurePortfolio SmallPortfolio() {
  MeasurePortfolio p;
  p.years = {2020, 2021};
  p.bases = {{"a", "", {{2020, 100.0}, {2021, 100.0}}},
             {"b", "", {{2020, 50.0}, {2021, 60.0}}}};
  Measure m1{
      .id = "1", .base = "a", .cluster = "x", .distribution = DistributionKind::kUniform};
  m1.savings = {{2020, {10, 20, 30}}, {2021, {20, 30, 40}}};
  Measure m2{.id = "2",
             .base = "a",
             .cluster = "y",
             .distribution = DistributionKind::kTriangular};
  m2.savings = {{2021, {0, 5, 30}}};
  Measure m3{
      .id = "3", .base = "b", .cluster = "x", .distribution = DistributionKind::kPert};
  m3.savings = {{2020, {5, 10, 40}}, {2021, {5, 10, 40}}};
  p.measures = {m1, m2, m3};
  return p;
}

double NaiveVariance(const MeasurePortfolio& p, int year) {
  double v = 0;
  for (const Measure& m : p.measures) {
    if (auto d = SavingDistribution(m, year)) v += d->Variance();
  }
  return v;
}

TEST(SimulationTest, MeansMatchAnalyticMeansWithinTolerance) {
  MeasurePortfolio p = SmallPortfolio();
  const int64_t n = 40000;
  auto r = SimulateSavings(p, {.runs = n, .seed = 7, .threads = 2});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (const YearSavings& y : r->years) {
    SCOPED_TRACE(y.year);
    // The combined saving changes by at most 1 per unit of any one measure's saving,
    // so for independent measures Var(T) <= sum Var(s_i) (Efron-Stein); 5 standard
    // errors, plus a little for the PERT table.
    const double tol = 5 * std::sqrt(NaiveVariance(p, y.year) / n) + 1e-3;
    EXPECT_NEAR(y.mean, AnalyticMeanSaving(p, y.year), tol);
    EXPECT_NEAR(y.naive_mean, NaiveMeanSaving(p, y.year), tol);
    EXPECT_LE(y.p10, y.p50);
    EXPECT_LE(y.p50, y.p90);
  }
  // 2020: no overlap (one measure per base), so combined = naive in every run.
  EXPECT_NEAR(r->years[0].mean, r->years[0].naive_mean, 1e-9);
  // 2021: measures 1 and 2 overlap on base "a", which costs something.
  EXPECT_LT(r->years[1].mean, r->years[1].naive_mean - 1);
}

TEST(SimulationTest, IdenticalForAnyThreadCount) {
  MeasurePortfolio p = SmallPortfolio();
  p.rank_correlation = 0.5;
  auto one = SimulateSavings(p, {.runs = 5000, .seed = 3, .threads = 1});
  auto three = SimulateSavings(p, {.runs = 5000, .seed = 3, .threads = 3});
  ASSERT_TRUE(one.ok() && three.ok());
  for (size_t y = 0; y < one->years.size(); ++y) {
    const YearSavings& a = one->years[y];
    const YearSavings& b = three->years[y];
    EXPECT_EQ(a.mean, b.mean);
    EXPECT_EQ(a.p10, b.p10);
    EXPECT_EQ(a.p90, b.p90);
    EXPECT_EQ(a.naive_p50, b.naive_p50);
    EXPECT_EQ(a.variance_share, b.variance_share);
  }
  auto other = SimulateSavings(p, {.runs = 5000, .seed = 4, .threads = 1});
  ASSERT_TRUE(other.ok());
  EXPECT_NE(one->years[1].mean, other->years[1].mean);
}

TEST(SimulationTest, CorrelationWithinClusterWidensTheSpread) {
  MeasurePortfolio p = SmallPortfolio();
  auto independent = SimulateSavings(p, {.runs = 20000, .seed = 11});
  p.rank_correlation = 0.9;
  auto correlated = SimulateSavings(p, {.runs = 20000, .seed = 11});
  ASSERT_TRUE(independent.ok() && correlated.ok());
  for (size_t y = 0; y < p.years.size(); ++y) {
    const YearSavings& a = independent->years[y];
    const YearSavings& b = correlated->years[y];
    EXPECT_GT(b.p90 - b.p10, 1.1 * (a.p90 - a.p10)) << p.years[y];
    // Correlation does not move the naive mean.
    EXPECT_NEAR(a.naive_mean, b.naive_mean,
                5 * std::sqrt(NaiveVariance(p, p.years[y]) * 4 / 20000));
  }
}

TEST(SimulationTest, VarianceSharesAndTargetProbability) {
  MeasurePortfolio p = SmallPortfolio();
  p.target_gap = {{2020, Money()}, {2021, Money::FromEuros(1000)}};
  auto r = SimulateSavings(p, {.runs = 3000, .seed = 1});
  ASSERT_TRUE(r.ok());
  const YearSavings& y2020 = r->years[0];
  // No overlap in 2020: the shares add up to 1; measure 2 saves nothing then.
  double sum =
      std::accumulate(y2020.variance_share.begin(), y2020.variance_share.end(), 0.0);
  EXPECT_NEAR(sum, 1.0, 1e-6);
  EXPECT_EQ(y2020.variance_share[1], 0.0);
  // Independent in 2020, so the shares are the variances over their sum: uniform
  // 10-30 has 20^2 / 12 = 33.3; PERT (5, 10, 40) has alpha 11/7, beta 31/7 and
  // 35^2 alpha beta / (6^2 x 7) = 33.8. Shares 0.496 and 0.504 (sd about 0.013).
  EXPECT_NEAR(y2020.variance_share[0], 0.496, 0.05);
  EXPECT_NEAR(y2020.variance_share[2], 0.504, 0.05);
  EXPECT_EQ(y2020.p_target, 1.0);
  EXPECT_EQ(r->years[1].p_target, 0.0);
}

TEST(SimulationTest, MeasuresFailOrSlipAYear) {
  // One measure that saves exactly 10 in 2020 and 2021 when on time; 20% chance it
  // fails, 30% that it is a year late. By hand: 2020 saves 10 only on time (50%);
  // 2021 saves 10 on time (50%) and late (30%, the 2020 saving), so 80%.
  MeasurePortfolio p;
  p.years = {2020, 2021};
  p.bases = {{"a", "", {{2020, 100.0}, {2021, 100.0}}}};
  Measure m{.id = "1", .base = "a", .distribution = DistributionKind::kPert};
  m.savings = {{2020, {10, 10, 10}}, {2021, {10, 10, 10}}};
  m.p_fail = 0.2;
  m.p_slip = 0.3;
  p.measures = {m};
  // A target of 9,99: the combined saving 100 x (1 - (1 - 10/100)) is 10 up to
  // rounding in floating point.
  p.target_gap = {{2020, Money::FromCents(999)}, {2021, Money::FromCents(999)}};
  const int64_t n = 20000;
  auto r = SimulateSavings(p, {.runs = n, .seed = 5, .threads = 2});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Binomial standard error at most sqrt(0.25 / n) = 0.0035; 5 of them.
  EXPECT_NEAR(*r->years[0].p_target, 0.5, 0.018);
  EXPECT_NEAR(*r->years[1].p_target, 0.8, 0.018);
  EXPECT_NEAR(r->years[0].mean, 5.0, 0.18);
  EXPECT_NEAR(r->years[1].mean, 8.0, 0.18);
  EXPECT_DOUBLE_EQ(ExpectedSaving(m, 2020), 5.0);
  EXPECT_DOUBLE_EQ(ExpectedSaving(m, 2021), 8.0);
  EXPECT_DOUBLE_EQ(AnalyticMeanSaving(p, 2021), 8.0);
}

TEST(SimulationTest, RejectsZeroRuns) {
  auto r = SimulateSavings(SmallPortfolio(), {.runs = 0});
  EXPECT_FALSE(r.ok());
}

constexpr const char* kGood = R"(
jaren = [2020, 2021]
verdeling = "driehoek"
rangcorrelatie = 0.25
[basis.instroom]
bedrag = { 2020 = 40_000_000, 2021 = 41_000_000 }
[[maatregel]]
id = "1"
naam = "Budgetverantwoordelijkheid"
basis = "instroom"
cluster = "toegang"
investering = "op te geven door teams"
besparing = { 2020 = [1_000_000, 8_000_000], 2021 = [1_000_000, 2_000_000, 10_000_000] }
)";

TEST(MeasurePortfolioTest, ReadsAGoodFile) {
  TomlSource src{"maatregelen.toml"};
  auto doc = ParseToml(kGood, src);
  ASSERT_TRUE(doc.ok());
  auto p = ParseMeasurePortfolio(*doc, src);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->years, (std::vector<int>{2020, 2021}));
  EXPECT_DOUBLE_EQ(p->rank_correlation, 0.25);
  EXPECT_TRUE(p->target_gap.empty());  // the caller passes the target in
  const Measure& m = p->measures.at(0);
  EXPECT_EQ(m.distribution, DistributionKind::kTriangular);
  EXPECT_EQ(m.investment_note, "op te geven door teams");
  EXPECT_DOUBLE_EQ(m.savings.at(2020).mode, 4500000);
  EXPECT_DOUBLE_EQ(m.savings.at(2021).mode, 2000000);
  EXPECT_DOUBLE_EQ(p->bases[0].amount.at(2021), 41000000);
  EXPECT_DOUBLE_EQ(m.p_slip, 0.0);  // no chances given: always on time
  EXPECT_DOUBLE_EQ(m.p_fail, 0.0);
}

TEST(MeasurePortfolioTest, ChancesOfSlippingAndFailing) {
  std::string text = kGood;
  text.replace(text.find("[basis"), 0, "kans_vertraging = 0.25\nkans_mislukt = 0.1\n");
  text +=
      "[[maatregel]]\nid = \"2\"\nnaam = \"Twee\"\nbasis = \"instroom\"\n"
      "kans_mislukt = 0.5\nbesparing = { 2021 = [0, 1_000] }\n";
  TomlSource src{"maatregelen.toml"};
  auto doc = ParseToml(text, src);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto p = ParseMeasurePortfolio(*doc, src);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_DOUBLE_EQ(p->measures[0].p_slip, 0.25);  // the defaults
  EXPECT_DOUBLE_EQ(p->measures[0].p_fail, 0.1);
  EXPECT_DOUBLE_EQ(p->measures[1].p_slip, 0.25);
  EXPECT_DOUBLE_EQ(p->measures[1].p_fail, 0.5);  // its own
}

Status Bad(const std::string& from, const std::string& to) {
  std::string text = kGood;
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  TomlSource src{"maatregelen.toml"};
  auto doc = ParseToml(text, src);
  if (!doc.ok()) return doc.status();
  auto p = ParseMeasurePortfolio(*doc, src);
  return p.ok() ? Status::Ok() : p.status();
}

TEST(MeasurePortfolioTest, BadInputGivesDutchErrorWithFileAndKey) {
  struct Case {
    std::string from, to, path, words;
  };
  const Case cases[] = {
      {"[1_000_000, 8_000_000]", "[8_000_000, 1_000_000]", "maatregel[1].besparing.2020",
       "groter dan maximum"},
      {"basis = \"instroom\"", "basis = \"tarief\"", "maatregel[1].basis",
       "onbekende basis"},
      {"2021 = [1_000_000", "2025 = [1_000_000", "maatregel[1].besparing.2025", "buiten"},
      {"naam = \"Budgetverantwoordelijkheid\"\n", "", "maatregel[1].naam", "ontbreekt"},
      {"8_000_000]", "80_000_000]", "maatregel[1].besparing.2020", "groter dan basis"},
      {", 2021 = 41_000_000 ", "", "basis.instroom.bedrag", "geen positief bedrag"},
      {"\"driehoek\"", "\"normaal\"", "verdeling", "onbekende verdeling"},
      {"0.25", "1.5", "rangcorrelatie", "[0, 1)"},
      {"cluster = \"toegang\"\n", "kans_mislukt = 1.2\n", "maatregel[1].kans_mislukt",
       "tussen 0 en 1"},
      {"cluster = \"toegang\"\n", "kans_mislukt = 0.6\nkans_vertraging = 0.6\n",
       "maatregel[1].kans_mislukt", "meer dan 1"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    Status s = Bad(c.from, c.to);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.where().file, "maatregelen.toml");
    EXPECT_EQ(s.where().path, c.path);
    EXPECT_THAT(s.message(), HasSubstr(c.words));
  }
}

TEST(RunMeasuresTest, TargetAndCorrelationFromTheOptions) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("measures_test_" +
       std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".toml");
  std::ofstream(file) << kGood;
  // The whole 2021 bandwidth [1, 10] million lies above a target of 0.5 million and
  // below one of 20 million.
  MeasuresOptions low{.file = file.string(),
                      .target_gap = {{2021, Money::FromEuros(500000)}},
                      .rank_correlation = 0.5,
                      .simulation = {.runs = 500, .seed = 3, .threads = 1}};
  MeasuresOptions high = low;
  high.target_gap = {{2021, Money::FromEuros(20000000)}};
  auto l = RunMeasures(low);
  auto h = RunMeasures(high);
  auto missing = RunMeasures({.file = file.string() + ".nee"});
  std::filesystem::remove(file);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  ASSERT_TRUE(h.ok());
  EXPECT_DOUBLE_EQ(l->portfolio.rank_correlation, 0.5);
  EXPECT_EQ(l->portfolio.target_gap.at(2021), Money::FromEuros(500000));
  ASSERT_EQ(l->result.years.size(), 2u);
  EXPECT_FALSE(l->result.years[0].p_target.has_value());  // no target for 2020
  EXPECT_EQ(l->result.years[1].p_target, 1.0);
  EXPECT_EQ(h->result.years[1].p_target, 0.0);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().where().file, file.string() + ".nee");
}

}  // namespace
}  // namespace jr
