#include "governance/governance_tables.h"

#include <fmt/format.h>

namespace jr::governance {
namespace {

constexpr const char* kRegionCode = "REGIO";
constexpr const char* kRegionName = "Totaal regio";

Cell Factor(double now, double then) {
  if (now <= 0) return std::monostate{};
  return then / now;
}

const char* DecisionText(const std::string& rule) {
  if (rule == "gewicht") return "meerderheid van het stemgewicht";
  if (rule == "leden") return "meerderheid van de gemeenten";
  return "meerderheid van stemgewicht en van gemeenten";
}

}  // namespace

Table ActorTable(const Outcome& o) {
  Table t;
  t.title = fmt::format("Formatie en kosten per partij: {} tegenover vandaag", o.variant);
  t.columns = {{"actor", "Partij", ColumnType::kText},
               {"name", "Naam", ColumnType::kText},
               {"fte_current", "Fte nu", ColumnType::kNumber, 1},
               {"fte_variant", "Fte variant", ColumnType::kNumber, 1},
               {"fte_change", "Verschil fte", ColumnType::kNumber, 1},
               {"factor", "Factor", ColumnType::kNumber, 2},
               {"cost_current_cents", "Kosten nu", ColumnType::kMoney},
               {"cost_variant_cents", "Kosten variant", ColumnType::kMoney},
               {"cost_change_cents", "Verschil kosten", ColumnType::kMoney}};
  double now = 0, then = 0;
  Money cost_now, cost_then;
  for (const ActorOutcome& a : o.actors) {
    t.AddRow({std::string(ActorTomlKey(a.actor)), std::string(ActorLabel(a.actor)),
              a.fte_current, a.fte_variant, a.fte_variant - a.fte_current,
              Factor(a.fte_current, a.fte_variant), a.cost_current, a.cost_variant,
              a.cost_variant - a.cost_current});
    now += a.fte_current;
    then += a.fte_variant;
    cost_now += a.cost_current;
    cost_then += a.cost_variant;
  }
  t.AddRow({std::string("totaal"), std::string("Totaal"), now, then, then - now,
            Factor(now, then), cost_now, cost_then, cost_then - cost_now},
           RowKind::kTotal);
  return t;
}

Table TaskTable(const Outcome& o) {
  Table t;
  t.title = fmt::format("Taken in variant {}: wie doet wat (fte)", o.variant);
  t.columns = {{"task", "Taak", ColumnType::kText},
               {"name", "Naam", ColumnType::kText},
               {"form", "Vorm", ColumnType::kText}};
  for (Actor a : kAllActors) {
    t.columns.emplace_back(fmt::format("{}_fte", ActorJsonKey(a)), ActorLabel(a),
                           ColumnType::kNumber, 1);
  }
  t.columns.emplace_back("fte_current", "Totaal nu", ColumnType::kNumber, 1);
  t.columns.emplace_back("fte_variant", "Totaal variant", ColumnType::kNumber, 1);
  for (const TaskOutcome& task : o.tasks) {
    std::vector<Cell> row = {task.task->code, task.task->name,
                             std::string(FormName(task.form))};
    double now = 0, then = 0;
    for (size_t a = 0; a < kActors; ++a) {
      row.push_back(task.variant[a]);
      now += task.current[a];
      then += task.variant[a];
    }
    row.push_back(now);
    row.push_back(then);
    t.AddRow(std::move(row));
  }
  return t;
}

Table MunicipalityTable(const Outcome& o) {
  Table t;
  t.title = fmt::format("Gemeenten in variant {}: eigen formatie en kosten", o.variant);
  t.columns = {{"municipality", "Code", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Gemeente", ColumnType::kText},
               {"inhabitants", "Inwoners", ColumnType::kInt},
               {"below_scale_threshold", "Onder schaaldrempel", ColumnType::kText},
               {"local_tasks", "Lokale taken", ColumnType::kInt},
               {"fte_current", "Fte nu", ColumnType::kNumber, 1},
               {"fte_variant", "Fte variant", ColumnType::kNumber, 1},
               {"fte_change", "Verschil fte", ColumnType::kNumber, 1},
               {"fte_per_10k_inhabitants", "Fte per 10.000 inw.", ColumnType::kNumber, 2},
               {"cost_current_cents", "Kosten nu", ColumnType::kMoney},
               {"cost_variant_cents", "Kosten variant", ColumnType::kMoney},
               {"cost_change_cents", "Verschil kosten", ColumnType::kMoney},
               {"joint_current_cents", "Aandeel regio nu", ColumnType::kMoney},
               {"joint_variant_cents", "Aandeel regio variant", ColumnType::kMoney}};
  double inh = 0, now = 0, then = 0;
  Money cost_now, cost_then, joint_now, joint_then;
  for (const MunicipalityOutcome& m : o.municipalities) {
    t.AddRow({m.code, m.name, static_cast<int64_t>(std::llround(m.inhabitants)),
              std::string(m.below_threshold ? "ja" : "nee"), int64_t{m.local_tasks},
              m.fte_current, m.fte_variant, m.fte_variant - m.fte_current,
              m.inhabitants > 0 ? Cell(m.fte_variant * 10000 / m.inhabitants) : Cell(),
              m.cost_current, m.cost_variant, m.cost_variant - m.cost_current,
              m.joint_current, m.joint_variant});
    inh += m.inhabitants;
    now += m.fte_current;
    then += m.fte_variant;
    cost_now += m.cost_current;
    cost_then += m.cost_variant;
    joint_now += m.joint_current;
    joint_then += m.joint_variant;
  }
  t.AddRow({std::string(kRegionCode), std::string(kRegionName),
            static_cast<int64_t>(std::llround(inh)),
            fmt::format("{} van {}", o.below_threshold.size(), o.municipalities.size()),
            Cell(), now, then, then - now, inh > 0 ? Cell(then * 10000 / inh) : Cell(),
            cost_now, cost_then, cost_then - cost_now, joint_now, joint_then},
           RowKind::kTotal);
  t.notes.push_back(
      "Aandeel regio: het deel naar rato van inwoners (tot op de cent) van de kosten van "
      "serviceorganisatie en jeugdteams voor deze taken.");
  return t;
}

Table ScoreTable(const Outcome& o) {
  Table t;
  t.title = fmt::format("Toetsingskader: score van {} (1-5)", o.variant);
  t.columns = {{"criterion", "Criterium", ColumnType::kText},
               {"name", "Naam", ColumnType::kText},
               {"weight", "Gewicht", ColumnType::kNumber, 2},
               {"score_current", "Score nu", ColumnType::kNumber, 2},
               {"score_variant", "Score variant", ColumnType::kNumber, 2}};
  for (size_t k = 0; k < kCriteria; ++k) {
    t.AddRow({std::string(Criteria()[k].toml_key), std::string(Criteria()[k].label),
              o.weights[k], o.criteria_current[k], o.criteria_variant[k]});
  }
  double total = 0;
  for (double w : o.weights) total += w;
  t.AddRow({std::string("score"), std::string("Gewogen score"), total, o.score_current,
            o.score_variant},
           RowKind::kTotal);
  return t;
}

Table VariantsTable(const std::vector<Outcome>& outcomes) {
  Table t;
  t.title = "Varianten naast elkaar: eigen formatie per gemeente (fte)";
  t.columns = {{"municipality", "Code", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Gemeente", ColumnType::kText},
               {"inhabitants", "Inwoners", ColumnType::kInt}};
  for (const Outcome& o : outcomes) {
    std::string key = o.variant;
    for (char& c : key) {
      if (c == '-') c = '_';
    }
    t.columns.emplace_back("fte_" + key, "Fte " + o.variant, ColumnType::kNumber, 1);
  }
  if (outcomes.empty()) return t;
  const size_t n = outcomes.front().municipalities.size();
  std::vector<double> totals(outcomes.size(), 0.0);
  double inh = 0;
  for (size_t m = 0; m < n; ++m) {
    const MunicipalityOutcome& base = outcomes.front().municipalities[m];
    std::vector<Cell> row = {base.code, base.name,
                             static_cast<int64_t>(std::llround(base.inhabitants))};
    inh += base.inhabitants;
    for (size_t v = 0; v < outcomes.size(); ++v) {
      row.push_back(outcomes[v].municipalities[m].fte_variant);
      totals[v] += outcomes[v].municipalities[m].fte_variant;
    }
    t.AddRow(std::move(row));
  }
  std::vector<Cell> total = {std::string(kRegionCode), std::string(kRegionName),
                             static_cast<int64_t>(std::llround(inh))};
  for (double x : totals) total.push_back(x);
  t.AddRow(std::move(total), RowKind::kTotal);
  return t;
}

Table VariantSummaryTable(const std::vector<Outcome>& outcomes) {
  Table t;
  t.title = "Varianten naast elkaar: formatie, kosten en score";
  t.columns = {{"variant", "Variant", ColumnType::kText},
               {"municipal_fte", "Fte gemeenten", ColumnType::kNumber, 1},
               {"municipal_fte_extra", "Extra fte gemeenten", ColumnType::kNumber, 1},
               {"municipal_factor", "Factor gemeenten", ColumnType::kNumber, 2},
               {"provider_admin_factor", "Factor aanbieders", ColumnType::kNumber, 2},
               {"fte", "Fte totaal", ColumnType::kNumber, 1},
               {"cost_cents", "Kosten totaal", ColumnType::kMoney},
               {"below_scale_threshold", "Onder schaaldrempel", ColumnType::kInt},
               {"score", "Score", ColumnType::kNumber, 2}};
  for (const Outcome& o : outcomes) {
    double fte = 0;
    Money cost;
    for (const ActorOutcome& a : o.actors) {
      fte += a.fte_variant;
      cost += a.cost_variant;
    }
    t.AddRow({o.variant, o.actors[0].fte_variant, o.municipal_fte_extra,
              o.municipal_factor, o.provider_admin_factor, fte, cost,
              static_cast<int64_t>(o.below_threshold.size()), o.score_variant});
  }
  return t;
}

Table CriteriaTable(const std::vector<Outcome>& outcomes) {
  Table t;
  t.title = "Toetsingskader: score per variant (1-5)";
  t.columns = {{"criterion", "Criterium", ColumnType::kText},
               {"name", "Naam", ColumnType::kText},
               {"weight", "Gewicht", ColumnType::kNumber, 2}};
  for (const Outcome& o : outcomes) {
    std::string key = o.variant;
    for (char& c : key) {
      if (c == '-') c = '_';
    }
    t.columns.emplace_back("score_" + key, o.variant, ColumnType::kNumber, 2);
  }
  if (outcomes.empty()) return t;
  const Scores& w = outcomes.front().weights;
  double total = 0;
  for (size_t k = 0; k < kCriteria; ++k) {
    std::vector<Cell> row = {std::string(Criteria()[k].toml_key),
                             std::string(Criteria()[k].label), w[k]};
    for (const Outcome& o : outcomes) row.push_back(o.criteria_variant[k]);
    t.AddRow(std::move(row));
    total += w[k];
  }
  std::vector<Cell> row = {std::string("score"), std::string("Gewogen score"), total};
  for (const Outcome& o : outcomes) row.push_back(o.score_variant);
  t.AddRow(std::move(row), RowKind::kTotal);
  return t;
}

Table VotingTable(const Voting& v) {
  Table t;
  t.title = "Stemgewicht per gemeente: naar omvang (inwoners) en gelijk";
  t.columns = {{"municipality", "Code", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Gemeente", ColumnType::kText},
               {"method", "Methode", ColumnType::kText},
               {"weight_ppm", "Gewicht (ppm)", ColumnType::kInt},
               {"weight", "Gewicht", ColumnType::kPercent, 2}};
  for (const VoteWeight& w : v.weights) {
    t.AddRow({w.code, w.name, w.method, w.ppm, static_cast<double>(w.ppm) / 1e6});
  }
  t.notes.push_back(
      "De gewichten van een methode tellen op tot precies 1.000.000 ppm (grootste-"
      "restmethode, gelijke resten naar de laagste gemeentecode).");
  return t;
}

Table DecisionTable(const Voting& v) {
  Table t;
  t.title = fmt::format("Wat een besluit nodig heeft (meer dan {}%)",
                        FormatNumber(v.majority * 100, 0));
  t.columns = {{"method", "Methode", ColumnType::kText},
               {"rule", "Regel", ColumnType::kText},
               {"description", "Besluit vraagt", ColumnType::kText},
               {"min_majority", "Minste gemeenten voor besluit", ColumnType::kInt},
               {"min_blocking", "Minste gemeenten om te blokkeren", ColumnType::kInt}};
  for (const DecisionRule& r : v.rules) {
    t.AddRow({r.method, r.rule, std::string(DecisionText(r.rule)),
              int64_t{r.min_majority}, int64_t{r.min_blocking}});
  }
  t.notes.push_back(
      "Minste gemeenten: de grootste eerst. Blokkeren: wat overblijft haalt de "
      "meerderheid niet.");
  return t;
}

Table SharingTable(const std::vector<ShareRow>& rows, const Sharing& s, int year) {
  Table t;
  t.title = fmt::format(
      "Gezamenlijke kosten ({} euro) en projectcapaciteit ({} uur) naar rato van '{}' "
      "({})",
      s.amount.ToEuroString(), FormatNumber(static_cast<double>(s.hours), 0), s.key,
      year);
  t.columns = {{"municipality", "Code", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Gemeente", ColumnType::kText},
               {"key_value", "Sleutel", ColumnType::kNumber, 0},
               {"share", "Aandeel", ColumnType::kPercent, 2},
               {"amount_cents", "Bijdrage", ColumnType::kCents},
               {"hours", "Uren", ColumnType::kInt}};
  double total = 0;
  for (const ShareRow& r : rows) total += r.key_value;
  Money amount;
  int64_t hours = 0;
  for (const ShareRow& r : rows) {
    t.AddRow({r.code, r.name, r.key_value, total > 0 ? r.key_value / total : 0.0,
              r.amount, r.hours});
    amount += r.amount;
    hours += r.hours;
  }
  t.AddRow(
      {std::string(kRegionCode), std::string(kRegionName), total, 1.0, amount, hours},
      RowKind::kTotal);
  t.notes.push_back(
      "Tot op de cent en het uur verdeeld (grootste-restmethode); de delen tellen op tot "
      "het totaal.");
  return t;
}

nlohmann::json SummaryJson(const GovernanceRun& run, const Outcome& o) {
  double fte_now = 0, fte_then = 0;
  Money cost_now, cost_then;
  for (const ActorOutcome& a : o.actors) {
    fte_now += a.fte_current;
    fte_then += a.fte_variant;
    cost_now += a.cost_current;
    cost_then += a.cost_variant;
  }
  nlohmann::json j;
  j["variant"] = o.variant;
  j["year"] = run.region.year;
  j["municipalities"] = o.municipalities.size();
  j["municipal_fte_current"] = o.actors[0].fte_current;
  j["municipal_fte_variant"] = o.actors[0].fte_variant;
  j["municipal_fte_extra"] = o.municipal_fte_extra;
  j["municipal_factor"] = o.municipal_factor;
  j["provider_admin_factor"] = o.provider_admin_factor;
  j["fte_current"] = fte_now;
  j["fte_variant"] = fte_then;
  j["cost_current_cents"] = cost_now.cents();
  j["cost_variant_cents"] = cost_then.cents();
  j["scale_threshold"] = run.config.scale_threshold;
  j["below_scale_threshold"] = o.below_threshold;
  j["score"] = o.score_variant;
  j["score_current"] = o.score_current;
  return j;
}

nlohmann::json OutcomeJson(const GovernanceRun& run) {
  return {{"summary", SummaryJson(run, run.outcome)},
          {"rows", ToJson(MunicipalityTable(run.outcome))},
          {"actors", ToJson(ActorTable(run.outcome))},
          {"tasks", ToJson(TaskTable(run.outcome))},
          {"criteria", ToJson(ScoreTable(run.outcome))}};
}

nlohmann::json VotingJson(const GovernanceRun& run) {
  return {{"summary", {{"year", run.region.year}, {"majority", run.voting.majority}}},
          {"rows", ToJson(VotingTable(run.voting))},
          {"decisions", ToJson(DecisionTable(run.voting))}};
}

nlohmann::json SharingJson(const GovernanceRun& run) {
  const Sharing& s = run.config.sharing;
  return {{"summary",
           {{"year", run.region.year},
            {"key", s.key},
            {"amount_cents", s.amount.cents()},
            {"hours", s.hours}}},
          {"rows", ToJson(SharingTable(run.sharing, s, run.region.year))}};
}

}  // namespace jr::governance
