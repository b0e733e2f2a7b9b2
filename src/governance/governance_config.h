// The governance model's input (DESIGN.md §2.9): bestuur.toml with the tasks, their
// staffing today per actor, the scale model of a task done locally, the cost per FTE,
// the scores on the five criteria of the assessment framework and their weights, the
// voting rule and the joint costs to share; and the variants (which tasks are done
// locally, which regionally). The format is documented in docs/governance.md.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "core/toml_reader.h"

namespace jr::governance {

// Who does the work. The order is the order of every array indexed by actor.
enum class Actor { kMunicipalities, kServiceOrganisation, kYouthTeams, kProviders };
inline constexpr size_t kActors = 4;
inline constexpr std::array<Actor, kActors> kAllActors = {
    Actor::kMunicipalities, Actor::kServiceOrganisation, Actor::kYouthTeams,
    Actor::kProviders};
// TOML key: "gemeenten", "serviceorganisatie", "jeugdteams", "aanbieders".
const char* ActorTomlKey(Actor a);
// JSON/CSV value: "municipalities", "service_organisation", "youth_teams", "providers".
const char* ActorJsonKey(Actor a);
// Dutch label: "Gemeenten", "Serviceorganisatie", "Jeugdteams", "Aanbieders".
const char* ActorLabel(Actor a);

using ActorFte = std::array<double, kActors>;  // FTE per actor (kAllActors order)

// The five criteria of the assessment framework (seed 000, "Toetsingskader").
inline constexpr size_t kCriteria = 5;
struct Criterion {
  const char* toml_key;  // "kwaliteit": in bestuur.toml, --weights and the output
  const char* label;     // "Kwaliteit/resultaat"
};
const std::array<Criterion, kCriteria>& Criteria();
using Scores = std::array<double, kCriteria>;  // per criterion, Criteria() order

// How a task is done: as today, by each municipality itself, or together.
enum class Form { kCurrent, kLocal, kRegional };
// "huidig", "lokaal", "regionaal".
const char* FormName(Form f);

// A task done by every municipality itself: a fixed minimum per municipality plus a
// part per `unit` of the key (inhabitants, young people), so a small municipality pays
// relatively more per inhabitant.
struct LocalScale {
  double fixed = 0;              // FTE per municipality
  double per_unit = 0;           // FTE per `unit` of `key`
  std::string key = "inwoners";  // a key of the region (kengetallen)
  double unit = 100000;
  double service_org_kept = 0;  // fraction of the regional service organisation's FTE
  double youth_teams_kept = 1;  // ... and of the youth teams' FTE that stays
};

struct Task {
  std::string code;                     // "inkoop": the key of a variant file's [keuze]
  std::string name;                     // Dutch: "Inkoop"
  Form current_form = Form::kRegional;  // how it is done today (its score)
  ActorFte current{};                   // FTE today; municipalities: all together
  ActorFte regional{};                  // FTE done fully regionally (default: today)
  LocalScale local;
  Scores score_local{};     // 1-5 per criterion, done locally
  Scores score_regional{};  // ... done regionally
  double weight = 1;        // weight of the task in the score
};

struct VotingRule {
  double majority = 0.5;  // a decision needs more than this share (of weight, members)
};

// Joint costs and project capacity shared pro rata (seed 001: 250,000 euro).
struct Sharing {
  Money amount;       // euro, to the cent
  int64_t hours = 0;  // project capacity, to the hour
  std::string key = "inwoners";
};

struct Config {
  std::string file;  // as given, for messages
  std::vector<Task> tasks;
  std::array<Money, kActors> cost_per_fte{};  // euro per FTE a year
  // A provider's administrative work per contracting party beyond the first, as a
  // fraction of its work with one regional party.
  double provider_work_per_extra_party = 0;
  int64_t scale_threshold = 100000;  // inhabitants (seed 000: > 100,000)
  Scores weights = {1, 1, 1, 1, 1};  // of the criteria in the score
  VotingRule voting;
  Sharing sharing;
};

// Parses a bestuur.toml document. Dutch errors with file, line and key path; an
// unknown key is an error.
Result<Config> ParseConfig(const toml::table& doc, const TomlSource& src);
Result<Config> LoadConfig(const std::string& file);

// Which form each task takes (config order).
struct Variant {
  std::string name;  // "huidig", "alles-lokaal", "alles-regionaal" or the file's `naam`
  std::vector<Form> forms;
};
// A built-in variant: huidig, alles-lokaal, alles-regionaal; nullopt for another name.
std::optional<Variant> BuiltinVariant(const Config& c, std::string_view name);
inline constexpr std::array<const char*, 3> kBuiltinVariants = {"huidig", "alles-lokaal",
                                                                "alles-regionaal"};
// A variant file: `naam` (optional, default the file name), `standaard` (the form of a
// task not listed: "huidig" unless given) and [keuze] with task code = "lokaal" |
// "regionaal" | "huidig". An unknown task code or form is an error naming file and key.
Result<Variant> ParseVariant(const Config& c, const toml::table& doc,
                             const TomlSource& src);
// A built-in name, else a variant file.
Result<Variant> ResolveVariant(const Config& c, const std::string& name_or_file);

// "kwaliteit=2,efficientie=1": weights of criteria given on the command line, over
// `base` (criteria not named keep theirs). Dutch error for an unknown criterion or a
// weight that is negative or not a number.
Result<Scores> ParseWeights(std::string_view text, const Scores& base);

}  // namespace jr::governance
