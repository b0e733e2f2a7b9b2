// The demo region's configuration files (data/demo/*.toml: begroting.toml,
// agenda.toml, maatregelen.toml and whatever else lies there), compiled into the
// binary (cmake/EmbedFiles.cmake) so an installed `jeugdregio demo` writes them beside
// the CSV files.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/env.h"
#include "core/status.h"

namespace jr::demo {

struct EmbeddedFile {
  std::string_view name;     // file name without a folder: "begroting.toml"
  std::string_view content;  // the file's text as it was at build time
};

// Every data/demo/*.toml of the source tree at build time, sorted by name. The views
// point to static storage.
std::span<const EmbeddedFile> DemoConfigFiles();

// The amounts of the demo's TOML files that follow the size of the region: the
// budget (begroting.toml), the measures' bases and savings (maatregelen.toml) and the
// agenda's planned savings (agenda.toml; its project budgets and shared cost stay), so
// a demo of another --scale has a budget and savings that fit its costs (issue 15 item
// 13). Per file the keys whose amounts scale.
struct ScaledFile {
  std::string_view name;
  std::span<const std::string_view> keys;
};
std::span<const ScaledFile> ScaledFiles();

// `toml` with the amount of every line `key = ...` whose key is one of `keys`
// multiplied by `scale` and rounded to whole euros: a number (`104_600_000`), or every
// value of an inline table (`{ 2022 = 1_700_000 }`, ranges `{ 2020 = [1_000_000,
// 8_000_000] }`: the years stay); text values stay; the key may be indented. A comment
// line above each scaled line gives the original. The text itself when `scale` is 1.
std::string ScaleAmounts(std::string_view toml, double scale,
                         std::span<const std::string_view> keys);

// Writes every DemoConfigFiles() file into `dir` (REQUIRES: an existing folder), mode
// 0600, replacing files of the same name (Env::WritePrivateFile); the files of
// ScaledFiles() with their amounts scaled by `scale` (ScaleAmounts). On error a Dutch
// message naming the file; files written before it stay behind.
Status WriteDemoConfigFiles(const std::string& dir, double scale = 1.0,
                            Env& env = Env::Default());

}  // namespace jr::demo
