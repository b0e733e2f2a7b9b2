#include "ingest/origin.h"

#include <fmt/format.h>

#include "care/pseudonym.h"

namespace jr {

void AddFieldError(ErrorList* errors, const Origin& origin, std::string_view field,
                   const std::string& message) {
  errors->Add(fmt::format("veld '{}': {}", origin.Label(field), HideBsns(message)),
              origin.Field(field));
}

}  // namespace jr
