// Tests of the Store interface, on both backends: every test runs on SQLite and on
// PostgreSQL (the server of tests/with_postgres.sh; skipped when JEUGDREGIO_TEST_PG is
// unset), so one suite proves both give the same values.
#include "store/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "store/postgres/pg_test_schema.h"

namespace jr {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d);
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) c = c == '/' ? '_' : c;
    dir_ = std::filesystem::temp_directory_path() /
           ("jr_store_test_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    if (GetParam() == "postgres") {
      pg_ = std::make_unique<PgTestSchema>(name);
      if (!pg_->available()) {
        GTEST_SKIP() << "JEUGDREGIO_TEST_PG is niet gezet: PostgreSQL-test overgeslagen "
                        "(draai via tests/with_postgres.sh)";
      }
    }
    auto s = Store::Open(Address());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string Path(const char* name) { return (dir_ / name).string(); }
  // The database of the test: a file, or the test's PostgreSQL schema.
  std::string Address() { return pg_ ? pg_->url() : Path("t.db"); }

  // GM0505 Dordrecht from 2015, provider 12345678, product 45/45A10.
  void PutReferences() {
    ASSERT_TRUE(store_
                    ->Put(Municipality{"GM0505", "Dordrecht", "", D(2015, 1, 1)},
                          PutMode::kRefuseChanged)
                    .ok());
    ASSERT_TRUE(store_->Put(Provider{"12345678", "A"}, PutMode::kRefuseChanged).ok());
    ASSERT_TRUE(store_
                    ->Put(Product{"45", "45A10", "Ambulant", Unit::kHour, "ambulant"},
                          PutMode::kRefuseChanged)
                    .ok());
  }
  Assignment MakeAssignment(const std::string& number) {
    Assignment a;
    a.number = number;
    a.client = "P1";
    a.municipality = "GM0505";
    a.agb = "12345678";
    a.category = "45";
    a.product_code = "45A10";
    a.volume = Volume{1000};
    a.start = D(2021, 1, 1);
    return a;
  }
  Declaration MakeDeclaration(const std::string& number, Date start, int64_t cents) {
    return {number,
            "T1",
            "12345678",
            "45",
            "45A10",
            start,
            start,
            Volume{100},
            Unit::kHour,
            std::nullopt,
            Money::FromCents(cents)};
  }

  std::filesystem::path dir_;
  std::unique_ptr<PgTestSchema> pg_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST_P(StoreTest, PutCountsAddedUnchangedConflictAndReplaced) {
  Provider p{"12345678", "Jeugdhulp Noord"};
  auto added = store_->Put(p, PutMode::kRefuseChanged);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(p, PutMode::kRefuseChanged)->kind, PutOutcome::kUnchanged);
  p.name = "Jeugdhulp Zuid";
  auto conflict = store_->Put(p, PutMode::kRefuseChanged);
  ASSERT_TRUE(conflict.ok());
  EXPECT_EQ(conflict->kind, PutOutcome::kConflict);
  EXPECT_EQ(conflict->field, "name");
  EXPECT_EQ(conflict->stored, "Jeugdhulp Noord");
  EXPECT_EQ(conflict->given, "Jeugdhulp Zuid");
  EXPECT_EQ((*store_->LoadProviders())[0].name, "Jeugdhulp Noord");
  EXPECT_EQ(store_->Put(p, PutMode::kReplace)->kind, PutOutcome::kReplaced);
  EXPECT_EQ((*store_->LoadProviders())[0].name, "Jeugdhulp Zuid");
  EXPECT_EQ(store_->Count("provider"), 1);
}

TEST_P(StoreTest, ConflictNamesTheFieldAndShowsStoredValues) {
  PutReferences();
  Municipality m{"GM0505", "Dordrecht", "", D(2015, 1, 2)};
  auto conflict = store_->Put(m, PutMode::kRefuseChanged);
  ASSERT_TRUE(conflict.ok());
  EXPECT_EQ(conflict->kind, PutOutcome::kConflict);
  EXPECT_EQ(conflict->field, "begin");
  // Day numbers since 1970-01-01: 2015-01-01 is 45 * 365 + 11 leap days = 16436.
  EXPECT_EQ(conflict->stored, "16436");
  EXPECT_EQ(conflict->given, "16437");
  m.begin = D(2015, 1, 1);
  m.end = D(2022, 1, 1);
  conflict = store_->Put(m, PutMode::kRefuseChanged);
  EXPECT_EQ(conflict->field, "end");
  EXPECT_EQ(conflict->stored, "(leeg)");
}

