// The iJw import and the JW325 answer, on the official examples (../shared/ijw/, or
// $JR_IJW_DIR) with master data made for them (tests/data/ijw/stam/). The expected
// values are read from the example messages by hand (see the comments).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "ingest/ijw/jw325_writer.h"
#include "ingest/importer.h"

namespace jr {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kStam = "tests/data/ijw/stam";

fs::path IjwDir() {
  if (const char* e = std::getenv("JR_IJW_DIR")) return e;
  return "../shared/ijw";
}

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Dump(const Store& store) {
  auto dump = store.Dump();
  EXPECT_TRUE(dump.ok()) << dump.status().ToString();
  return dump.ok() ? *dump : "";
}

bool HaveXmllint() { return std::system("xmllint --version >/dev/null 2>&1") == 0; }

class IjwTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(IjwDir() / "voorbeelden" / "JW323.xml")) {
      GTEST_SKIP() << "iJw-map " << IjwDir()
                   << " ontbreekt (zet JR_IJW_DIR): iJw-tests overgeslagen";
    }
    dir_ = fs::temp_directory_path() /
           ("jr_ijw_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = Store::Open((dir_ / "t.db").string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    std::array<unsigned char, 32> key{};
    key[5] = 9;
    pseudo_ = std::make_unique<Pseudonymizer>(key);
    options_.pseudonymizer = pseudo_.get();
    ImportOutcome stam = ImportFolder(*store_, kStam.string(), options_);
    ASSERT_TRUE(stam.ok()) << stam.errors.ToString();
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  fs::path Example(const std::string& name) { return IjwDir() / "voorbeelden" / name; }
  ImportOutcome Import(const fs::path& p) {
    return ImportMessage(*store_, p.string(), options_);
  }
  void ImportOk(const fs::path& p) {
    ImportOutcome out = Import(p);
    ASSERT_TRUE(out.ok()) << out.errors.ToString();
  }
  // Writes `text` as a message and expects its import to fail with `message`, naming
  // the file, leaving the store unchanged.
  void ExpectRefused(const std::string& text, const std::string& message) {
    fs::path bad = dir_ / "bad.xml";
    std::ofstream(bad, std::ios::binary) << text;
    std::string before = Dump(*store_);
    ImportOutcome out = Import(bad);
    ASSERT_FALSE(out.ok()) << "accepted: " << text.substr(0, 300);
    std::string all = out.errors.ToString();
    EXPECT_THAT(all, HasSubstr(message));
    EXPECT_THAT(all, HasSubstr(bad.string()));
    EXPECT_EQ(all.find("999900006"), std::string::npos) << "BSN in an error: " << all;
    EXPECT_EQ(Dump(*store_), before) << "store changed after a refused message";
  }
  // The example `name` with the first match of `from` replaced by `to`.
  std::string Edited(const std::string& name, const std::string& from,
                     const std::string& to) {
    std::string text = ReadText(Example(name));
    std::string edited = std::regex_replace(text, std::regex(from), to,
                                            std::regex_constants::format_first_only);
    EXPECT_NE(edited, text) << "pattern not found: " << from;
    return edited;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Pseudonymizer> pseudo_;
  ImportOptions options_;
};

TEST_F(IjwTest, Jw301BecomesAssignmentsAndResidence) {
  ImportOk(Example("JW301.xml"));
  auto a = store_->LoadAssignments();
  ASSERT_TRUE(a.ok());
  // 3 from toewijzingen.csv + 300201 and 300202 of the message.
  ASSERT_EQ(a->size(), 5u);
  bool found = false;
  for (const Assignment& x : *a) {
    if (x.number != "300202") continue;
    found = true;
    EXPECT_EQ(x.municipality, "GM0384");  // Afzender 0384
    EXPECT_EQ(x.agb, "42420001");         // Ontvanger
    EXPECT_EQ(x.category, "55");
    EXPECT_EQ(x.product_code, "55A12");
    EXPECT_EQ(x.volume.hundredths, 200);          // Volume 2
    EXPECT_EQ(x.unit, Unit::kDayPart);            // Eenheid 16
    EXPECT_EQ(x.frequency, Frequency::kPerWeek);  // Frequentie 2
    EXPECT_EQ(x.start, Date(std::chrono::year(2026) / 4 / 1));
    EXPECT_EQ(*x.end, Date(std::chrono::year(2026) / 7 / 20));  // Einddatum 07-19 + 1
    EXPECT_EQ(x.route, Route::kUnknown);
    EXPECT_EQ(x.client, pseudo_->Pseudonym("999900006"));
  }
  EXPECT_TRUE(found);
  auto clients = store_->LoadClients();
  ASSERT_TRUE(clients.ok());
  ASSERT_EQ(clients->size(), 1u);
  EXPECT_EQ((*clients)[0].birth, std::chrono::year(2010) / 2);  // 2010-02-14
  EXPECT_EQ((*clients)[0].municipality, "GM0384");
  // No BSN, name, address, phone or e-mail of the message in the database.
  std::string dump = Dump(*store_);
  for (const char* s : {"999900006", "Wit", "Galen", "Woustraat", "0201234567",
                        "abc@def.com", "Revalidatiecentrum", "Commentaar"}) {
    EXPECT_EQ(dump.find(s), std::string::npos) << s;
  }
}

TEST_F(IjwTest, Jw305AndJw307GiveCarePeriods) {
  ImportOk(Example("JW305.xml"));
  auto p = store_->LoadCarePeriods();
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[0].assignment, "300201");
  EXPECT_EQ((*p)[0].start, Date(std::chrono::year(2026) / 4 / 3));
  EXPECT_FALSE((*p)[0].end);
  ImportOk(Example("JW307.xml"));
  p = store_->LoadCarePeriods();
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ(*(*p)[0].end, Date(std::chrono::year(2026) / 7 / 18));  // 07-17 + 1
  EXPECT_EQ((*p)[0].reason, "31");
  EXPECT_EQ(*(*p)[1].end, Date(std::chrono::year(2026) / 7 / 18));
  // A JW305 after its JW307 changes nothing.
  std::string before = Dump(*store_);
  ImportOk(Example("JW305.xml"));
  ImportOk(Example("JW307.xml"));
  EXPECT_EQ(Dump(*store_), before);
}

