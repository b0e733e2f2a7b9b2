#include "server/api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "ingest/importer.h"
#include "server/api_util.h"
#include "server/token_store.h"

namespace jr::server {
namespace {

namespace fs = std::filesystem;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jr_api_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = Store::Open((dir_ / "t.db").string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    std::array<unsigned char, 32> key{};
    Pseudonymizer pseudo(key);
    ImportOptions options;
    options.pseudonymizer = &pseudo;
    ASSERT_TRUE(ImportFolder(*store_, "tests/data/ingest/valid", options).ok());
    region_token_ = Add("region");
    dordrecht_token_ = Add("municipality:GM0505");
    LoadApi(false);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Add(const std::string& role) {
    auto r = ParseRole(role);
    EXPECT_TRUE(r.ok());
    auto t = AddToken(*store_, *r, "test");
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : "";
  }
  void LoadApi(bool open, const std::string& db_path = "") {
    ApiOptions options;
    options.open = open;
    options.db_path = db_path;
    options.threads = 2;
    auto api = Api::Load(*store_, options);
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = std::move(api).value();
  }
  ApiResponse Get(const std::string& path, const std::string& token,
                  std::map<std::string, std::string> query = {}) {
    ApiRequest r;
    r.path = path;
    r.query = std::move(query);
    if (!token.empty()) r.authorization = "Bearer " + token;
    return api_->Handle(r);
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Api> api_;
  std::string region_token_, dordrecht_token_;
};

// Issue 12: the findings of `check`, a municipality token only its own.
TEST_F(ApiTest, FindingsPerRole) {
  auto day = [](int m) {
    return std::chrono::year(2019) / std::chrono::month(m) / std::chrono::day(1);
  };
  ASSERT_TRUE(store_
                  ->ReplaceFindings(0, 9999,
                                    {{"T1", day(2), "D1", "bedrag", "9346",
                                      FindingStatus::kRejected, "amount", "klopt niet"},
                                     {"T3", day(3), "D3", "afbakening", "JR02",
                                      FindingStatus::kSignal, "product_code", "grijs"}})
                  .ok());
  LoadApi(false);
  ApiResponse all = Get("/api/findings", region_token_);
  ASSERT_EQ(all.status, 200);
  ASSERT_EQ(all.body["findings"].size(), 2u);
  EXPECT_EQ(all.body["findings"][0]["municipality"], "GM0505");
  EXPECT_EQ(all.body["findings"][0]["code"], "9346");
  EXPECT_EQ(all.body["findings"][0]["status"], "afgewezen");
  EXPECT_EQ(all.body["findings"][0]["start"], "2019-02-01");
  EXPECT_EQ(all.body["findings"][1]["municipality"], "GM1963");
  ApiResponse own = Get("/api/findings", dordrecht_token_);
  ASSERT_EQ(own.status, 200);
  ASSERT_EQ(own.body["findings"].size(), 1u);
  EXPECT_EQ(own.body["findings"][0]["assignment"], "T1");
  EXPECT_EQ(own.body["total"], 1);
  EXPECT_EQ(Get("/api/findings", region_token_, {{"code", "JR02"}}).body["total"], 1);
  EXPECT_EQ(Get("/api/findings", region_token_, {{"year", "2020"}}).body["total"], 0);
}

TEST_F(ApiTest, WithoutValidTokenIs401) {
  EXPECT_EQ(Get("/api/health", "").status, 401);
  EXPECT_EQ(Get("/api/health", "jr_nonsense").status, 401);
  ApiRequest basic;
  basic.path = "/api/health";
  basic.authorization = "Basic abc";
  EXPECT_EQ(api_->Handle(basic).status, 401);
  EXPECT_NE(Get("/api/health", "").body["error"].get<std::string>().find("token"),
            std::string::npos);
}

TEST_F(ApiTest, OpenModeNeedsNoToken) {
  LoadApi(true);
  EXPECT_EQ(Get("/api/health", "").status, 200);
}

TEST_F(ApiTest, TokensAreStoredHashedOnly) {
  auto tokens = LoadTokenRoles(*store_);
  ASSERT_TRUE(tokens.ok());
  EXPECT_EQ(tokens->size(), 2u);
  for (const auto& [hash, role] : *tokens) {
    EXPECT_NE(hash, region_token_);
    EXPECT_NE(hash, dordrecht_token_);
  }
  EXPECT_TRUE(tokens->count(HashToken(dordrecht_token_)));
  EXPECT_EQ(tokens->at(HashToken(dordrecht_token_)).municipality, "GM0505");
}

TEST_F(ApiTest, HealthNamesTheYears) {
  ApiResponse r = Get("/api/health", region_token_);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["status"], "ok");
  EXPECT_EQ(r.body["last_year"], 2019);
  // Per model the years it can settle: solidair every year with data.
  EXPECT_EQ(r.body["settle_years"]["solidair"], nlohmann::json::array({2019}));
  EXPECT_TRUE(r.body["settle_years"].contains("vlaktaks-3"));
}

TEST_F(ApiTest, SettlementRowsAddUpToTheRegionTotal) {
  ApiResponse solidair = Get("/api/settlement", region_token_, {{"year", "2019"}});
  ApiResponse profijt =
      Get("/api/settlement", dordrecht_token_, {{"year", "2019"}, {"model", "profijt"}});
  ASSERT_EQ(solidair.status, 200) << solidair.body.dump();
  ASSERT_EQ(profijt.status, 200) << profijt.body.dump();
  auto total = [](const nlohmann::json& rows) {
    int64_t sum = 0;
    for (const auto& row : rows) sum += row["contribution_cents"].get<int64_t>();
    return sum;
  };
  ASSERT_FALSE(solidair.body.empty());
  EXPECT_EQ(solidair.body[0]["model"], "solidair");
  EXPECT_EQ(profijt.body[0]["model"], "profijt");
  EXPECT_EQ(total(solidair.body), total(profijt.body));
  for (const auto& row : profijt.body) {
    EXPECT_EQ(
        row["transfer_cents"].get<int64_t>(),
        row["contribution_cents"].get<int64_t>() - row["own_use_cents"].get<int64_t>());
  }
  // The models differ in who pays, not in what is paid.
  EXPECT_NE(solidair.body[0]["contribution_cents"],
            profijt.body[0]["contribution_cents"]);
}

TEST_F(ApiTest, BadParametersAre400WithDutchMessage) {
  ApiResponse year = Get("/api/settlement", region_token_, {{"year", "abc"}});
  EXPECT_EQ(year.status, 400);
  EXPECT_EQ(year.body["error"], "parameter 'year': 'abc' is geen geheel getal");
  ApiResponse absent = Get("/api/settlement", region_token_, {{"year", "1990"}});
  EXPECT_EQ(absent.status, 400);
  EXPECT_NE(absent.body["error"].get<std::string>().find("geen gegevens voor jaar 1990"),
            std::string::npos);
  ApiResponse model = Get("/api/settlement", region_token_, {{"model", "gratis"}});
  EXPECT_EQ(model.status, 400);
  EXPECT_NE(model.body["error"].get<std::string>().find("onbekend model 'gratis'"),
            std::string::npos);
  ApiRequest post;
  post.method = "POST";
  post.path = "/api/health";
  post.authorization = "Bearer " + region_token_;
  EXPECT_EQ(api_->Handle(post).status, 405);
  EXPECT_EQ(Get("/api/nope", region_token_).status, 404);
}

// Issue 18, item 1: invalid UTF-8 in the path or a parameter is a 400 with a Dutch
// message that does not echo the bytes, and the response dumps without throwing.
TEST_F(ApiTest, InvalidUtf8InPathOrParameterIs400WithoutEcho) {
  const std::string bad = "\xff\xfe";
  for (const std::string& path :
       {"/api/" + bad, "/api/municipalities/" + bad, "/api/report/" + bad,
        "/api/municipalities/GM0505" + bad}) {
    ApiResponse r = Get(path, region_token_);
    EXPECT_EQ(r.status, 400) << path;
    EXPECT_EQ(r.body["error"], "het pad is geen geldige UTF-8");
    EXPECT_NO_THROW(DumpJson(r.body));
  }
  // Before the token check too: an open server answers the same.
  EXPECT_EQ(Get("/api/" + bad, "").status, 400);
  for (std::string name : {"year", "model", "key", "phase_from"}) {
    ApiResponse r = Get("/api/settlement", region_token_, {{name, "2019" + bad}});
    EXPECT_EQ(r.status, 400) << name;
    EXPECT_EQ(r.body["error"],
              "parameter '" + name + "': de waarde is geen geldige UTF-8");
    EXPECT_EQ(DumpJson(r.body).find(bad), std::string::npos);
  }
  ApiResponse forecast =
      Get("/api/forecast", region_token_, {{"levers", "\xed\xa0\x80"}});
  EXPECT_EQ(forecast.status, 400);
  ApiResponse name = Get("/api/settlement", region_token_, {{"x" + bad, "1"}});
  EXPECT_EQ(name.status, 400);
  EXPECT_EQ(name.body["error"], "een parameternaam is geen geldige UTF-8");
  // Valid UTF-8 is still echoed (a Dutch message naming what was asked).
  ApiResponse ok = Get("/api/municipalities/GM\xc3\xa9", region_token_);
  EXPECT_EQ(ok.status, 404);
  EXPECT_EQ(ok.body["error"], "onbekende gemeente 'GM\xc3\xa9'");
}

TEST(Utf8Test, AcceptsWellFormedAndRefusesEveryIllFormedKind) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("gemeente Dordrecht"));
  EXPECT_TRUE(IsValidUtf8("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf"));
  for (const char* bad : {"\xff", "\xfe", "\x80", "\xc0\xaf", "\xc1\xbf",
                          "\xe0\x80\xaf",      // overlong 3 bytes
                          "\xf0\x80\x80\xaf",  // overlong 4 bytes
                          "\xed\xa0\x80",      // surrogate
                          "\xf4\x90\x80\x80",  // above U+10FFFF
                          "\xf5\x80\x80\x80", "\xf7\xbf\xbf\xbf", "\xc3", "\xe2\x82",
                          "a\xc3(", "\xe2\x28\xa1"}) {
    EXPECT_FALSE(IsValidUtf8(bad)) << ::testing::PrintToString(std::string(bad));
  }
}