TEST_P(StoreTest, ValuesRoundTrip) {
  PutReferences();
  Assignment a = MakeAssignment("T1");
  a.end = D(2021, 7, 1);
  a.route = Route::kCertifiedInstitution;
  a.frequency = Frequency::kTotal;
  a.budget = Money::FromCents(123456);
  ASSERT_TRUE(store_->Put(a, PutMode::kRefuseChanged).ok());
  auto loaded = store_->LoadAssignments();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 1u);
  const Assignment& b = (*loaded)[0];
  EXPECT_EQ(b.end, D(2021, 7, 1));
  EXPECT_EQ(b.route, Route::kCertifiedInstitution);
  EXPECT_EQ(b.frequency, Frequency::kTotal);
  EXPECT_EQ(b.budget, Money::FromCents(123456));
  EXPECT_EQ(b.volume.hundredths, 1000);
  ASSERT_TRUE(store_
                  ->Put(MunicipalityKey{"GM0505", 2021, "jeugdigen", 25000.5},
                        PutMode::kRefuseChanged)
                  .ok());
  EXPECT_DOUBLE_EQ(*store_->LoadRegion()->Key("GM0505", 2021, "jeugdigen"), 25000.5);
  ASSERT_TRUE(store_
                  ->Put(CostItem{"", 2021, "ambulant", Money::FromCents(500)},
                        PutMode::kRefuseChanged)
                  .ok());
  ASSERT_TRUE(store_
                  ->Put(CostItem{"GM0505", 2021, "lokaal", Money::FromCents(700)},
                        PutMode::kRefuseChanged)
                  .ok());
  ASSERT_EQ(store_->LoadFixedCosts()->size(), 1u);
  ASSERT_EQ(store_->LoadLocalCosts()->size(), 1u);
  EXPECT_EQ((*store_->LoadLocalCosts())[0].amount.cents(), 700);
}

// A declaration line is put by its key (assignment, start, number) like every value:
// the same line again is unchanged, other content a conflict on the first differing
// field, --replace replaces; every column round-trips, a missing tariff as none.
TEST_P(StoreTest, DeclarationIsPutByKeyAndRoundTrips) {
  PutReferences();
  ASSERT_TRUE(store_->Put(MakeAssignment("T1"), PutMode::kRefuseChanged).ok());
  Declaration d = MakeDeclaration("D1", D(2021, 3, 1), 12000);
  d.end = D(2021, 4, 1);
  d.volume = Volume{150};
  d.tariff = Money::FromCents(8000);
  Declaration untariffed = MakeDeclaration("D2", D(2021, 3, 1), -500);
  untariffed.unit = Unit::kEuro;
  auto added = store_->Put(d, PutMode::kRefuseChanged);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(untariffed, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(d, PutMode::kRefuseChanged)->kind, PutOutcome::kUnchanged);
  EXPECT_EQ(store_->Put(untariffed, PutMode::kRefuseChanged)->kind,
            PutOutcome::kUnchanged);
  Declaration changed = d;
  changed.tariff.reset();
  auto c = store_->Put(changed, PutMode::kRefuseChanged);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->kind, PutOutcome::kConflict);
  EXPECT_EQ(c->field, "tariff");
  EXPECT_EQ(c->stored, "8000");
  EXPECT_EQ(c->given, "(leeg)");
  changed = d;
  changed.amount = Money::FromCents(11000);
  c = store_->Put(changed, PutMode::kRefuseChanged);
  EXPECT_EQ(c->kind, PutOutcome::kConflict);
  EXPECT_EQ(c->field, "amount");
  EXPECT_EQ(c->stored, "12000");
  EXPECT_EQ(c->given, "11000");
  EXPECT_EQ(store_->Put(changed, PutMode::kReplace)->kind, PutOutcome::kReplaced);
  auto lines = store_->LoadDeclarations();
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  ASSERT_EQ(lines->size(), 2u);  // by assignment, start, number
  const Declaration& got = (*lines)[0];
  EXPECT_EQ(got.number, "D1");
  EXPECT_EQ(got.assignment, "T1");
  EXPECT_EQ(got.agb, "12345678");
  EXPECT_EQ(got.category, "45");
  EXPECT_EQ(got.product_code, "45A10");
  EXPECT_EQ(got.start, D(2021, 3, 1));
  EXPECT_EQ(got.end, D(2021, 4, 1));
  EXPECT_EQ(got.volume.hundredths, 150);
  EXPECT_EQ(got.unit, Unit::kHour);
  EXPECT_EQ(got.tariff, Money::FromCents(8000));
  EXPECT_EQ(got.amount, Money::FromCents(11000));
  EXPECT_EQ((*lines)[1].number, "D2");
  EXPECT_FALSE((*lines)[1].tariff.has_value());
  EXPECT_EQ((*lines)[1].unit, Unit::kEuro);
  EXPECT_EQ((*lines)[1].amount, Money::FromCents(-500));
}

