#include "demo/demo_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/env.h"

namespace jr::demo {
namespace {

constexpr std::string_view kBudgetKeys[] = {"begroting",    "burap",
                                            "taakstelling", "bijdrage_rijk",
                                            "rijksbudget",  "realisatie_voorgaand_jaar",
                                            "realisatie"};
constexpr std::string_view kMeasureKeys[] = {"bedrag", "investering", "besparing"};
constexpr std::string_view kAgendaKeys[] = {"gepland"};
constexpr ScaledFile kScaledFiles[] = {{"agenda.toml", kAgendaKeys},
                                       {"begroting.toml", kBudgetKeys},
                                       {"maatregelen.toml", kMeasureKeys}};

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

bool IsNumberChar(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// The number starting at `value[*i]`, scaled; *i moves past it.
std::string ScaledNumber(const std::string& value, size_t* i, double scale) {
  std::string number;
  for (; *i < value.size() && IsNumberChar(value[*i]); ++*i) {
    if (value[*i] != '_') number += value[*i];
  }
  return Grouped(std::llround(std::stod(number) * scale));
}

// `value` (the text after "key = ") with its amounts scaled; text values stay.
std::string ScaledValue(const std::string& value, double scale) {
  if (value.empty() || !IsNumberChar(value[0])) {
    if (value.empty() || value[0] != '{') return value;
    // A value of the inline table: a number right after "= " or inside a range's
    // brackets; the keys (years) stay.
    std::string out;
    bool in_range = false;
    for (size_t i = 0; i < value.size();) {
      if (value[i] == '[' || value[i] == ']') in_range = value[i] == '[';
      const bool after_equals = i >= 2 && value.compare(i - 2, 2, "= ") == 0;
      if ((in_range || after_equals) && IsNumberChar(value[i])) {
        out += ScaledNumber(value, &i, scale);
      } else {
        out += value[i++];
      }
    }
    return out;
  }
  size_t i = 0;
  const std::string number = ScaledNumber(value, &i, scale);  // moves i first
  return number + value.substr(i);
}

}  // namespace

std::span<const ScaledFile> ScaledFiles() { return kScaledFiles; }

std::string ScaleAmounts(std::string_view toml, double scale,
                         std::span<const std::string_view> keys) {
  if (scale == 1.0) return std::string(toml);
  std::string out;
  std::istringstream in{std::string(toml)};
  for (std::string line; std::getline(in, line);) {
    const size_t eq = line.find(" = ");
    const size_t key = line.find_first_not_of(' ');
    if (eq != std::string::npos && key < eq &&
        std::find(keys.begin(), keys.end(), line.substr(key, eq - key)) != keys.end()) {
      const std::string value = line.substr(eq + 3);
      const std::string scaled = ScaledValue(value, scale);
      if (scaled != value) {
        out += fmt::format("{}# {} x {} (jeugdregio demo --scale {})\n",
                           line.substr(0, key), value, scale, scale);
        line = line.substr(0, eq + 3) + scaled;
      }
    }
    out += line + "\n";
  }
  return out;
}

Status WriteDemoConfigFiles(const std::string& dir, double scale, Env& env) {
  for (const EmbeddedFile& f : DemoConfigFiles()) {
    const std::string path = (std::filesystem::path(dir) / f.name).string();
    std::string text(f.content);
    for (const ScaledFile& s : ScaledFiles()) {
      if (s.name == f.name) text = ScaleAmounts(f.content, scale, s.keys);
    }
    if (Status s = env.WritePrivateFile(path, text); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

}  // namespace jr::demo
