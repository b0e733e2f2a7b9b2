// The built-in settlement models, written as model files (TOML) so they are parsed
// like a user's file and double as examples (see docs/settle.md).
#pragma once

#include <string>
#include <vector>

#include "settle/model.h"

namespace jr::settle {

// Names in a stable order: solidair, profijt, vlaktaks-3, zwaar-solidair, pool-100k,
// ingroei-profijt.
std::vector<std::string> BuiltinModelNames();
// The TOML text of a built-in model; empty if unknown.
std::string BuiltinModelToml(const std::string& name);
// Parses a built-in model; Dutch error listing the known names if `name` is unknown.
Result<Model> BuiltinModel(const std::string& name);

}  // namespace jr::settle
