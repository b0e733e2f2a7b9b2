// Model files: settlement models in TOML (format in docs/settle.md).
//
//   name = "zwaar-solidair"
//   description = "alleen zware zorg solidair"
//   default = "own"                 # rule for care buckets not listed (required)
//   fixed = "key:inwoners"          # rule for fixed regional costs (optional)
//   [buckets]                       # care bucket -> rule (optional)
//   verblijf = "key:inwoners"
//   [fixed_buckets]                 # fixed cost bucket -> rule (optional)
//   crisisdienst = "key:jeugdigen"
//
// Errors are Dutch and name the file, line and key: TOML syntax, unknown keys, rules
// that do not parse (unknown rule, weights not adding up to 1), and a use-based rule
// (own, pool) for fixed costs.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>

#include "settle/model.h"

namespace jr::settle {

// Parses a model from TOML text; `file` is used in messages.
Result<Model> ParseModelToml(std::string_view text, const std::string& file);
// Reads and parses a model file.
Result<Model> LoadModelFile(const std::string& path);
// Parses a model from a table already read, whose keys sit under `prefix` ("" at the
// top level, "model" when embedded in a scenario file).
Result<Model> ParseModelTable(const toml::table& table, const std::string& file,
                              const std::string& prefix);

}  // namespace jr::settle
