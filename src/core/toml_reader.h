// Typed reading of TOML input files (budget, agenda, measures, settlement models and
// scenarios, forecast levers) with Dutch errors that name the file, the line and the
// key path ("maatregel[3].besparing.2021").
//
// Every reader returns a failed Status (never throws) when a value is missing, of the
// wrong type or out of range. The Location of an error has the file as the user gave
// it, the line and column of the offending node (of the enclosing table when a key is
// missing) and the full key path; the message is Dutch and names the key too.
//
// Conventions of the readers below: `path` is the full key path for messages
// ("jaar[2].begroting"), `key` the name inside `table`. Require* fail when the key is
// absent; Optional* return a fallback (or nullopt) when it is absent and fail when it
// is present with a wrong type or value. Indexes in paths are 1-based.
//
// Amounts are euros: an integer (104_500_000), a float with at most two decimals
// (1234.5) or a Dutch/English text ("1.234,56").
#pragma once

#include <toml++/toml.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/status.h"

namespace jr {

// The file being read, for the locations of messages.
struct TomlSource {
  std::string file;  // as the user gave it
};

// Parses a whole TOML document. A syntax error ("geen geldige TOML: ...") is returned
// with file, line and column.
Result<toml::table> ParseToml(std::string_view text, const TomlSource& src);
// Reads and parses the file `src.file`. When it cannot be read: "<what> kan niet
// worden gelezen" with the file as location (`what` e.g. "modelbestand").
Result<toml::table> ReadTomlFile(const TomlSource& src,
                                 std::string_view what = "bestand");

// The location of `node` (may be null: then only the file) at key `path`.
Location TomlLocation(const TomlSource& src, const toml::node* node, std::string path);
// An error about `node` (may be null: then only the file is named) at key `path`.
Status TomlError(const TomlSource& src, const toml::node* node, std::string path,
                 std::string message);
// "onbekende sleutel '<key>'" + `known` (e.g. "; bekend zijn name en default") at `node`.
Status UnknownKey(const TomlSource& src, const toml::node& node, const std::string& path,
                  std::string_view key, std::string_view known);
// "path" + "." + key, or key alone when `path` is empty (the top level).
std::string KeyPath(std::string_view path, std::string_view key);

// Values of one node (array elements, table values).
Result<Money> MoneyFromNode(const TomlSource& src, const toml::node& node,
                            const std::string& path);
Result<std::string> StringFromNode(const TomlSource& src, const toml::node& node,
                                   const std::string& path);
// A number (integer or float), finite.
Result<double> NumberFromNode(const TomlSource& src, const toml::node& node,
                              const std::string& path);
// A number in [lo, hi]; outside: "'<path>' = <x> ligt niet tussen <lo> en <hi>".
Result<double> NumberInRange(const TomlSource& src, const toml::node& node,
                             const std::string& path, double lo, double hi);
// A list of texts (`["GM0505", "GM0642"]`).
Result<std::vector<std::string>> StringList(const TomlSource& src, const toml::node& node,
                                            const std::string& path);
// A table of name = number (`{ huisarts = 0.8 }`), each number in [lo, hi]; the
// path of a value is "<path>.<name>".
Result<std::map<std::string, double>> NumberTable(const TomlSource& src,
                                                  const toml::node& node,
                                                  const std::string& path, double lo,
                                                  double hi);

// Field readers.
Result<Money> RequireMoney(const TomlSource& src, const toml::table& table,
                           std::string_view key, const std::string& path);
Result<std::optional<Money>> OptionalMoney(const TomlSource& src,
                                           const toml::table& table, std::string_view key,
                                           const std::string& path);
Result<std::string> RequireString(const TomlSource& src, const toml::table& table,
                                  std::string_view key, const std::string& path);
Result<std::string> OptionalString(const TomlSource& src, const toml::table& table,
                                   std::string_view key, const std::string& path,
                                   std::string fallback);
Result<int64_t> RequireInt(const TomlSource& src, const toml::table& table,
                           std::string_view key, const std::string& path);
Result<int64_t> OptionalInt(const TomlSource& src, const toml::table& table,
                            std::string_view key, const std::string& path,
                            int64_t fallback);
// A year (integer) in 1900-2200: "jaar <y> valt buiten het bereik 1900-2200".
Result<int> RequireYear(const TomlSource& src, const toml::table& table,
                        std::string_view key, const std::string& path);
// A number (integer or float).
Result<double> RequireDouble(const TomlSource& src, const toml::table& table,
                             std::string_view key, const std::string& path);
Result<double> OptionalDouble(const TomlSource& src, const toml::table& table,
                              std::string_view key, const std::string& path,
                              double fallback);
Result<bool> OptionalBool(const TomlSource& src, const toml::table& table,
                          std::string_view key, const std::string& path, bool fallback);
// A TOML date (2021-05-27) or text ("27-05-2021").
Result<std::optional<Date>> OptionalDate(const TomlSource& src, const toml::table& table,
                                         std::string_view key, const std::string& path);
// A year written as a table key ("2021"); error when it is not a year in 1900-2200.
Result<int> YearFromKey(const TomlSource& src, const toml::node& node,
                        std::string_view key, const std::string& path);

// The tables of the array of tables `key` (`[[opgave]]`), in file order; empty when
// absent and not `required`. Error when it is not an array of tables.
Result<std::vector<const toml::table*>> TableArray(const TomlSource& src,
                                                   const toml::table& table,
                                                   std::string_view key,
                                                   const std::string& path,
                                                   bool required);
// A list of years (`jaren = [2021, 2022]`), ascending and unique, not empty.
Result<std::vector<int>> RequireYearList(const TomlSource& src, const toml::table& table,
                                         std::string_view key, const std::string& path);
// A table of amounts by year (`{ 2021 = 100_000, 2022 = 200_000 }`) at `path`. When
// `allowed` is not empty, a year outside it is an error ("valt buiten de jaren").
Result<std::map<int, Money>> ReadYearAmounts(const TomlSource& src,
                                             const toml::node& node,
                                             const std::string& path,
                                             const std::vector<int>& allowed);

}  // namespace jr
