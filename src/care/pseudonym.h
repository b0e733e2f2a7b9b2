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

  // What binds a key to its database (stored there, never the key itself): 64 hex
  // characters, BLAKE2b-256 of a fixed label keyed with the key. Another key gives
  // another fingerprint; the key cannot be recovered from it.
  std::string Fingerprint() const;

  // Creates a new random key file (mode 0600, Env::CreatePrivateFileExclusive); fails
  // if it exists.
  static Status CreateKeyFile(const std::string& path, Env& env = Env::Default());
  // Reads the key file. Dutch errors at the file: "sleutelbestand ontbreekt" when it
  // does not exist, the error of the file system when it cannot be read, "ongeldig"
  // when it does not hold a key. (Callers add what to do; see cli/key_file.h.)
  static Result<Pseudonymizer> FromKeyFile(const std::string& path,
                                           Env& env = Env::Default());

 private:
  std::array<unsigned char, kKeyBytes> key_;
};

}  // namespace jr
