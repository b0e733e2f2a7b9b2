// RegionRules: what a region chooses in its rules file (regels.toml), read with
// core/toml_reader.h. Example:
//
//   [[product]]            # a product's own limits (JR03)
//   categorie = "44"
//   code = "44A03"
//   max_per_week = 3       # units per ISO week (short stay: nights)
//
//   [toetsing]             # review committee (JR05)
//   bedrag_boven = 25000.00
//
//   [woonplaats]           # woonplaatsbeginsel (JR04)
//   verblijf = ["verblijf"]  # cost buckets that are residential care (2022 rule)
//
// Every key is optional; an unknown key is an error naming file, line and key.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"

namespace jr::rules {

struct ProductLimit {
  std::string category;
  std::string code;
  std::optional<int64_t> max_per_week;  // units (not hundredths) per ISO week
};

struct RegionRules {
  std::vector<ProductLimit> products;
  // An assignment whose value is above this amount needs a review decision (JR05).
  std::optional<Money> review_above;
  // Cost buckets of residential care (woonplaatsbeginsel 2022, JR04).
  std::vector<std::string> residential_buckets = {"verblijf"};

  // A stable text of every choice above (with the rules' version): equal
  // fingerprints mean equal decisions on equal data.
  std::string Fingerprint() const;
};

// Reads `file` (Env). Dutch errors name the file, line and key.
Result<RegionRules> LoadRegionRules(const std::string& file);
// The same from text (tests); `file` names it in messages.
Result<RegionRules> ParseRegionRules(std::string_view text, const std::string& file);

}  // namespace jr::rules
