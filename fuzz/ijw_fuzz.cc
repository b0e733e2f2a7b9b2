// libFuzzer target: the iJw XML reader (ingest/ijw/ijw_source.h) through ImportMessage:
// the root sniffing, the structure checks, the mapping onto domain values and the
// iJw tables, and the rollback. The input is one message file, imported into a
// throw-away SQLite store holding the master data of the iJw tests
// (tests/data/ijw/stam/, or $JR_FUZZ_DATA) and the example JW301 (its assignments), so
// references of JW305, JW307 and JW323 resolve and the deep paths are reached. A refused
// message leaves the store as it was (issue 18); an accepted one is undone by restoring
// the store's copy, so every input sees the same store. No input may crash, hang or trip
// ASan/UBSan/LSan; refusals are fine. (issue 18)
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "care/pseudonym.h"
#include "core/env.h"
#include "ingest/importer.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;

class Fixture {
 public:
  Fixture()
      : dir_(fs::temp_directory_path() / ("jr_ijw_fuzz_" + std::to_string(::getpid()))),
        pseudo_(std::array<unsigned char, 32>{}) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    options_.pseudonymizer = &pseudo_;
    const char* data = std::getenv("JR_FUZZ_DATA");
    {
      auto store = jr::Store::Open(Path("template.db"));
      if (!store.ok()) std::abort();
      if (!jr::ImportFolder(**store, data ? data : "tests/data/ijw/stam", options_)
               .ok() ||
          !jr::ImportMessage(**store, "fuzz/corpus/ijw/JW301.xml", options_).ok()) {
        std::abort();
      }
    }
    Restore();
  }
  ~Fixture() {
    store_.reset();
    fs::remove_all(dir_);
  }

  void Run(std::string_view message) {
    const std::string path = Path("message.xml");
    if (!jr::Env::Default().WritePrivateFile(path, message).ok()) std::abort();
    if (jr::ImportMessage(*store_, path, options_).ok()) Restore();
  }

 private:
  std::string Path(const char* name) const { return (dir_ / name).string(); }

  // The store as the template left it (closed before the copy; its WAL goes too).
  void Restore() {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      fs::remove(Path("work.db") + suffix);
    }
    fs::copy_file(Path("template.db"), Path("work.db"));
    auto store = jr::Store::Open(Path("work.db"));
    if (!store.ok()) std::abort();
    store_ = std::move(store).value();
  }

  fs::path dir_;
  jr::Pseudonymizer pseudo_;
  jr::ImportOptions options_;
  std::unique_ptr<jr::Store> store_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture fixture;
  fixture.Run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
