#include "care/pseudonym.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "care/codes.h"
#include "care/pseudonym_cache.h"
#include "care/volume.h"

namespace jr {
namespace {

TEST(BsnTest, ElevenTest) {
  EXPECT_TRUE(IsValidBsn("111222333"));  // 9+8+7+12+10+8+9+6-3 = 66
  EXPECT_TRUE(IsValidBsn("123456782"));
  EXPECT_FALSE(IsValidBsn("123456789"));
  EXPECT_FALSE(IsValidBsn("000000000"));
  EXPECT_FALSE(IsValidBsn("12345678"));
  EXPECT_FALSE(IsValidBsn("12345678a"));
}

TEST(BsnTest, ShownValueNeverShowsABsn) {
  EXPECT_TRUE(ContainsBsn("111222333"));
  EXPECT_TRUE(ContainsBsn("GM111222333"));
  EXPECT_TRUE(ContainsBsn("x 123456782 y"));
  EXPECT_FALSE(ContainsBsn("1112223330"));  // ten digits: no BSN
  EXPECT_FALSE(ContainsBsn("111222334"));
  EXPECT_EQ(ShownValue("GM0505"), "'GM0505'");
  EXPECT_EQ(ShownValue("111222333"), "een waarde die op een BSN lijkt");
  EXPECT_EQ(ShownValue("gemeente 111222333"), "een waarde die op een BSN lijkt");
  EXPECT_EQ(HideBsns("'111222333' en 1112223330"), "'(BSN?)' en 1112223330");
  std::string long_value = std::string(59, 'a') + "\xC3\xA9" + std::string(100, 'b');
  EXPECT_EQ(ShownValue(long_value), "'" + std::string(59, 'a') + "...'");
}

TEST(PseudonymTest, StableForOneKeyDifferentForAnother) {
  std::array<unsigned char, 32> k1{}, k2{};
  k2[0] = 1;
  Pseudonymizer a(k1), a2(k1), b(k2);
  EXPECT_EQ(a.Pseudonym("111222333"), a2.Pseudonym("111222333"));
  EXPECT_NE(a.Pseudonym("111222333"), b.Pseudonym("111222333"));
  EXPECT_NE(a.Pseudonym("111222333"), a.Pseudonym("123456782"));
  EXPECT_EQ(a.Pseudonym("111222333").size(), 21u);
  EXPECT_EQ(a.Pseudonym("111222333").find("111222333"), std::string::npos);
}

// The pseudonym is "P" and the hex digits of keyed BLAKE2b with 10 bytes of output;
// the expected value computed apart (Python: hashlib.blake2b(b"111222333",
// key=bytes(32), digest_size=10)). Every stored pseudonym depends on it not changing.
TEST(PseudonymTest, IsKeyedBlake2bOfTenBytes) {
  std::array<unsigned char, 32> zero{};
  Pseudonymizer p(zero);
  EXPECT_EQ(p.Pseudonym("111222333"), "P5a637badb4e10a41414d");
  std::string text = "oud";
  Pseudonymizer::PseudonymText(p.BytesOf("111222333"), &text);
  EXPECT_EQ(text, "P5a637badb4e10a41414d");
}

TEST(PseudonymTest, KeyFileIsPrivateAndRoundTrips) {
  auto dir = std::filesystem::temp_directory_path() / "jr_pseudonym_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string path = (dir / "sleutel").string();
  ASSERT_TRUE(Pseudonymizer::CreateKeyFile(path).ok());
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(Pseudonymizer::CreateKeyFile(path).ok());  // never overwrites
  auto p1 = Pseudonymizer::FromKeyFile(path);
  auto p2 = Pseudonymizer::FromKeyFile(path);
  ASSERT_TRUE(p1.ok());
  EXPECT_EQ(p1->Pseudonym("111222333"), p2->Pseudonym("111222333"));
  EXPECT_FALSE(Pseudonymizer::FromKeyFile((dir / "ontbreekt").string()).ok());
  std::filesystem::remove_all(dir);
}

TEST(PseudonymTest, FingerprintIdentifiesTheKeyWithoutRevealingIt) {
  std::array<unsigned char, 32> k1{}, k2{};
  k1[5] = 0xab;
  k2[0] = 1;
  Pseudonymizer a(k1), a2(k1), b(k2);
  EXPECT_EQ(a.Fingerprint(), a2.Fingerprint());
  EXPECT_NE(a.Fingerprint(), b.Fingerprint());
  EXPECT_EQ(a.Fingerprint().size(), 64u);
  EXPECT_EQ(a.Fingerprint().find_first_not_of("0123456789abcdef"), std::string::npos);
  // Not the key itself.
  std::string key_hex;
  for (unsigned char c : k1) key_hex += fmt::format("{:02x}", c);
  EXPECT_NE(a.Fingerprint(), key_hex);
}

TEST(PseudonymTest, KeyFileErrorsSayWhatIsWrong) {
  MemEnv env;
  auto missing = Pseudonymizer::FromKeyFile("weg.key", env);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "sleutelbestand ontbreekt");
  EXPECT_EQ(missing.status().where().file, "weg.key");
  // The error no longer sends the user to `init` (which would make another key).
  EXPECT_EQ(missing.status().message().find("init"), std::string::npos);

