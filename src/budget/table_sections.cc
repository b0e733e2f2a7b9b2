#include "budget/table_sections.h"

namespace jr {

std::string RenderSections(const std::vector<Section>& sections, OutputFormat f) {
  if (sections.size() == 1) return Render(sections.front().table, f);
  if (f == OutputFormat::kJson) {
    nlohmann::json out = nlohmann::json::object();
    for (const Section& s : sections) out[s.key] = ToJson(s.table);
    return out.dump(2) + "\n";
  }
  std::string out;
  for (const Section& s : sections) {
    if (!out.empty()) out += "\n";
    out += Render(s.table, f);
  }
  return out;
}

}  // namespace jr
