// Origin: where a value handed over by a source was read, so the checks after the
// source can say "file:line:column: veld 'x': ..." without knowing the format.
// A CSV source names fields by column; an XML source (iJw) by element path.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace jr {

class Origin {
 public:
  virtual ~Origin() = default;
  // The record as a whole: file and line (CSV), or file, XML path and line.
  virtual Location Record() const = 0;
  // Where one field is, by the member name of the value type ("municipality").
  virtual Location Field(std::string_view field) const = 0;
  // The field's name in the source ("gemeentecode"), for messages.
  virtual std::string_view Label(std::string_view field) const = 0;
};

// Adds "veld '<label>': <message>" at the field to `errors`.
void AddFieldError(ErrorList* errors, const Origin& origin, std::string_view field,
                   const std::string& message);

}  // namespace jr
