#include "server/role.h"

#include <cctype>

namespace jr::server {

Result<Role> ParseRole(std::string_view text) {
  if (text == "region") return Role{};
  constexpr std::string_view kPrefix = "municipality:";
  if (text.starts_with(kPrefix)) {
    std::string_view code = text.substr(kPrefix.size());
    bool ok = code.size() == 6 && code.starts_with("GM");
    for (size_t i = 2; ok && i < code.size(); ++i)
      ok = std::isdigit(static_cast<unsigned char>(code[i]));
    if (ok) return Role{std::string(code)};
  }
  return Status::Error(
      "rol '" + std::string(text) +
      "' onbekend; gebruik 'region' of 'municipality:GMnnnn' (CBS-code)");
}

}  // namespace jr::server