TEST_F(IjwTest, Jw323LinesAndDeclarations) {
  ImportOk(Example("JW323.xml"));
  auto lines = store_->LoadIjwLines();
  ASSERT_TRUE(lines.ok());
  // Five Prestaties; the fifth (RN004 again, 10073, March) and the fourth (RN004,
  // 10073, April: the same declaration line as RN002) are distinct lines.
  ASSERT_EQ(lines->size(), 5u);
  EXPECT_EQ((*lines)[0].reference, "RN001");
  EXPECT_EQ((*lines)[0].amount.cents(), 5000);
  EXPECT_EQ(*(*lines)[0].tariff, Money::FromCents(1250));
  EXPECT_EQ((*lines)[0].message, "JW323/65656055/765432198");
  EXPECT_TRUE((*lines)[0].stored);
  EXPECT_FALSE((*lines)[3].stored);  // 10073 / 2026-04-01 / DN001 was line 2
  EXPECT_TRUE((*lines)[4].stored);
  auto decl = store_->LoadDeclarations();
  ASSERT_TRUE(decl.ok());
  ASSERT_EQ(decl->size(), 4u);
  int64_t sum = 0;
  for (const Declaration& d : *decl) {
    sum += d.amount.cents();
    EXPECT_EQ(d.number, "DN001");
    EXPECT_EQ(d.agb, "65656055");
  }
  EXPECT_EQ(sum, 5000 + 24000 + 5000 + 21000);
  auto m = store_->LoadIjwMessages();
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].total.cents(), 79000);
  EXPECT_EQ((*m)[0].receiver, "GM0384");
  EXPECT_EQ(Dump(*store_).find("999900018"), std::string::npos);
}

