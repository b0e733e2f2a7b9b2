// The governance model's entry point (DESIGN.md §2.9), the one pipeline of the CLI
// (`jeugdregio governance`), the report and the server: read bestuur.toml and the
// variant, take the region's inhabitants (and other keys) of a year, and compute the
// variant, the three built-in variants side by side, the voting weights and the
// pro-rata sharing.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "governance/governance_config.h"
#include "governance/governance_model.h"
#include "region/region.h"

namespace jr::governance {

struct RunOptions {
  std::string config_file;         // bestuur.toml (required)
  std::string variant = "huidig";  // huidig | alles-lokaal | alles-regionaal | a file
  std::string weights;             // "kwaliteit=2,..." over the config's; empty = those
  int year = 0;                    // 0 = the last year every municipality has inwoners
};

struct GovernanceRun {
  Config config;
  RegionYear region;
  Variant variant;
  Outcome outcome;                // of `variant`
  std::vector<Outcome> builtins;  // huidig, alles-lokaal, alles-regionaal
  Voting voting;
  std::vector<ShareRow> sharing;
};

// The last year in which the region has active municipalities that all have
// `inwoners`; 0 when there is none.
int LastYearWithInhabitants(const Region& region);

// The municipalities active in `year` with the keys `config` needs. Dutch error when
// there are none or one lacks a key.
Result<RegionYear> RegionYearOf(const Region& region, int year, const Config& config);

// Dutch errors of the config and variant (file, line, key), the weights, or a key
// missing in the region.
Result<GovernanceRun> Run(const Region& region, const RunOptions& options);

}  // namespace jr::governance
