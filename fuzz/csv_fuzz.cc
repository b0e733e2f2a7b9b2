// libFuzzer target: the CSV reader and every kind's row parser (ingest/csv_source).
// The first byte picks the kind; the rest is the file. No input may crash, hang or
// trip ASan/UBSan; refusals are fine. (issue 18, item 13)
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "care/pseudonym.h"
#include "core/status.h"
#include "ingest/csv_reader.h"
#include "ingest/csv_source.h"
#include "ingest/import_kind.h"

namespace {

// Accepts every value (the format checks are the source's; references are not).
class NullSink final : public jr::ValueSink {
 public:
  bool Add(const jr::Municipality&, const jr::Origin&) override { return true; }
  bool Add(const jr::MunicipalityKey&, const jr::Origin&) override { return true; }
  bool Add(const jr::Provider&, const jr::Origin&) override { return true; }
  bool Add(const jr::Product&, const jr::Origin&) override { return true; }
  bool Add(const jr::Tariff&, const jr::Origin&) override { return true; }
  bool Add(const jr::Contract&, const jr::Origin&) override { return true; }
  bool Add(const jr::YouthTeam&, const jr::Origin&) override { return true; }
  bool Add(const jr::ClientResidence&, const jr::Origin&) override { return true; }
  bool Add(const jr::Assignment&, const jr::Origin&) override { return true; }
  bool Add(const jr::Declaration&, const jr::Origin&) override { return true; }
  bool Add(const jr::CostItem&, const jr::Origin&) override { return true; }
  bool Add(const jr::ReviewDecision&, const jr::Origin&) override { return true; }
  bool Add(const jr::AssignmentSupplement&, const jr::Origin&) override { return true; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& kinds = jr::ImportOrder();
  const jr::ImportKind kind = kinds[data[0] % kinds.size()];
  auto csv = jr::CsvReader::FromText(
      "fuzz.csv", std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  if (!csv.ok()) return 0;
  static const jr::Pseudonymizer pseudo(std::array<unsigned char, 32>{});
  jr::CsvSourceOptions options;
  options.pseudonymizer = &pseudo;
  NullSink sink;
  jr::ErrorList errors;
  jr::ReadCsv(*csv, kind, options, sink, &errors);
  (void)errors.ToString();
  return 0;
}