// The references an import checks against: every assignment, by number, with its
// provider and product as LoadAssignments gives them.
TEST_P(StoreTest, AssignmentRefsAreTheAssignmentsByNumber) {
  PutReferences();
  ASSERT_TRUE(store_->Put(MakeAssignment("T2"), PutMode::kRefuseChanged).ok());
  Assignment other = MakeAssignment("T1");
  other.product_code = "45A11";
  ASSERT_TRUE(store_
                  ->Put(Product{"45", "45A11", "Begeleiding", Unit::kHour, "ambulant"},
                        PutMode::kRefuseChanged)
                  .ok());
  ASSERT_TRUE(store_->Put(other, PutMode::kRefuseChanged).ok());
  std::vector<AssignmentRef> refs;
  Status s =
      store_->ForEachAssignmentRef([&](const AssignmentRef& a) { refs.push_back(a); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].number, "T1");
  EXPECT_EQ(refs[0].product_code, "45A11");
  EXPECT_EQ(refs[1].number, "T2");
  EXPECT_EQ(refs[1].agb, "12345678");
  EXPECT_EQ(refs[1].category, "45");
  EXPECT_EQ(refs[1].product_code, "45A10");
}

TEST_P(StoreTest, UnknownReferenceIsAnError) {
  auto r = store_->Put(MakeAssignment("T1"), PutMode::kRefuseChanged);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("FOREIGN KEY"), std::string::npos);
  EXPECT_EQ(store_->Count("assignment"), 0);
}

TEST_P(StoreTest, AssignmentMonthsSumPerMonthFromAMonthOn) {
  PutReferences();
  ASSERT_TRUE(store_->Put(MakeAssignment("T1"), PutMode::kRefuseChanged).ok());
  ASSERT_TRUE(store_->Put(MakeAssignment("T2"), PutMode::kRefuseChanged).ok());
  for (const Declaration& d : {MakeDeclaration("D1", D(2021, 1, 4), 1000),
                               MakeDeclaration("D2", D(2021, 2, 1), 200),
                               MakeDeclaration("D3", D(2021, 2, 15), 300),
                               MakeDeclaration("D4", D(2021, 2, 20), -50)}) {
    ASSERT_TRUE(store_->Put(d, PutMode::kRefuseChanged).ok());
  }
  Declaration other = MakeDeclaration("D5", D(2021, 2, 3), 7);
  other.assignment = "T2";
  ASSERT_TRUE(store_->Put(other, PutMode::kRefuseChanged).ok());
  int february = MonthIndex(std::chrono::year(2021) / std::chrono::month(2));
  auto months_from = [&](int from) {
    std::vector<AssignmentMonthUse> out;
    EXPECT_TRUE(store_
                    ->ForEachAssignmentMonth(
                        from, [&](const AssignmentMonthUse& m) { out.push_back(m); })
                    .ok());
    return out;
  };
  const std::vector<AssignmentMonthUse> months = months_from(february);
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].assignment, "T1");
  EXPECT_EQ(months[0].month, february);
  EXPECT_EQ(months[0].cost.cents(), 200 + 300 - 50);
  EXPECT_EQ(months[0].volume_x100, 300);
  EXPECT_EQ(months[1].assignment, "T2");
  EXPECT_EQ(months[1].cost.cents(), 7);
  EXPECT_EQ(months_from(0).size(), 3u);  // January of T1 too
}

