// Typed reading of TOML configuration files with Dutch errors that name the file,
// the line and the key. Shared by the budget monitor, the agenda and the measures.
//
// Amounts in a TOML file are euros: an integer (104_500_000), a float with at most
// two decimals (1234.5) or a Dutch/English text ("1.234,56"). Every function returns a
// failed Status (never throws) when the value is missing or of the wrong type.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/date.h"
#include "core/money.h"
#include "core/status.h"

namespace jr {

// The file being read, for the locations of messages.
struct TomlSource {
  std::string file;  // as the user gave it
};

// Parses a whole TOML document. A syntax error is returned with file, line and column.
Result<toml::table> ParseToml(std::string_view text, const TomlSource& src);
// Reads and parses the file `src.file`; Dutch error when it cannot be read.
Result<toml::table> ReadTomlFile(const TomlSource& src);

// An error about `node` (may be null: then only the file is named) at key `path`.
Status TomlError(const TomlSource& src, const toml::node* node, std::string path,
                 std::string message);

// Field readers. `path` is the full key for messages ("jaar[2].begroting"); `key` is
// the name inside `table`. Optional* return nullopt when the key is absent and an
// error when it is present with a wrong type or value.
Result<Money> RequireMoney(const TomlSource& src, const toml::table& table,
                           std::string_view key, const std::string& path);
Result<std::optional<Money>> OptionalMoney(const TomlSource& src, const toml::table& table,
                                           std::string_view key, const std::string& path);
// Money from a node (integer, float or text), for array elements.
Result<Money> MoneyFromNode(const TomlSource& src, const toml::node& node,
                            const std::string& path);
Result<std::string> RequireString(const TomlSource& src, const toml::table& table,
                                  std::string_view key, const std::string& path);
// The value, or `fallback` when absent.
Result<std::string> OptionalString(const TomlSource& src, const toml::table& table,
                                   std::string_view key, const std::string& path,
                                   std::string fallback);
Result<int64_t> RequireInt(const TomlSource& src, const toml::table& table,
                           std::string_view key, const std::string& path);
// The value (integer or float), or `fallback` when absent.
Result<double> OptionalDouble(const TomlSource& src, const toml::table& table,
                              std::string_view key, const std::string& path,
                              double fallback);
Result<bool> OptionalBool(const TomlSource& src, const toml::table& table,
                          std::string_view key, const std::string& path, bool fallback);
// A TOML date (2021-05-27) or text ("27-05-2021").
Result<std::optional<Date>> OptionalDate(const TomlSource& src, const toml::table& table,
                                         std::string_view key, const std::string& path);
// A year written as a table key ("2021"); error when it is not a year in 1900-2200.
Result<int> YearFromKey(const TomlSource& src, const toml::node& node, std::string_view key,
                        const std::string& path);

// A list of years (`jaren = [2021, 2022]`), ascending and unique, not empty.
Result<std::vector<int>> RequireYearList(const TomlSource& src, const toml::table& table,
                                         std::string_view key, const std::string& path);
// A table of amounts by year (`{ 2021 = 100_000, 2022 = 200_000 }`) at `path`. When
// `allowed` is not empty, a year outside it is an error ("valt buiten de jaren").
Result<std::map<int, Money>> ReadYearAmounts(const TomlSource& src, const toml::node& node,
                                             const std::string& path,
                                             const std::vector<int>& allowed);

}  // namespace jr
