#include "demo/demo_files.h"

#include <filesystem>
#include <fstream>

namespace jr::demo {

Status WriteDemoConfigFiles(const std::string& dir) {
  namespace fs = std::filesystem;
  for (const EmbeddedFile& f : DemoConfigFiles()) {
    fs::path path = fs::path(dir) / f.name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    std::error_code ec;
    if (out) fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, ec);
    if (out) out.write(f.content.data(), static_cast<std::streamsize>(f.content.size()));
    out.close();
    if (!out || ec) return Status::Error("kan bestand niet schrijven", Location{path.string()});
  }
  return Status::Ok();
}

}  // namespace jr::demo
