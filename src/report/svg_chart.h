// Draws a Chart as inline SVG for an HTML page: no external references (no xmlns
// URL, fonts or images), Dutch number notation on the axes, a legend under the plot.
// Pure; thread-safe.
#pragma once

#include <string>

#include "report/chart.h"

namespace jr::report {

// An <svg> element (with role="img" and the title as aria-label). A chart without
// categories or series gives an SVG with only the text "geen gegevens".
std::string RenderSvg(const Chart& chart);

// The colour of series `i` (a colour-blind-friendly palette, repeating after 10).
const char* SeriesColour(size_t i);

}  // namespace jr::report
