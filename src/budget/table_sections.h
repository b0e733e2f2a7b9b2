// Several tables printed as one answer (a monitor, an agenda): text and CSV put them
// one after the other with a blank line between; JSON gives one object with a key per
// table. (A candidate for core/table.h when other parts need it too.)
#pragma once

#include <string>
#include <vector>

#include "core/table.h"

namespace jr {

struct Section {
  std::string key;  // JSON key, English snake_case: "path"
  Table table;
};

// One section alone renders exactly as Render(table, f) does (a JSON array).
std::string RenderSections(const std::vector<Section>& sections, OutputFormat f);

}  // namespace jr
