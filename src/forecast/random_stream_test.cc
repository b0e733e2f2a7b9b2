#include "forecast/random_stream.h"

#include <gtest/gtest.h>

#include <cmath>

namespace jr::forecast {
namespace {

TEST(RandomStreamTest, GammaMeanOneHasMeanOneAndVarianceOneOverShape) {
  for (double shape : {0.5, 2.0, 10.0}) {
    const int n = 100000;
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
      double x = GammaMeanOneFromUniform(shape, (i + 0.5) / n);
      sum += x;
      sum2 += x * x;
    }
    double mean = sum / n, var = sum2 / n - mean * mean;
    EXPECT_NEAR(mean, 1.0, 0.03) << "shape " << shape;
    EXPECT_NEAR(var, 1 / shape, 0.15 / shape) << "shape " << shape;
  }
}

TEST(RandomStreamTest, GammaPoissonMixtureHasTheDispersion) {
  RandomStream rs(11);
  const double mean = 8, dispersion = 2.5;
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    auto u = rs.Uniforms(0, {static_cast<uint64_t>(i), 0}, 0);
    double m = mean * GammaMeanOneFromUniform(mean / (dispersion - 1), u[1]);
    int k = PoissonFromUniform(m, u[0]);
    sum += k;
    sum2 += static_cast<double>(k) * k;
  }
  double m = sum / n, var = sum2 / n - m * m;
  EXPECT_NEAR(m, mean, 0.1);
  EXPECT_NEAR(var / m, dispersion, 0.15);
}

}  // namespace
}  // namespace jr::forecast
