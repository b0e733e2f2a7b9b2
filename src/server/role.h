// Role: what an API token may see (DESIGN.md §2.10). A region role sees everything; a
// municipality role sees region totals and its own municipality's detail only.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace jr::server {

struct Role {
  std::string municipality;  // CBS code for a municipality role; empty = region role

  bool region() const { return municipality.empty(); }
  // Whether this role may see the detail of municipality `code`.
  bool MaySee(std::string_view code) const { return region() || municipality == code; }
  // "region" or "municipality:GM0505": the form of --role and of the token table.
  std::string name() const {
    return region() ? "region" : "municipality:" + municipality;
  }
};

// Parses "region" or "municipality:GMnnnn"; Dutch error otherwise.
Result<Role> ParseRole(std::string_view text);

}  // namespace jr::server
