#include "ingest/csv_reader.h"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>

#include "core/env.h"

namespace jr {
namespace {

// Returns the offset of the first byte that is not valid UTF-8, or npos.
size_t FirstInvalidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) return i;
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    if (len == 2 && c < 0xC2) return i;  // overlong
    i += len;
  }
  return std::string_view::npos;
}

struct ParseState {
  std::vector<std::string> fields;
  int line = 0;         // line being fed
  int record_line = 0;  // line where the current record started
  bool stop = false;
  bool (*cb)(void*, int, const std::vector<std::string>&) = nullptr;
  void* ctx = nullptr;
};

void OnField(void* data, size_t len, void* p) {
  auto* st = static_cast<ParseState*>(p);
  st->fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void OnRecord(int, void* p) {
  auto* st = static_cast<ParseState*>(p);
  int line = st->record_line;
  st->record_line = st->line + 1;
  bool empty = st->fields.empty() || (st->fields.size() == 1 && st->fields[0].empty());
  if (!empty && !st->stop) st->stop = !st->cb(st->ctx, line, st->fields);
  st->fields.clear();
}

std::string Trimmed(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

}  // namespace

Result<CsvReader> CsvReader::Open(const std::string& path) {
  auto text = Env::Default().ReadFile(path);
  if (!text.ok()) return Status::Error("bestand kan niet worden gelezen", {path});
  return FromText(path, std::move(*text));
}

Result<CsvReader> CsvReader::FromText(std::string name, std::string text) {
  CsvReader r;
  r.name_ = std::move(name);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  size_t bad = FirstInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + bad, '\n'));
    return Status::Error(
        "bestand is geen UTF-8 (sla het op als 'CSV UTF-8'; tekens als é of ë zijn "
        "waarschijnlijk in Windows-1252 opgeslagen)",
        {r.name_, line});
  }
  r.text_ = std::move(text);
  size_t eol = r.text_.find('\n');
  std::string_view first(r.text_.data(), eol == std::string::npos ? r.text_.size() : eol);
  if (Trimmed(std::string(first)).empty()) {
    return Status::Error("kopregel ontbreekt (het bestand is leeg)", {r.name_, 1});
  }
  // Separator: whichever of ';' and ',' occurs more often outside quotes in the header.
  int semis = 0, commas = 0;
  bool quoted = false;
  for (char c : first) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == ';') ++semis;
    if (!quoted && c == ',') ++commas;
  }
  if (semis == 0 && commas == 0 && first.find('\t') != std::string_view::npos) {
    return Status::Error(
        "scheidingsteken niet herkend: de kopregel bevat tabs; gebruik ';' of ','",
        {r.name_, 1});
  }
  r.separator_ = semis >= commas ? ';' : ',';
  Status s = r.Parse(
      0, true,
      [](void* ctx, int, const std::vector<std::string>& f) {
        auto* self = static_cast<CsvReader*>(ctx);
        for (const std::string& h : f) {
          std::string t = Trimmed(h);
          std::transform(t.begin(), t.end(), t.begin(), ::tolower);
          self->header_.push_back(t);
        }
        return false;
      },
      &r);
  if (!s.ok()) return s;
  r.body_offset_ = eol == std::string::npos ? r.text_.size() : eol + 1;
  return r;
}

Status CsvReader::Parse(size_t from, bool header_only, Callback cb, void* ctx) const {
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return Status::Error("geheugen vol");
  csv_set_delim(&parser, static_cast<unsigned char>(separator_));
  ParseState st;
  st.cb = cb;
  st.ctx = ctx;
  st.line = header_only ? 1 : body_line_;
  st.record_line = st.line;
  size_t pos = from;
  const size_t n = text_.size();
  while (pos < n && !st.stop) {
    size_t eol = text_.find('\n', pos);
    size_t end = eol == std::string::npos ? n : eol + 1;
    if (csv_parse(&parser, text_.data() + pos, end - pos, OnField, OnRecord, &st) !=
        end - pos) {
      Status err = Status::Error(fmt::format("CSV kan niet worden gelezen: {}",
                                             csv_strerror(csv_error(&parser))),
                                 {name_, st.line});
      csv_free(&parser);
      return err;
    }
    pos = end;
    ++st.line;
  }
  // End of input: flush the last record; an unclosed quote is an error.
  --st.line;
  bool unclosed = !st.stop && csv_fini(&parser, OnField, OnRecord, &st) != 0;
  csv_free(&parser);
  if (unclosed) {
    return Status::Error("aanhalingsteken wordt niet gesloten", {name_, st.record_line});
  }
  return Status::Ok();
}

}  // namespace jr