// In one import a declaration key (assignment, first day, declaration number) belongs
// to the first line that puts it: another message with another DeclaratieNummer puts
// its own four declarations, one with the same DN001 puts none (its lines are kept as
// submitted, for `check`: 8021).
TEST_F(IjwTest, DeclarationKeyBelongsToItsFirstLineInTheImport) {
  fs::path in = dir_ / "berichten";
  fs::create_directories(in);
  fs::copy_file(Example("JW323.xml"), in / "a.xml");
  std::string b = Edited("JW323.xml", "<ijw:Identificatie>765432198<",
                         "<ijw:Identificatie>765432199<");
  b = std::regex_replace(b, std::regex(">DN001<"), ">DN002<");
  std::ofstream(in / "b.xml") << b;
  std::ofstream(in / "c.xml") << Edited("JW323.xml", "<ijw:Identificatie>765432198<",
                                        "<ijw:Identificatie>765432200<");
  ImportOutcome out = ImportFolder(*store_, in.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  auto lines = store_->LoadIjwLines();
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 15u);
  std::map<std::string, std::string> stored;  // message -> stored flag per line
  for (const IjwLine& l : *lines) stored[l.message] += l.stored ? '1' : '0';
  EXPECT_EQ(stored["JW323/65656055/765432198"], "11101");
  EXPECT_EQ(stored["JW323/65656055/765432199"], "11101");
  EXPECT_EQ(stored["JW323/65656055/765432200"], "00000");
  auto decl = store_->LoadDeclarations();
  ASSERT_TRUE(decl.ok());
  std::map<std::string, int> per_number;
  for (const Declaration& d : *decl) ++per_number[d.number];
  EXPECT_EQ(per_number["DN001"], 4);
  EXPECT_EQ(per_number["DN002"], 4);
  EXPECT_EQ(decl->size(), 8u);
}

TEST_F(IjwTest, LineForUnknownAssignmentIsKeptAsSubmittedAndRejected) {
  fs::path p = dir_ / "onbekend.xml";
  std::ofstream(p) << Edited("JW323.xml", "<jw323:ToewijzingNummer>10072<",
                             "<jw323:ToewijzingNummer>99999<");
  ImportOk(p);
  auto lines = store_->LoadIjwLines();
  ASSERT_EQ(lines->size(), 5u);
  EXPECT_EQ((*lines)[0].assignment, "99999");
  EXPECT_FALSE((*lines)[0].stored);
  EXPECT_EQ(store_->Count("declaration"), 3);  // RN002, RN003, RN004 (March)
  ijw::AnswerOptions o;
  o.out_dir = (dir_ / "antwoord").string();
  o.messages = {p.string()};
  o.pseudonymizer = pseudo_.get();
  o.date = std::chrono::year(2026) / 5 / 10;
  auto answers = ijw::WriteAnswers(*store_, o);
  ASSERT_TRUE(answers.ok()) << answers.status().ToString();
  // RN001 (5000, 9338) and the repeated RN004 of April (24000, 8021).
  EXPECT_EQ((*answers)[0].rejected, 2);
  EXPECT_EQ((*answers)[0].granted.cents(), 79000 - 5000 - 24000);
  EXPECT_THAT(ReadText((*answers)[0].file), HasSubstr("<jw325:RetourCode>9338<"));
}

// The import table counts records (products, declaration lines), like rows of a CSV
// file: the message header, the residence of a JW301 client and the cost line of a
// JW323 line are stored with them but not counted apart.
TEST_F(IjwTest, ReportCountsRecordsOnce) {
  ImportOutcome first = Import(Example("JW301.xml"));
  ASSERT_TRUE(first.ok()) << first.errors.ToString();
  ASSERT_EQ(first.files.size(), 1u);
  EXPECT_EQ(first.files[0].rows, 2);  // two ToegewezenProduct
  EXPECT_EQ(first.files[0].added, 2);
  ImportOutcome lines = Import(Example("JW323.xml"));
  ASSERT_TRUE(lines.ok()) << lines.errors.ToString();
  EXPECT_EQ(lines.files[0].rows, 5);  // five Prestatie
  EXPECT_EQ(lines.files[0].added, 5);
  ImportOutcome again = Import(Example("JW323.xml"));
  ASSERT_TRUE(again.ok()) << again.errors.ToString();
  EXPECT_EQ(again.files[0].added, 0);
  EXPECT_EQ(again.files[0].unchanged, 5);
  EXPECT_EQ(again.files[0].replaced, 0);
}

