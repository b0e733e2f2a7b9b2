#include "ingest/origin.h"

#include <fmt/format.h>

namespace jr {

void AddFieldError(ErrorList* errors, const Origin& origin, std::string_view field,
                   const std::string& message) {
  errors->Add(fmt::format("veld '{}': {}", origin.Label(field), message),
              origin.Field(field));
}

}  // namespace jr
