// The governance model on the scenario files of tests/data/governance/ (a small region
// by hand; the expected values are computed by hand in each file's comments), and the
// config's Dutch errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "governance/governance_config.h"
#include "governance/governance_model.h"
#include "governance/governance_run.h"
#include "governance/governance_tables.h"

namespace jr::governance {
namespace {

constexpr double kEps = 1e-9;

std::string ReadText(const std::string& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Scenario {
  std::string file;
  toml::table doc;
  Config config;
  RegionYear region;
  Variant variant;
};

Scenario LoadScenario(const std::string& file) {
  Scenario s;
  s.file = file;
  TomlSource src{file};
  auto doc = ParseToml(ReadText(file), src);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  s.doc = *doc;
  auto config = ParseConfig(*s.doc["config"].as_table(), src);
  EXPECT_TRUE(config.ok()) << config.status().ToString();
  s.config = *config;
  s.region.year = s.doc["year"].value_or(0);
  std::vector<double> inhabitants;
  for (const toml::node& m : *s.doc["municipality"].as_array()) {
    const toml::table& t = *m.as_table();
    s.region.codes.push_back(t["code"].value_or(""));
    s.region.names.push_back(t["name"].value_or(""));
    inhabitants.push_back(t["inhabitants"].value_or(0.0));
  }
  s.region.keys["inwoners"] = inhabitants;
  if (const toml::table* v = s.doc["variant_file"].as_table()) {
    auto variant = ParseVariant(s.config, *v, src);
    EXPECT_TRUE(variant.ok()) << variant.status().ToString();
    s.variant = *variant;
  } else {
    auto variant = BuiltinVariant(s.config, s.doc["variant"].value_or(""));
    EXPECT_TRUE(variant.has_value()) << file;
    s.variant = *variant;
  }
  return s;
}

Money Euros(const toml::node& n) {
  if (auto i = n.value<int64_t>()) return Money::FromEuros(*i);
  auto m = Money::Parse(n.value_or(""));
  EXPECT_TRUE(m.ok());
  return m.ok() ? *m : Money();
}

void Near(const toml::table& t, const char* key, double actual, const std::string& what) {
  if (auto x = t[key].value<double>()) {
    EXPECT_NEAR(actual, *x, kEps) << what << " " << key;
  }
}

void SameMoney(const toml::table& t, const char* key, Money actual,
               const std::string& what) {
  if (const toml::node* n = t.get(key)) {
    EXPECT_EQ(actual.cents(), Euros(*n).cents()) << what << " " << key;
  }
}

void CheckOutcome(const Scenario& s, const Outcome& o) {
  const toml::table& e = *s.doc["expected"].as_table();
  struct Figure {
    const char* key;
    double value;
  };
  for (Figure f :
       {Figure{"municipal_fte_extra", o.municipal_fte_extra},
        Figure{"municipal_factor", o.municipal_factor},
        Figure{"provider_admin_factor", o.provider_admin_factor},
        Figure{"score", o.score_variant}, Figure{"score_current", o.score_current}}) {
    Near(e, f.key, f.value, "summary");
  }
  if (const toml::array* c = e["criteria"].as_array()) {
    for (size_t k = 0; k < kCriteria; ++k) {
      EXPECT_NEAR(o.criteria_variant[k], (*c)[k].value_or(0.0), kEps)
          << Criteria()[k].toml_key;
    }
  }
  if (const toml::array* b = e["below_scale_threshold"].as_array()) {
    std::vector<std::string> codes;
    for (const toml::node& n : *b) codes.push_back(n.value_or(""));
    EXPECT_EQ(o.below_threshold, codes);
  }
  if (const toml::array* ms = e["municipality"].as_array()) {
    for (const toml::node& n : *ms) {
      const toml::table& t = *n.as_table();
      const std::string code = t["code"].value_or("");
      const MunicipalityOutcome* m = nullptr;
      for (const MunicipalityOutcome& x : o.municipalities) {
        if (x.code == code) m = &x;
      }
      ASSERT_NE(m, nullptr) << code;
      Near(t, "fte_current", m->fte_current, code);
      Near(t, "fte_variant", m->fte_variant, code);
      Near(t, "fte_per_10k", m->fte_variant * 10000 / m->inhabitants, code);
      if (auto x = t["local_tasks"].value<int64_t>()) {
        EXPECT_EQ(m->local_tasks, *x) << code;
      }
      SameMoney(t, "cost_current", m->cost_current, code);
      SameMoney(t, "cost_variant", m->cost_variant, code);
      SameMoney(t, "joint_current", m->joint_current, code);
      SameMoney(t, "joint_variant", m->joint_variant, code);
    }
  }
  if (const toml::array* as = e["actor"].as_array()) {
    for (const toml::node& n : *as) {
      const toml::table& t = *n.as_table();
      const std::string actor = t["actor"].value_or("");
      const ActorOutcome* a = nullptr;
      for (const ActorOutcome& x : o.actors) {
        if (actor == ActorTomlKey(x.actor)) a = &x;
      }
      ASSERT_NE(a, nullptr) << actor;
      Near(t, "fte_current", a->fte_current, actor);
      Near(t, "fte_variant", a->fte_variant, actor);
      SameMoney(t, "cost_current", a->cost_current, actor);
      SameMoney(t, "cost_variant", a->cost_variant, actor);
    }
  }
}

TEST(GovernanceScenario, EveryFileAsComputedByHand) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator("tests/data/governance")) {
    if (entry.path().extension() != ".toml") continue;
    SCOPED_TRACE(entry.path().string());
    ++files;
    Scenario s = LoadScenario(entry.path().string());
    auto o = Compute(s.config, s.region, s.variant, s.config.weights);
    ASSERT_TRUE(o.ok()) << o.status().ToString();
    if (s.doc.contains("expected")) CheckOutcome(s, *o);

    auto voting = ComputeVoting(s.region, s.config.voting);
    ASSERT_TRUE(voting.ok()) << voting.status().ToString();
    for (const char* method : {"omvang", "gelijk"}) {
      int64_t sum = 0;
      for (const VoteWeight& w : voting->weights) {
        if (w.method == method) sum += w.ppm;
      }
      EXPECT_EQ(sum, 1'000'000) << method;  // exactly 1 whatever the region
    }
    if (const toml::array* votes = s.doc["expected"]["vote"].as_array()) {
      for (const toml::node& n : *votes) {
        const toml::table& t = *n.as_table();
        bool found = false;
        for (const VoteWeight& w : voting->weights) {
          if (w.code == t["code"].value_or("") && w.method == t["method"].value_or("")) {
            EXPECT_EQ(w.ppm, t["ppm"].value_or(int64_t{-1})) << w.code << " " << w.method;
            found = true;
          }
        }
        EXPECT_TRUE(found);
      }
    }
    if (const toml::array* rules = s.doc["expected"]["decision"].as_array()) {
      for (const toml::node& n : *rules) {
        const toml::table& t = *n.as_table();
        bool found = false;
        for (const DecisionRule& r : voting->rules) {
          if (r.method == t["method"].value_or("") && r.rule == t["rule"].value_or("")) {
            EXPECT_EQ(r.min_majority, t["min_majority"].value_or(-1))
                << r.method << r.rule;
            EXPECT_EQ(r.min_blocking, t["min_blocking"].value_or(-1))
                << r.method << r.rule;
            found = true;
          }
        }
        EXPECT_TRUE(found);
      }
    }
    if (const toml::array* shares = s.doc["expected"]["share"].as_array()) {
      auto rows = ComputeSharing(s.region, s.config.sharing);
      ASSERT_TRUE(rows.ok()) << rows.status().ToString();
      for (const toml::node& n : *shares) {
        const toml::table& t = *n.as_table();
        bool found = false;
        for (const ShareRow& r : *rows) {
          if (r.code != t["code"].value_or("")) continue;
          EXPECT_EQ(r.amount.cents(), Euros(*t.get("amount")).cents()) << r.code;
          EXPECT_EQ(r.hours, t["hours"].value_or(int64_t{-1})) << r.code;
          found = true;
        }
        EXPECT_TRUE(found);
      }
    }
  }
  EXPECT_GE(files, 3);
}

TEST(GovernanceScenario, AllRegionalKeepsTodayWithoutARegionalTable) {
  Scenario s = LoadScenario("tests/data/governance/scale.toml");
  auto o = Compute(s.config, s.region, *BuiltinVariant(s.config, "alles-regionaal"),
                   s.config.weights);
  ASSERT_TRUE(o.ok());
  for (const ActorOutcome& a : o->actors) EXPECT_NEAR(a.fte_variant, a.fte_current, kEps);
  EXPECT_NEAR(o->municipal_factor, 1.0, kEps);
  EXPECT_EQ(o->municipalities[0].local_tasks, 0);
}

TEST(GovernanceTables, TotalsAddUpAndJsonHasTheDocumentedSummary) {
  Scenario s = LoadScenario("tests/data/governance/scale.toml");
  GovernanceRun run;
  run.config = s.config;
  run.region = s.region;
  auto o = Compute(s.config, s.region, s.variant, s.config.weights);
  ASSERT_TRUE(o.ok());
  run.outcome = *o;
  nlohmann::json j = OutcomeJson(run);
  for (const char* k : {"municipal_fte_extra", "municipal_factor",
                        "provider_admin_factor", "below_scale_threshold", "score"}) {
    EXPECT_TRUE(j["summary"].contains(k)) << k;
  }
  EXPECT_EQ(j["summary"]["below_scale_threshold"],
            nlohmann::json::array({"GM0001", "GM0002"}));
  const nlohmann::json& rows = j["rows"];
  ASSERT_EQ(rows.size(), 4u);  // three municipalities and the region
  EXPECT_EQ(rows[3]["municipality"], "REGIO");
  EXPECT_EQ(rows[3]["cost_variant_cents"], 105'000'000);
  EXPECT_EQ(rows[3]["joint_variant_cents"], 30'000'000);
}

// A config with one change applied by `edit` to the text of scale.toml's [config].
Status ConfigError(const std::string& from, const std::string& to) {
  std::string text = ReadText("tests/data/governance/scale.toml");
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  TomlSource src{"bestuur.toml"};
  auto doc = ParseToml(text, src);
  EXPECT_TRUE(doc.ok());
  auto c = ParseConfig(*(*doc)["config"].as_table(), src);
  return c.ok() ? Status::Ok() : c.status();
}

TEST(GovernanceConfig, DutchErrorsNameFileAndKey) {
  struct Case {
    std::string from, to, key, words;
  };
  const Case cases[] = {
      {"vast = 0.5,", "vats = 0.5,", "taak[2].lokaal.vats", "onbekende sleutel"},
      {"gemeenten = 100_000", "gemeenten = -5", "kosten_per_fte.gemeenten", "negatief"},
      {"werk_per_extra_partij = 0.5", "werk_per_extra_partij = 11",
       "aanbieders.werk_per_extra_partij", "ligt niet tussen"},
      {"eenvoud = 3", "eenvoud = 7", "score.regionaal.eenvoud", "ligt niet tussen"},
      {"code = \"toegang\"", "code = \"inkoop\"", "taak[2].code", "twee keer"},
      {"lokaal = { vast = 1, per_eenheid = 2 }", "", "taak[1].lokaal", "ontbreekt"},
      {"jeugdteams = 0.6", "jeugdteams = 1.5", "taak[2].lokaal.jeugdteams", "tussen"},
  };
  for (const Case& c : cases) {
    Status s = ConfigError(c.from, c.to);
    ASSERT_FALSE(s.ok()) << c.from;
    const std::string m = s.ToString();
    EXPECT_NE(m.find("bestuur.toml"), std::string::npos) << m;
    EXPECT_NE(m.find(c.words), std::string::npos) << m;
    EXPECT_NE(m.find(c.key), std::string::npos) << m;
  }
}

TEST(GovernanceConfig, VariantFileErrors) {
  Scenario s = LoadScenario("tests/data/governance/scale.toml");
  TomlSource src{"variant.toml"};
  auto bad_task = ParseToml("[keuze]\ninkopen = \"lokaal\"\n", src);
  ASSERT_TRUE(bad_task.ok());
  auto v = ParseVariant(s.config, *bad_task, src);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().ToString().find("variant.toml"), std::string::npos);
  EXPECT_NE(v.status().ToString().find("keuze.inkopen"), std::string::npos);
  auto bad_form = ParseToml("[keuze]\ninkoop = \"samen\"\n", src);
  v = ParseVariant(s.config, *bad_form, src);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().ToString().find("onbekende vorm 'samen'"), std::string::npos);
  auto fallback =
      ParseToml("standaard = \"lokaal\"\n[keuze]\ntoegang = \"regionaal\"\n", src);
  v = ParseVariant(s.config, *fallback, src);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->name, "variant");
  EXPECT_EQ(v->forms, (std::vector<Form>{Form::kLocal, Form::kRegional}));
}

