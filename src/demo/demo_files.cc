#include "demo/demo_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/env.h"

namespace jr::demo {
namespace {

// "104_600_000" for 104600000, with a leading "-" for negative amounts.
std::string Grouped(int64_t v) {
  const std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '_';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

}  // namespace

std::string ScaleBudget(std::string_view toml, double scale) {
  if (scale == 1.0) return std::string(toml);
  std::string out;
  std::istringstream in{std::string(toml)};
  for (std::string line; std::getline(in, line);) {
    const size_t eq = line.find(" = ");
    const std::string key = line.substr(0, eq);
    const bool scaled =
        eq != std::string::npos &&
        std::find(std::begin(kScaledBudgetKeys), std::end(kScaledBudgetKeys), key) !=
            std::end(kScaledBudgetKeys);
    if (scaled) {
      std::string number = line.substr(eq + 3);
      std::erase(number, '_');
      const double amount = std::stod(number);
      out += fmt::format("# {} x {} (jeugdregio demo --scale {})\n", line.substr(eq + 3),
                         scale, scale);
      line = key + " = " + Grouped(std::llround(amount * scale));
    }
    out += line + "\n";
  }
  return out;
}

Status WriteDemoConfigFiles(const std::string& dir, double scale, Env& env) {
  for (const EmbeddedFile& f : DemoConfigFiles()) {
    const std::string path = (std::filesystem::path(dir) / f.name).string();
    const std::string text = f.name == "begroting.toml" ? ScaleBudget(f.content, scale)
                                                        : std::string(f.content);
    if (Status s = env.WritePrivateFile(path, text); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

}  // namespace jr::demo