TEST(DumpJsonTest, NeverThrowsOnInvalidUtf8) {
  nlohmann::json j = {{"error", std::string("pad '\xff'")}};
  EXPECT_THROW((void)j.dump(), nlohmann::json::exception);  // what ended the server
  std::string text;
  EXPECT_NO_THROW(text = DumpJson(j));
  EXPECT_EQ(text.find('\xff'), std::string::npos);
}

TEST_F(ApiTest, MunicipalityRoleSeesOnlyItsOwnDetail) {
  ApiResponse own = Get("/api/municipalities/GM0505", dordrecht_token_);
  ASSERT_EQ(own.status, 200) << own.body.dump();
  EXPECT_EQ(own.body["name"], "Dordrecht");
  ASSERT_FALSE(own.body["use"].empty());
  EXPECT_EQ(own.body["use"][0]["year"], 2019);
  ASSERT_FALSE(own.body["settlement"].empty());
  EXPECT_EQ(own.body["settlement"][0]["municipality"], "GM0505");
  EXPECT_EQ(Get("/api/municipalities/GM1963", dordrecht_token_).status, 403);
  EXPECT_EQ(Get("/api/municipalities/GM1963", region_token_).status, 200);
  EXPECT_EQ(Get("/api/municipalities/GM9999", region_token_).status, 404);
  // The list of municipalities: a municipality token gets its own only.
  ApiResponse list = Get("/api/municipalities", dordrecht_token_);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body.size(), 1u) << list.body.dump();
  EXPECT_EQ(list.body[0]["municipality"], "GM0505");
  EXPECT_GT(Get("/api/municipalities", region_token_).body.size(), 1u);
  // Region totals are for every role.
  ApiResponse region = Get("/api/region", dordrecht_token_);
  ASSERT_EQ(region.status, 200);
  EXPECT_EQ(region.body["years"][0]["year"], 2019);
  for (const auto& row : region.body["years"]) EXPECT_EQ(row["municipality"], "REGIO");
}

