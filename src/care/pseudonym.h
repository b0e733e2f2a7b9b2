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

// True when `text` holds a run of exactly nine digits (not part of a longer run of
// digits) that passes the 11-test: such text may be a BSN and is never printed.
bool ContainsBsn(std::string_view text);

// The one place that renders a value from an input file into a message: the value in
// single quotes, or "een waarde die op een BSN lijkt" when ContainsBsn(value); a value
// longer than 60 bytes is cut off (at a UTF-8 boundary) and marked with "...".
std::string ShownValue(std::string_view value);

// `text` with every such run replaced by "(BSN?)": a last guard for messages that
// did not go through ShownValue.
std::string HideBsns(std::string_view text);

// Keyed hash of a BSN (BLAKE2b via libsodium). The same key gives the same pseudonym;
// another key gives another. Thread-safe (immutable after construction).
class Pseudonymizer {
 public:
  static constexpr size_t kKeyBytes = 32;
  explicit Pseudonymizer(const std::array<unsigned char, kKeyBytes>& key);

  // "P" + 20 hex characters (80 bits). REQUIRES: IsValidBsn(bsn).
  std::string Pseudonym(std::string_view bsn) const;
  // The same as its 10 bytes (Pseudonym is "P" and their hex digits), for a compact
  // cache; PseudonymText writes the pseudonym of `bytes` into `out`.
  using PseudonymBytes = std::array<unsigned char, 10>;
  PseudonymBytes BytesOf(std::string_view bsn) const;
  static void PseudonymText(const PseudonymBytes& bytes, std::string* out);

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
