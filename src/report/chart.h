// Chart: the data of one figure of a report, drawn as inline SVG by svg_chart.h.
// Values are plain numbers in the unit the chart names (euros, a ratio); the chart
// knows nothing of tables or the store.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace jr::report {

struct Series {
  std::string name;            // Dutch legend text: "Bijdrage", "2019", "Dordrecht"
  std::vector<double> values;  // one per category; NaN = no value
  bool dashed = false;         // kLines and the extra lines of kFan: a dashed line
};

struct Chart {
  enum class Kind {
    kBars,   // grouped bars: per category one bar per series
    kLines,  // one line per series over the categories
    kFan,    // a band between series[0] and series[2] with series[1] as its line;
             // series[3...] are more lines (e.g. history and a budget)
  };
  Kind kind = Kind::kBars;
  std::string title;                    // Dutch, above the figure
  std::string unit;                     // Dutch axis unit: "EUR", "" for ratios
  std::vector<std::string> categories;  // x-axis labels
  std::vector<Series> series;           // kFan: at least 3 (low, middle, high, ...)
  std::optional<double> reference;      // a dashed horizontal line (e.g. 1 for ratios)
  // The value axis starts at zero (or below, for negative values) in every kind.
  std::string note;  // Dutch caption below the figure; may be empty
};

}  // namespace jr::report