TEST_F(ApiTest, WhatIfPhaseInEndsInOwnUseAndKeyIsChecked) {
  // Phase-in from 2016: by 2019 (the fourth year) the solidair model is own use,
  // which is what profijt does.
  ApiResponse phased =
      Get("/api/settlement", region_token_,
          {{"year", "2019"}, {"model", "solidair"}, {"phase_from", "2016"}});
  ApiResponse profijt =
      Get("/api/settlement", region_token_, {{"year", "2019"}, {"model", "profijt"}});
  ASSERT_EQ(phased.status, 200) << phased.body.dump();
  EXPECT_EQ(phased.body[0]["model"], "solidair, ingroei naar profijt vanaf 2016");
  for (size_t i = 0; i < profijt.body.size(); ++i) {
    EXPECT_EQ(phased.body[i]["contribution_cents"],
              profijt.body[i]["contribution_cents"]);
  }
  ApiResponse first =
      Get("/api/settlement", region_token_,
          {{"year", "2019"}, {"model", "solidair"}, {"phase_from", "2020"}});
  ApiResponse solidair = Get("/api/settlement", region_token_, {{"year", "2019"}});
  EXPECT_EQ(first.body[0]["contribution_cents"], solidair.body[0]["contribution_cents"]);

  ApiResponse key = Get("/api/settlement", region_token_, {{"key", "onzin"}});
  EXPECT_EQ(key.status, 400);
  EXPECT_NE(key.body["error"].get<std::string>().find("onbekende verdeelsleutel 'onzin'"),
            std::string::npos);
  // A key some municipality lacks is the rule's own Dutch error, not a crash.
  ApiResponse lacking = Get("/api/settlement", region_token_, {{"key", "rijksbijdrage"}});
  EXPECT_EQ(lacking.status, 400);
  ApiResponse phase = Get("/api/settlement", region_token_, {{"phase_from", "1900"}});
  EXPECT_EQ(phase.status, 400);
}

