#include "demo/demo_files.h"

#include <filesystem>

#include "core/env.h"

namespace jr::demo {

Status WriteDemoConfigFiles(const std::string& dir, Env& env) {
  for (const EmbeddedFile& f : DemoConfigFiles()) {
    const std::string path = (std::filesystem::path(dir) / f.name).string();
    if (Status s = env.WritePrivateFile(path, f.content); !s.ok()) {
      return s;
    }
  }
  return Status::Ok();
}

}  // namespace jr::demo
