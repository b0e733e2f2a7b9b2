#include "care/pseudonym.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

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

Pseudonymizer::Pseudonymizer(const std::array<unsigned char, kKeyBytes>& key) : key_(key) {}

std::string Pseudonymizer::Pseudonym(std::string_view bsn) const {
  unsigned char out[10];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(bsn.data()),
                     bsn.size(), key_.data(), key_.size());
  std::string hex = "P";
  for (unsigned char b : out) hex += fmt::format("{:02x}", b);
  return hex;
}

Status Pseudonymizer::CreateKeyFile(const std::string& path) {
  if (sodium_init() < 0) return Status::Error("libsodium kon niet worden gestart");
  std::array<unsigned char, kKeyBytes> key;
  randombytes_buf(key.data(), key.size());
  std::string hex;
  for (unsigned char b : key) hex += fmt::format("{:02x}", b);
  hex += "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    return Status::Error(fmt::format("sleutelbestand kan niet worden aangemaakt: {}",
                                     std::strerror(errno)), {path});
  }
  bool ok = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size());
  ok = (::close(fd) == 0) && ok;
  if (!ok) return Status::Error("sleutelbestand kon niet worden geschreven", {path});
  return Status::Ok();
}

Result<Pseudonymizer> Pseudonymizer::FromKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return Status::Error("sleutelbestand ontbreekt; maak het aan met 'jeugdregio init'",
                         {path});
  }
  std::string hex;
  in >> hex;
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