TEST_F(ApiTest, WhatIfKeySwapsThePoolRuleAndTheFixedCosts) {
  // Young people: Dordrecht 1.000 of 4.000 (25%), against 58% of the inhabitants.
  const std::string keys = (dir_ / "kengetallen.csv").string();
  std::ofstream(keys) << "gemeentecode,jaar,sleutel,waarde\nGM0505,2019,jeugdigen,1000\n"
                         "GM1963,2019,jeugdigen,3000\n";
  ASSERT_TRUE(ImportFile(*store_, ImportKind::kKeys, keys, {}).ok());
  LoadApi(false);
  ApiResponse pool = Get("/api/settlement", region_token_, {{"model", "pool-100k"}});
  ApiResponse swapped = Get("/api/settlement", region_token_,
                            {{"model", "pool-100k"}, {"key", "jeugdigen"}});
  ASSERT_EQ(pool.status, 200) << pool.body.dump();
  ASSERT_EQ(swapped.status, 200) << swapped.body.dump();
  ASSERT_EQ(swapped.body.size(), 2u);
  EXPECT_EQ(swapped.body[0]["model"], "pool-100k, sleutel jeugdigen");
  // No client costs more than 100.000 euro in 2019, so care is own use under both, and
  // the fixed costs of 2.500.000 euro are split 25/75 by young people (625.000 and
  // 1.875.000) instead of 118.709/86.565 by inhabitants. Own use keeps the share by
  // inhabitants (DESIGN 2.4): 2.500.000 x 118.709 / 205.274 = 1.445.738,38 and
  // 1.054.261,62 (the leftover cent to the larger remainder), so the transfers are
  // 625.000 - 1.445.738,38 = -820.738,38 and 1.875.000 - 1.054.261,62 = 820.738,38.
  const int64_t by_young[] = {-82073838, 82073838};
  for (size_t i = 0; i < 2; ++i) {
    const nlohmann::json& row = swapped.body[i];
    EXPECT_EQ(row["municipality"], i == 0 ? "GM0505" : "GM1963");
    EXPECT_EQ(row["transfer_cents"].get<int64_t>(), by_young[i]);
    EXPECT_EQ(row["own_use_cents"], pool.body[i]["own_use_cents"]);
  }
  EXPECT_LT(swapped.body[0]["contribution_cents"].get<int64_t>(),
            pool.body[0]["contribution_cents"].get<int64_t>());
  EXPECT_GT(swapped.body[1]["contribution_cents"].get<int64_t>(),
            pool.body[1]["contribution_cents"].get<int64_t>());
}

