// RandomStream: counter-based random numbers in named streams under one seed.
//
// Every draw is Random123's Philox4x32-10 of a 128-bit counter under the 64-bit seed
// as key (OpenM++'s named streams: a draw is keyed by (seed, stream, counters)). The
// counter is (a, b low, b high, stream ^ c): the caller's counters a (32 bits), b (64
// bits) and c (24 bits), with the stream's id in the last word. Streams differ in the
// high byte of their id, and for a fixed key Philox is a bijection of the counter, so
// two streams never give the same block. A draw depends on nothing else: not on the
// thread, nor on the order of draws, nor on how many other draws were made.
// Thread-safe: RandomStream is immutable; a RandomSequence belongs to one thread.
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>

namespace jr {

// The named streams. The high byte identifies the stream; the low 24 bits are mixed
// into the caller's c (so the risk and synthetic-settlement streams kept the numbers
// they had before the streams were shared).
enum class Stream : uint32_t {
  // Demo region (src/demo): (part, entity, draw number).
  kDemo = 0x00000000,
  // 'F' forecast simulation: (replication, entity root, generation << 8 | draw).
  kForecast = 0x46000000,
  // 'H' synthetic forecast history (tests, benchmark): like kForecast.
  kForecastHistory = 0x48000000,
  // 'M' measures' Monte Carlo: (entity, run, year).
  kSavings = 0x4d000000,
  // "RISK" settlement bootstrap: (run, municipality | (draw / 4) << 32, 0).
  kRisk = 0x5249534b,
  // "SYNT" synthetic settlement input: (kind, a | b << 32, 0).
  kSyntheticSettle = 0x53594e54,
};

// The four 32-bit words of one Philox block.
using RandomBlock = std::array<uint32_t, 4>;

class RandomStream {
 public:
  static constexpr uint32_t kCLimit = 1u << 24;  // c < kCLimit

  RandomStream(uint64_t seed, Stream stream)
      : key_{{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}},
        stream_(static_cast<uint32_t>(stream)) {}

  // The block of counters (a, b, c) in this stream. REQUIRES: c < kCLimit.
  RandomBlock Block(uint32_t a, uint64_t b, uint32_t c) const {
    assert(c < kCLimit);
    const r123::Philox4x32::ctr_type ctr = {
        {a, static_cast<uint32_t>(b), static_cast<uint32_t>(b >> 32), stream_ ^ c}};
    const r123::Philox4x32::ctr_type r = r123::Philox4x32()(ctr, key_);
    return {r[0], r[1], r[2], r[3]};
  }

 private:
  r123::Philox4x32::key_type key_;
  uint32_t stream_;
};

// 32 random bits as a uniform in (0, 1), never 0 or 1.
inline double ToOpenUnit(uint32_t x) { return (static_cast<double>(x) + 0.5) * 0x1p-32; }
// The four words of a block as four uniforms in (0, 1).
inline std::array<double, 4> ToOpenUnits(const RandomBlock& r) {
  return {ToOpenUnit(r[0]), ToOpenUnit(r[1]), ToOpenUnit(r[2]), ToOpenUnit(r[3])};
}
// Words i and i + 1 of a block as 64 random bits (word i high).
inline uint64_t Bits64(const RandomBlock& r, int i = 0) {
  return (static_cast<uint64_t>(r[i]) << 32) | r[i + 1];
}
// 64 random bits as a uniform in [0, 1) with 53 random bits.
inline double ToUnit(uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1p-53; }
// 64 random bits as a uniform in (0, 1) with 52 random bits, never 0 or 1 (with 53
// bits, x + 0.5 of the largest would round up to 1).
inline double ToOpenUnit(uint64_t bits) {
  return (static_cast<double>(bits >> 12) + 0.5) * 0x1p-52;
}
// 64 random bits as an integer in [lo, hi] (inclusive) by the remainder: the bias is
// below (hi - lo + 1) / 2^64, far under anything a simulation can see.
// REQUIRES: lo <= hi.
inline int64_t ToInt(uint64_t bits, int64_t lo, int64_t hi) {
  assert(lo <= hi);
  return lo + static_cast<int64_t>(bits % (static_cast<uint64_t>(hi - lo) + 1));
}
// 32 random bits as an index in [0, n) by multiply-shift (bias below n / 2^32).
inline uint64_t ToIndex(uint32_t bits, uint64_t n) { return (bits * n) >> 32; }
// A standard normal from two uniforms in (0, 1) (Box-Muller).
inline double BoxMuller(double u1, double u2) {
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

// The standard normal quantile of `u` in (0, 1) (Acklam's rational approximation,
// relative error below 1.2e-9). Monotone in `u`.
double NormalQuantile(double u);

// A Poisson(mean) count from one uniform `u` by inversion (mean < 40) or a rounded
// normal approximation with continuity correction (larger means). Monotone in `u`
// and in `mean`, so a lower mean keeps the same random numbers coupled (common random
// numbers). mean <= 0 gives 0.
int PoissonFromUniform(double mean, double u);

// A Gamma(shape, 1 / shape) variate (mean 1, variance 1 / shape) from one uniform `u`
// by the Wilson-Hilferty cube of a normal, floored at 0; monotone in `u`. Used for
// negative-binomial counts: Poisson(mean x this) with shape = mean / (dispersion - 1)
// has variance dispersion x mean. REQUIRES: shape > 0.
double GammaMeanOneFromUniform(double shape, double u);

// The draws of one entity one after another: draw n is the block (a, b, n) of the
// stream, of which the first two words are used. Not thread-safe (it counts its
// draws); make one per entity. At most RandomStream::kCLimit draws.
class RandomSequence {
 public:
  RandomSequence(uint64_t seed, Stream stream, uint32_t a, uint64_t b)
      : stream_(seed, stream), a_(a), b_(b) {}

  // 64 random bits.
  uint64_t Bits() { return Bits64(stream_.Block(a_, b_, draw_++)); }
  // Uniform in [0, 1).
  double Uniform() { return ToUnit(Bits()); }
  // Uniform in [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  // Uniform integer in [lo, hi] (inclusive). REQUIRES: lo <= hi.
  int64_t Int(int64_t lo, int64_t hi) { return ToInt(Bits(), lo, hi); }
  // True with probability p.
  bool Chance(double p) { return Uniform() < p; }
  // An index drawn in proportion to `weights`. REQUIRES: a positive weight.
  size_t Pick(std::span<const double> weights);

 private:
  RandomStream stream_;
  uint32_t a_;
  uint64_t b_;
  uint32_t draw_ = 0;
};

}  // namespace jr
