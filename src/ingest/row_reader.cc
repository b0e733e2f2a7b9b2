#include "ingest/row_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "care/pseudonym.h"

namespace jr {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool Digits(std::string_view s, size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

RowReader::RowReader(const CsvReader& csv, std::vector<ColumnSpec> spec,
                     std::vector<std::vector<const char*>> alternatives,
                     ErrorList* errors)
    : file_(csv.name()), header_(csv.header()), errors_(errors) {
  auto known = [&](const std::string& h) {
    for (const ColumnSpec& c : spec) {
      if (h == c.name) return true;
    }
    for (const auto& group : alternatives) {
      for (const char* a : group) {
        if (h == a) return true;
      }
    }
    return false;
  };
  for (size_t i = 0; i < header_.size(); ++i) {
    const std::string& h = header_[i];
    if (!known(h)) {
      std::string expected;
      for (const ColumnSpec& c : spec)
        expected += (expected.empty() ? "" : ";") + std::string(c.name);
      errors_->Add(
          fmt::format("onbekende kolom {} (verwacht: {}{})", ShownValue(h), expected,
                      csv.separator() == ',' && h.find(';') != std::string::npos
                          ? "; verkeerd scheidingsteken?"
                          : ""),
          {file_, 1, static_cast<int>(i + 1)});
      header_ok_ = false;
    }
    if (std::count(header_.begin(), header_.end(), h) > 1 &&
        std::find(header_.begin(), header_.end(), h) - header_.begin() <
            static_cast<long>(i)) {
      errors_->Add(fmt::format("kolom {} staat er twee keer in", ShownValue(h)),
                   {file_, 1, static_cast<int>(i + 1)});
      header_ok_ = false;
    }
  }
  for (const ColumnSpec& c : spec) {
    if (c.required && !Has(c.name)) {
      errors_->Add(fmt::format("verplichte kolom '{}' ontbreekt", c.name), {file_, 1});
      header_ok_ = false;
    }
  }
  for (const auto& group : alternatives) {
    int present = 0;
    std::string names;
    for (const char* a : group) {
      present += Has(a);
      names += (names.empty() ? "'" : " of '") + std::string(a) + "'";
    }
    if (present != 1) {
      errors_->Add(
          present == 0
              ? fmt::format("kolom {} ontbreekt", names)
              : fmt::format("alleen een van de kolommen {} mag voorkomen", names),
          {file_, 1});
      header_ok_ = false;
    }
  }
}

int RowReader::Index(std::string_view column) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == column) return static_cast<int>(i);
  }
  return -1;
}

bool RowReader::Start(int line, const std::vector<std::string>* fields) {
  line_ = line;
  fields_ = fields;
  // Empty fields after the last column (Excel: "1;2;3;;") are not data.
  size_t used = fields->size();
  while (used > header_.size() && Trim((*fields)[used - 1]).empty()) --used;
  if (used != header_.size()) {
    errors_->Add(
        fmt::format("regel heeft {} velden, de kopregel {} (verkeerd scheidingsteken of "
                    "ontbrekende aanhalingstekens?)",
                    fields->size(), header_.size()),
        {file_, line});
    return false;
  }
  return true;
}

Location RowReader::At(std::string_view column) const {
  return {file_, line_, Index(column) + 1};
}

void RowReader::Error(const char* column, const std::string& message) {
  errors_->Add(fmt::format("veld '{}': {}", column, HideBsns(message)), At(column));
}

std::string_view RowReader::Raw(const char* column) const {
  int i = Index(column);
  return i < 0 ? std::string_view() : Trim((*fields_)[i]);
}

std::optional<std::string> RowReader::Text(const char* column, bool required) {
  std::string_view v = Raw(column);
  if (v.empty()) {
    if (required) Error(column, "is leeg");
    return std::nullopt;
  }
  return std::string(v);
}

std::optional<int> RowReader::Year(const char* column) {
  std::string_view v = Raw(column);
  int y = 0;
  if (!Digits(v, 4) || std::from_chars(v.data(), v.data() + 4, y).ec != std::errc() ||
      y < 1990 || y > 2100) {
    Error(column, fmt::format("{} is geen jaartal", ShownValue(v)));
    return std::nullopt;
  }
  return y;
}

std::optional<Date> RowReader::DateField(const char* column, bool required,
                                         int min_year) {
  std::string_view v = Raw(column);
  if (v.empty()) {
    if (required) Error(column, "is leeg");
    return std::nullopt;
  }
  auto d = ParseDate(v);
  if (!d.ok() && ContainsBsn(v)) {  // the parser's message would echo it
    Error(column, ShownValue(v) + " is geen datum");
    return std::nullopt;
  }
  if (!d.ok()) {
    Error(column, d.status().message());
    return std::nullopt;
  }
  // Plausible dates only: a year such as 0001 or 9999 is a typing error, and would
  // break the reports later (issue 18, item 10).
  const int year = static_cast<int>(d->year());
  if (year < min_year || year > 2100) {
    Error(column, fmt::format("{} ligt buiten {}-2100", ShownValue(v), min_year));
    return std::nullopt;
  }
  return *d;
}

