#include "ingest/csv_reader.h"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "core/env.h"
#include "core/utf8.h"

namespace jr {
namespace {

// A lone CR (classic Mac, Excel for Mac) ends a line as LF does; CRLF stays as it is.
void LoneCrToLf(std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) text[i] = '\n';
  }
}

struct ParseState {
  std::vector<std::string> fields;
  int line = 0;         // line being fed
  int record_line = 0;  // line where the current record started
  bool stop = false;
  bool (*cb)(void*, int, const std::vector<std::string>&) = nullptr;
  void* ctx = nullptr;
  const std::string* file = nullptr;
  const std::vector<std::string>* header = nullptr;  // empty while reading the header
  Status error;  // a field that is refused; parsing stops
};

// Sets st->error about the field being read (never printing its value).
void FieldError(ParseState* st, const std::string& what) {
  int column = static_cast<int>(st->fields.size()) + 1;
  std::string name;
  if (static_cast<size_t>(column) <= st->header->size())
    name = fmt::format("veld '{}': ", (*st->header)[column - 1]);
  st->error = Status::Error(name + what, {*st->file, st->record_line, column});
  st->stop = true;
}

std::string TooLong() {
  return fmt::format(
      "veld is langer dan {} KiB; het wordt niet getoond (staat er een aanhalingsteken "
      "te veel of te weinig?)",
      CsvReader::kMaxFieldBytes / 1024);
}

void OnField(void* data, size_t len, void* p) {
  auto* st = static_cast<ParseState*>(p);
  if (st->stop) return;
  std::string_view f(data ? static_cast<const char*>(data) : "", data ? len : 0);
  if (f.size() > CsvReader::kMaxFieldBytes) return FieldError(st, TooLong());
  if (f.find('\0') != std::string_view::npos) {
    return FieldError(st,
                      "veld bevat een NUL-teken (byte 0); sla het bestand op als 'CSV "
                      "UTF-8'");
  }
  if (f.find("\xEF\xBB\xBF") != std::string_view::npos) {
    return FieldError(st,
                      "veld bevat een byte-order mark (U+FEFF); die mag alleen aan het "
                      "begin van het bestand staan (zijn bestanden aan elkaar geplakt?)");
  }
  st->fields.emplace_back(f);
}

void OnRecord(int, void* p) {
  auto* st = static_cast<ParseState*>(p);
  int line = st->record_line;
  st->record_line = st->line + 1;
  bool empty = st->fields.empty() || (st->fields.size() == 1 && st->fields[0].empty());
  if (!empty && !st->stop) st->stop = !st->cb(st->ctx, line, st->fields);
  st->fields.clear();
}

// libcsv's error as a Dutch message.
std::string CsvErrorText(int code) {
  switch (code) {
    case CSV_EPARSE:
      return "aanhalingsteken op een verkeerde plaats: een veld met een '\"' moet "
             "helemaal tussen aanhalingstekens staan en een '\"' daarin wordt verdubbeld "
             "('\"\"')";
    case CSV_ENOMEM:
    case CSV_ETOOBIG:
      return "veld is te groot om te lezen";
    default:
      return "CSV kan niet worden gelezen";
  }
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
  LoneCrToLf(text);
  size_t bad = FirstInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + bad, '\n'));
    return Status::Error(
        "bestand is geen UTF-8 (sla het op als 'CSV UTF-8'; tekens als é of ë zijn "
        "waarschijnlijk in Windows-1252 opgeslagen)",
        {r.name_, line});
  }
  r.text_ = std::move(text);
  size_t header_at = 0;
  size_t eol = r.text_.find('\n');
  std::string_view first(r.text_.data(), eol == std::string::npos ? r.text_.size() : eol);
  // Excel's "sep=;" line before the header names the separator.
  std::optional<char> named_separator;
  if (std::string t = Trimmed(std::string(first));
      t.size() == 5 && (t.starts_with("sep=") || t.starts_with("SEP=")) &&
      (t[4] == ';' || t[4] == ',')) {
    named_separator = t[4];
    header_at = eol == std::string::npos ? r.text_.size() : eol + 1;
    eol = r.text_.find('\n', header_at);
    first =
        std::string_view(r.text_.data() + header_at,
                         (eol == std::string::npos ? r.text_.size() : eol) - header_at);
    r.body_line_ = 3;
  }
  if (Trimmed(std::string(first)).empty()) {
    bool empty = Trimmed(r.text_).empty();
    return Status::Error(empty ? "kopregel ontbreekt (het bestand is leeg)"
                               : "kopregel ontbreekt (de eerste regel is leeg)",
                         {r.name_, 1});
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
  r.separator_ = named_separator.value_or(semis >= commas ? ';' : ',');
  Status s = r.Parse(
      header_at, true,
      [](void* ctx, int, const std::vector<std::string>& f) {
        auto* self = static_cast<CsvReader*>(ctx);
        for (const std::string& h : f) {
          std::string t = Trimmed(h);
          std::transform(t.begin(), t.end(), t.begin(), ::tolower);
          self->header_.push_back(t);
        }
        // Excel adds empty columns after the last one ("a;b;c;;"): dropped.
        while (!self->header_.empty() && self->header_.back().empty()) {
          self->header_.pop_back();
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
  static const std::vector<std::string> kNoHeader;
  ParseState st;
  st.cb = cb;
  st.ctx = ctx;
  st.file = &name_;
  st.header = header_only ? &kNoHeader : &header_;
  st.line = header_only ? body_line_ - 1 : body_line_;
  st.record_line = st.line;
  size_t pos = from;
  const size_t n = text_.size();
  while (pos < n && !st.stop) {
    size_t eol = text_.find('\n', pos);
    size_t end = eol == std::string::npos ? n : eol + 1;
    // Between records (libcsv skips empty lines without a callback) the next record
    // starts on this line.
    if (parser.pstate == 0 && st.fields.empty()) st.record_line = st.line;
    // Fed in pieces so that a field is refused before libcsv holds much more than the
    // limit of it.
    for (size_t at = pos; at < end && !st.stop;) {
      size_t len = std::min(end - at, kMaxFieldBytes);
      if (csv_parse(&parser, text_.data() + at, len, OnField, OnRecord, &st) != len &&
          st.error.ok()) {
        Status err = Status::Error(CsvErrorText(csv_error(&parser)), {name_, st.line});
        csv_free(&parser);
        return err;
      }
      if (st.error.ok() && parser.entry_pos > kMaxFieldBytes) FieldError(&st, TooLong());
      at += len;
    }
    if (!st.error.ok()) {
      csv_free(&parser);
      return st.error;
    }
    pos = end;
    ++st.line;
  }
  // End of input: flush the last record; an unclosed quote is an error.
  --st.line;
  bool unclosed = !st.stop && csv_fini(&parser, OnField, OnRecord, &st) != 0;
  csv_free(&parser);
  if (!st.error.ok()) return st.error;
  if (unclosed) {
    return Status::Error("aanhalingsteken wordt niet gesloten", {name_, st.record_line});
  }
  return Status::Ok();
}

}  // namespace jr
