// BSN check and pseudonymisation. The BSN itself is never stored, logged or printed.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/env.h"
#include "core/status.h"

namespace jr {

// The 11-test (elfproef) of a BSN: nine digits d1..d9 with
// 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 (and not all zero).
bool IsValidBsn(std::string_view bsn);

// Keyed hash of a BSN (BLAKE2b via libsodium). The same key gives the same pseudonym;
// another key gives another. Thread-safe (immutable after construction).
class Pseudonymizer {
 public:
  static constexpr size_t kKeyBytes = 32;
  explicit Pseudonymizer(const std::array<unsigned char, kKeyBytes>& key);

  // "P" + 20 hex characters (80 bits). REQUIRES: IsValidBsn(bsn).
  std::string Pseudonym(std::string_view bsn) const;

  // Creates a new random key file (mode 0600, Env::CreatePrivateFileExclusive); fails
  // if it exists.
  static Status CreateKeyFile(const std::string& path, Env& env = Env::Default());
  // Reads the key file; Dutch error naming the file if missing or malformed.
  static Result<Pseudonymizer> FromKeyFile(const std::string& path,
                                           Env& env = Env::Default());

 private:
  std::array<unsigned char, kKeyBytes> key_;
};

}  // namespace jr
