// Helpers of the Api's request handlers (internal to src/server/).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/utf8.h"
#include "server/api.h"

namespace jr::server {

// An error response: {"error": "<Dutch message>"}.
ApiResponse Error(int status, const std::string& message);

// 503 with Retry-After: the heavy work (forecasts, the report) is full.
ApiResponse Busy();

// The integer parameter `name` in [min, max]; `fallback` when absent; a Dutch error
// naming the parameter otherwise.
Result<int> IntParam(const ApiRequest& r, const std::string& name, int fallback,
                     int min = INT32_MIN, int max = INT32_MAX);

}  // namespace jr::server
