#include "ingest/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace jr {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Read {
  Status status;  // of FromText, then of ForEachRecord
  std::vector<std::string> header;
  std::vector<std::pair<int, std::vector<std::string>>> records;
};

Read ReadAll(std::string text) {
  Read out;
  auto r = CsvReader::FromText("f.csv", std::move(text));
  if (!r.ok()) {
    out.status = r.status();
    return out;
  }
  out.header = r->header();
  out.status = r->ForEachRecord([&](int line, const std::vector<std::string>& f) {
    out.records.push_back({line, f});
    return true;
  });
  return out;
}

TEST(CsvReaderTest, RefusesEveryClassOfInvalidUtf8) {
  const std::pair<const char*, std::string> kInvalid[] = {
      {"lone continuation byte", "\x80"},
      {"overlong 2-byte C0", "\xC0\x80"},
      {"overlong 2-byte C1", "\xC1\xBF"},
      {"overlong 3-byte E0 80", "\xE0\x80\x80"},
      {"overlong 3-byte E0 9F", "\xE0\x9F\xBF"},
      {"surrogate D800", "\xED\xA0\x80"},
      {"surrogate DFFF", "\xED\xBF\xBF"},
      {"overlong 4-byte F0 80", "\xF0\x80\x80\x80"},
      {"overlong 4-byte F0 8F", "\xF0\x8F\xBF\xBF"},
      {"above 10FFFF", "\xF4\x90\x80\x80"},
      {"lead F5", "\xF5\x80\x80\x80"},
      {"lead F7", "\xF7\xBF\xBF\xBF"},
      {"lead F8", "\xF8\x88\x80\x80\x80"},
      {"lead FE", "\xFE"},
      {"lead FF", "\xFF"},
      {"truncated 2-byte", "\xC3"},
      {"truncated 3-byte", "\xE2\x82"},
      {"truncated 4-byte", "\xF0\x9F\x98"},
      {"bad continuation", "\xE2\x28\xA1"},
      {"Windows-1252 e acute", "\xE9"},
  };
  for (const auto& [what, bytes] : kInvalid) {
    Read r = ReadAll("a;b\n1;ok\n2;x" + bytes + "y\n");
    EXPECT_FALSE(r.status.ok()) << what;
    EXPECT_THAT(r.status.message(), HasSubstr("geen UTF-8")) << what;
    EXPECT_EQ(r.status.where().line, 3) << what;
    // Also at the very end of the file (no newline, nothing after it).
    Read end = ReadAll("a;b\n2;x" + bytes);
    EXPECT_FALSE(end.status.ok()) << what << " at the end";
  }
}

TEST(CsvReaderTest, AcceptsValidUtf8AtTheEdges) {
  // é, €, U+D7FF, U+E000, U+FFFD, 😀, U+10FFFF
  std::string text =
      "\xC3\xA9 \xE2\x82\xAC \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBD "
      "\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF";
  Read r = ReadAll("a;b\n1;" + text + "\n");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].second[1], text);
}

TEST(CsvReaderTest, RefusesNulInAFieldWithLineAndColumn) {
  Read r = ReadAll(std::string("a;b\n1;x\n2;x\0y\n", 15));
  ASSERT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.ToString(), HasSubstr("f.csv:3:2: veld 'b': veld bevat een NUL"));
  Read header = ReadAll(std::string("a;b\0\n1;2\n", 9));
  EXPECT_THAT(header.status.ToString(), HasSubstr("f.csv:1:2: veld bevat een NUL"));
}

TEST(CsvReaderTest, RefusesABomAfterTheStart) {
  EXPECT_TRUE(ReadAll("\xEF\xBB\xBF"
                      "a;b\n1;2\n")
                  .status.ok());
  Read r = ReadAll(
      "a;b\n1;2\n\xEF\xBB\xBF"
      "3;4\n");
  ASSERT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.ToString(),
              HasSubstr("f.csv:3:1: veld 'a': veld bevat een byte-order"));
  Read quoted = ReadAll("a;b\n1;\"x\xEF\xBB\xBFy\"\n");
  EXPECT_THAT(quoted.status.ToString(), HasSubstr("f.csv:2:2: veld 'b'"));
}