TEST_F(ApiTest, AForecastDoesNotHoldUpASettlement) {
  LoadApi(false, (dir_ / "t.db").string());
  const std::map<std::string, std::string> forecast_query = {{"months", "12"},
                                                             {"runs", "20"}};
  ApiResponse settlement_alone =
      Get("/api/settlement", region_token_, {{"model", "profijt"}});
  ASSERT_EQ(settlement_alone.status, 200) << settlement_alone.body.dump();
  // A forecast, the same forecast again and a settlement what-if at the same time,
  // each on its own thread: all are answered, the forecast computed once.
  ApiResponse forecast, again, settlement;
  std::thread a([&] { forecast = Get("/api/forecast", region_token_, forecast_query); });
  std::thread b([&] { again = Get("/api/forecast", dordrecht_token_, forecast_query); });
  std::thread c([&] {
    settlement = Get("/api/settlement", region_token_, {{"model", "profijt"}});
  });
  a.join();
  b.join();
  c.join();
  ASSERT_EQ(forecast.status, 200) << forecast.body.dump();
  ASSERT_EQ(again.status, 200) << again.body.dump();
  EXPECT_EQ(forecast.body["from"], "2020-01");
  EXPECT_FALSE(forecast.body["yearly"].empty());
  // The municipality token sees the region rows and its own, of the same forecast.
  for (const nlohmann::json& row : again.body["yearly"]) {
    EXPECT_NE(row["municipality"], "GM1963");
  }
  EXPECT_LT(again.body["yearly"].size(), forecast.body["yearly"].size());
  EXPECT_EQ(settlement.status, 200);
  EXPECT_EQ(settlement.body, settlement_alone.body);
}

TEST_F(ApiTest, ForecastParametersAreChecked) {
  EXPECT_EQ(Get("/api/levers", region_token_).body, nlohmann::json::array());
  ApiResponse lever = Get("/api/forecast", region_token_, {{"levers", "0"}});
  EXPECT_EQ(lever.status, 400);
  EXPECT_NE(
      lever.body["error"].get<std::string>().find("'0' is geen hefboom (geen hefbomen"),
      std::string::npos);
  ApiResponse months = Get("/api/forecast", region_token_, {{"months", "500"}});
  EXPECT_EQ(months.status, 400);
  EXPECT_EQ(months.body["error"], "parameter 'months': 500 ligt niet tussen 1 en 60");
  // Without a database path the parts computed on demand are unavailable, not a crash.
  EXPECT_EQ(Get("/api/forecast", region_token_).status, 503);
  EXPECT_EQ(Get("/api/report", region_token_).status, 503);
}

TEST_F(ApiTest, MunicipalityRoleSeesItsOwnAndTheTotalRowsOfReportAndForecast) {
  ApiOptions options;
  options.db_path = (dir_ / "t.db").string();
  options.report.models = {"solidair"};
  options.report.runs = 4;
  options.report.months = 12;
  options.report.measure_runs = 10;
  auto api = Api::Load(*store_, options);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  api_ = std::move(api).value();
  // The municipality texts of the rows of `rows` (a JSON array of table rows).
  auto codes = [](const nlohmann::json& rows) {
    std::set<std::string> out;
    for (const auto& row : rows) {
      if (row.contains("municipality"))
        out.insert(row["municipality"].get<std::string>());
    }
    return out;
  };
  // Every table of every region part: Dordrecht sees what the region sees, less the
  // rows of the other municipalities (a column without its role would leak them).
  ApiResponse parts = Get("/api/report", region_token_);
  ASSERT_EQ(parts.status, 200) << parts.body.dump();
  for (const auto& part : parts.body) {
    const std::string path = "/api/report/" + part["key"].get<std::string>();
    ApiResponse own = Get(path, dordrecht_token_);
    ApiResponse all = Get(path, region_token_);
    ASSERT_EQ(own.status, 200) << own.body.dump();
    ASSERT_EQ(own.body["tables"].size(), all.body["tables"].size());
    for (size_t i = 0; i < own.body["tables"].size(); ++i) {
      std::set<std::string> expected = codes(all.body["tables"][i]["rows"]);
      expected.erase("GM1963");
      expected.erase("GM0585");
      EXPECT_EQ(codes(own.body["tables"][i]["rows"]), expected) << path << " " << i;
    }
  }
  ApiResponse overview = Get("/api/report/regio", dordrecht_token_);
  ASSERT_EQ(overview.body["tables"].size(), 1u);
  EXPECT_EQ(codes(overview.body["tables"][0]["rows"]),
            (std::set<std::string>{"GM0505", "REGIO"}));
  EXPECT_EQ(codes(Get("/api/report/regio", region_token_).body["tables"][0]["rows"]),
            (std::set<std::string>{"GM0505", "GM1963", "REGIO"}));
  ApiResponse forecast =
      Get("/api/forecast", dordrecht_token_, {{"runs", "2"}, {"months", "12"}});
  ASSERT_EQ(forecast.status, 200) << forecast.body.dump();
  EXPECT_EQ(codes(forecast.body["yearly"]), (std::set<std::string>{"GM0505", "REGIO"}));
  // The ceilings and team budgets that run out are part of the answer; a team's rows
  // are its municipality's.
  EXPECT_TRUE(forecast.body["ceilings"].is_array());
  ASSERT_TRUE(forecast.body["teams"].is_array());
  for (const std::string& code : codes(forecast.body["teams"])) EXPECT_EQ(code, "GM0505");
  ApiResponse region =
      Get("/api/forecast", region_token_, {{"runs", "2"}, {"months", "12"}});
  EXPECT_EQ(codes(region.body["yearly"]),
            (std::set<std::string>{"GM0505", "GM1963", "REGIO"}));
}

