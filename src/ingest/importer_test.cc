#include "ingest/importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "ingest/import_sink.h"
#include "rules/check.h"

namespace jr {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kValid = "tests/data/ingest/valid";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every row of every table as text: equal dumps mean an unchanged store.
std::string Dump(const Store& store) {
  auto dump = store.Dump();
  EXPECT_TRUE(dump.ok()) << dump.status().ToString();
  return dump.ok() ? *dump : "";
}

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jr_import_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = Store::Open((dir_ / "t.db").string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    std::array<unsigned char, 32> key{};
    key[3] = 7;
    pseudo_ = std::make_unique<Pseudonymizer>(key);
    options_.pseudonymizer = pseudo_.get();
  }
  void TearDown() override { fs::remove_all(dir_); }

  ImportOutcome ImportValid() { return ImportFolder(*store_, kValid.string(), options_); }

  // Imports a copy of a valid file with `from` replaced by `to` (regex) and expects it to
  // fail with `message` and leave the store as it was.
  void ExpectRefused(ImportKind kind, const std::string& from, const std::string& to,
                     const std::string& message) {
    std::string name = std::string(ImportKindName(kind)) + ".csv";
    std::string text = std::regex_replace(ReadFile(kValid / name), std::regex(from), to,
                                          std::regex_constants::format_first_only);
    ASSERT_NE(text, ReadFile(kValid / name)) << "pattern not found: " << from;
    ExpectTextRefused(kind, text, message);
  }
  // Imports `text` as the file of `kind` and expects it to be refused as above.
  void ExpectTextRefused(ImportKind kind, const std::string& text,
                         const std::string& message) {
    std::string name = std::string(ImportKindName(kind)) + ".csv";
    fs::path bad = dir_ / name;
    std::ofstream(bad, std::ios::binary) << text;
    std::string before = Dump(*store_);
    ImportOutcome out = ImportFile(*store_, kind, bad.string(), options_);
    ASSERT_FALSE(out.ok()) << "accepted: " << text.substr(0, 200);
    std::string all = out.errors.ToString();
    EXPECT_THAT(all, HasSubstr(message));
    EXPECT_THAT(all, HasSubstr(bad.string() + ":"));  // file:line[:column]: message
    EXPECT_EQ(Dump(*store_), before) << "store changed after a refused import";
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Pseudonymizer> pseudo_;
  ImportOptions options_;
};

TEST_F(ImporterTest, AFolderWithAMisnamedCsvFileIsRefused) {
  // Issue 18.11: `toewijzingen (1).csv` was skipped silently. Issue 15.12:
  // `Declaraties.csv` is declaraties (case does not count).
  fs::path folder = dir_ / "map";
  fs::create_directories(folder);
  for (const auto& entry : fs::directory_iterator(kValid)) {
    fs::copy_file(entry.path(), folder / entry.path().filename());
  }
  fs::rename(folder / "declaraties.csv", folder / "Declaraties.csv");
  fs::copy_file(folder / "toewijzingen.csv", folder / "toewijzingen (1).csv");
  std::ofstream(folder / "leesmij.txt") << "geen CSV: wordt overgeslagen";
  std::string before = Dump(*store_);
  ImportOutcome out = ImportFolder(*store_, folder.string(), options_);
  ASSERT_FALSE(out.ok());
  std::string all = out.errors.ToString();
  EXPECT_THAT(all, HasSubstr((folder / "toewijzingen (1).csv").string() +
                             ": onbekende bestandsnaam; een map mag alleen deze "
                             "CSV-bestanden bevatten"));
  EXPECT_THAT(all, HasSubstr("declaraties.csv"));  // the known names are listed
  EXPECT_THAT(all, ::testing::Not(HasSubstr("Declaraties.csv")));
  EXPECT_THAT(all, ::testing::Not(HasSubstr("leesmij.txt")));
  EXPECT_EQ(out.errors.count(), 1u);
  EXPECT_EQ(Dump(*store_), before) << "store changed after a refused import";
}

TEST_F(ImporterTest, AFolderIsReadWithoutRegardToCaseAndNamesWhatItSkipped) {
  fs::path folder = dir_ / "map2";
  fs::create_directories(folder);
  for (const auto& entry : fs::directory_iterator(kValid)) {
    fs::copy_file(entry.path(), folder / entry.path().filename());
  }
  fs::rename(folder / "declaraties.csv", folder / "Declaraties.csv");
  std::ofstream(folder / "leesmij.txt") << "geen CSV: wordt overgeslagen";
  ImportOutcome out = ImportFolder(*store_, folder.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  EXPECT_EQ(out.files.size(), 12u);
  EXPECT_EQ(out.skipped, (std::vector<std::string>{"leesmij.txt"}));
}

// The sink keeps an assignment number of at most 9 digits as 8 bytes: the value with
// its length, so "07" and "7" stay two numbers; letters, a sign or a tenth digit stay
// text.
TEST(PackedAssignmentNumberTest, KeepsEveryNumberApart) {
  EXPECT_EQ(PackedAssignmentNumber("7"), (uint64_t{1} << 32) | 7);
  EXPECT_EQ(PackedAssignmentNumber("07"), (uint64_t{2} << 32) | 7);
  EXPECT_EQ(PackedAssignmentNumber("999999999"), (uint64_t{9} << 32) | 999999999);
  EXPECT_EQ(PackedAssignmentNumber("000000000"), uint64_t{9} << 32);
  for (const char* text : {"", "T1", "1234567890", "-7", "7 ", "１"})
    EXPECT_FALSE(PackedAssignmentNumber(text).has_value()) << text;
}

TEST_F(ImporterTest, ImportsAValidFolder) {
  ImportOutcome out = ImportValid();
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  EXPECT_EQ(out.files.size(), 12u);
  EXPECT_EQ(store_->Count("municipality"), 3);
  EXPECT_EQ(store_->Count("assignment"), 3);
  EXPECT_EQ(store_->Count("declaration"), 5);
  auto region = store_->LoadRegion();
  ASSERT_TRUE(region.ok());
  EXPECT_EQ(region->SuccessorIn("GM0585", 2020), "GM1963");
  EXPECT_DOUBLE_EQ(*region->Key("GM0505", 2019, "rijksbijdrage"), 12345678.90);
  EXPECT_DOUBLE_EQ(*region->Key("GM0505", 2019, "maatwerk"), 0.125);
  auto use = store_->UseByMunicipalityYearBucket();
  ASSERT_TRUE(use.ok());
  ASSERT_EQ(use->size(), 2u);
  EXPECT_EQ((*use)[0].municipality, "GM0505");
  EXPECT_EQ((*use)[0].cost.cents(), 157600 + 152675 + 98500);
  EXPECT_EQ((*use)[1].cost.cents(), 3827136 - 123456);  // the credit subtracts
  auto assignments = store_->LoadAssignments();
  ASSERT_TRUE(assignments.ok());
  EXPECT_EQ((*assignments)[0].end,
            FromDayNumber(DayNumber(ParseDate("2019-07-01").value())));
  EXPECT_FALSE((*assignments)[1].end.has_value());
  EXPECT_EQ((*assignments)[1].predecessor, "T1");
  EXPECT_EQ((*assignments)[2].route, Route::kCertifiedInstitution);
}

TEST_F(ImporterTest, NoBsnIsStored) {
  ASSERT_TRUE(ImportValid().ok());
  std::string dump = Dump(*store_);
  EXPECT_EQ(dump.find("111222333"), std::string::npos);
  EXPECT_EQ(dump.find("123456782"), std::string::npos);
  EXPECT_THAT(dump, HasSubstr(pseudo_->Pseudonym("111222333")));
}

TEST_F(ImporterTest, ReimportChangesNothing) {
  ASSERT_TRUE(ImportValid().ok());
  std::string before = Dump(*store_);
  ImportOutcome again = ImportValid();
  ASSERT_TRUE(again.ok()) << again.errors.ToString();
  for (const ImportReport& r : again.files) {
    EXPECT_EQ(r.added, 0) << r.file;
    EXPECT_EQ(r.unchanged, r.rows) << r.file;
  }
  EXPECT_EQ(Dump(*store_), before);
}

TEST_F(ImporterTest, ReplaceUpdatesOnlyWhenAsked) {
  ASSERT_TRUE(ImportValid().ok());
  ExpectRefused(
      ImportKind::kProviders, "Jeugdhulp Noord", "Jeugdhulp Zuid",
      "sleutel bestaat al met andere inhoud (veld 'naam': 'Jeugdhulp Noord' in de "
      "database, 'Jeugdhulp Zuid' in het bestand)");
  options_.replace = true;
  ImportOutcome out = ImportFile(*store_, ImportKind::kProviders,
                                 (dir_ / "aanbieders.csv").string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  EXPECT_EQ(out.files[0].replaced, 1);
  auto providers = store_->LoadProviders();
  EXPECT_EQ((*providers)[1].name, "Jeugdhulp Zuid");
}

// Issue 18, item 11: a corrected declaration (its begindatum changed) replaces the
// stored lines of its number and assignment; no second copy.
TEST_F(ImporterTest, ReplacedDeclarationWithAnotherBeginHasNoSecondCopy) {
  ASSERT_TRUE(ImportValid().ok());
  const int64_t lines = store_->Count("declaration");
  std::string text = ReadFile(kValid / "declaraties.csv");
  const std::string from = "D1;T1;12345678;45;45A10;2019-02-01;";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "D1;T1;12345678;45;45A10;2019-02-02;");
  const fs::path file = dir_ / "declaraties.csv";
  std::ofstream(file, std::ios::binary) << text;
  options_.replace = true;
  ImportOutcome out =
      ImportFile(*store_, ImportKind::kDeclarations, file.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  EXPECT_EQ(store_->Count("declaration"), lines);
  EXPECT_EQ(out.files[0].added, 1);     // the line of 2 February
  EXPECT_EQ(out.files[0].replaced, 1);  // the line of 1 February, removed
  auto stored = store_->LoadDeclarations();
  ASSERT_TRUE(stored.ok());
  int february = 0;
  for (const Declaration& d : *stored) {
    if (d.number == "D1" && d.assignment == "T1" &&
        d.start.month() == std::chrono::February) {
      ++february;
      EXPECT_EQ(FormatDate(d.start), "2019-02-02");
    }
  }
  EXPECT_EQ(february, 1);
}

TEST_F(ImporterTest, ReplacingTheProductOfADeclaredAssignmentIsRefused) {
  ASSERT_TRUE(ImportValid().ok());
  options_.replace = true;
  ExpectRefused(
      ImportKind::kAssignments, "T1;111222333;GM0505;12345678;45;45A10",
      "T1;111222333;GM0505;12345678;43;43A01",
      "toewijzing 'T1' heeft al declaraties: het product kan niet met --replace "
      "worden gewijzigd (in de database 45/45A10)");
  ExpectRefused(ImportKind::kAssignments, "T1;111222333;GM0505;12345678;",
                "T1;111222333;GM0505;87654321;",
                "de aanbieder kan niet met --replace worden gewijzigd");
}

TEST_F(ImporterTest, AcceptsCommaSeparatorAndQuotedFields) {
  ASSERT_TRUE(ImportValid().ok());
  auto providers = store_->LoadProviders();
  EXPECT_EQ((*providers)[0].name, "Zorg; en Meer BV");  // quoted separator
}

// Issue 18, item 10: one number grammar across kinds (FORMATS.md): `118.709`
// inhabitants are 118709 people, as `1.234` euro is 1234 euro.
TEST_F(ImporterTest, KeyValuesReadDotsAsAmountsDo) {
  ASSERT_TRUE(ImportValid().ok());
  const fs::path file = dir_ / "kengetallen.csv";
  std::ofstream(file) << "gemeentecode;jaar;sleutel;waarde\n"
                         "GM0505;2020;inwoners;118.709\n"
                         "GM0505;2020;jeugdigen;\"1.234\"\n"
                         "GM0505;2020;aandeel;0.125\n"
                         "GM0505;2020;factor;1.5\n"
                         "GM0505;2020;rijksbijdrage;1.234.567\n";
  ImportOutcome out = ImportFile(*store_, ImportKind::kKeys, file.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  auto region = store_->LoadRegion();
  ASSERT_TRUE(region.ok());
  EXPECT_EQ(region->Key("GM0505", 2020, "inwoners"), 118709.0);
  EXPECT_EQ(region->Key("GM0505", 2020, "jeugdigen"), 1234.0);
  EXPECT_EQ(region->Key("GM0505", 2020, "aandeel"), 0.125);
  EXPECT_EQ(region->Key("GM0505", 2020, "factor"), 1.5);
  EXPECT_EQ(region->Key("GM0505", 2020, "rijksbijdrage"), 1234567.0);
}

class BadInputTest : public ImporterTest {
 protected:
  void SetUp() override {
    ImporterTest::SetUp();
    ImportOutcome out = ImportValid();
    ASSERT_TRUE(out.ok()) << out.errors.ToString();
  }
};

TEST_F(BadInputTest, MissingColumn) {
  ExpectRefused(ImportKind::kAssignments, ";verwijzer;", ";",
                "verplichte kolom 'verwijzer' ontbreekt");
}
TEST_F(BadInputTest, UnknownColumn) {
  ExpectRefused(ImportKind::kProviders, "agb_code;naam", "agb_code;naam;opmerking",
                "onbekende kolom 'opmerking'");
}
TEST_F(BadInputTest, WrongSeparatorInARow) {
  ExpectRefused(ImportKind::kProviders, "87654321;Jeugdhulp Noord",
                "87654321,Jeugdhulp Noord", "verkeerd scheidingsteken");
}
TEST_F(BadInputTest, NotUtf8) {
  ExpectRefused(ImportKind::kProviders, "Jeugdhulp Noord", "Jeugdhulp \xE9\xE9n",
                "geen UTF-8");
}
TEST_F(BadInputTest, UnknownMunicipality) {
  ExpectRefused(ImportKind::kAssignments, "GM1963;87654321", "GM9999;87654321",
                "veld 'gemeentecode': onbekende gemeente 'GM9999'");
}
TEST_F(BadInputTest, UnknownProduct) {
  ExpectRefused(ImportKind::kAssignments, "43;43A01", "43;43Z99",
                "onbekend product 43/43Z99");
}
TEST_F(BadInputTest, UnknownProvider) {
  ExpectRefused(ImportKind::kContracts, "87654321;2019", "11111111;2019",
                "onbekende aanbieder '11111111'");
}
TEST_F(BadInputTest, UnknownAssignment) {
  ExpectRefused(ImportKind::kDeclarations, "D2;T2", "D2;T9", "onbekende toewijzing 'T9'");
}
TEST_F(BadInputTest, EndBeforeStart) {
  ExpectRefused(ImportKind::kAssignments, "2019-03-01;2019-12-31",
                "2019-03-01;2019-02-01",
                "einddatum 2019-02-01 ligt voor ingangsdatum 2019-03-01");
}
TEST_F(BadInputTest, NegativeVolume) {
  ExpectRefused(ImportKind::kDeclarations, ";10;04;;985,00", ";-10;04;;985,00",
                "veld 'geleverd_volume': volume '-10' is negatief");
}
TEST_F(BadInputTest, NegativeAmount) {
  ExpectRefused(ImportKind::kFixedCosts, "\"2.500.000\"", "-2500", "veld 'bedrag'");
}
// Issue 18.7: the amount checks could be bypassed.
TEST_F(BadInputTest, UnitOtherThanTheProductsIsRefused) {
  // Unit 83 (euro) skipped the volume x tariff check for an hourly product.
  ExpectRefused(ImportKind::kDeclarations, ";16;04;98,50;1576,00;D",
                ";16;83;98,50;99999,00;D",
                "declaraties.csv:2:9: veld 'eenheid': eenheid 83 wijkt af van die van "
                "product 45/45A10 (04)");
}
TEST_F(BadInputTest, BillionEuroLineIsRefused) {
  ExpectRefused(
      ImportKind::kDeclarations, ";16;04;98,50;1576,00;D", ";16;83;98,50;1000000000;D",
      "declaraties.csv:2:11: veld 'bedrag': bedrag 1.000.000.000,00 is te groot "
      "(hoogstens 999.999,99)");
}
// Issue 12: a broken care rule no longer refuses the file; `check` finds it.
TEST_F(ImporterTest, BrokenRuleIsImportedAndCheckRejectsTheLine) {
  ASSERT_TRUE(ImportValid().ok());
  std::string text =
      std::regex_replace(ReadFile(kValid / "declaraties.csv"), std::regex("1526,75"),
                         "1526,76", std::regex_constants::format_first_only);
  fs::path changed = dir_ / "declaraties.csv";
  std::ofstream(changed, std::ios::binary) << text;
  options_.replace = true;
  ImportOutcome out =
      ImportFile(*store_, ImportKind::kDeclarations, changed.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  auto checked = rules::RunCheck(*store_, {});
  ASSERT_TRUE(checked.ok()) << checked.status().ToString();
  std::vector<std::string> amount;
  for (const Finding& f : checked->findings) {
    if (f.code == "9346") amount.push_back(f.declaration + " " + f.message);
  }
  ASSERT_EQ(amount.size(), 1u);
  EXPECT_EQ(amount[0],
            "D1 bedrag 1.526,76 is niet gelijk aan volume x tarief (15,5 x 98,50 = "
            "1.526,75)");
}
TEST_F(BadInputTest, VolumeWhoseProductWrapsIsRefused) {
  // 2^62 hundredths x 0,04 is 2^64 cents: 0 after wrapping, and 0,00 was accepted.
  ExpectRefused(ImportKind::kDeclarations, ";16;04;98,50;1576,00;D",
                ";46116860184273879,04;04;0,04;0,00;D",
                "declaraties.csv:2:8: veld 'geleverd_volume': volume "
                "46116860184273879,04 is te groot (hoogstens 99999999)");
}
TEST_F(BadInputTest, AmountsWhoseSumOverflowsAreRefused) {
  // Two lines of 2^62 cents each: their sum wrapped and broke stats, settle and serve.
  ExpectRefused(
      ImportKind::kDeclarations, ";1;14;1234,56;1234,56;C",
      ";1;14;1234,56;46116860184273879,04;C",
      "declaraties.csv:6:11: veld 'bedrag': bedrag 46.116.860.184.273.879,04 is "
      "te groot (hoogstens 999.999,99)");
  ExpectRefused(ImportKind::kFixedCosts, "\"2.500.000\"", "46116860184273879,04",
                "veld 'bedrag': bedrag 46.116.860.184.273.879,04 is te groot (hoogstens "
                "99.999.999.999,00)");
}
TEST_F(BadInputTest, TariffAboveTheLineBoundIsRefused) {
  ExpectRefused(ImportKind::kTariffs, "2019;98,50;", "2019;1000000,00;",
                "tarieven.csv:2:4: veld 'tarief': bedrag 1.000.000,00 is te groot "
                "(hoogstens 999.999,99)");
  ExpectRefused(ImportKind::kDeclarations, ";16;04;98,50;1576,00;D",
                ";16;04;1000000,00;1576,00;D",
                "declaraties.csv:2:10: veld 'tarief': bedrag 1.000.000,00 is te groot");
}
TEST_F(BadInputTest, AssignedVolumeAboveTheBoundIsRefused) {
  ExpectRefused(ImportKind::kAssignments, ";4;04;2;2019-01-01",
                ";100000000;04;2;2019-01-01",
                "toewijzingen.csv:2:7: veld 'volume': volume 100000000 is te groot "
                "(hoogstens 99999999)");
}
TEST_F(BadInputTest, LinesAtTheBoundsAreAccepted) {
  std::string text = std::regex_replace(
      ReadFile(kValid / "declaraties.csv"), std::regex(";16;04;98,50;1576,00;D"),
      ";99999999;04;0,01;999999,99;D", std::regex_constants::format_first_only);
  fs::path path = dir_ / "declaraties.csv";
  std::ofstream(path, std::ios::binary) << text;
  options_.replace = true;
  ImportOutcome out =
      ImportFile(*store_, ImportKind::kDeclarations, path.string(), options_);
  EXPECT_TRUE(out.ok()) << out.errors.ToString();
}
// Issue 18, item 10: plausible ranges; inhabitants are whole people.
TEST_F(BadInputTest, InhabitantsAreWholeNumbers) {
  ExpectRefused(ImportKind::kKeys, "inwoners,118709", "inwoners,\"118709,5\"",
                "'118709,5' is een aantal inwoners: een geheel getal");
}
TEST_F(BadInputTest, DatesOutsideThePlausibleRangeAreRefused) {
  ExpectRefused(ImportKind::kDeclarations, "2019-01-01;2019-01-31",
                "2019-01-01;9999-01-31",
                "veld 'einddatum': '9999-01-31' ligt buiten 1990-2100");
  ExpectRefused(ImportKind::kAssignments, "2019-03-01;2019-12-31",
                "0001-03-01;2019-12-31", "'0001-03-01' ligt buiten 1990-2100");
}
TEST_F(BadInputTest, DuplicateKeyWithOtherContent) {
  ExpectRefused(ImportKind::kMunicipalities, "Dordrecht", "Dordt",
                "sleutel bestaat al met andere inhoud");
}
TEST_F(BadInputTest, InvalidBsnIsNotEchoed) {
  ExpectRefused(ImportKind::kClients, "111222333", "111222334", "ongeldig BSN");
  ImportOutcome out = ImportFile(*store_, ImportKind::kClients,
                                 (dir_ / "clienten.csv").string(), options_);
  EXPECT_EQ(out.errors.ToString().find("111222334"), std::string::npos);
}
TEST_F(BadInputTest, UnclosedQuote) {
  ExpectRefused(ImportKind::kProviders, "Jeugdhulp Noord", "\"Jeugdhulp Noord",
                "aanhalingsteken");
}
TEST_F(BadInputTest, BadDateAndUnknownRoute) {
  ExpectRefused(ImportKind::kAssignments, "2019-07-01;;gemeente", "2019-07-32;;gemeente",
                "'2019-07-32' is geen bestaande datum");
  ExpectRefused(ImportKind::kAssignments, ";gi;", ";rechter;",
                "'rechter' is geen verwijzer");
}
TEST_F(BadInputTest, BusyDatabaseRefusesTheImportAndChangesNothing) {
  StoreOptions quick;
  quick.create = false;
  quick.busy_timeout_ms = 50;
  auto other = Store::Open((dir_ / "t.db").string(), quick);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  std::string before = Dump(*store_);
  fs::path extra = dir_ / "aanbieders.csv";
  std::ofstream(extra) << "agb_code;naam\n11112222;Nieuw\n";
  {
    auto writer = Transaction::Begin(*store_);  // another process holds the database
    ASSERT_TRUE(writer.ok());
    ImportOutcome out =
        ImportFile(*other.value(), ImportKind::kProviders, extra.string(), options_);
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.errors.count(), 1u);
    EXPECT_THAT(out.errors.ToString(), HasSubstr("database is bezet"));
    EXPECT_TRUE(out.files.empty());  // nothing was read, so nothing was written
  }
  EXPECT_EQ(Dump(*store_), before);
  EXPECT_EQ(Dump(*other.value()), before);
}
// Issue 18, item 4: a BSN is never stored in clear nor printed.
TEST_F(BadInputTest, BsnInTheClientColumnIsRefused) {
  ExpectRefused(ImportKind::kClients, "^bsn;", "client;",
                "veld 'client': lijkt op een BSN");
  ImportOutcome out = ImportFile(*store_, ImportKind::kClients,
                                 (dir_ / "clienten.csv").string(), options_);
  EXPECT_THAT(out.errors.ToString(), HasSubstr("clienten.csv:2:1: veld 'client'"));
  EXPECT_EQ(out.errors.ToString().find("111222333"), std::string::npos);
  ExpectRefused(ImportKind::kAssignments, ";bsn;", ";client;", "lijkt op een BSN");
}
TEST_F(BadInputTest, APseudonymWithNineDigitsInsideIsAccepted) {
  fs::path file = dir_ / "clienten.csv";
  // "230346674" passes the 11-test, but the value as a whole is a pseudonym.
  std::ofstream(file) << "client;geboortedatum;gemeentecode;begindatum\n"
                         "P90D230346674C0F0BD2E;2008-10;GM0505;2015-01-01\n";
  ImportOutcome out = ImportFile(*store_, ImportKind::kClients, file.string(), options_);
  EXPECT_TRUE(out.ok()) << out.errors.ToString();
}
TEST_F(BadInputTest, BsnInAWrongColumnIsNotEchoed) {
  ExpectRefused(ImportKind::kAssignments, "GM1963;87654321", "111222333;87654321",
                "veld 'gemeentecode': een waarde die op een BSN lijkt is geen "
                "CBS-gemeentecode");
  ExpectRefused(ImportKind::kClients, "2010-05", "123456782",
                "veld 'geboortedatum': een waarde die op een BSN lijkt is geen datum");
  ExpectRefused(ImportKind::kDeclarations, ";985,00;", ";111222333x;",
                "veld 'bedrag': een waarde die op een BSN lijkt");
  ExpectRefused(ImportKind::kAssignments, ";gi;", ";111222333;",
                "veld 'verwijzer': een waarde die op een BSN lijkt is geen verwijzer");
  ExpectRefused(ImportKind::kDeclarations, "D2;T2", "D2;111222333",
                "onbekende toewijzing een waarde die op een BSN lijkt");
  for (ImportKind kind :
       {ImportKind::kAssignments, ImportKind::kClients, ImportKind::kDeclarations}) {
    std::string file = std::string(ImportKindName(kind)) + ".csv";
    ImportOutcome out = ImportFile(*store_, kind, (dir_ / file).string(), options_);
    EXPECT_FALSE(out.ok());
    EXPECT_EQ(out.errors.ToString().find("111222333"), std::string::npos) << file;
    EXPECT_EQ(out.errors.ToString().find("123456782"), std::string::npos) << file;
  }
}
TEST_F(BadInputTest, HeaderlessFileDoesNotPrintABsnAsAColumnName) {
  ExpectRefused(ImportKind::kClients, "^bsn;geboortedatum;gemeentecode;begindatum\n", "",
                "onbekende kolom een waarde die op een BSN lijkt");
  ImportOutcome out = ImportFile(*store_, ImportKind::kClients,
                                 (dir_ / "clienten.csv").string(), options_);
  EXPECT_EQ(out.errors.ToString().find("111222333"), std::string::npos);
}

// Item 5: CR-only line ends (Excel for Mac) are read, with the right line numbers.
TEST_F(ImporterTest, ReadsCrOnlyLineEnds) {
  fs::path mac = dir_ / "mac";
  fs::create_directories(mac);
  for (const auto& entry : fs::directory_iterator(kValid)) {
    std::string text = ReadFile(entry.path());
    std::replace(text.begin(), text.end(), '\n', '\r');
    std::ofstream(mac / entry.path().filename(), std::ios::binary) << text;
  }
  ImportOutcome out = ImportFolder(*store_, mac.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  EXPECT_EQ(store_->Count("municipality"), 3);
  EXPECT_EQ(store_->Count("assignment"), 3);
  EXPECT_EQ(store_->Count("declaration"), 5);
  std::string mac_dump = Dump(*store_);
  ImportOutcome lf = ImportValid();  // the same data with LF: nothing changes
  ASSERT_TRUE(lf.ok()) << lf.errors.ToString();
  for (const ImportReport& r : lf.files) EXPECT_EQ(r.added, 0) << r.file;
  EXPECT_EQ(Dump(*store_), mac_dump);
}
TEST_F(BadInputTest, CrOnlyFileReportsTheRightLine) {
  std::string text = ReadFile(kValid / "aanbieders.csv");
  std::replace(text.begin(), text.end(), '\n', '\r');
  text.replace(text.find("87654321;"), 9, "8765432;");
  ExpectTextRefused(ImportKind::kProviders, text,
                    ":3:1: veld 'agb_code': '8765432' is geen AGB-code");
}

// Item 6: NUL, a BOM in mid-file and an oversized field are refused.
TEST_F(BadInputTest, NulBomAndHugeFieldsAreRefused) {
  ExpectRefused(ImportKind::kProviders, "Jeugdhulp Noord",
                std::string("Jeugdhulp \0Noord", 16),
                ":3:2: veld 'naam': veld bevat een NUL-teken");
  ExpectRefused(ImportKind::kProviders, "Jeugdhulp Noord", "Jeugdhulp \xEF\xBB\xBFNoord",
                ":3:2: veld 'naam': veld bevat een byte-order mark");
  ExpectRefused(ImportKind::kProviders, "Jeugdhulp Noord", std::string(100000, 'q'),
                ":3:2: veld 'naam': veld is langer dan 64 KiB");
  ImportOutcome out = ImportFile(*store_, ImportKind::kProviders,
                                 (dir_ / "aanbieders.csv").string(), options_);
  EXPECT_EQ(out.errors.ToString().find("qqqqqqqq"), std::string::npos);
  ExpectRefused(ImportKind::kProviders, "Jeugdhulp Noord", "Jeugdhulp \xED\xA0\x80",
                "geen UTF-8");
}

// Item 12: Dutch text instead of libcsv's, and a column for the later references.
TEST_F(BadInputTest, QuoteErrorsAreDutch) {
  ExpectRefused(ImportKind::kProviders, "Jeugdhulp Noord", "Jeugdhulp \"Noord",
                ":3: aanhalingsteken op een verkeerde plaats");
}
TEST_F(BadInputTest, SuccessorAndPredecessorErrorsNameTheirColumn) {
  ExpectRefused(ImportKind::kMunicipalities, "2018-12-31;GM1963", "2018-12-31;GM7777",
                "gemeenten.csv:4:6: veld 'opvolger': onbekende gemeente 'GM7777'");
  ExpectRefused(ImportKind::kAssignments, "JT01;T1;", "JT01;T7;",
                "toewijzingen.csv:3:14: veld 'vorige_toewijzing': onbekende toewijzing "
                "'T7'");
}

TEST_F(BadInputTest, ReportsAllErrorsOfAFile) {
  fs::path bad = dir_ / "aanbieders.csv";
  std::ofstream(bad) << "agb_code;naam\n1;A\n2;B\n12345678;\n";
  ImportOutcome out = ImportFile(*store_, ImportKind::kProviders, bad.string(), options_);
  EXPECT_EQ(out.errors.count(), 3u);
  EXPECT_THAT(out.errors.ToString(),
              HasSubstr(bad.string() + ":2:1: veld 'agb_code': '1' is geen AGB-code"));
  EXPECT_THAT(out.errors.ToString(),
              HasSubstr(bad.string() + ":4:2: veld 'naam': is leeg"));
}

}  // namespace
}  // namespace jr