TEST(GovernanceConfig, WeightsFromTheCommandLine) {
  Scores base = {1, 1, 1, 1, 1};
  auto w = ParseWeights("kwaliteit=2,eigenaarschap=0.5", base);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(*w, (Scores{2, 1, 1, 1, 0.5}));
  EXPECT_FALSE(ParseWeights("kwaliteiten=2", base).ok());
  EXPECT_FALSE(ParseWeights("kwaliteit=-1", base).ok());
  EXPECT_FALSE(ParseWeights("kwaliteit", base).ok());
  EXPECT_FALSE(
      ParseWeights("kwaliteit=0,efficientie=0,stuurbaarheid=0,eenvoud=0,eigenaarschap=0",
                   base)
          .ok());
}

TEST(GovernanceRun, LastYearWithInhabitantsAndMissingKeys) {
  Region r;
  Municipality a{"GM0001", "Aa", "", std::chrono::year(2015) / 1 / 1, std::nullopt, ""};
  Municipality b{"GM0002", "Bee", "", std::chrono::year(2015) / 1 / 1, std::nullopt, ""};
  r.AddMunicipality(a);
  r.AddMunicipality(b);
  r.SetKey("GM0001", 2020, "inwoners", 1000);
  r.SetKey("GM0002", 2020, "inwoners", 2000);
  r.SetKey("GM0001", 2021, "inwoners", 1000);  // GM0002 lacks 2021
  EXPECT_EQ(LastYearWithInhabitants(r), 2020);
  Config c;
  c.tasks.push_back(Task{});
  auto missing = RegionYearOf(r, 2021, c);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().ToString().find("Bee (GM0002)"), std::string::npos);
}

}  // namespace
}  // namespace jr::governance
