#include "settle/scenario_file.h"

#include <fmt/format.h>

#include <chrono>

#include "core/toml_reader.h"
#include "settle/builtin_models.h"
#include "settle/input_builder.h"
#include "settle/model_file.h"

namespace jr::settle {
namespace {

// Reads fields of one [[row]] table with the core readers, remembering the first error
// so a row reads as one expression per field.
class RowReader {
 public:
  RowReader(const TomlSource& src, const toml::table& row, std::string path)
      : src_(src), row_(row), path_(std::move(path)) {}

  std::string Text(const char* key) {
    return Keep(RequireString(src_, row_, key, At(key)));
  }
  int64_t Int(const char* key) { return Keep(RequireInt(src_, row_, key, At(key))); }
  int64_t Int(const char* key, int64_t fallback) {
    return Keep(OptionalInt(src_, row_, key, At(key), fallback));
  }
  double Number(const char* key) { return Keep(RequireDouble(src_, row_, key, At(key))); }
  Money Amount(const char* key) { return Keep(RequireMoney(src_, row_, key, At(key))); }
  bool Has(const char* key) const { return row_.contains(key); }
  const Status& status() const { return status_; }

 private:
  std::string At(const char* key) const { return KeyPath(path_, key); }
  // The value, or T() after an error.
  template <typename T>
  T Keep(Result<T> r) {
    if (r.ok()) return std::move(r).value();
    if (status_.ok()) status_ = r.status();
    return T();
  }

  const TomlSource& src_;
  const toml::table& row_;
  std::string path_;
  Status status_;
};

Date FirstOfYear(int64_t year) {
  return std::chrono::year(static_cast<int>(year)) / std::chrono::January / 1;
}

// Calls `read(RowReader&)` for every table of the array `name`; stops at an error.
template <typename Read>
Status ForEachRow(const TomlSource& src, const toml::table& root, const char* name,
                  Read read) {
  auto rows = TableArray(src, root, name, name, false);
  if (!rows.ok()) return rows.status();
  for (size_t i = 0; i < rows->size(); ++i) {
    RowReader reader(src, *(*rows)[i], fmt::format("{}[{}]", name, i + 1));
    read(reader);
    if (!reader.status().ok()) return reader.status();
  }
  return Status::Ok();
}

}  // namespace

Result<Scenario> LoadScenarioFile(const std::string& path) {
  const TomlSource src{path};
  auto parsed = ReadTomlFile(src, "scenariobestand");
  if (!parsed.ok()) return parsed.status();
  const toml::table& root = *parsed;
  Scenario out;
  out.file = path;
  RowReader top(src, root, "");
  if (top.Has("description")) out.description = top.Text("description");
  out.year = static_cast<int>(top.Int("year"));
  if (top.Has("expected_error")) out.expected_error = top.Text("expected_error");
  if (!top.status().ok()) return top.status();

  Region region;
  Status s = ForEachRow(src, root, "municipality", [&](RowReader& r) {
    Municipality m;
    m.code = r.Text("code");
    m.name = r.Has("name") ? r.Text("name") : m.code;
    m.begin = FirstOfYear(r.Int("from", 2000));
    if (r.Has("until")) m.end = FirstOfYear(r.Int("until"));
    if (r.Has("successor")) m.successor = r.Text("successor");
    region.AddMunicipality(std::move(m));
  });
  if (s.ok()) {
    s = ForEachRow(src, root, "key", [&](RowReader& r) {
      region.SetKey(r.Text("municipality"), static_cast<int>(r.Int("year")),
                    r.Text("key"), r.Number("value"));
    });
  }
  InputBuilder builder(std::move(region));
  if (s.ok()) {
    s = ForEachRow(src, root, "use", [&](RowReader& r) {
      builder.AddUse(r.Text("municipality"), static_cast<int>(r.Int("year")),
                     r.Text("bucket"), r.Amount("amount"), r.Int("clients", 0));
    });
  }
  if (s.ok()) {
    s = ForEachRow(src, root, "client", [&](RowReader& r) {
      std::string code = r.Text("municipality");
      int year = static_cast<int>(r.Int("year"));
      std::string bucket = r.Text("bucket");
      Money amount = r.Amount("amount");
      builder.AddUse(code, year, bucket, amount, 1);
      builder.AddClientCost(r.Text("client"), code, year, bucket, amount);
    });
  }
  if (s.ok()) {
    s = ForEachRow(src, root, "fixed", [&](RowReader& r) {
      builder.AddFixedCost(static_cast<int>(r.Int("year")), r.Text("bucket"),
                           r.Amount("amount"));
    });
  }
  if (s.ok()) {
    s = ForEachRow(src, root, "local", [&](RowReader& r) {
      builder.AddLocalCost(r.Text("municipality"), static_cast<int>(r.Int("year")),
                           r.Text("bucket"), r.Amount("amount"));
    });
  }
  if (s.ok()) {
    s = ForEachRow(src, root, "expected", [&](RowReader& r) {
      out.expected.push_back(ExpectedRow{r.Text("municipality"), r.Amount("contribution"),
                                         r.Amount("own_use")});
    });
  }
  if (!s.ok()) return s;
  out.input = builder.Build();

  Result<Model> model = TomlError(src, nullptr, "model", "het model ('model') ontbreekt");
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