TEST_F(IjwTest, ReimportChangesNothingOtherContentNeedsReplace) {
  ImportOk(Example("JW323.xml"));
  std::string before = Dump(*store_);
  ImportOk(Example("JW323.xml"));
  EXPECT_EQ(Dump(*store_), before);
  std::string other =
      Edited("JW323.xml", "<jw323:GeleverdVolume>4<", "<jw323:GeleverdVolume>5<");
  other = std::regex_replace(other, std::regex("<ijw:Bedrag>5000<"), "<ijw:Bedrag>6250<",
                             std::regex_constants::format_first_only);
  ExpectRefused(other, "al ingelezen met andere inhoud");
  options_.replace = true;
  fs::path p = dir_ / "other.xml";
  std::ofstream(p) << other;
  ImportOk(p);
  auto decl = store_->LoadDeclarations();
  int64_t sum = 0;
  for (const Declaration& d : *decl) sum += d.amount.cents();
  EXPECT_EQ(sum, 6250 + 24000 + 5000 + 21000);
}

// --replace with a JW323 of fewer Prestaties: the stored lines past its new end go,
// and the declaration the last one made (21000 cents of 10073, by its begindatum), so
// its answer and the costs hold the four lines it has now.
TEST_F(IjwTest, ReplaceWithFewerLinesDropsTheLinesPastTheEnd) {
  ImportOk(Example("JW323.xml"));
  ASSERT_EQ(store_->LoadIjwLines()->size(), 5u);
  std::string fewer = std::regex_replace(
      ReadText(Example("JW323.xml")),
      std::regex("<jw323:Prestatie>((?!</jw323:Prestatie>)[\\s\\S])*<ijw:Bedrag>21000<"
                 "[\\s\\S]*?</jw323:Prestatie>"),
      "");
  ASSERT_EQ(fewer.find(">21000<"), std::string::npos);
  options_.replace = true;
  fs::path p = dir_ / "fewer.xml";
  std::ofstream(p) << fewer;
  ImportOk(p);
  auto lines = store_->LoadIjwLines();
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 4u);
  EXPECT_EQ(lines->back().line, 4);
  auto decl = store_->LoadDeclarations();
  ASSERT_TRUE(decl.ok());
  int64_t sum = 0;
  for (const Declaration& d : *decl) sum += d.amount.cents();
  EXPECT_EQ(sum, 5000 + 24000 + 5000);
}

// --replace of a JW323 whose lines made declarations: every one of them is replaced by
// what the new message puts. (1) The DeclaratieNummer corrected (DN001 -> DN009): the
// four declarations (5000 on 10072, 24000 and 21000 on 10073, 5000 on 10074) stand
// under DN009 alone, not twice. (2) Then line 3 (RN003, 5000) names 10072 instead of
// 10074: its key (10072, 2026-04-01, DN009) is line 1's, so it makes no declaration, and
// 10074's goes: 5000 + 24000 + 21000 in three declarations.
TEST_F(IjwTest, ReplaceDropsTheDeclarationsTheOldLinesMade) {
  ImportOk(Example("JW323.xml"));
  ASSERT_EQ(store_->Count("declaration"), 4);
  std::string text = ReadText(Example("JW323.xml"));
  std::string renumbered = std::regex_replace(text, std::regex(">DN001<"), ">DN009<");
  ASSERT_NE(renumbered, text);
  options_.replace = true;
  fs::path p = dir_ / "changed.xml";
  auto declarations = [&](int64_t* sum) {
    auto decl = store_->LoadDeclarations();
    EXPECT_TRUE(decl.ok());
    *sum = 0;
    std::set<std::string> numbers;
    for (const Declaration& d : *decl) {
      numbers.insert(d.number + "/" + d.assignment);
      *sum += d.amount.cents();
    }
    return numbers;
  };
  std::ofstream(p) << renumbered;
  ImportOk(p);
  int64_t sum = 0;
  EXPECT_THAT(declarations(&sum),
              ::testing::ElementsAre("DN009/10072", "DN009/10073", "DN009/10074"));
  EXPECT_EQ(store_->Count("declaration"), 4);
  EXPECT_EQ(sum, 5000 + 24000 + 5000 + 21000);

  std::string moved =
      std::regex_replace(renumbered, std::regex("<jw323:ToewijzingNummer>10074<"),
                         "<jw323:ToewijzingNummer>10072<");
  ASSERT_NE(moved, renumbered);
  std::ofstream(p, std::ios::trunc) << moved;
  ImportOk(p);
  EXPECT_THAT(declarations(&sum), ::testing::ElementsAre("DN009/10072", "DN009/10073"));
  EXPECT_EQ(store_->Count("declaration"), 3);
  EXPECT_EQ(sum, 5000 + 24000 + 21000);
  auto lines = store_->LoadIjwLines();
  ASSERT_EQ(lines->size(), 5u);
  EXPECT_EQ((*lines)[2].assignment, "10072");
  EXPECT_FALSE((*lines)[2].stored);
}

