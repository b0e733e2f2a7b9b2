// Escaping of text for XML, HTML and SVG: & < > " and ' (the report, JW325 answers).
#pragma once

#include <string>
#include <string_view>

namespace jr {

std::string EscapeXml(std::string_view text);

}  // namespace jr
