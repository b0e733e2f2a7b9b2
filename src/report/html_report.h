// Renders a Report as one self-contained HTML page: CSS inline, charts as inline SVG,
// no external URL (no scripts, fonts, images or links off the page), readable offline
// and printable (A4, each section and municipality page on a new sheet). Pure.
#pragma once

#include <string>

#include "report/report.h"

namespace jr::report {

// The whole document, UTF-8, starting with <!DOCTYPE html>.
std::string RenderHtml(const Report& report);

}  // namespace jr::report