// A message stored with an older version of the digest still re-imports as unchanged,
// and still refuses other content. Version 1 (BLAKE2b over the whole path of every
// element) is the digest the importer of commit 0348669 stored, version 2 (BLAKE2b over
// the path keys) the one of commit 95dcff8: both for the example under this test's key
// (00..09 at byte 5), after `import` of tests/data/ijw/stam.
TEST_F(IjwTest, MessageWithAnOlderDigestStillReimportsUnchanged) {
  ImportOk(Example("JW323.xml"));
  auto messages = store_->LoadIjwMessages();
  ASSERT_TRUE(messages.ok());
  ASSERT_EQ(messages->size(), 1u);
  const IjwMessage current = (*messages)[0];
  EXPECT_TRUE(current.digest.starts_with("3:")) << current.digest;
  EXPECT_EQ(current.digest.size(), 2u + 32u);
  for (const char* older :
       {"027f4bf91a3318638a9fe2abda1f1327712b8f8171da2457f7991b51d16f1b60",
        "2:87e9918cf7659b6c2e70b48cf800659018fc1fb3292d346191d300716d8dc093"}) {
    SCOPED_TRACE(older);
    IjwMessage m = current;
    m.digest = older;
    ASSERT_TRUE(store_->Put(m, PutMode::kReplace).ok());
    ImportOutcome again = Import(Example("JW323.xml"));
    ASSERT_TRUE(again.ok()) << again.errors.ToString();
    EXPECT_EQ(again.files[0].unchanged, 5);
    EXPECT_EQ(again.files[0].added, 0);
    EXPECT_EQ((*store_->LoadIjwMessages())[0].digest, m.digest);  // kept as stored
    ExpectRefused(
        Edited("JW323.xml", "<jw323:GeleverdVolume>4<", "<jw323:GeleverdVolume>5<"),
        "al ingelezen met andere inhoud");
    // Another digest of the same version than the content's: the content is compared,
    // not the version alone.
    m.digest.back() = m.digest.back() == '0' ? '1' : '0';
    ASSERT_TRUE(store_->Put(m, PutMode::kReplace).ok());
    ExpectRefused(ReadText(Example("JW323.xml")), "al ingelezen met andere inhoud");
  }
}

