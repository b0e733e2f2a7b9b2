#include "demo/demo_declarations.h"

#include <algorithm>

#include "core/date.h"
#include "demo/demo_part.h"

namespace jr::demo {
namespace {

// Chance that a month's declaration is corrected later.
constexpr double kCorrectionChance = 0.002;

}  // namespace

int64_t MaxMonthlyVolume(const DemoAssignment& a, const DemoProduct& product,
                         int care_days, int month_days, int total_days) {
  switch (product.frequency) {
    case Frequency::kPerDay:
      return a.volume * care_days;
    case Frequency::kPerWeek:
      return a.volume * care_days / 7;
    case Frequency::kPerMonth:
      return a.volume * care_days / month_days;
    case Frequency::kTotal:
      return a.volume * care_days / total_days;
  }
  return 0;
}

void PlanDeclarations(const DemoAssignment& a, const DemoProduct& product, uint64_t seed,
                      int horizon_last_day, std::vector<PlannedDeclaration>* out) {
  auto rng = DemoDraws(seed, Part::kDeclarations, a.key);
  int end = std::min(a.end, horizon_last_day);
  int total_days = a.end - a.start + 1;
  int64_t step = product.declare_step;
  bool varies = a.usage_pct < 100;
  for (int first = a.start; first <= end;) {
    Date d = FromDayNumber(first);
    int month_first = DayNumber(d.year() / d.month() / std::chrono::day(1));
    int month_last = DayNumber(d.year() / d.month() / std::chrono::last);
    int last = std::min(month_last, end);
    int64_t max = MaxMonthlyVolume(a, product, last - first + 1,
                                   month_last - month_first + 1, total_days);
    double share = a.usage_pct / 100.0;
    if (varies) share = std::min(1.0, share * rng.Uniform(0.85, 1.15));
    int64_t volume = static_cast<int64_t>(static_cast<double>(max) * share) / step * step;
    if (volume > 0) {
      PlannedDeclaration p{first, last, volume};
      if (month_last < horizon_last_day && volume >= 2 * step &&
          rng.Chance(kCorrectionChance)) {
        p.corrected = true;
        p.corrected_volume =
            volume - step * rng.Int(1, std::min<int64_t>(4, volume / step - 1));
      }
      out->push_back(p);
    }
    first = month_last + 1;
  }
}

}  // namespace jr::demo