// Detail rows of two municipalities and a total row whose text names no region.
Table ByMunicipality() {
  Table t;
  t.columns = {{"code", "Gemeente", ColumnType::kText, ColumnRole::kMunicipality},
               {"v", "Waarde", ColumnType::kInt}};
  t.AddRow({std::string("GM0505"), int64_t{1}});
  t.AddRow({std::string("GM1963"), int64_t{2}});
  t.AddRow({std::string("Alle gemeenten"), int64_t{3}}, RowKind::kTotal);
  t.AddRow({std::string("regio"), int64_t{4}});  // a detail row: its text makes no total
  return t;
}

TEST(VisibleRowsTest, MunicipalityRoleSeesItsOwnAndTheTotalRowsByKind) {
  const Table seen = VisibleRows(ByMunicipality(), Role{"GM0505"});
  ASSERT_EQ(seen.rows.size(), 2u);
  EXPECT_EQ(seen.rows[0][1], Cell(int64_t{1}));
  EXPECT_EQ(seen.rows[1][1], Cell(int64_t{3}));
  EXPECT_EQ(seen.rows[1].kind, RowKind::kTotal);
  EXPECT_EQ(seen.columns.size(), 2u);
  EXPECT_EQ(VisibleRows(ByMunicipality(), Role{}).rows.size(), 4u);
}

TEST(VisibleRowsTest, TableWithoutMunicipalityColumnIsSeenWhole) {
  Table t;
  t.columns = {{"year", "Jaar", ColumnType::kYear}, {"v", "Waarde", ColumnType::kInt}};
  t.AddRow({int64_t{2021}, int64_t{1}});
  t.AddRow({int64_t{2022}, int64_t{2}});
  EXPECT_EQ(VisibleRows(t, Role{"GM0505"}).rows.size(), 2u);
}

TEST(RoleTest, ParsesRegionAndMunicipality) {
  EXPECT_TRUE(ParseRole("region")->region());
  EXPECT_EQ(ParseRole("municipality:GM0505")->municipality, "GM0505");
  EXPECT_FALSE(ParseRole("municipality:Dordrecht").ok());
  EXPECT_FALSE(ParseRole("admin").ok());
}

// Issue 18, item 15: tokens added, revoked or expired count without a restart.
TEST_F(ApiTest, TokensAreReloadedWhileServing) {
  LoadApi(false, (dir_ / "t.db").string());
  EXPECT_EQ(Get("/api/health", region_token_).status, 200);
  const std::string later = Add("region");
  auto tokens = ListTokens(*store_);
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 3u);
  EXPECT_EQ((*tokens)[0].id.size(), 12u);
  EXPECT_EQ((*tokens)[0].expires, "");
  auto revoked = RevokeTokens(*store_, (*tokens)[0].id, "");  // region_token_
  ASSERT_TRUE(revoked.ok()) << revoked.status().ToString();
  EXPECT_EQ(*revoked, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(Get("/api/health", later).status, 200);
  EXPECT_EQ(Get("/api/health", region_token_).status, 401);
  EXPECT_EQ(Get("/api/health", dordrecht_token_).status, 200);
}