TEST_F(IjwTest, BadMessagesAreRefusedWhole) {
  ExpectRefused(
      Edited("JW323.xml", "<jw323:Eenheid>04</jw323:Eenheid>",
             "<jw323:Eenheid>04</jw323:Eenheid><jw323:Kleur>rood</jw323:Kleur>"),
      "onbekend element 'Kleur' in Prestatie");
  ExpectRefused(Edited("JW323.xml", "<ijw:Bedrag>24000<", "<ijw:Bedrag>24a00<"),
                "is geen getal van hoogstens 8 cijfers");
  ExpectRefused(
      Edited("JW323.xml", "<jw323:GeleverdVolume>16</jw323:GeleverdVolume>", ""),
      "verplicht element GeleverdVolume ontbreekt in Prestatie");
  ExpectRefused(
      Edited("JW323.xml", "<ijw:Begindatum>2026-04-01<", "<ijw:Begindatum>2026-13-01<"),
      "is geen datum");
  // JW323.xsd: DeclaratieNummer only letters and digits; ReferentieNummer <= 20.
  ExpectRefused(Edited("JW323.xml", ">DN001<", ">DN-001<"),
                "'DN-001' is geen tekst van 1 tot 12 letters en cijfers");
  ExpectRefused(Edited("JW323.xml", ">RN001<", ">RN0000000000000000001<"),
                "is geen tekst van 1 tot 20 tekens");
  ExpectRefused(Edited("JW301.xml", "<jw301:Bsn>999900006<", "<jw301:Bsn>999900007<"),
                "geen geldig BSN");
  ExpectRefused(ReadText(Example("JW323.xml")).substr(0, 3000), "geen geldige XML");
  ExpectRefused(Edited("JW323.xml", "jw323/schema", "jw399/schema"), "geen iJw-bericht");
  // Billion laughs: refused at the DOCTYPE, no entity expanded.
  std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k)
      laughs += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    laughs += "\">\n";
  }
  laughs +=
      "]>\n<jw323:Bericht xmlns:jw323=\"http://www.istandaarden.nl/ijw/3_2/jw323/"
      "schema\">&lol9;</jw323:Bericht>\n";
  // libxml2 stops it as an entity loop before the reader sees the DOCTYPE; either
  // way it is refused and nothing is expanded.
  ExpectRefused(laughs, "bad.xml");
  ExpectRefused(Edited("JW305.xml", "<jw305:Bericht ", "<!DOCTYPE x>\n<jw305:Bericht "),
                "DOCTYPE is niet toegestaan");
  // Not UTF-8: declared Latin-1, and invalid UTF-8 bytes.
  ExpectRefused(Edited("JW323.xml", "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\""),
                "niet in UTF-8");
  ExpectRefused(Edited("JW323.xml", "DN001", "DN\xe9\x01"), "geen geldige XML");
  // UTF-16 (byte order mark FF FE) that declares UTF-8: refused by what it is.
  std::string ascii =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jw323:Bericht "
      "xmlns:jw323=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema\"/>\n";
  std::string utf16 = "\xff\xfe";
  for (char c : ascii) {
    utf16 += c;
    utf16 += '\0';
  }
  ExpectRefused(utf16, "niet in UTF-8 ('UTF-16LE')");
}

TEST_F(IjwTest, HugeFileIsRefusedUnread) {
  fs::path big = dir_ / "groot.xml";
  std::ofstream(big) << "<x/>";
  fs::resize_file(big, (300LL << 20));  // sparse: costs no disk
  std::string before = Dump(*store_);
  ImportOutcome out = Import(big);
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.errors.ToString(), HasSubstr("te groot"));
  EXPECT_EQ(Dump(*store_), before);
}