std::optional<Money> RowReader::Amount(const char* column, bool required) {
  std::string_view v = Raw(column);
  if (v.empty()) {
    if (required) Error(column, "is leeg");
    return std::nullopt;
  }
  auto m = Money::Parse(v);
  if (!m.ok() && ContainsBsn(v)) {
    Error(column, ShownValue(v) + " is geen geldig bedrag");
    return std::nullopt;
  }
  if (!m.ok()) {
    Error(column, m.status().message());
    return std::nullopt;
  }
  if (m->cents() < 0) {
    Error(column,
          fmt::format("bedrag {} is negatief (een creditering heeft debet_credit C)",
                      ShownValue(v)));
    return std::nullopt;
  }
  return *m;
}

std::optional<Volume> RowReader::VolumeField(const char* column) {
  std::string_view v = Raw(column);
  if (v.empty()) {
    Error(column, "is leeg");
    return std::nullopt;
  }
  auto vol = Volume::Parse(v);
  if (!vol.ok() && ContainsBsn(v)) {
    Error(column, ShownValue(v) + " is geen volume");
    return std::nullopt;
  }
  if (!vol.ok()) {
    Error(column, vol.status().message());
    return std::nullopt;
  }
  return *vol;
}

std::optional<double> RowReader::Number(const char* column) {
  std::string s(Raw(column));
  // The grammar of amounts: with a comma, the comma is the decimal sign and dots are
  // thousands; without, dots between groups of three digits (the first 1-3 digits, not
  // starting with 0) are thousands (`118.709` is 118709, as `1.234` euro is 1234 euro),
  // any other single dot is the decimal sign (`0.125`, `1.5`).
  if (s.find(',') != std::string::npos) {
    s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
    std::replace(s.begin(), s.end(), ',', '.');
  } else if (s.find('.') != std::string::npos) {
    bool grouped = s[0] != '0' && s[0] != '.';
    size_t begin = 0;
    for (size_t i = 0; grouped && i <= s.size(); ++i) {
      if (i < s.size() && s[i] != '.') {
        if (s[i] < '0' || s[i] > '9') grouped = false;
        continue;
      }
      const size_t len = i - begin;
      grouped = begin == 0 ? (len >= 1 && len <= 3) : len == 3;
      begin = i + 1;
    }
    if (grouped) s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
  }
  double d = 0;
  // Fixed notation only: `1e5` is no number in these files (nor is it an amount).
  auto r = std::from_chars(s.data(), s.data() + s.size(), d, std::chars_format::fixed);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() ||
      !std::isfinite(d)) {
    Error(column, fmt::format("{} is geen getal", ShownValue(Raw(column))));
    return std::nullopt;
  }
  if (d < 0) {
    Error(column, fmt::format("{} is negatief", ShownValue(Raw(column))));
    return std::nullopt;
  }
  return d;
}

std::optional<std::string> RowReader::Municipality(const char* column, bool required) {
  auto v = Text(column, required);
  if (!v) return std::nullopt;
  // "gm0505" and "Gm0505" are GM0505: the code is stored upper-case.
  if (v->size() == 6 &&
      (v->starts_with("gm") || v->starts_with("Gm") || v->starts_with("gM"))) {
    (*v)[0] = 'G';
    (*v)[1] = 'M';
  }
  if (v->size() != 6 || !v->starts_with("GM") ||
      !Digits(std::string_view(*v).substr(2), 4)) {
    Error(column, fmt::format("{} is geen CBS-gemeentecode (GMnnnn)", ShownValue(*v)));
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> RowReader::Agb(const char* column, bool required) {
  auto v = Text(column, required);
  if (!v) return std::nullopt;
  if (!Digits(*v, 8)) {
    Error(column, fmt::format("{} is geen AGB-code (8 cijfers)", ShownValue(*v)));
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> RowReader::Category(const char* column) {
  auto v = Text(column);
  if (!v) return std::nullopt;
  if (!Digits(*v, 2)) {
    Error(column, fmt::format("{} is geen productcategorie (2 cijfers)", ShownValue(*v)));
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> RowReader::ProductCode(const char* column) {
  auto v = Text(column);
  if (!v) return std::nullopt;
  if (v->size() > 5 || !std::all_of(v->begin(), v->end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c));
      })) {
    Error(column, fmt::format("{} is geen productcode (hoogstens 5 letters of cijfers)",
                              ShownValue(*v)));
    return std::nullopt;
  }
  return v;
}

std::optional<Unit> RowReader::UnitField(const char* column) {
  auto v = Text(column);
  if (!v) return std::nullopt;
  std::string code = v->size() == 1 ? "0" + *v : *v;
  auto u = UnitFromCode(code);
  if (!u) {
    Error(column, fmt::format("{} is geen iJw-eenheid (01, 04, 14, 16, 82, 83 of 84)",
                              ShownValue(*v)));
    return std::nullopt;
  }
  return u;
}

}  // namespace jr
