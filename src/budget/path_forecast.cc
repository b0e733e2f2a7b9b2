#include "budget/path_forecast.h"

namespace jr {

Table PathForecastTable(const std::vector<PathRow>& path,
                        const std::map<int, ForecastYear>& forecast,
                        const std::map<int, Money>& fixed) {
  Table t;
  t.title = "Prognose naast het taakstellingspad (regio)";
  t.columns = {{"year", "Jaar", ColumnType::kYear},
               {"months", "Maanden", ColumnType::kInt},
               {"annual_cost_cents", "Jaarkosten pad", ColumnType::kMoney},
               {"fixed_cents", "Vaste kosten", ColumnType::kMoney},
               {"forecast_mean_cents", "Prognose gem.", ColumnType::kMoney},
               {"forecast_p10_cents", "P10", ColumnType::kMoney},
               {"forecast_p90_cents", "P90", ColumnType::kMoney},
               {"gap_cents", "Verschil met pad", ColumnType::kMoney}};
  for (const PathRow& row : path) {
    auto f = forecast.find(row.year);
    if (f == forecast.end()) continue;
    auto fx = fixed.find(row.year);
    const Money extra = fx == fixed.end() ? Money() : fx->second;
    const Money mean = f->second.mean + extra;
    t.AddRow({int64_t{row.year}, int64_t{f->second.months}, row.annual_cost,
              fx == fixed.end() ? Cell(std::monostate{}) : Cell(extra), mean,
              f->second.p10 + extra, f->second.p90 + extra, mean - row.annual_cost});
  }
  t.notes = {
      "Prognose = gedeclareerde zorg uit de microsimulatie + vaste regionale kosten "
      "van dat jaar (leeg: niet bekend, niet meegeteld). Verschil positief = boven "
      "het pad. Minder dan 12 maanden: de prognose dekt het jaar maar deels."};
  return t;
}

}  // namespace jr
