#include "governance/governance_config.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <set>

namespace jr::governance {
namespace {

// Fails on a key of `t` not in `known` ("onbekende sleutel").
Status CheckKeys(const TomlSource& src, const toml::table& t, const std::string& path,
                 const std::vector<std::string_view>& known) {
  for (const auto& [k, v] : t) {
    bool ok = false;
    for (std::string_view n : known) ok = ok || k.str() == n;
    if (!ok) {
      return UnknownKey(src, v, KeyPath(path, k.str()), k.str(),
                        fmt::format("; bekend zijn {}", fmt::join(known, ", ")));
    }
  }
  return Status::Ok();
}

// The table at `key` of `t`; nullptr when absent; error when it is not a table.
Result<const toml::table*> SubTable(const TomlSource& src, const toml::table& t,
                                    std::string_view key, const std::string& path) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return static_cast<const toml::table*>(nullptr);
  const toml::table* sub = n->as_table();
  if (sub == nullptr) {
    return TomlError(src, n, path, fmt::format("'{}' moet een tabel zijn", path));
  }
  return sub;
}

// An optional number of `t` in [lo, hi] into *out (kept when absent).
Status Number(const TomlSource& src, const toml::table& t, std::string_view key,
              const std::string& path, double lo, double hi, double* out) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return Status::Ok();
  auto v = NumberInRange(src, *n, path, lo, hi);
  if (!v.ok()) return v.status();
  *out = *v;
  return Status::Ok();
}

std::vector<std::string_view> ActorKeys() {
  std::vector<std::string_view> keys;
  for (Actor a : kAllActors) keys.push_back(ActorTomlKey(a));
  return keys;
}

std::vector<std::string_view> CriterionKeys() {
  std::vector<std::string_view> keys;
  for (const Criterion& c : Criteria()) keys.push_back(c.toml_key);
  return keys;
}

// FTE per actor: { gemeenten = 2.5, serviceorganisatie = 10 }; actors not named keep
// their value in *out.
Status ReadFte(const TomlSource& src, const toml::table& t, const std::string& path,
               ActorFte* out) {
  if (Status s = CheckKeys(src, t, path, ActorKeys()); !s.ok()) return s;
  for (size_t i = 0; i < kActors; ++i) {
    const char* k = ActorTomlKey(kAllActors[i]);
    if (Status s = Number(src, t, k, KeyPath(path, k), 0, 1e6, &(*out)[i]); !s.ok())
      return s;
  }
  return Status::Ok();
}

// Scores 1-5 per criterion; criteria not named keep their value in *out. With
// `all`, every criterion is required.
Status ReadScores(const TomlSource& src, const toml::table& t, const std::string& path,
                  bool all, Scores* out) {
  if (Status s = CheckKeys(src, t, path, CriterionKeys()); !s.ok()) return s;
  for (size_t i = 0; i < kCriteria; ++i) {
    const char* k = Criteria()[i].toml_key;
    if (all && t.get(k) == nullptr) {
      return TomlError(src, &t, KeyPath(path, k),
                       fmt::format("verplicht veld '{}' ontbreekt", KeyPath(path, k)));
    }
    if (Status s = Number(src, t, k, KeyPath(path, k), 1, 5, &(*out)[i]); !s.ok())
      return s;
  }
  return Status::Ok();
}

Result<Form> FormFromNode(const TomlSource& src, const toml::node& n,
                          const std::string& path, bool allow_current) {
  auto text = StringFromNode(src, n, path);
  if (!text.ok()) return text.status();
  if (*text == "lokaal") return Form::kLocal;
  if (*text == "regionaal") return Form::kRegional;
  if (allow_current && *text == "huidig") return Form::kCurrent;
  return TomlError(src, &n, path,
                   fmt::format("onbekende vorm '{}' in '{}': kies lokaal{} of regionaal",
                               *text, path, allow_current ? ", huidig" : ""));
}