TEST_F(ApiTest, RevokeNeedsAMatchAndOneSelector) {
  EXPECT_FALSE(RevokeTokens(*store_, "", "").ok());
  EXPECT_FALSE(RevokeTokens(*store_, "abc", "").ok());  // too short to be safe
  EXPECT_FALSE(RevokeTokens(*store_, "0000000000", "").ok());
  EXPECT_FALSE(RevokeTokens(*store_, "", "niemand").ok());
  auto two = RevokeTokens(*store_, "", "test");  // both tokens of SetUp
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(*two, 2);
}

TEST_F(ApiTest, ExpiredTokensAreNotLoaded) {
  auto role = ParseRole("region");
  ASSERT_TRUE(role.ok());
  auto week = AddToken(*store_, *role, "een week", 7);
  ASSERT_TRUE(week.ok());
  EXPECT_FALSE(AddToken(*store_, *role, "te lang", 4000).ok());
  const auto now = std::chrono::system_clock::now();
  auto today = LoadTokenRoles(*store_, now);
  ASSERT_TRUE(today.ok());
  EXPECT_EQ(today->count(HashToken(*week)), 1u);
  auto in_eight_days = LoadTokenRoles(*store_, now + std::chrono::days(8));
  ASSERT_TRUE(in_eight_days.ok());
  EXPECT_EQ(in_eight_days->count(HashToken(*week)), 0u);
  EXPECT_EQ(in_eight_days->size(), 2u);  // the two without an end
  EXPECT_EQ(FormatUtc(std::chrono::system_clock::from_time_t(86400 * 365)),
            "1971-01-01 00:00:00");
}

}  // namespace
}  // namespace jr::server

namespace jr::server {
namespace {

// GET /api/governance (issue 16): the demo's bestuur.toml on the test region (Dordrecht
// and Hoeksche Waard in 2019); a municipality token sees its own rows and the region's.
TEST_F(ApiTest, GovernanceVariantsScoreAndVotingByRole) {
  EXPECT_EQ(Get("/api/governance", region_token_).status, 503);  // no file given
  ApiOptions options;
  options.report.governance_file = "data/demo/bestuur.toml";
  auto api = Api::Load(*store_, options);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  api_ = std::move(api).value();
  ApiResponse all = Get("/api/governance", region_token_, {{"variant", "alles-lokaal"}});
  ASSERT_EQ(all.status, 200) << all.body.dump();
  EXPECT_EQ(all.body["summary"]["variant"], "alles-lokaal");
  EXPECT_EQ(all.body["summary"]["year"], 2019);
  // Hoeksche Waard (86,565) is under 100,000 inhabitants, Dordrecht (118,709) not.
  EXPECT_EQ(all.body["summary"]["below_scale_threshold"],
            nlohmann::json::array({"GM1963"}));
  EXPECT_EQ(all.body["rows"].size(), 3u);  // two municipalities and the region
  EXPECT_EQ(all.body["variants"].size(), 3u);
  int64_t ppm = 0;
  for (const auto& row : all.body["voting"]) {
    if (row["method"] == "omvang") ppm += row["weight_ppm"].get<int64_t>();
  }
  EXPECT_EQ(ppm, 1'000'000);
  ApiResponse own =
      Get("/api/governance", dordrecht_token_, {{"variant", "alles-lokaal"}});
  ASSERT_EQ(own.status, 200);
  for (const char* table : {"rows", "variant_rows", "voting", "sharing"}) {
    for (const auto& row : own.body[table]) {
      EXPECT_NE(row["municipality"], "GM1963") << table;
    }
  }
  EXPECT_EQ(own.body["summary"], all.body["summary"]);
  EXPECT_EQ(Get("/api/governance", region_token_, {{"variant", "/etc/passwd"}}).status,
            400);
  EXPECT_EQ(Get("/api/governance", region_token_, {{"weights", "onzin=1"}}).status, 400);
  ApiResponse weighted =
      Get("/api/governance", region_token_, {{"weights", "eigenaarschap=5"}});
  ASSERT_EQ(weighted.status, 200);
  EXPECT_EQ(weighted.body["criteria"][4]["weight"], 5.0);
}

}  // namespace
}  // namespace jr::server
