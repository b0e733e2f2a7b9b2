// libFuzzer target: the TOML reader (core/toml_reader.h) and every configuration
// parser on it: budget (begroting.toml), agenda, measures, levers and settlement
// models. The first byte picks the parser. (issue 18, item 13)
#include <cstddef>
#include <cstdint>
#include <string>

#include "agenda/agenda.h"
#include "agenda/measure_portfolio.h"
#include "budget/budget_config.h"
#include "core/toml_reader.h"
#include "forecast/lever.h"
#include "settle/model_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 5) {
    case 0:
      (void)jr::forecast::ParseLevers(text, "fuzz.toml");
      return 0;
    case 1:
      (void)jr::settle::ParseModelToml(text, "fuzz.toml");
      return 0;
    default:
      break;
  }
  jr::TomlSource src{"fuzz.toml"};
  auto doc = jr::ParseToml(text, src);
  if (!doc.ok()) return 0;
  switch (data[0] % 5) {
    case 2:
      (void)jr::ParseBudgetConfig(*doc, src);
      break;
    case 3:
      (void)jr::ParseAgenda(*doc, src);
      break;
    default:
      (void)jr::ParseMeasurePortfolio(*doc, src);
      break;
  }
  return 0;
}
