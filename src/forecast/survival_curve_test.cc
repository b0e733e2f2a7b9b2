#include "forecast/survival_curve.h"

#include <gtest/gtest.h>

namespace jr::forecast {
namespace {

TEST(SurvivalCurveTest, KaplanMeierWithoutCensoringIsTheEmpiricalCurve) {
  std::vector<DurationObservation> obs;
  for (int d : {1, 2, 2, 3, 3, 3, 4, 4, 4, 4}) obs.push_back({d, true});
  SurvivalCurve c = SurvivalCurve::Estimate(obs, {.max_months = 10, .min_at_risk = 1});
  EXPECT_DOUBLE_EQ(c.Survival(0), 1.0);
  EXPECT_NEAR(c.Survival(1), 0.9, 1e-12);
  EXPECT_NEAR(c.Survival(2), 0.7, 1e-12);
  EXPECT_NEAR(c.Survival(3), 0.4, 1e-12);
  EXPECT_NEAR(c.Survival(4), 0.0, 1e-12);
  EXPECT_NEAR(c.MeanMonths(), 3.0, 1e-9);
}

TEST(SurvivalCurveTest, CensoredObservationsOnlyCountWhileAtRisk) {
  // Two end after 1 month; two are still running after 1 month and two end at 2.
  std::vector<DurationObservation> obs = {{1, true},  {1, true}, {1, false},
                                          {1, false}, {2, true}, {2, true}};
  SurvivalCurve c = SurvivalCurve::Estimate(obs, {.max_months = 10, .min_at_risk = 1});
  EXPECT_NEAR(c.Survival(1), 4.0 / 6, 1e-12);
  // At 2 only the two with duration 2 are at risk: both end.
  EXPECT_NEAR(c.Survival(2), 0.0, 1e-12);
}

TEST(SurvivalCurveTest, SampleInvertsTheCurve) {
  SurvivalCurve c = SurvivalCurve::Geometric(0.2);
  for (double u : {0.05, 0.3, 0.5, 0.77, 0.99}) {
    int d = c.Sample(u);
    EXPECT_GE(d, 1);
    EXPECT_LE(c.Survival(d), u);
    EXPECT_GT(c.Survival(d - 1), u);
  }
  EXPECT_GE(c.Sample(0.1), c.Sample(0.9));
}

TEST(SurvivalCurveTest, SampleGivenIsBeyondTheAgeAndUsesTheTail) {
  SurvivalCurve c = SurvivalCurve::Geometric(0.1, 12);
  for (int age : {0, 5, 12, 40}) {
    for (double u : {0.01, 0.5, 0.99}) {
      int d = c.SampleGiven(age, u);
      EXPECT_GT(d, age);
      EXPECT_LE(c.Survival(d), u * c.Survival(age) * (1 + 1e-9));
      EXPECT_GT(c.Survival(d - 1), u * c.Survival(age) * (1 - 1e-9));
    }
  }
  EXPECT_NEAR(c.MeanMonths(), 10.0, 1e-6);
}

TEST(SurvivalCurveTest, GuidedSampleIsTheExactInverseOnAFineGrid) {
  // A Kaplan-Meier curve with steps of very different sizes.
  std::vector<DurationObservation> obs;
  for (int d = 1; d <= 30; ++d) {
    for (int k = 0; k < (d % 7 == 0 ? 200 : 10 + d); ++k) obs.push_back({d, true});
  }
  for (int k = 0; k < 100; ++k) obs.push_back({30, false});
  SurvivalCurve c = SurvivalCurve::Estimate(obs);
  for (int age : {0, 3, 14, 29}) {
    for (int i = 0; i < 5000; ++i) {
      double u = (i + 0.5) / 5000;
      int d = c.SampleGiven(age, u);
      double target = u * c.Survival(age);
      ASSERT_GT(d, age);
      ASSERT_LE(c.Survival(d), target * (1 + 1e-12)) << "age " << age << " u " << u;
      ASSERT_GT(c.Survival(d - 1), target * (1 - 1e-12)) << "age " << age << " u " << u;
    }
  }
}

}  // namespace
}  // namespace jr::forecast