TEST(CsvReaderTest, BoundsFieldLengthWithoutPrintingTheField) {
  std::string just(CsvReader::kMaxFieldBytes, 'x');
  Read ok = ReadAll("a;b\n1;" + just + "\n");
  ASSERT_TRUE(ok.status.ok()) << ok.status.ToString();
  EXPECT_EQ(ok.records[0].second[1].size(), CsvReader::kMaxFieldBytes);

  std::string big(CsvReader::kMaxFieldBytes + 1, 'y');
  for (const std::string& field : {big, "\"" + big + "\"", "\"" + big, big + big + big}) {
    Read r = ReadAll("a;b\n1;2\n3;" + field + "\n4;5\n");
    ASSERT_FALSE(r.status.ok());
    EXPECT_THAT(r.status.ToString(),
                HasSubstr("f.csv:3:2: veld 'b': veld is langer dan 64 KiB"));
    EXPECT_THAT(r.status.ToString(), Not(HasSubstr("yyyyyyyy")));
  }
  // A quoted field over many lines counts as a whole.
  std::string lines;
  for (int i = 0; i < 2000; ++i) lines += std::string(40, 'z') + "\n";
  Read multi = ReadAll("a;b\n1;\"" + lines + "\"\n");
  EXPECT_THAT(multi.status.ToString(), HasSubstr("f.csv:2:2: veld 'b': veld is langer"));
}

TEST(CsvReaderTest, LoneCrEndsALine) {
  Read r = ReadAll("a;b\r1;2\r\r3;4\r");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.header, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].first, 2);
  EXPECT_EQ(r.records[1].first, 4);  // line numbers count the empty line
  EXPECT_EQ(r.records[1].second, (std::vector<std::string>{"3", "4"}));
  // CRLF and a file without any line end still work.
  Read crlf = ReadAll("a;b\r\n1;2\r\n3;4\r\n");
  ASSERT_EQ(crlf.records.size(), 2u);
  EXPECT_EQ(crlf.records[1].first, 3);
  // A mistake after CR-only lines is reported on its own line.
  Read bad = ReadAll("a;b\r1;2\r3;\"x\r");
  EXPECT_THAT(bad.status.ToString(),
              HasSubstr("f.csv:3: aanhalingsteken wordt niet gesloten"));
}

TEST(CsvReaderTest, ExcelSepLineAndTrailingEmptyColumns) {
  // Dutch Excel: "sep=;" before the header, empty columns after the last one.
  Read r = ReadAll("sep=;\r\na;b;;\r\n1;2;;\r\n");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.header, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].first, 3);  // the sep line counts
  // "sep=," wins over the count of separators in the header.
  Read comma = ReadAll("sep=,\na;b,c\n1;2,3\n");
  ASSERT_TRUE(comma.status.ok()) << comma.status.ToString();
  EXPECT_EQ(comma.header, (std::vector<std::string>{"a;b", "c"}));
}

TEST(CsvReaderTest, EmptyFirstLineIsNotCalledAnEmptyFile) {
  EXPECT_THAT(ReadAll("").status.message(), HasSubstr("het bestand is leeg"));
  EXPECT_THAT(ReadAll("\r\r").status.message(), HasSubstr("het bestand is leeg"));
  EXPECT_THAT(ReadAll("\na;b\n1;2\n").status.message(),
              HasSubstr("de eerste regel is leeg"));
}

TEST(CsvReaderTest, LibcsvErrorsAreDutch) {
  Read r = ReadAll("a;b\n1;2\n3;x\"y\n");
  ASSERT_FALSE(r.status.ok());
  EXPECT_THAT(r.status.ToString(),
              HasSubstr("f.csv:3: aanhalingsteken op een verkeerde plaats"));
  EXPECT_THAT(r.status.message(), Not(HasSubstr("error")));
  Read after = ReadAll("a;b\n1;\"x\"y\n");
  EXPECT_THAT(after.status.ToString(),
              HasSubstr("f.csv:2: aanhalingsteken op een verkeerde plaats"));
}

}  // namespace
}  // namespace jr