  ASSERT_TRUE(env.WritePrivateFile("kapot.key", "niet hexadecimaal\n").ok());
  auto corrupt = Pseudonymizer::FromKeyFile("kapot.key", env);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_EQ(corrupt.status().message(),
            "sleutelbestand is ongeldig (64 hexadecimale tekens verwacht)");
  EXPECT_EQ(corrupt.status().where().file, "kapot.key");

  ASSERT_TRUE(env.WritePrivateFile("kort.key", std::string(63, 'a') + "\n").ok());
  EXPECT_FALSE(Pseudonymizer::FromKeyFile("kort.key", env).ok());

  ASSERT_TRUE(env.WritePrivateFile("goed.key", std::string(64, 'a') + "\n").ok());
  auto good = Pseudonymizer::FromKeyFile("goed.key", env);
  ASSERT_TRUE(good.ok());
  std::array<unsigned char, 32> k;
  k.fill(0xaa);
  EXPECT_EQ(good->Fingerprint(), Pseudonymizer(k).Fingerprint());
}

TEST(PseudonymTest, UnreadableKeyFileGivesTheRealError) {
  // A folder where the key file should be: it exists but cannot be read as a file.
  auto dir = std::filesystem::temp_directory_path() / "jr_pseudonym_unreadable";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "sleutel");
  auto p = Pseudonymizer::FromKeyFile((dir / "sleutel").string());
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("sleutelbestand: kan bestand niet lezen"),
            std::string::npos)
      << p.status().message();
  EXPECT_EQ(p.status().where().file, (dir / "sleutel").string());
  std::filesystem::remove_all(dir);
}

// The cache gives what the pseudonymizer gives, computes a BSN once while it stays,
// and keeps a set's four ways when a fifth BSN comes to it (the oldest way goes).
TEST(PseudonymCacheTest, GivesThePseudonymAndEvictsInTurn) {
  std::array<unsigned char, Pseudonymizer::kKeyBytes> key{};
  key[3] = 9;
  Pseudonymizer p(key);
  PseudonymCache cache;
  int computed = 0;
  auto get = [&](uint32_t bsn) {
    std::string digits = fmt::format("{:09d}", bsn);
    Pseudonymizer::PseudonymBytes bytes = cache.Get(bsn, [&] {
      ++computed;
      return p.BytesOf(digits);
    });
    std::string text;
    Pseudonymizer::PseudonymText(bytes, &text);
    EXPECT_EQ(text, p.Pseudonym(digits)) << digits;
  };
  // Six numbers of one set (the cache does not ask for valid BSNs).
  std::vector<uint32_t> same;
  for (uint32_t b = 100000000; same.size() < 6; ++b)
    if (PseudonymCache::SetOf(b) == PseudonymCache::SetOf(100000000)) same.push_back(b);
  for (int i = 0; i < 4; ++i) get(same[i]);
  EXPECT_EQ(computed, 4);
  for (int i = 0; i < 4; ++i) get(same[i]);
  EXPECT_EQ(computed, 4);  // all four cached
  get(same[4]);            // takes the way of same[0]
  EXPECT_EQ(computed, 5);
  get(same[1]);
  EXPECT_EQ(computed, 5);
  get(same[0]);  // computed again, into the way of same[1]
  EXPECT_EQ(computed, 6);
  get(same[1]);
  EXPECT_EQ(computed, 7);
}

TEST(CodesTest, RoundTrip) {
  EXPECT_EQ(UnitFromCode("14"), Unit::kDay);
  EXPECT_EQ(UnitCode(Unit::kMinute), "01");
  EXPECT_FALSE(UnitFromCode("99").has_value());
  EXPECT_EQ(RouteFromName("huisarts"), Route::kGp);
  EXPECT_EQ(RouteName(Route::kCertifiedInstitution), "gi");
  EXPECT_EQ(CareClassFromName("grijs"), CareClass::kGrey);
  EXPECT_EQ(FrequencyFromCode("6"), Frequency::kTotal);
}

TEST(VolumeTest, ParseAndMultiply) {
  EXPECT_EQ(Volume::Parse("12,5")->hundredths, 1250);
  EXPECT_FALSE(Volume::Parse("-1").ok());
  EXPECT_FALSE(Volume::Parse("1,234").ok());
  EXPECT_EQ(Volume::Parse("2,5")->Times(Money::FromCents(333)).cents(), 833);  // 832.5
  EXPECT_EQ(Volume{1250}.ToString(), "12,5");
}

}  // namespace
}  // namespace jr
