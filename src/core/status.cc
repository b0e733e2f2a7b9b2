#include "core/status.h"

#include <fmt/format.h>

namespace jr {

std::string Location::ToString() const {
  std::string out = file;
  if (line > 0) {
    out += fmt::format("{}{}", out.empty() ? "regel " : ":", line);
    if (column > 0) out += fmt::format(":{}", column);
  }
  if (!path.empty()) out += out.empty() ? path : fmt::format(" [{}]", path);
  return out;
}

std::string Status::ToString() const {
  if (ok_) return "OK";
  std::string where = where_.ToString();
  return where.empty() ? message_ : where + ": " + message_;
}

std::string ErrorList::ToString() const {
  std::string out;
  for (const Status& s : errors_) out += s.ToString() + "\n";
  if (count_ > errors_.size()) {
    out += fmt::format("... en nog {} fout(en) niet getoond\n", count_ - errors_.size());
  }
  return out;
}

}  // namespace jr
