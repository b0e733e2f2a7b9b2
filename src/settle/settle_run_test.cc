#include "settle/settle_run.h"

#include <gtest/gtest.h>

#include "settle/synthetic_input.h"

namespace jr::settle {
namespace {

// Ten municipalities, 2015-2018, five care buckets, some clients above 100.000 euro.
SettlementInput Input() { return MakeSyntheticInput({}); }

std::vector<Model> Models(const SettleOptions& options) {
  auto models = ResolveModels(options);
  EXPECT_TRUE(models.ok()) << models.status().ToString();
  return models.ok() ? std::move(models).value() : std::vector<Model>{};
}

std::vector<const Model*> Pointers(const std::vector<Model>& models) {
  std::vector<const Model*> out;
  for (const Model& m : models) out.push_back(&m);
  return out;
}

std::vector<int> YearsOf(const ModelSettlement& m) {
  std::vector<int> out;
  for (const YearSettlement& y : m.years) out.push_back(y.year);
  return out;
}

std::string ErrorOf(const SettlementInput& input, const SettleOptions& options) {
  const std::vector<Model> models = Models(options);
  auto r = settle::Run(input, Pointers(models), options);
  return r.ok() ? "" : r.status().message();
}

TEST(SettleRun, SettlesTheLastYearUnderEveryModelByDefault) {
  const SettlementInput input = Input();
  SettleOptions o;
  o.models = {"solidair", "profijt"};
  const std::vector<Model> models = Models(o);
  auto r = settle::Run(input, Pointers(models), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->models.size(), 2u);
  EXPECT_EQ(r->models[0].name, "solidair");
  EXPECT_EQ(r->models[0].default_rule, "key:inwoners");
  EXPECT_EQ(r->models[1].name, "profijt");
  EXPECT_EQ(r->models[1].default_rule, "own");
  EXPECT_EQ(r->models[1].fixed_rule, "key:inwoners");
  for (const ModelSettlement& m : r->models)
    EXPECT_EQ(YearsOf(m), std::vector<int>{2018});
  EXPECT_FALSE(r->risk.has_value());
  // All() lists model by model.
  const std::vector<YearSettlement> all = r->All();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].model, "solidair");
  EXPECT_EQ(all[1].model, "profijt");
}

TEST(SettleRun, SettlesARangeOrEveryYear) {
  const SettlementInput input = Input();
  SettleOptions o;
  o.first_year = 2016;
  o.last_year = 2017;
  const std::vector<Model> models = Models(o);
  auto range = settle::Run(input, Pointers(models), o);
  ASSERT_TRUE(range.ok()) << range.status().ToString();
  EXPECT_EQ(YearsOf(range->models.at(0)), (std::vector<int>{2016, 2017}));
  o.every_year = true;
  auto every = settle::Run(input, Pointers(models), o);
  ASSERT_TRUE(every.ok()) << every.status().ToString();
  EXPECT_EQ(YearsOf(every->models.at(0)), (std::vector<int>{2015, 2016, 2017, 2018}));
}

