#include "store/postgres/pg_url.h"

#include <vector>

namespace jr {
namespace {

constexpr const char* kNoPassword =
    "een wachtwoord in de database-URL is niet toegestaan (het kwam dan op de "
    "opdrachtregel en in logboeken): zet het in ~/.pgpass of het bestand van "
    "PGPASSFILE (mode 0600), of in de omgevingsvariabele PGPASSWORD";

bool ValidSchema(const std::string& s) {
  if (s.empty() || s.size() > 63 || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

bool IsPostgresUrl(const std::string& address) {
  return address.starts_with("postgresql://") || address.starts_with("postgres://");
}

Result<PgAddress> ParsePgUrl(const std::string& url) {
  const size_t after_scheme = url.find("://") + 3;
  const size_t authority_end = url.find_first_of("/?", after_scheme);
  const std::string authority = url.substr(
      after_scheme, authority_end == std::string::npos ? std::string::npos
                                                       : authority_end - after_scheme);
  const size_t at = authority.rfind('@');
  if (at != std::string::npos && authority.substr(0, at).find(':') != std::string::npos) {
    return Status::Error(kNoPassword);
  }
  PgAddress out;
  const size_t q = url.find('?');
  if (q == std::string::npos) {
    out.conninfo = url;
    return out;
  }
  out.conninfo = url.substr(0, q);
  std::vector<std::string> kept;
  size_t begin = q + 1;
  while (begin <= url.size()) {
    size_t end = url.find('&', begin);
    if (end == std::string::npos) end = url.size();
    std::string param = url.substr(begin, end - begin);
    begin = end + 1;
    if (param.empty()) continue;
    if (param.starts_with("password=")) return Status::Error(kNoPassword);
    if (param.starts_with("schema=")) {
      out.schema = param.substr(7);
      if (!ValidSchema(out.schema)) {
        return Status::Error(
            "schema in de database-URL moet bestaan uit kleine letters, cijfers en '_' "
            "(hoogstens 63 tekens, niet beginnend met een cijfer)");
      }
      continue;
    }
    kept.push_back(param);
  }
  for (size_t i = 0; i < kept.size(); ++i) out.conninfo += (i ? "&" : "?") + kept[i];
  return out;
}

}  // namespace jr