TEST_F(IjwTest, FolderImportsCsvAndMessagesInOrder) {
  fs::path folder = dir_ / "map";
  fs::create_directories(folder);
  for (const auto& e : fs::directory_iterator(kStam))
    fs::copy(e.path(), folder / e.path().filename());
  // Names chosen so that name order is not dependency order.
  fs::copy(Example("JW323.xml"), folder / "a_declaratie.xml");
  fs::copy(Example("JW307.xml"), folder / "b_stop.xml");
  fs::copy(Example("JW305.xml"), folder / "c_start.xml");
  fs::copy(Example("JW301.xml"), folder / "d_toewijzing.xml");
  auto s = Store::Open((dir_ / "map.db").string());
  ASSERT_TRUE(s.ok());
  ImportOutcome out = ImportFolder(**s, folder.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  EXPECT_EQ((*s)->Count("ijw_message"), 4);
  EXPECT_EQ((*s)->Count("care_period"), 2);
  EXPECT_EQ((*s)->Count("declaration"), 4);
}

// A region's message traffic holds the retour messages too (JW302, JW306, JW308, and
// the JW325 answers): a folder import skips them and names them; given alone, such a
// message is an error that names it. Something that is no iJw 3.2 message still
// refuses the folder.
TEST_F(IjwTest, RetourMessagesInAFolderAreSkippedAndNamed) {
  fs::path folder = dir_ / "verkeer";
  fs::create_directories(folder);
  for (const char* name : {"JW301.xml", "JW302.xml", "JW305.xml", "JW306.xml",
                           "JW307.xml", "JW308.xml", "JW323.xml", "JW325.xml"}) {
    fs::copy(Example(name), folder / name);
  }
  ImportOutcome out = ImportFolder(*store_, folder.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  EXPECT_EQ(store_->Count("ijw_message"), 4);
  EXPECT_THAT(out.skipped,
              ::testing::ElementsAre("JW302.xml (JW302)", "JW306.xml (JW306)",
                                     "JW308.xml (JW308)", "JW325.xml (JW325)"));

  std::string before = Dump(*store_);
  ImportOutcome alone = Import(Example("JW302.xml"));
  ASSERT_FALSE(alone.ok());
  EXPECT_THAT(alone.errors.ToString(), HasSubstr("bericht JW302 wordt niet ingelezen"));
  EXPECT_THAT(alone.errors.ToString(), HasSubstr("JW302.xml"));
  EXPECT_EQ(Dump(*store_), before);

  std::ofstream(folder / "anders.xml") << "<?xml version=\"1.0\"?><Bericht "
                                          "xmlns=\"http://www.istandaarden.nl/ijw/3_1/"
                                          "jw301/schema\"/>";
  ImportOutcome refused = ImportFolder(*store_, folder.string(), options_);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.errors.ToString(), HasSubstr("geen iJw-bericht"));
  EXPECT_EQ(Dump(*store_), before);
}

// toewijzingen_aanvulling.csv gives a JW301 assignment what the message cannot carry
// (demo --ijw uses it); a row without its JW301, or with an unknown team, is refused.
TEST_F(IjwTest, SupplementCompletesJw301) {
  fs::path folder = dir_ / "aanvulling";
  fs::create_directories(folder);
  for (const auto& e : fs::directory_iterator(kStam))
    fs::copy(e.path(), folder / e.path().filename());
  fs::copy(Example("JW301.xml"), folder / "JW301.xml");
  std::ofstream(folder / "jeugdteams.csv")
      << "team;naam;gemeentecode;jaar\nT1;Team Diemen;GM0384;2026\n";
  auto write_supplement = [&](const std::string& rows) {
    std::ofstream(folder / "toewijzingen_aanvulling.csv")
        << "toewijzingnummer;verwijzer;team;vorige_toewijzing\n"
        << rows;
  };
  auto s = Store::Open((dir_ / "aanvulling.db").string());
  ASSERT_TRUE(s.ok());
  Store& store = **s;

  // A row whose assignment is in no JW301 of the import: refused, nothing stored.
  write_supplement("300201;huisarts;T1;\n999;gemeente;;\n");
  std::string before = Dump(store);
  ImportOutcome out = ImportFolder(store, folder.string(), options_);
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.errors.ToString(),
              HasSubstr((folder / "toewijzingen_aanvulling.csv").string() + ":3"));
  EXPECT_THAT(out.errors.ToString(), HasSubstr("toewijzing '999' staat in geen JW301"));
  EXPECT_EQ(out.errors.count(), 1u);
  EXPECT_EQ(Dump(store), before);

  // An unknown team: refused with file, line and column.
  write_supplement("300201;huisarts;T9;\n");
  out = ImportFolder(store, folder.string(), options_);
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.errors.ToString(), HasSubstr("toewijzingen_aanvulling.csv:2:3"));
  EXPECT_THAT(out.errors.ToString(), HasSubstr("onbekend jeugdteam"));
  EXPECT_EQ(Dump(store), before);

  write_supplement("300201;huisarts;T1;\n300202;gemeente;;300201\n");
  out = ImportFolder(store, folder.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  auto a = store.LoadAssignments();
  ASSERT_TRUE(a.ok());
  int seen = 0;
  for (const Assignment& x : *a) {
    if (x.number == "300201") {
      ++seen;
      EXPECT_EQ(x.route, Route::kGp);
      EXPECT_EQ(x.team, "T1");
      EXPECT_EQ(x.predecessor, "");
    } else if (x.number == "300202") {
      ++seen;
      EXPECT_EQ(x.route, Route::kMunicipality);
      EXPECT_EQ(x.team, "");
      EXPECT_EQ(x.predecessor, "300201");
    } else {
      EXPECT_NE(x.route, Route::kUnknown) << x.number;  // toewijzingen.csv's own
    }
  }
  EXPECT_EQ(seen, 2);
  // Again: nothing changes (the supplement applies to the re-read JW301 alike).
  std::string after = Dump(store);
  out = ImportFolder(store, folder.string(), options_);
  ASSERT_TRUE(out.ok()) << out.errors.ToString();
  EXPECT_EQ(Dump(store), after);
}