TEST_P(StoreTest, SumsThatOverflowAreErrorsNotWrapped) {
  // Issue 18.7: two amounts whose sum leaves int64 (the importer refuses them; the
  // store must still never wrap silently).
  PutReferences();
  ASSERT_TRUE(store_->Put(MakeAssignment("T1"), PutMode::kRefuseChanged).ok());
  const int64_t half = (INT64_MAX / 2) + 1;  // 2^62
  for (const Declaration& d : {MakeDeclaration("D1", D(2021, 2, 1), half),
                               MakeDeclaration("D2", D(2021, 2, 2), half)}) {
    ASSERT_TRUE(store_->Put(d, PutMode::kRefuseChanged).ok());
  }
  const Status months =
      store_->ForEachAssignmentMonth(0, [](const AssignmentMonthUse&) {});
  ASSERT_FALSE(months.ok());
  EXPECT_EQ(months.message(),
            "databasefout: som van de declaraties van toewijzing 'T1' is te groot");
  auto years = store_->UseByMunicipalityYear();
  ASSERT_FALSE(years.ok());
  EXPECT_NE(years.status().message().find("integer overflow"), std::string::npos)
      << years.status().message();
  EXPECT_FALSE(store_->UseByMunicipalityYearBucket(2021, 2021).ok());
  EXPECT_FALSE(store_->ClientYearCosts(2021, 2021).ok());
}

// Issue 12: a line with an `afgewezen` finding is no one's use; a `signaal` counts.
TEST_P(StoreTest, AggregatesSkipRejectedLinesOnly) {
  PutReferences();
  ASSERT_TRUE(store_->Put(MakeAssignment("T1"), PutMode::kRefuseChanged).ok());
  for (const Declaration& d : {MakeDeclaration("D1", D(2021, 1, 4), 1000),
                               MakeDeclaration("D2", D(2021, 2, 1), 200),
                               MakeDeclaration("D3", D(2021, 2, 15), 30)}) {
    ASSERT_TRUE(store_->Put(d, PutMode::kRefuseChanged).ok());
  }
  Finding rejected{"T1",     D(2021, 2, 1), "D2",
                   "bedrag", "9346",        FindingStatus::kRejected,
                   "amount", "klopt niet"};
  Finding signal{"T1",   D(2021, 2, 15),         "D3", "afbakening",
                 "JR02", FindingStatus::kSignal, "",   "grijs"};
  ASSERT_TRUE(store_->ReplaceFindings(2021, 2021, {rejected, signal}).ok());
  auto years = store_->UseByMunicipalityYear();
  ASSERT_TRUE(years.ok());
  ASSERT_EQ(years->size(), 1u);
  EXPECT_EQ((*years)[0].cost.cents(), 1000 + 30);  // D2 left out
  auto buckets = store_->UseByMunicipalityYearBucket(2021, 2021);
  ASSERT_EQ(buckets->size(), 1u);
  EXPECT_EQ((*buckets)[0].cost.cents(), 1030);
  auto clients = store_->ClientYearCosts(2021, 2021);
  ASSERT_EQ(clients->size(), 1u);
  EXPECT_EQ((*clients)[0].cost.cents(), 1030);
  int64_t months = 0;
  ASSERT_TRUE(store_
                  ->ForEachAssignmentMonth(
                      0, [&](const AssignmentMonthUse& m) { months += m.cost.cents(); })
                  .ok());
  EXPECT_EQ(months, 1030);
  // All lines stream to the rules, whatever their findings.
  int lines = 0;
  ASSERT_TRUE(store_->ForEachDeclaration([&](const Declaration&) { ++lines; }).ok());
  EXPECT_EQ(lines, 3);
  // Replacing the decisions of 2022 leaves those of 2021; of 2021 replaces them.
  ASSERT_TRUE(store_->ReplaceFindings(2022, 2022, {}).ok());
  EXPECT_EQ(store_->LoadFindings()->size(), 2u);
  ASSERT_TRUE(store_->ReplaceFindings(2021, 2021, {signal}).ok());
  EXPECT_EQ(store_->LoadFindings()->size(), 1u);
  EXPECT_EQ((*store_->UseByMunicipalityYear())[0].cost.cents(), 1230);
}

