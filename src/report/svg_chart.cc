#include "report/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/table.h"
#include "core/xml_escape.h"

namespace jr::report {
namespace {

constexpr double kWidth = 720;
constexpr double kPlotHeight = 240;
constexpr double kLeft = 70, kRight = 16, kTop = 22;
constexpr double kLegendRow = 18;

// The value axis: from lo to hi in steps of `step`, labels divided by `scale`.
struct Axis {
  double lo = 0, hi = 1, step = 0.2;
  double scale = 1;  // 1e6 when labels are in millions
  int decimals = 0;
  std::string unit;  // "mln EUR", "EUR", ""
};

double NiceStep(double range) {
  double raw = range / 5;
  double mag = std::pow(10, std::floor(std::log10(raw)));
  for (double f : {1.0, 2.0, 2.5, 5.0}) {
    if (raw <= f * mag) return f * mag;
  }
  return 10 * mag;
}

Axis MakeAxis(const Chart& c) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Series& s : c.series) {
    for (double v : s.values) {
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (c.reference) {
    lo = std::min(lo, *c.reference);
    hi = std::max(hi, *c.reference);
  }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  // Every axis starts at zero, so a height reads as an amount (issue 15 item 7).
  lo = std::min(lo, 0.0);
  if (hi <= lo) hi = lo + 1;
  Axis a;
  a.step = NiceStep(hi - lo);
  a.lo = std::floor(lo / a.step) * a.step;
  a.hi = std::ceil(hi / a.step) * a.step;
  a.unit = c.unit;
  if (c.unit == "EUR" && std::max(std::abs(a.lo), std::abs(a.hi)) >= 1e6) {
    a.scale = 1e6;
    a.unit = "mln EUR";
  }
  double scaled_step = a.step / a.scale;
  // The fewest decimals that show every step exactly (0,25 needs two, 0,2 one).
  while (a.decimals < 3) {
    double shifted = scaled_step * std::pow(10, a.decimals);
    if (std::abs(shifted - std::round(shifted)) < 1e-6 * std::max(1.0, shifted)) break;
    ++a.decimals;
  }
  return a;
}

// Legend items laid out in rows under the plot; returns the SVG and its height.
std::pair<std::string, double> Legend(const Chart& c, double top) {
  std::string out;
  double x = kLeft, y = top;
  auto item = [&](const std::string& name, const char* colour, bool band,
                  bool dashed = false) {
    double w = 22 + 7.0 * static_cast<double>(name.size());
    if (x + w > kWidth - kRight && x > kLeft) {
      x = kLeft;
      y += kLegendRow;
    }
    if (dashed) {
      out += fmt::format(
          R"(<line x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="2" stroke-dasharray="4 3"/>)",
          x, x + 14, y - 4, y - 4, colour);
    } else {
      out += fmt::format(
          R"(<rect x="{:.1f}" y="{:.1f}" width="14" height="10" fill="{}"{}/>)", x, y - 9,
          colour, band ? R"( fill-opacity="0.3")" : "");
    }
    out += fmt::format(R"(<text x="{:.1f}" y="{:.1f}">{}</text>)", x + 18, y,
                       EscapeXml(name));
    x += w;
  };
  if (c.kind == Chart::Kind::kFan) {
    item(c.series[0].name + " - " + c.series[2].name, SeriesColour(0), true);
    item(c.series[1].name, SeriesColour(0), false);
    for (size_t i = 3; i < c.series.size(); ++i)
      item(c.series[i].name, SeriesColour(i - 2), false, c.series[i].dashed);
  } else {
    for (size_t i = 0; i < c.series.size(); ++i)
      item(c.series[i].name, SeriesColour(i), false, c.series[i].dashed);
  }
  return {out, y - top + kLegendRow};
}

}  // namespace

const char* SeriesColour(size_t i) {
  static constexpr const char* kPalette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759",
                                             "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
                                             "#9c755f", "#bab0ac"};
  return kPalette[i % std::size(kPalette)];
}