TEST_F(IjwTest, Jw325AnswersValidAgainstTheSchema) {
  ImportOk(Example("JW323.xml"));
  ijw::AnswerOptions o;
  o.out_dir = (dir_ / "antwoord").string();
  o.messages = {Example("JW323.xml").string()};
  o.pseudonymizer = pseudo_.get();
  o.date = std::chrono::year(2026) / 5 / 10;
  // No findings yet: only the line kept as submitted (RN004, April) is rejected, 8021.
  auto answers = ijw::WriteAnswers(*store_, o);
  ASSERT_TRUE(answers.ok()) << answers.status().ToString();
  ASSERT_EQ(answers->size(), 1u);
  EXPECT_EQ((*answers)[0].lines, 5);
  EXPECT_EQ((*answers)[0].rejected, 1);
  EXPECT_EQ((*answers)[0].submitted.cents(), 79000);
  EXPECT_EQ((*answers)[0].granted.cents(), 79000 - 24000);
  std::string file = (*answers)[0].file;
  struct stat st;
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::string x = ReadText(file);
  EXPECT_THAT(x, HasSubstr("<ijw:Identificatie>765432198</ijw:Identificatie>"));
  EXPECT_THAT(x, HasSubstr("<jw325:RetourCode>8021</jw325:RetourCode>"));
  EXPECT_THAT(x, HasSubstr("<ijw:TotaalBedrag>55000</ijw:TotaalBedrag>"));
  // A finding of the care rules rejects RN001 (10072, April).
  Finding f;
  f.assignment = "10072";
  f.start = std::chrono::year(2026) / 4 / 1;
  f.declaration = "DN001";
  f.rule = "bedrag";
  f.code = "volume-x-tarief";
  f.status = FindingStatus::kRejected;
  f.message = "test";
  ASSERT_TRUE(store_->PutFindings({f}).ok());
  answers = ijw::WriteAnswers(*store_, o);
  ASSERT_TRUE(answers.ok()) << answers.status().ToString();
  EXPECT_EQ((*answers)[0].rejected, 2);
  EXPECT_EQ((*answers)[0].granted.cents(), 79000 - 24000 - 5000);
  x = ReadText(file);
  EXPECT_THAT(x, HasSubstr("<jw325:RetourCode>9346</jw325:RetourCode>"));
  if (!HaveXmllint()) {
    GTEST_SKIP() << "xmllint ontbreekt (libxml2-utils): JW325 niet tegen de XSD getoetst";
  }
  std::string cmd = "xmllint --noout --schema " +
                    (IjwDir() / "xsd" / "JW325.xsd").string() + " " + file;
  EXPECT_EQ(std::system((cmd + " >/dev/null 2>&1").c_str()), 0) << cmd;
  // Without the messages the BSN of a rejected line is unknown: a clear error.
  o.messages.clear();
  auto missing = ijw::WriteAnswers(*store_, o);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("--berichten"));
}

}  // namespace
}  // namespace jr