TEST_P(StoreTest, TokensKeepTheirOrderAndGetATime) {
  ASSERT_TRUE(store_->AddToken({"h2", "region", "regio", ""}).ok());
  ASSERT_TRUE(store_->AddToken({"h1", "municipality:GM0505", "", "gegeven"}).ok());
  auto tokens = store_->LoadTokens();
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].hash, "h2");
  EXPECT_EQ((*tokens)[1].role, "municipality:GM0505");
  EXPECT_EQ((*tokens)[1].created.size(), 19u);  // "YYYY-MM-DD HH:MM:SS", not "gegeven"
  EXPECT_FALSE(store_->AddToken({"h2", "region", "dubbel", ""}).ok());
}

TEST_P(StoreTest, FindingsArePutReplacedLoadedAndCleared) {
  Finding f{"T1",     D(2021, 3, 1),      "D1",
            "bedrag", "volume-x-tarief",  FindingStatus::kRejected,
            "amount", "bedrag klopt niet"};
  Finding g = f;
  g.rule = "periode";
  g.code = "buiten-toewijzing";
  g.status = FindingStatus::kSignal;
  ASSERT_TRUE(store_->PutFindings({g, f}).ok());
  f.message = "bedrag klopt nog steeds niet";
  ASSERT_TRUE(store_->PutFindings({f}).ok());
  auto loaded = store_->LoadFindings();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_EQ((*loaded)[0], f);  // "bedrag" sorts before "periode"
  EXPECT_EQ((*loaded)[1], g);
  ASSERT_TRUE(store_->ClearFindings().ok());
  EXPECT_TRUE(store_->LoadFindings()->empty());
}

