#include "settle/builtin_models.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "settle/model_file.h"

namespace jr::settle {
namespace {

struct Builtin {
  const char* name;
  const char* toml;
};

// Buckets follow the demo's cost buckets (products.kostenpost); youth teams and basic
// services are local costs and always settled per municipality (seed 002, Annex A).
const Builtin kBuiltins[] = {
    {"solidair", R"toml(name = "solidair"
description = "volledige solidariteit: alle gedeelde zorg naar inwoners (praktijk ZHZ)"
default = "key:inwoners"
)toml"},
    {"profijt", R"toml(name = "profijt"
description = "profijtbeginsel: elke gemeente betaalt haar eigen gebruik"
default = "own"
)toml"},
    {"vlaktaks-3", R"toml(name = "vlaktaks-3"
description = "vlaktaks: naar het aandeel in het gebruik van de drie vorige jaren"
default = "history:3"
)toml"},
    {"zwaar-solidair", R"toml(name = "zwaar-solidair"
description = "alleen verblijf, jeugdbescherming, jeugdreclassering en crisis solidair"
default = "own"
[buckets]
verblijf = "key:inwoners"
jeugdbescherming = "key:inwoners"
jeugdreclassering = "key:inwoners"
crisis = "key:inwoners"
)toml"},
    {"pool-100k", R"toml(name = "pool-100k"
description = "stop-loss: per cliënt het deel boven 100.000 euro naar inwoners, de rest eigen"
default = "pool:100000:inwoners"
)toml"},
    {"ingroei-profijt", R"toml(name = "ingroei-profijt"
description = "ingroeipad van solidair naar profijt: 75/25, 50/50, 25/75 (2023-2025)"
default = "phase(2022: key:inwoners; 2023: 0.75*key:inwoners + 0.25*own; 2024: 0.5*key:inwoners + 0.5*own; 2025: 0.25*key:inwoners + 0.75*own; 2026: own)"
)toml"},
};

}  // namespace

std::vector<std::string> BuiltinModelNames() {
  std::vector<std::string> out;
  for (const Builtin& b : kBuiltins) out.emplace_back(b.name);
  return out;
}

std::string BuiltinModelToml(const std::string& name) {
  for (const Builtin& b : kBuiltins) {
    if (name == b.name) return b.toml;
  }
  return "";
}

Result<Model> BuiltinModel(const std::string& name) {
  std::string toml = BuiltinModelToml(name);
  if (toml.empty()) {
    return Status::Error(fmt::format("onbekend model '{}'; ingebouwd zijn {}", name,
                                     fmt::join(BuiltinModelNames(), ", ")));
  }
  return ParseModelToml(toml, "ingebouwd:" + name);
}

}  // namespace jr::settle
