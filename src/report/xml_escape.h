// Escaping of text for HTML and SVG (both XML-like): & < > " and '.
#pragma once

#include <string>
#include <string_view>

namespace jr::report {

std::string EscapeXml(std::string_view text);

}  // namespace jr::report
