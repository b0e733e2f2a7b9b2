// libFuzzer target: the HTTP request path (server/api.h, Api::Handle) on the test
// region: the input is split at NUL bytes into path, query name/value pairs and the
// Authorization header. Any answer is fine; no crash, no exception. (issue 18, item 13)
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "ingest/importer.h"
#include "server/api.h"
#include "server/token_store.h"

namespace {

const jr::server::Api* TheApi() {
  static std::unique_ptr<jr::server::Api> api = [] {
    const std::string dir = std::filesystem::temp_directory_path() /
                            ("jr_api_fuzz_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto store = jr::Store::Open(dir + "/t.db");
    if (!store.ok()) std::abort();
    jr::Pseudonymizer pseudo(std::array<unsigned char, 32>{});
    jr::ImportOptions import;
    import.pseudonymizer = &pseudo;
    const char* data = std::getenv("JR_FUZZ_DATA");  // tests/data/ingest/valid
    if (!jr::ImportFolder(**store, data ? data : "tests/data/ingest/valid", import)
             .ok()) {
      std::abort();
    }
    auto role = jr::server::ParseRole("municipality:GM0505");
    (void)jr::server::AddToken(**store, *role, "fuzz");
    jr::server::ApiOptions options;  // no db_path: report and forecast answer 503
    auto loaded = jr::server::Api::Load(**store, options);
    if (!loaded.ok()) std::abort();
    return std::move(loaded).value();
  }();
  return api.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      parts.emplace_back();
    } else {
      parts.back() += static_cast<char>(data[i]);
    }
  }
  jr::server::ApiRequest r;
  r.path = parts[0];
  size_t i = 1;
  for (; i + 1 < parts.size(); i += 2) r.query[parts[i]] = parts[i + 1];
  if (i < parts.size()) r.authorization = parts[i];
  const jr::server::ApiResponse out = TheApi()->Handle(r);
  (void)jr::DumpJson(out.body);
  return 0;
}
