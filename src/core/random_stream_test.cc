#include "core/random_stream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

namespace jr {
namespace {

constexpr Stream kAllStreams[] = {
    Stream::kDemo,    Stream::kForecast, Stream::kForecastHistory,
    Stream::kSavings, Stream::kRisk,     Stream::kSyntheticSettle};

TEST(RandomStreamTest, DemoStreamOfSeedZeroIsPhiloxKnownAnswer) {
  // Random123's kat_vectors: philox4x32-10, counter 0 and key 0.
  const RandomBlock r = RandomStream(0, Stream::kDemo).Block(0, 0, 0);
  EXPECT_EQ(r, (RandomBlock{0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u}));
}

TEST(RandomStreamTest, CounterLayoutIsStreamInTheLastWord) {
  // The layout the risk and demo numbers were drawn with before the streams were shared.
  const uint64_t seed = 0x0123456789abcdefull;
  const r123::Philox4x32::key_type key = {{0x89abcdefu, 0x01234567u}};
  auto philox = [&](uint32_t w0, uint32_t w1, uint32_t w2, uint32_t w3) {
    const auto r = r123::Philox4x32()({{w0, w1, w2, w3}}, key);
    return RandomBlock{r[0], r[1], r[2], r[3]};
  };
  EXPECT_EQ(RandomStream(seed, Stream::kRisk).Block(7, 3 | (uint64_t{5} << 32), 0),
            philox(7, 3, 5, 0x5249534bu));
  EXPECT_EQ(RandomStream(seed, Stream::kDemo).Block(2, 0x0000000900000004ull, 11),
            philox(2, 4, 9, 11));
  EXPECT_EQ(RandomStream(seed, Stream::kForecast).Block(1, 2, 3),
            philox(1, 2, 0, 0x46000003u));
}

TEST(RandomStreamTest, SameKeySameNumbersAnyChangeOtherNumbers) {
  const RandomStream s(42, Stream::kForecast);
  const RandomBlock base = s.Block(1, 2, 3);
  EXPECT_EQ(RandomStream(42, Stream::kForecast).Block(1, 2, 3), base);
  EXPECT_NE(RandomStream(43, Stream::kForecast).Block(1, 2, 3), base);
  EXPECT_NE(RandomStream(42 + (uint64_t{1} << 32), Stream::kForecast).Block(1, 2, 3),
            base);
  EXPECT_NE(RandomStream(42, Stream::kSavings).Block(1, 2, 3), base);
  EXPECT_NE(s.Block(0, 2, 3), base);
  EXPECT_NE(s.Block(1, 2 + (uint64_t{1} << 32), 3), base);
  EXPECT_NE(s.Block(1, 2, 4), base);
}

TEST(RandomStreamTest, StreamsDoNotShareOutputs) {
  // The first 20,000 blocks of every stream under one seed, with the same counters.
  std::set<uint64_t> seen;
  const int n = 20000;
  for (Stream stream : kAllStreams) {
    const RandomStream s(1, stream);
    for (int i = 0; i < n; ++i)
      seen.insert(Bits64(s.Block(static_cast<uint32_t>(i), 0, 0)));
  }
  EXPECT_EQ(seen.size(), std::size(kAllStreams) * n);
}

TEST(RandomStreamTest, UniformsHaveMeanHalfVarianceTwelfthAndStreamsAreUncorrelated) {
  const int n = 100000;
  const RandomStream a(1, Stream::kRisk), b(1, Stream::kSavings);
  double sa = 0, saa = 0, sb = 0, sbb = 0, sab = 0;
  for (int i = 0; i < n; ++i) {
    const double x = ToOpenUnit(a.Block(i, 0, 0)[0]);
    const double y = ToOpenUnit(b.Block(i, 0, 0)[0]);
    sa += x, saa += x * x, sb += y, sbb += y * y, sab += x * y;
  }
  const double ma = sa / n, mb = sb / n;
  const double va = saa / n - ma * ma, vb = sbb / n - mb * mb;
  // Standard errors: mean 0.29 / sqrt(n) = 0.0009, correlation 1 / sqrt(n) = 0.0032.
  EXPECT_NEAR(ma, 0.5, 0.005);
  EXPECT_NEAR(mb, 0.5, 0.005);
  EXPECT_NEAR(va, 1.0 / 12, 0.002);
  EXPECT_NEAR(vb, 1.0 / 12, 0.002);
  EXPECT_NEAR((sab / n - ma * mb) / std::sqrt(va * vb), 0.0, 0.015);
}

TEST(RandomStreamTest, WordsOfOneBlockAreUncorrelated) {
  const int n = 100000;
  const RandomStream s(9, Stream::kForecast);
  double sx = 0, sy = 0, sxy = 0;
  for (int i = 0; i < n; ++i) {
    const auto u = ToOpenUnits(s.Block(0, static_cast<uint64_t>(i), 0));
    sx += u[0], sy += u[3], sxy += u[0] * u[3];
  }
  EXPECT_NEAR((sxy / n - (sx / n) * (sy / n)) * 12, 0.0, 0.015);
}

TEST(RandomStreamTest, UnitIntervalsAtTheirEnds) {
  EXPECT_EQ(ToOpenUnit(uint32_t{0}), 0x1p-33);
  EXPECT_EQ(ToOpenUnit(UINT32_MAX), 1 - 0x1p-33);
  EXPECT_EQ(ToUnit(uint64_t{0}), 0.0);
  EXPECT_EQ(ToUnit(UINT64_MAX), 1 - 0x1p-53);
  EXPECT_EQ(ToOpenUnit(uint64_t{0}), 0x1p-53);
  EXPECT_EQ(ToOpenUnit(UINT64_MAX), 1 - 0x1p-53);
  EXPECT_EQ(Bits64({1, 2, 3, 4}), 0x0000000100000002ull);
  EXPECT_EQ(Bits64({1, 2, 3, 4}, 2), 0x0000000300000004ull);
}

TEST(RandomStreamTest, IntegersCoverTheRangeEvenly) {
  EXPECT_EQ(ToInt(0, -3, 3), -3);
  EXPECT_EQ(ToInt(6, -3, 3), 3);
  EXPECT_EQ(ToInt(7, -3, 3), -3);
  EXPECT_EQ(ToInt(UINT64_MAX, 0, INT64_MAX), INT64_MAX);  // 2^64 - 1 mod 2^63
  EXPECT_EQ(ToIndex(0, 10), 0u);
  EXPECT_EQ(ToIndex(UINT32_MAX, 10), 9u);
  EXPECT_EQ(ToIndex(0x80000000u, 10), 5u);
  RandomSequence r(5, Stream::kDemo, 1, 2);
  std::vector<int> count(5, 0);
  const int n = 50000;
  for (int i = 0; i < n; ++i) ++count[r.Int(10, 14) - 10];
  for (int c : count) EXPECT_NEAR(c, n / 5, 400);  // sd sqrt(n p (1 - p)) = 89
}

TEST(RandomStreamTest, SequenceDrawsBlocksInOrder) {
  const RandomStream s(3, Stream::kDemo);
  RandomSequence r(3, Stream::kDemo, 4, 5);
  EXPECT_EQ(r.Bits(), Bits64(s.Block(4, 5, 0)));
  EXPECT_EQ(r.Uniform(), ToUnit(Bits64(s.Block(4, 5, 1))));
  EXPECT_EQ(r.Int(1, 6), ToInt(Bits64(s.Block(4, 5, 2)), 1, 6));
  const double u = ToUnit(Bits64(s.Block(4, 5, 3)));
  EXPECT_EQ(r.Uniform(10, 20), 10 + 10 * u);
}

TEST(RandomStreamTest, PickFollowsTheWeightsAndSkipsZeroWeights) {
  RandomSequence r(8, Stream::kDemo, 1, 1);
  const double weights[] = {1, 0, 3};
  int count[3] = {0, 0, 0};
  const int n = 40000;
  for (int i = 0; i < n; ++i) ++count[r.Pick(weights)];
  EXPECT_EQ(count[1], 0);
  EXPECT_NEAR(count[0], n / 4, 400);  // sd 87
  int heads = 0;
  for (int i = 0; i < n; ++i) heads += r.Chance(0.2);
  EXPECT_NEAR(heads, n / 5, 400);  // sd 80
}

TEST(RandomStreamTest, BoxMullerIsStandardNormal) {
  const int n = 100000;
  const RandomStream s(2, Stream::kSavings);
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const RandomBlock r = s.Block(0, static_cast<uint64_t>(i), 0);
    const double z = BoxMuller(ToOpenUnit(Bits64(r, 0)), ToOpenUnit(Bits64(r, 2)));
    sum += z;
    sum2 += z * z;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.015);   // sd 0.0032
  EXPECT_NEAR(sum2 / n, 1.0, 0.025);  // sd sqrt(2 / n) = 0.0045
}

TEST(RandomStreamTest, NormalQuantileAtKnownPoints) {
  EXPECT_NEAR(NormalQuantile(0.5), 0.0, 1e-9);
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963985, 1e-8);
  EXPECT_NEAR(NormalQuantile(0.01), -2.326347874, 1e-8);  // lower tail branch
  EXPECT_NEAR(NormalQuantile(0.999), 3.090232306, 1e-8);  // upper tail branch
}

TEST(RandomStreamTest, PoissonFromUniformInvertsTheDistribution) {
  // Mean 2: P(0) = e^-2 = 0.1353, P(<= 1) = 3 e^-2 = 0.4060.
  EXPECT_EQ(PoissonFromUniform(2, 0.13), 0);
  EXPECT_EQ(PoissonFromUniform(2, 0.14), 1);
  EXPECT_EQ(PoissonFromUniform(2, 0.40), 1);
  EXPECT_EQ(PoissonFromUniform(2, 0.41), 2);
  EXPECT_EQ(PoissonFromUniform(0, 0.99), 0);
  EXPECT_EQ(PoissonFromUniform(100, 0.5), 100);  // normal branch: median at the mean
}

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
  const RandomStream rs(11, Stream::kForecast);
  const double mean = 8, dispersion = 2.5;
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    auto u = ToOpenUnits(rs.Block(0, static_cast<uint64_t>(i), 0));
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
}  // namespace jr