TEST(SettleRun, AYearAModelCannotSettleFailsOrIsLeftOut) {
  const SettlementInput input = Input();
  SettleOptions o;
  o.models = {"vlaktaks-3"};
  o.every_year = true;
  EXPECT_NE(ErrorOf(input, o).find("history:3 vraagt de kosten van 2012 tot en met 2014"),
            std::string::npos)
      << ErrorOf(input, o);
  o.skip_unsettled = true;
  const std::vector<Model> models = Models(o);
  auto r = settle::Run(input, Pointers(models), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // history:3 needs the three years before: only 2018 has them.
  EXPECT_EQ(YearsOf(r->models.at(0)), std::vector<int>{2018});
  EXPECT_EQ(r->models.at(0).unsettled, (std::vector<int>{2015, 2016, 2017}));
}

TEST(SettleRun, RiskIsForTheModelsThatSettledItsYear) {
  const SettlementInput input = Input();
  SettleOptions o;
  o.models = {"solidair", "vlaktaks-3"};
  o.every_year = true;
  o.skip_unsettled = true;
  o.risk = true;
  o.risk_year = 2016;
  o.risk_options.runs = 20;
  const std::vector<Model> models = Models(o);
  auto r = settle::Run(input, Pointers(models), o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->risk.has_value());
  EXPECT_EQ(r->risk->year, 2016);
  EXPECT_EQ(r->risk->rows.size(), input.Year(2016)->municipalities.size());
  for (const RiskRow& row : r->risk->rows) EXPECT_EQ(row.model, "solidair");
}

TEST(SettleRun, RiskOfSeveralYearsNeedsItsYear) {
  SettleOptions o;
  o.every_year = true;
  o.risk = true;
  EXPECT_EQ(ErrorOf(Input(), o), "--risk werkt op één jaar; gebruik --year");
}

TEST(SettleRun, NoDataNamesTheYearsAsked) {
  const SettlementInput empty;
  SettleOptions o;
  EXPECT_EQ(ErrorOf(empty, o),
            "geen gegevens om te verrekenen; importeer eerst declaraties");
  o.first_year = o.last_year = 2030;
  EXPECT_EQ(ErrorOf(empty, o), "geen gegevens voor jaar 2030");
  o.last_year = 2031;
  EXPECT_EQ(ErrorOf(empty, o), "geen gegevens voor de jaren 2030-2031");
  // A year of the range without data, in an input with other years.
  o.first_year = 2018;
  o.last_year = 2019;
  EXPECT_EQ(ErrorOf(Input(), o), "geen gegevens voor jaar 2019 (gegevens vanaf 2015)");
}

TEST(ResolveModels, TheWhatIfIsNamedAndActsOnTheRules) {
  SettleOptions o;
  o.models = {"pool-100k"};
  o.key = "jeugdigen";
  o.phase_from = 2016;
  const std::vector<Model> models = Models(o);
  ASSERT_EQ(models.size(), 1u);
  const Model& m = models[0];
  EXPECT_EQ(m.name, "pool-100k, sleutel jeugdigen, ingroei naar profijt vanaf 2016");
  EXPECT_EQ(m.default_rule.rule->name(),
            "phase(2015: pool:100000:jeugdigen; 2016: 0.75*pool:100000:jeugdigen + "
            "0.25*own; 2017: 0.5*pool:100000:jeugdigen + 0.5*own; 2018: "
            "0.25*pool:100000:jeugdigen + 0.75*own; 2019: own)");
  EXPECT_EQ(m.fixed_rule.rule->name(), "key:jeugdigen");
}

TEST(ResolveModels, PhaseInEndsInOwnUse) {
  const SettlementInput input = Input();
  SettleOptions phased;
  phased.models = {"solidair"};
  phased.phase_from = 2015;  // own use from 2018
  SettleOptions own;
  own.models = {"profijt"};
  const std::vector<Model> a = Models(phased), b = Models(own);
  auto pa = settle::Run(input, Pointers(a), phased);
  auto pb = settle::Run(input, Pointers(b), own);
  ASSERT_TRUE(pa.ok() && pb.ok());
  const YearSettlement& x = pa->models.at(0).years.at(0);
  const YearSettlement& y = pb->models.at(0).years.at(0);
  ASSERT_EQ(x.year, 2018);
  ASSERT_EQ(x.municipalities.size(), y.municipalities.size());
  for (size_t i = 0; i < x.municipalities.size(); ++i) {
    EXPECT_EQ(x.municipalities[i].contribution, y.municipalities[i].contribution);
  }
}

TEST(ResolveModels, RefusesAPhaseInOfACompositeRuleAndUnknownModels) {
  SettleOptions o;
  o.models = {"ingroei-profijt"};
  o.phase_from = 2016;
  auto phased = ResolveModels(o);
  ASSERT_FALSE(phased.ok());
  EXPECT_NE(phased.status().message().find(
                "model 'ingroei-profijt' heeft al een samengestelde regel (phase("),
            std::string::npos)
      << phased.status().message();
  o.models = {"gratis"};
  auto unknown = ResolveModels(o);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("onbekend model 'gratis'"),
            std::string::npos);
}

TEST(ResolveModels, DefaultIsTheFirstModelFileElseSolidair) {
  EXPECT_EQ(Models({}).at(0).name, "solidair");
  SettleOptions o;
  o.model_files = {"tests/data/settle/models/jeugd-solidair.toml"};
  EXPECT_EQ(Models(o).at(0).name, "jeugd-solidair");
  o.models = {"profijt", "jeugd-solidair"};
  const std::vector<Model> both = Models(o);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].name, "profijt");
  EXPECT_EQ(both[1].fixed_rule.rule->name(), "key:rijksbijdrage");
}

TEST(CheckKey, ListsTheKnownKeys) {
  const SettlementInput input = Input();
  EXPECT_TRUE(CheckKey(input, "jeugdigen").ok());
  EXPECT_EQ(
      CheckKey(input, "onzin").message(),
      "onbekende verdeelsleutel 'onzin'; kies uit inwoners, jeugdigen, rijksbijdrage");
}

}  // namespace
}  // namespace jr::settle