std::string RenderSvg(const Chart& c) {
  const std::string label = EscapeXml(c.title);
  const size_t n = c.categories.size();
  const bool fan_ok = c.kind != Chart::Kind::kFan || c.series.size() >= 3;
  if (n == 0 || c.series.empty() || !fan_ok) {
    return fmt::format(
        R"(<svg viewBox="0 0 {} 40" role="img" aria-label="{}"><text x="10" y="24">geen gegevens</text></svg>)",
        kWidth, label);
  }
  const Axis a = MakeAxis(c);
  const double plot_w = kWidth - kLeft - kRight;
  const double band = plot_w / static_cast<double>(n);
  size_t longest = 0;
  for (const std::string& s : c.categories) longest = std::max(longest, s.size());
  const bool rotate = 7.0 * static_cast<double>(longest) > band;
  const size_t every =
      rotate ? std::max<size_t>(1, static_cast<size_t>(std::ceil(12.0 / band))) : 1;
  const double label_h = rotate ? 8 + 5.0 * static_cast<double>(longest) : 20;
  auto x_of = [&](size_t i) { return kLeft + band * (static_cast<double>(i) + 0.5); };
  auto y_of = [&](double v) { return kTop + kPlotHeight * (a.hi - v) / (a.hi - a.lo); };

  std::string body;
  // Grid and value labels.
  for (double v = a.lo; v <= a.hi + a.step / 2; v += a.step) {
    double y = y_of(v);
    body += fmt::format(R"(<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" class="grid"/>)",
                        kLeft, kWidth - kRight, y, y);
    body += fmt::format(R"(<text x="{}" y="{:.1f}" text-anchor="end">{}</text>)",
                        kLeft - 6, y + 4, FormatNumber(v / a.scale, a.decimals));
  }
  if (!a.unit.empty()) {
    body += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", kLeft - 6,
                        kTop - 8, EscapeXml(a.unit));
  }
  // Category labels.
  const double base_y = kTop + kPlotHeight;
  for (size_t i = 0; i < n; i += every) {
    std::string text = EscapeXml(c.categories[i]);
    if (rotate) {
      body += fmt::format(
          R"svg(<text transform="translate({:.1f},{:.1f}) rotate(-45)" text-anchor="end">{}</text>)svg",
          x_of(i) + 4, base_y + 12, text);
    } else {
      body += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                          x_of(i), base_y + 15, text);
    }
  }
  // Data.
  auto polyline = [&](const std::vector<double>& values) {
    std::string d;
    bool pen_down = false;
    for (size_t i = 0; i < n && i < values.size(); ++i) {
      if (!std::isfinite(values[i])) {
        pen_down = false;
        continue;
      }
      d +=
          fmt::format("{}{:.1f},{:.1f} ", pen_down ? "L" : "M", x_of(i), y_of(values[i]));
      pen_down = true;
    }
    return d;
  };
  auto line = [&](const Series& s, const char* colour) {
    body += fmt::format(R"(<path d="{}" fill="none" stroke="{}" stroke-width="2"{}/>)",
                        polyline(s.values), colour,
                        s.dashed ? R"( stroke-dasharray="6 4")" : "");
  };
  if (c.kind == Chart::Kind::kBars) {
    const double group = band * 0.8;
    const double bar = group / static_cast<double>(c.series.size());
    const double zero = y_of(std::clamp(0.0, a.lo, a.hi));
    for (size_t s = 0; s < c.series.size(); ++s) {
      const auto& values = c.series[s].values;
      for (size_t i = 0; i < n && i < values.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        double y = y_of(values[i]);
        double x = x_of(i) - group / 2 + bar * static_cast<double>(s);
        body += fmt::format(
            R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"><title>{}: {}</title></rect>)",
            x, std::min(y, zero), std::max(bar - 1, 1.0), std::abs(zero - y),
            SeriesColour(s), EscapeXml(c.series[s].name + ", " + c.categories[i]),
            FormatNumber(values[i], a.scale > 1 || std::abs(values[i]) >= 100 ? 0 : 2));
      }
    }
  } else if (c.kind == Chart::Kind::kLines) {
    for (size_t s = 0; s < c.series.size(); ++s) line(c.series[s], SeriesColour(s));
  } else {
    std::string area;
    const auto& low = c.series[0].values;
    const auto& high = c.series[2].values;
    for (size_t i = 0; i < n && i < high.size(); ++i) {
      if (std::isfinite(high[i]))
        area += fmt::format("{:.1f},{:.1f} ", x_of(i), y_of(high[i]));
    }
    for (size_t i = std::min(n, low.size()); i-- > 0;) {
      if (std::isfinite(low[i]))
        area += fmt::format("{:.1f},{:.1f} ", x_of(i), y_of(low[i]));
    }
    body += fmt::format(R"(<polygon points="{}" fill="{}" fill-opacity="0.3"/>)", area,
                        SeriesColour(0));
    line(c.series[1], SeriesColour(0));
    for (size_t s = 3; s < c.series.size(); ++s) line(c.series[s], SeriesColour(s - 2));
  }
  if (c.reference) {
    double y = y_of(*c.reference);
    body += fmt::format(
        R"(<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="#333" stroke-dasharray="4 3"/>)",
        kLeft, kWidth - kRight, y, y);
  }
  body += fmt::format(R"(<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="#333"/>)",
                      kLeft, kWidth - kRight, base_y, base_y);
  auto [legend, legend_h] = Legend(c, base_y + label_h + 14);
  const double height = base_y + label_h + 14 + legend_h;
  return fmt::format(
      R"(<svg viewBox="0 0 {} {:.0f}" role="img" aria-label="{}">{}{}</svg>)", kWidth,
      height, label, body, legend);
}

}  // namespace jr::report
