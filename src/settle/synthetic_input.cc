#include "settle/synthetic_input.h"

#include <fmt/format.h>

#include "core/random_stream.h"
#include "settle/input_builder.h"

namespace jr::settle {
namespace {

// Uniform integer in [lo, hi] from the block (a, b | c << 32, 0) of the synthetic
// settlement stream.
class Draws {
 public:
  explicit Draws(uint64_t seed) : stream_(seed, Stream::kSyntheticSettle) {}
  int64_t Uniform(int64_t lo, int64_t hi, uint32_t a, uint32_t b, uint32_t c) const {
    return ToInt(Bits64(stream_.Block(a, b | (uint64_t{c} << 32), 0)), lo, hi);
  }

 private:
  RandomStream stream_;
};

}  // namespace

SettlementInput MakeSyntheticInput(const SyntheticOptions& o) {
  using std::chrono::January;
  Draws draws(o.seed);
  Region region;
  const int last_year = o.first_year + o.years - 1;
  const int merge_year = o.first_year + o.years / 2;
  for (int i = 0; i < o.municipalities; ++i) {
    Municipality m;
    m.code = fmt::format("GM{:04}", 9000 + i);
    m.name = fmt::format("Synthetisch {}", i);
    m.begin = std::chrono::year(o.first_year) / January / 1;
    if (o.merge_every > 0 && i % o.merge_every == 0 && i + 1 < o.municipalities) {
      m.end = std::chrono::year(merge_year) / January / 1;
      m.successor = fmt::format("GM{:04}", 9001 + i);
    }
    const int64_t inhabitants = draws.Uniform(1000, 200000, 1, i, 0);
    for (int y = o.first_year; y <= last_year; ++y) {
      region.SetKey(m.code, y, "inwoners",
                    static_cast<double>(inhabitants + 100 * (y - o.first_year)));
      region.SetKey(m.code, y, "jeugdigen", static_cast<double>(inhabitants / 5));
      region.SetKey(m.code, y, "rijksbijdrage", static_cast<double>(inhabitants * 250));
    }
    region.AddMunicipality(std::move(m));
  }
  InputBuilder builder(region);
  for (int y = o.first_year; y <= last_year; ++y) {
    const auto yi = static_cast<uint32_t>(y);
    for (int i = 0; i < o.municipalities; ++i) {
      const std::string code = fmt::format("GM{:04}", 9000 + i);
      for (int b = 0; b < o.buckets; ++b) {
        const std::string bucket = fmt::format("post{:02}", b);
        const int64_t clients = draws.Uniform(0, o.max_clients, 2, yi, i * 1000 + b);
        for (int64_t c = 0; c < clients; ++c) {
          // Mostly small amounts, sometimes a placement above 100,000 euro.
          const bool heavy = draws.Uniform(0, 19, 3, yi, (i * 1000 + b) * 64 + c) == 0;
          const Money cost = Money::FromCents(
              draws.Uniform(heavy ? 5'000'000 : 10'000, heavy ? 25'000'000 : 3'000'000, 4,
                            yi, (i * 1000 + b) * 64 + c));
          builder.AddUse(code, y, bucket, cost, 1);
          builder.AddClientCost(fmt::format("{}-{}-{}", code, b, c), code, y, bucket,
                                cost);
        }
      }
      builder.AddLocalCost(code, y, "jeugdteams",
                           Money::FromEuros(draws.Uniform(1000, 90000, 5, yi, i)));
    }
    for (int f = 0; f < o.fixed_costs; ++f) {
      builder.AddFixedCost(
          y, fmt::format("vast{:02}", f),
          Money::FromCents(draws.Uniform(100'000, 900'000'000, 6, yi, f)));
    }
  }
  return builder.Build();
}

}  // namespace jr::settle