Status ReadTask(const TomlSource& src, const toml::table& t, const std::string& at,
                const Scores& local_default, const Scores& regional_default, Task& task) {
  if (Status s = CheckKeys(src, t, at,
                           {"code", "naam", "vorm_huidig", "gewicht", "huidig",
                            "regionaal", "lokaal", "score_lokaal", "score_regionaal"});
      !s.ok())
    return s;
  auto code = RequireString(src, t, "code", at + ".code");
  if (!code.ok()) return code.status();
  task.code = *code;
  auto name = RequireString(src, t, "naam", at + ".naam");
  if (!name.ok()) return name.status();
  task.name = *name;
  if (const toml::node* n = t.get("vorm_huidig")) {
    auto f = FormFromNode(src, *n, at + ".vorm_huidig", false);
    if (!f.ok()) return f.status();
    task.current_form = *f;
  }
  if (Status s = Number(src, t, "gewicht", at + ".gewicht", 0, 1000, &task.weight);
      !s.ok())
    return s;
  auto current = SubTable(src, t, "huidig", at + ".huidig");
  if (!current.ok()) return current.status();
  if (*current == nullptr) {
    return TomlError(src, &t, at + ".huidig",
                     fmt::format("verplicht veld '{}.huidig' ontbreekt: geef de fte van "
                                 "vandaag per partij",
                                 at));
  }
  if (Status s = ReadFte(src, **current, at + ".huidig", &task.current); !s.ok())
    return s;
  task.regional = task.current;
  auto regional = SubTable(src, t, "regionaal", at + ".regionaal");
  if (!regional.ok()) return regional.status();
  if (*regional != nullptr) {
    if (Status s = ReadFte(src, **regional, at + ".regionaal", &task.regional); !s.ok())
      return s;
  }
  auto local = SubTable(src, t, "lokaal", at + ".lokaal");
  if (!local.ok()) return local.status();
  if (*local == nullptr) {
    return TomlError(src, &t, at + ".lokaal",
                     fmt::format("verplicht veld '{}.lokaal' ontbreekt: geef het "
                                 "schaalmodel (vast, per_eenheid)",
                                 at));
  }
  const toml::table& l = **local;
  const std::string lp = at + ".lokaal";
  if (Status s = CheckKeys(src, l, lp,
                           {"vast", "per_eenheid", "sleutel", "eenheid",
                            "serviceorganisatie", "jeugdteams"});
      !s.ok())
    return s;
  LocalScale& ls = task.local;
  struct Field {
    const char* key;
    double lo, hi;
    double* out;
  };
  for (Field f :
       {Field{"vast", 0, 1e4, &ls.fixed}, Field{"per_eenheid", 0, 1e6, &ls.per_unit},
        Field{"eenheid", 1, 1e9, &ls.unit},
        Field{"serviceorganisatie", 0, 1, &ls.service_org_kept},
        Field{"jeugdteams", 0, 1, &ls.youth_teams_kept}}) {
    if (Status s = Number(src, l, f.key, lp + "." + f.key, f.lo, f.hi, f.out); !s.ok())
      return s;
  }
  auto key = OptionalString(src, l, "sleutel", lp + ".sleutel", ls.key);
  if (!key.ok()) return key.status();
  ls.key = *key;
  task.score_local = local_default;
  task.score_regional = regional_default;
  for (auto [k, out] : {std::pair{"score_lokaal", &task.score_local},
                        std::pair{"score_regionaal", &task.score_regional}}) {
    auto sub = SubTable(src, t, k, KeyPath(at, k));
    if (!sub.ok()) return sub.status();
    if (*sub == nullptr) continue;
    if (Status s = ReadScores(src, **sub, KeyPath(at, k), false, out); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

const char* ActorTomlKey(Actor a) {
  switch (a) {
    case Actor::kMunicipalities:
      return "gemeenten";
    case Actor::kServiceOrganisation:
      return "serviceorganisatie";
    case Actor::kYouthTeams:
      return "jeugdteams";
    case Actor::kProviders:
      return "aanbieders";
  }
  return "";
}

const char* ActorJsonKey(Actor a) {
  switch (a) {
    case Actor::kMunicipalities:
      return "municipalities";
    case Actor::kServiceOrganisation:
      return "service_organisation";
    case Actor::kYouthTeams:
      return "youth_teams";
    case Actor::kProviders:
      return "providers";
  }
  return "";
}

const char* ActorLabel(Actor a) {
  switch (a) {
    case Actor::kMunicipalities:
      return "Gemeenten";
    case Actor::kServiceOrganisation:
      return "Serviceorganisatie";
    case Actor::kYouthTeams:
      return "Jeugdteams";
    case Actor::kProviders:
      return "Aanbieders";
  }
  return "";
}

const std::array<Criterion, kCriteria>& Criteria() {
  static const std::array<Criterion, kCriteria> kCriteriaList = {{
      {"kwaliteit", "Kwaliteit/resultaat"},
      {"efficientie", "Efficiëntie/doeltreffendheid"},
      {"stuurbaarheid", "Verantwoordelijkheid, lokale stuurbaarheid/beheersbaarheid"},
      {"eenvoud", "Simpelheid en duidelijkheid"},
      {"eigenaarschap", "Lokaal eigenaarschap"},
  }};
  return kCriteriaList;
}

const char* FormName(Form f) {
  switch (f) {
    case Form::kCurrent:
      return "huidig";
    case Form::kLocal:
      return "lokaal";
    case Form::kRegional:
      return "regionaal";
  }
  return "";
}

Result<Config> ParseConfig(const toml::table& doc, const TomlSource& src) {
  Config c;
  c.file = src.file;
  if (Status s = CheckKeys(src, doc, "",
                           {"schaaldrempel", "kosten_per_fte", "aanbieders", "weging",
                            "score", "stemmen", "verdeling", "taak"});
      !s.ok())
    return s;
  auto threshold = OptionalInt(src, doc, "schaaldrempel", "schaaldrempel", 100000);
  if (!threshold.ok()) return threshold.status();
  if (*threshold < 0) {
    return TomlError(src, doc.get("schaaldrempel"), "schaaldrempel",
                     "'schaaldrempel' mag niet negatief zijn");
  }
  c.scale_threshold = *threshold;

  auto costs = SubTable(src, doc, "kosten_per_fte", "kosten_per_fte");
  if (!costs.ok()) return costs.status();
  if (*costs == nullptr) {
    return TomlError(src, nullptr, "kosten_per_fte",
                     "verplicht veld 'kosten_per_fte' ontbreekt: geef de kosten per fte "
                     "per partij");
  }
  if (Status s = CheckKeys(src, **costs, "kosten_per_fte", ActorKeys()); !s.ok())
    return s;
  for (size_t i = 0; i < kActors; ++i) {
    const char* k = ActorTomlKey(kAllActors[i]);
    auto m = RequireMoney(src, **costs, k, KeyPath("kosten_per_fte", k));
    if (!m.ok()) return m.status();
    if (*m < Money()) {
      return TomlError(src, (*costs)->get(k), KeyPath("kosten_per_fte", k),
                       "kosten per fte mogen niet negatief zijn");
    }
    c.cost_per_fte[i] = *m;
  }

  auto providers = SubTable(src, doc, "aanbieders", "aanbieders");
  if (!providers.ok()) return providers.status();
  if (*providers != nullptr) {
    if (Status s = CheckKeys(src, **providers, "aanbieders", {"werk_per_extra_partij"});
        !s.ok())
      return s;
    if (Status s = Number(src, **providers, "werk_per_extra_partij",
                          "aanbieders.werk_per_extra_partij", 0, 10,
                          &c.provider_work_per_extra_party);
        !s.ok())
      return s;
  }

  auto weights = SubTable(src, doc, "weging", "weging");
  if (!weights.ok()) return weights.status();
  if (*weights != nullptr) {
    if (Status s = CheckKeys(src, **weights, "weging", CriterionKeys()); !s.ok())
      return s;
    for (size_t i = 0; i < kCriteria; ++i) {
      const char* k = Criteria()[i].toml_key;
      if (Status s =
              Number(src, **weights, k, KeyPath("weging", k), 0, 1000, &c.weights[i]);
          !s.ok())
        return s;
    }
    double sum = 0;
    for (double w : c.weights) sum += w;
    if (sum <= 0) {
      return TomlError(src, *weights, "weging",
                       "de gewichten in 'weging' zijn samen 0: geef minstens één "
                       "criterium een gewicht");
    }
  }

  Scores local_default{}, regional_default{};
  auto score = SubTable(src, doc, "score", "score");
  if (!score.ok()) return score.status();
  if (*score == nullptr) {
    return TomlError(src, nullptr, "score",
                     "verplicht veld 'score' ontbreekt: geef [score.lokaal] en "
                     "[score.regionaal]");
  }
  if (Status s = CheckKeys(src, **score, "score", {"lokaal", "regionaal"}); !s.ok())
    return s;
  for (auto [k, out] :
       {std::pair{"lokaal", &local_default}, std::pair{"regionaal", &regional_default}}) {
    auto sub = SubTable(src, **score, k, KeyPath("score", k));
    if (!sub.ok()) return sub.status();
    if (*sub == nullptr) {
      return TomlError(src, *score, KeyPath("score", k),
                       fmt::format("verplicht veld 'score.{}' ontbreekt", k));
    }
    if (Status s = ReadScores(src, **sub, KeyPath("score", k), true, out); !s.ok())
      return s;
  }

  auto voting = SubTable(src, doc, "stemmen", "stemmen");
  if (!voting.ok()) return voting.status();
  if (*voting != nullptr) {
    if (Status s = CheckKeys(src, **voting, "stemmen", {"meerderheid"}); !s.ok())
      return s;
    if (Status s = Number(src, **voting, "meerderheid", "stemmen.meerderheid", 0.5, 0.99,
                          &c.voting.majority);
        !s.ok())
      return s;
  }

  auto sharing = SubTable(src, doc, "verdeling", "verdeling");
  if (!sharing.ok()) return sharing.status();
  if (*sharing != nullptr) {
    const toml::table& t = **sharing;
    if (Status s = CheckKeys(src, t, "verdeling", {"bedrag", "uren", "sleutel"}); !s.ok())
      return s;
    auto amount = OptionalMoney(src, t, "bedrag", "verdeling.bedrag");
    if (!amount.ok()) return amount.status();
    c.sharing.amount = amount->value_or(Money());
    auto hours = OptionalInt(src, t, "uren", "verdeling.uren", 0);
    if (!hours.ok()) return hours.status();
    if (*hours < 0 || *hours > 100'000'000) {
      return TomlError(src, t.get("uren"), "verdeling.uren",
                       "'verdeling.uren' ligt niet tussen 0 en 100.000.000");
    }
    c.sharing.hours = *hours;
    auto key = OptionalString(src, t, "sleutel", "verdeling.sleutel", c.sharing.key);
    if (!key.ok()) return key.status();
    c.sharing.key = *key;
  }

  auto tasks = TableArray(src, doc, "taak", "taak", true);
  if (!tasks.ok()) return tasks.status();
  if (tasks->empty()) {
    return TomlError(src, nullptr, "taak",
                     "verplicht veld 'taak' ontbreekt: geef [[taak]]-tabellen");
  }
  std::set<std::string> codes;
  for (size_t i = 0; i < tasks->size(); ++i) {
    const std::string at = fmt::format("taak[{}]", i + 1);
    Task task;
    if (Status s = ReadTask(src, *(*tasks)[i], at, local_default, regional_default, task);
        !s.ok())
      return s;
    if (!codes.insert(task.code).second) {
      return TomlError(src, (*tasks)[i]->get("code"), at + ".code",
                       fmt::format("taak '{}' staat er twee keer in", task.code));
    }
    c.tasks.push_back(std::move(task));
  }
  return c;
}

Result<Config> LoadConfig(const std::string& file) {
  TomlSource src{file};
  auto doc = ReadTomlFile(src, "bestuursbestand");
  if (!doc.ok()) return doc.status();
  return ParseConfig(*doc, src);
}

std::optional<Variant> BuiltinVariant(const Config& c, std::string_view name) {
  Form f;
  if (name == "huidig") {
    f = Form::kCurrent;
  } else if (name == "alles-lokaal") {
    f = Form::kLocal;
  } else if (name == "alles-regionaal") {
    f = Form::kRegional;
  } else {
    return std::nullopt;
  }
  return Variant{std::string(name), std::vector<Form>(c.tasks.size(), f)};
}

Result<Variant> ParseVariant(const Config& c, const toml::table& doc,
                             const TomlSource& src) {
  if (Status s = CheckKeys(src, doc, "", {"naam", "standaard", "keuze"}); !s.ok())
    return s;
  Variant v;
  auto name = OptionalString(src, doc, "naam", "naam",
                             std::filesystem::path(src.file).stem().string());
  if (!name.ok()) return name.status();
  v.name = *name;
  Form fallback = Form::kCurrent;
  if (const toml::node* n = doc.get("standaard")) {
    auto f = FormFromNode(src, *n, "standaard", true);
    if (!f.ok()) return f.status();
    fallback = *f;
  }
  v.forms.assign(c.tasks.size(), fallback);
  auto choice = SubTable(src, doc, "keuze", "keuze");
  if (!choice.ok()) return choice.status();
  if (*choice == nullptr) {
    return TomlError(src, nullptr, "keuze",
                     "verplicht veld 'keuze' ontbreekt: geef per taak lokaal of "
                     "regionaal");
  }
  for (const auto& [k, node] : **choice) {
    const std::string path = KeyPath("keuze", k.str());
    size_t i = 0;
    while (i < c.tasks.size() && c.tasks[i].code != k.str()) ++i;
    if (i == c.tasks.size()) {
      std::vector<std::string> known;
      for (const Task& t : c.tasks) known.push_back(t.code);
      return TomlError(src, &node, path,
                       fmt::format("onbekende taak '{}' in '{}'; bekend zijn {}", k.str(),
                                   path, fmt::join(known, ", ")));
    }
    auto f = FormFromNode(src, node, path, true);
    if (!f.ok()) return f.status();
    v.forms[i] = *f;
  }
  return v;
}

Result<Variant> ResolveVariant(const Config& c, const std::string& name_or_file) {
  if (auto v = BuiltinVariant(c, name_or_file)) return *v;
  TomlSource src{name_or_file};
  if (!std::filesystem::exists(name_or_file)) {
    return Status::Error(fmt::format(
        "onbekende variant '{}': kies huidig, alles-lokaal, alles-regionaal of een "
        "variantbestand (TOML)",
        name_or_file));
  }
  auto doc = ReadTomlFile(src, "variantbestand");
  if (!doc.ok()) return doc.status();
  return ParseVariant(c, *doc, src);
}

Result<Scores> ParseWeights(std::string_view text, const Scores& base) {
  Scores w = base;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    start = end + 1;
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view name = part.substr(0, eq);
    size_t i = 0;
    while (i < kCriteria && name != Criteria()[i].toml_key) ++i;
    if (i == kCriteria) {
      std::vector<std::string_view> known = CriterionKeys();
      return Status::Error(
          fmt::format("onbekend criterium '{}' in --weights; bekend zijn {}", name,
                      fmt::join(known, ", ")));
    }
    if (eq == std::string_view::npos) {
      return Status::Error(
          fmt::format("gewicht van '{}' ontbreekt in --weights (naam=getal)", name));
    }
    const std::string value(part.substr(eq + 1));
    double x = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
    if (ec != std::errc() || p != value.data() + value.size() || !std::isfinite(x) ||
        x < 0) {
      return Status::Error(fmt::format(
          "gewicht '{}' van '{}' in --weights is geen getal van 0 of meer", value, name));
    }
    w[i] = x;
  }
  double sum = 0;
  for (double x : w) sum += x;
  if (sum <= 0) return Status::Error("de gewichten in --weights zijn samen 0");
  return w;
}

}  // namespace jr::governance
