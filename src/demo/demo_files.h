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

// begroting.toml's text with every amount of the region's budget (the keys of
// kScaledBudgetKeys) multiplied by `scale` and rounded to whole euros, so the budget of
// a demo of another size fits its costs (issue 15 item 13); a comment line above each
// scaled amount says so. The text itself when `scale` is 1.
inline constexpr std::string_view kScaledBudgetKeys[] = {
    "begroting",     "burap",       "taakstelling",
    "bijdrage_rijk", "rijksbudget", "realisatie_voorgaand_jaar",
    "realisatie"};
std::string ScaleBudget(std::string_view toml, double scale);

// Writes every DemoConfigFiles() file into `dir` (REQUIRES: an existing folder), mode
// 0600, replacing files of the same name (Env::WritePrivateFile); begroting.toml with
// its amounts scaled by `scale` (ScaleBudget). On error a Dutch message naming the file;
// files written before it stay behind.
Status WriteDemoConfigFiles(const std::string& dir, double scale = 1.0,
                            Env& env = Env::Default());

}  // namespace jr::demo
