#include "care/pseudonym.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <span>

#include "core/hex.h"

namespace jr {

bool IsValidBsn(std::string_view bsn) {
  if (bsn.size() != 9) return false;
  int sum = 0;
  bool any = false;
  for (int i = 0; i < 9; ++i) {
    char c = bsn[i];
    if (c < '0' || c > '9') return false;
    int d = c - '0';
    any |= d != 0;
    sum += (i < 8 ? (9 - i) : -1) * d;
  }
  return any && sum % 11 == 0;
}

bool ContainsBsn(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (IsValidBsn(text.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

std::string HideBsns(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j == i) {
      out += text[i++];
      continue;
    }
    std::string_view run = text.substr(i, j - i);
    out += IsValidBsn(run) ? std::string_view("(BSN?)") : run;
    i = j;
  }
  return out;
}

std::string ShownValue(std::string_view value) {
  if (ContainsBsn(value)) return "een waarde die op een BSN lijkt";
  constexpr size_t kMax = 60;
  if (value.size() <= kMax) return fmt::format("'{}'", value);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("'{}...'", value.substr(0, cut));
}

Pseudonymizer::Pseudonymizer(const std::array<unsigned char, kKeyBytes>& key)
    : key_(key) {}

std::string Pseudonymizer::Pseudonym(std::string_view bsn) const {
  std::string out;
  PseudonymText(BytesOf(bsn), &out);
  return out;
}

Pseudonymizer::PseudonymBytes Pseudonymizer::BytesOf(std::string_view bsn) const {
  PseudonymBytes out;
  crypto_generichash(out.data(), out.size(),
                     reinterpret_cast<const unsigned char*>(bsn.data()), bsn.size(),
                     key_.data(), key_.size());
  return out;
}

void Pseudonymizer::PseudonymText(const PseudonymBytes& bytes, std::string* out) {
  out->assign(1, 'P');
  AppendHex(bytes, out);
}

std::string Pseudonymizer::Fingerprint() const {
  static constexpr std::string_view kLabel = "jeugdregio sleutel-vingerafdruk v1";
  unsigned char out[32];
  crypto_generichash(out, sizeof out,
                     reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size(),
                     key_.data(), key_.size());
  return HexOf(out);
}

Status Pseudonymizer::CreateKeyFile(const std::string& path, Env& env) {
  if (sodium_init() < 0) return Status::Error("libsodium kon niet worden gestart");
  std::array<unsigned char, kKeyBytes> key;
  randombytes_buf(key.data(), key.size());
  return env.CreatePrivateFileExclusive(path, HexOf(key) + "\n");
}

Result<Pseudonymizer> Pseudonymizer::FromKeyFile(const std::string& path, Env& env) {
  if (!env.FileExists(path)) return Status::Error("sleutelbestand ontbreekt", {path});
  auto text = env.ReadFile(path);
  if (!text.ok()) {
    return Status::Error(fmt::format("sleutelbestand: {}", text.status().message()),
                         text.status().where());
  }
  // The first word of the file.
  constexpr std::string_view kSpace = " \t\n\v\f\r";
  std::string_view hex = *text;
  hex.remove_prefix(std::min(hex.size(), hex.find_first_not_of(kSpace)));
  hex = hex.substr(0, hex.find_first_of(kSpace));
  std::array<unsigned char, kKeyBytes> key;
  size_t len = 0;
  if (hex.size() != 2 * kKeyBytes ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != kKeyBytes) {
    return Status::Error("sleutelbestand is ongeldig (64 hexadecimale tekens verwacht)",
                         {path});
  }
  return Pseudonymizer(key);
}

}  // namespace jr
