#include "settle/scenario_file.h"

#include <chrono>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "settle/builtin_models.h"
#include "settle/input_builder.h"
#include "settle/model_file.h"

namespace jr::settle {
namespace {

// Reads fields of one [[row]] table, remembering the first error.
class RowReader {
 public:
  RowReader(const toml::table& row, const std::string& file, std::string path)
      : row_(row), file_(file), path_(std::move(path)) {}

  std::string Text(const char* key) {
    if (auto v = row_[key].value<std::string>()) return *v;
    Fail(key, "verwacht tekst");
    return "";
  }
  int64_t Int(const char* key, std::optional<int64_t> fallback = std::nullopt) {
    if (auto v = row_[key].value<int64_t>()) return *v;
    if (fallback && !row_.contains(key)) return *fallback;
    Fail(key, "verwacht een geheel getal");
    return 0;
  }
  double Number(const char* key) {
    if (auto v = row_[key].value<double>()) return *v;
    Fail(key, "verwacht een getal");
    return 0;
  }
  Money Amount(const char* key) {
    if (auto euros = row_[key].value_exact<int64_t>()) return Money::FromEuros(*euros);
    if (auto text = row_[key].value<std::string>()) {
      auto m = Money::Parse(*text);
      if (m.ok()) return *m;
      Fail(key, m.status().message());
      return Money();
    }
    Fail(key, "verwacht een bedrag in euro (\"1234,56\" of een geheel getal)");
    return Money();
  }
  bool Has(const char* key) const { return row_.contains(key); }
  const Status& status() const { return status_; }

 private:
  void Fail(const char* key, const std::string& message) {
    if (!status_.ok()) return;
    std::string path = fmt::format("{}.{}", path_, key);
    const toml::source_region& src = row_.source();
    status_ = Status::Error(fmt::format("{}: {}", path, message),
                            Location{file_, static_cast<int>(src.begin.line),
                                     static_cast<int>(src.begin.column), path});
  }
  const toml::table& row_;
  const std::string& file_;
  std::string path_;
  Status status_;
};

Date FirstOfYear(int64_t year) {
  return std::chrono::year(static_cast<int>(year)) / std::chrono::January / 1;
}

// Calls `read(RowReader&)` for every table of the array `name`; stops at an error.
template <typename Read>
Status ForEachRow(const toml::table& root, const char* name, const std::string& file,
                  Read read) {
  const toml::array* rows = root[name].as_array();
  if (rows == nullptr) return Status::Ok();
  for (size_t i = 0; i < rows->size(); ++i) {
    const toml::table* row = (*rows)[i].as_table();
    std::string path = fmt::format("{}[{}]", name, i);
    if (row == nullptr) return Status::Error(path + ": verwacht een tabel", Location{file, 0, 0, path});
    RowReader reader(*row, file, path);
    read(reader);
    if (!reader.status().ok()) return reader.status();
  }
  return Status::Ok();
}

}  // namespace

Result<Scenario> LoadScenarioFile(const std::string& path) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Status::Error(fmt::format("geen geldige TOML: {}", e.description()),
                         Location{path, static_cast<int>(e.source().begin.line),
                                  static_cast<int>(e.source().begin.column), ""});
  }
  Scenario out;
  out.file = path;
  out.description = root["description"].value_or(std::string());
  out.year = static_cast<int>(root["year"].value_or(int64_t{0}));
  if (auto err = root["expected_error"].value<std::string>()) out.expected_error = *err;

  Region region;
  Status s = ForEachRow(root, "municipality", path, [&](RowReader& r) {
    Municipality m;
    m.code = r.Text("code");
    m.name = r.Has("name") ? r.Text("name") : m.code;
    m.begin = FirstOfYear(r.Int("from", 2000));
    if (r.Has("until")) m.end = FirstOfYear(r.Int("until"));
    if (r.Has("successor")) m.successor = r.Text("successor");
    region.AddMunicipality(std::move(m));
  });
  if (s.ok()) {
    s = ForEachRow(root, "key", path, [&](RowReader& r) {
      region.SetKey(r.Text("municipality"), static_cast<int>(r.Int("year")), r.Text("key"),
                    r.Number("value"));
    });
  }
  InputBuilder builder(std::move(region));
  if (s.ok()) {
    s = ForEachRow(root, "use", path, [&](RowReader& r) {
      builder.AddUse(r.Text("municipality"), static_cast<int>(r.Int("year")), r.Text("bucket"),
                     r.Amount("amount"), r.Int("clients", 0));
    });
  }
  if (s.ok()) {
    s = ForEachRow(root, "client", path, [&](RowReader& r) {
      std::string code = r.Text("municipality");
      int year = static_cast<int>(r.Int("year"));
      std::string bucket = r.Text("bucket");
      Money amount = r.Amount("amount");
      builder.AddUse(code, year, bucket, amount, 1);
      builder.AddClientCost(r.Text("client"), code, year, bucket, amount);
    });
  }
  if (s.ok()) {
    s = ForEachRow(root, "fixed", path, [&](RowReader& r) {
      builder.AddFixedCost(static_cast<int>(r.Int("year")), r.Text("bucket"), r.Amount("amount"));
    });
  }
  if (s.ok()) {
    s = ForEachRow(root, "local", path, [&](RowReader& r) {
      builder.AddLocalCost(r.Text("municipality"), static_cast<int>(r.Int("year")),
                           r.Text("bucket"), r.Amount("amount"));
    });
  }
  if (s.ok()) {
    s = ForEachRow(root, "expected", path, [&](RowReader& r) {
      out.expected.push_back(
          ExpectedRow{r.Text("municipality"), r.Amount("contribution"), r.Amount("own_use")});
    });
  }
  if (!s.ok()) return s;
  out.input = builder.Build();

  Result<Model> model = Status::Error("het model ('model') ontbreekt", Location{path});
  if (const toml::table* table = root["model"].as_table()) {
    model = ParseModelTable(*table, path, "model");
  } else if (auto name = root["model"].value<std::string>()) {
    model = BuiltinModel(*name);
  }
  if (!model.ok()) return model.status();
  out.model = std::move(model).value();
  return out;
}

}  // namespace jr::settle