TEST_P(StoreTest, IjwMessagesAndLinesArePutByKeyAndLoadedInOrder) {
  IjwMessage m{"JW323",
               "12345678",
               "765432198",
               "GM0505",
               D(2021, 4, 1),
               "D2021-04",
               Money::FromCents(-1250),
               "abc",
               2};
  IjwMessage first = m;
  first.identification = "1";
  EXPECT_EQ(store_->Put(m, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(first, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(m, PutMode::kRefuseChanged)->kind, PutOutcome::kUnchanged);
  IjwMessage other = m;
  other.digest = "def";
  auto conflict = store_->Put(other, PutMode::kRefuseChanged);
  ASSERT_TRUE(conflict.ok()) << conflict.status().ToString();
  EXPECT_EQ(conflict->kind, PutOutcome::kConflict);
  EXPECT_EQ(conflict->field, "digest");
  EXPECT_EQ(conflict->stored, "abc");
  auto messages = store_->LoadIjwMessages();
  ASSERT_TRUE(messages.ok()) << messages.status().ToString();
  ASSERT_EQ(messages->size(), 2u);
  EXPECT_EQ((*messages)[0].identification, "1");  // by kind, sender, identification
  const IjwMessage& back = (*messages)[1];
  EXPECT_EQ(back.receiver, "GM0505");
  EXPECT_EQ(back.date, D(2021, 4, 1));
  EXPECT_EQ(back.declaration, "D2021-04");
  EXPECT_EQ(back.total, Money::FromCents(-1250));
  EXPECT_EQ(back.digest, "abc");
  EXPECT_EQ(back.lines, 2);

  IjwLine l;
  l.message = m.Key();
  l.line = 2;
  l.reference = "R2";
  l.previous_reference = "R0";
  l.client = "P1";
  l.assignment = "T1";
  l.category = "45";
  l.product_code = "45A10";
  l.start = D(2021, 3, 1);
  l.end = D(2021, 4, 1);
  l.volume = Volume{150};
  l.unit = Unit::kHour;
  l.tariff = Money::FromCents(8000);
  l.amount = Money::FromCents(12000);
  l.stored = true;
  IjwLine one = l;
  one.line = 1;
  one.tariff.reset();
  one.stored = false;
  EXPECT_EQ(store_->Put(l, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(one, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(l, PutMode::kRefuseChanged)->kind, PutOutcome::kUnchanged);
  IjwLine changed = l;
  changed.amount = Money::FromCents(11000);
  auto c = store_->Put(changed, PutMode::kRefuseChanged);
  EXPECT_EQ(c->kind, PutOutcome::kConflict);
  EXPECT_EQ(c->field, "amount");
  EXPECT_EQ(store_->Put(changed, PutMode::kReplace)->kind, PutOutcome::kReplaced);
  auto lines = store_->LoadIjwLines();
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[0].line, 1);
  EXPECT_FALSE((*lines)[0].tariff.has_value());
  EXPECT_FALSE((*lines)[0].stored);
  const IjwLine& got = (*lines)[1];
  EXPECT_EQ(got.reference, "R2");
  EXPECT_EQ(got.previous_reference, "R0");
  EXPECT_EQ(got.start, D(2021, 3, 1));
  EXPECT_EQ(got.end, D(2021, 4, 1));
  EXPECT_EQ(got.volume.hundredths, 150);
  EXPECT_EQ(got.tariff, Money::FromCents(8000));
  EXPECT_EQ(got.amount, Money::FromCents(11000));
  EXPECT_TRUE(got.stored);
  // One message's lines: a line of another message (line 1 of "x") is not among them.
  IjwLine elsewhere = one;
  elsewhere.message = "x";
  EXPECT_EQ(store_->Put(elsewhere, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  auto own = store_->LoadIjwLines(m.Key());
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  ASSERT_EQ(own->size(), 2u);
  EXPECT_EQ((*own)[0].line, 1);
  EXPECT_EQ((*own)[1].amount, Money::FromCents(11000));
  EXPECT_EQ((*own)[1].message, m.Key());
  EXPECT_TRUE(store_->LoadIjwLines("onbekend")->empty());
}

TEST_P(StoreTest, CarePeriodGetsItsEndOnceAndKeepsIt) {
  CarePeriod begun{"T1", D(2021, 2, 1), std::nullopt, ""};
  EXPECT_EQ(store_->Put(begun, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(begun, PutMode::kRefuseChanged)->kind, PutOutcome::kUnchanged);
  // The JW307: the end is added to the stored period.
  CarePeriod ended{"T1", D(2021, 2, 1), D(2021, 7, 1), "01"};
  EXPECT_EQ(store_->Put(ended, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(ended, PutMode::kRefuseChanged)->kind, PutOutcome::kUnchanged);
  // A JW305 again (no end) leaves the end.
  EXPECT_EQ(store_->Put(begun, PutMode::kReplace)->kind, PutOutcome::kUnchanged);
  // Another end is a conflict, or a replacement when asked.
  CarePeriod later{"T1", D(2021, 2, 1), D(2021, 9, 1), "01"};
  auto c = store_->Put(later, PutMode::kRefuseChanged);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->kind, PutOutcome::kConflict);
  EXPECT_EQ(c->field, "end");
  EXPECT_EQ(c->stored, std::to_string(DayNumber(D(2021, 7, 1))));
  auto periods = store_->LoadCarePeriods();
  ASSERT_TRUE(periods.ok()) << periods.status().ToString();
  ASSERT_EQ(periods->size(), 1u);
  EXPECT_EQ((*periods)[0].end, D(2021, 7, 1));
  EXPECT_EQ((*periods)[0].reason, "01");
  EXPECT_EQ(store_->Put(later, PutMode::kReplace)->kind, PutOutcome::kReplaced);
  ASSERT_TRUE(store_
                  ->Put(CarePeriod{"T0", D(2022, 1, 1), std::nullopt, ""},
                        PutMode::kRefuseChanged)
                  .ok());
  periods = store_->LoadCarePeriods();
  ASSERT_EQ(periods->size(), 2u);
  EXPECT_EQ((*periods)[0].assignment, "T0");  // by assignment, start
  EXPECT_FALSE((*periods)[0].end.has_value());
  EXPECT_EQ((*periods)[1].end, D(2021, 9, 1));
}

TEST_P(StoreTest, ManyFindingsInOnePutLastOneWins) {
  // More than one COPY part, with a key given twice: the later finding is kept.
  std::vector<Finding> findings;
  for (int i = 0; i < 12000; ++i) {
    findings.push_back({"T" + std::to_string(i % 50),
                        FromDayNumber(DayNumber(D(2021, 1, 1)) + i),
                        "D" + std::to_string(i), "bedrag", "volume-x-tarief",
                        i % 3 ? FindingStatus::kSignal : FindingStatus::kRejected,
                        i % 2 ? "amount" : "", "tab\tje\n en \\ " + std::to_string(i)});
  }
  Finding again = findings[7];
  again.message = "later";
  again.status = FindingStatus::kAccepted;
  findings.push_back(again);
  ASSERT_TRUE(store_->PutFindings(findings).ok());
  auto loaded = store_->LoadFindings();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), 12000u);
  int seen = 0;
  for (const Finding& f : *loaded) {
    if (f.declaration == "D7") {
      EXPECT_EQ(f, again);
      ++seen;
    } else if (f.declaration == "D8") {
      EXPECT_EQ(f, findings[8]);
      ++seen;
    }
  }
  EXPECT_EQ(seen, 2);
}

TEST_P(StoreTest, ReviewDecisionsRoundTripByAssignment) {
  ReviewDecision a{"T2", true, D(2020, 12, 15), std::nullopt};
  ReviewDecision b{"T1", false, D(2021, 1, 5), true};
  ASSERT_EQ(store_->Put(a, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  ASSERT_EQ(store_->Put(b, PutMode::kRefuseChanged)->kind, PutOutcome::kAdded);
  EXPECT_EQ(store_->Put(a, PutMode::kRefuseChanged)->kind, PutOutcome::kUnchanged);
  ReviewDecision changed = b;
  changed.deferrable = false;
  EXPECT_EQ(store_->Put(changed, PutMode::kRefuseChanged)->kind, PutOutcome::kConflict);
  auto loaded = store_->LoadReviewDecisions();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), 2u);
  EXPECT_EQ((*loaded)[0], b);  // by toewijzingnummer
  EXPECT_EQ((*loaded)[1], a);
}

TEST_P(StoreTest, TransactionRollsBackUnlessCommitted) {
  {
    auto tx = Transaction::Begin(*store_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(store_->Put(Provider{"12345678", "A"}, PutMode::kRefuseChanged).ok());
  }
  EXPECT_EQ(store_->Count("provider"), 0);
  {
    auto tx = Transaction::Begin(*store_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(store_->Put(Provider{"12345678", "A"}, PutMode::kRefuseChanged).ok());
    ASSERT_TRUE(tx.value().Commit().ok());
  }
  EXPECT_EQ(store_->Count("provider"), 1);
}

TEST_P(StoreTest, BeginFailsWhileAnotherStoreWrites) {
  StoreOptions quick;
  quick.busy_timeout_ms = 50;
  auto other = Store::Open(Address(), quick);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  auto tx = Transaction::Begin(*store_);
  ASSERT_TRUE(tx.ok());
  auto second = Transaction::Begin(*other.value());
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("database is bezet"), std::string::npos);
  EXPECT_NE(second.status().ToString().find(store_->path()), std::string::npos);
}

TEST(StoreOpenTest, APasswordInTheUrlIsRefusedWithoutEchoingIt) {
  for (const char* url : {"postgresql://jr:geheim@localhost/regio",
                          "postgres://localhost/regio?sslmode=require&password=geheim"}) {
    auto pg = Store::Open(url);
    ASSERT_FALSE(pg.ok()) << url;
    EXPECT_NE(pg.status().message().find("PGPASSWORD"), std::string::npos);
    EXPECT_EQ(pg.status().ToString().find("geheim"), std::string::npos);
  }
  EXPECT_TRUE(Store::IsUrl("postgres://localhost/regio"));
  EXPECT_FALSE(Store::IsUrl("regio.db"));
}

TEST_P(StoreTest, DumpChangesWithContentOnly) {
  auto before = store_->Dump();
  ASSERT_TRUE(before.ok());
  PutReferences();
  auto after = store_->Dump();
  EXPECT_NE(*after, *before);
  EXPECT_NE(after->find("Dordrecht"), std::string::npos);
  PutReferences();
  EXPECT_EQ(*store_->Dump(), *after);
}

}  // namespace
}  // namespace jr
