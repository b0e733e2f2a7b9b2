#include "store/sqlite/ijw_chunks.h"

#include <fmt/format.h>

#include <algorithm>

#include "store/table_rows.h"

namespace jr {

namespace {

// The encoding, version 1: a byte 1, then per line
//   varint  line number minus the previous one (the first: minus first - 1)
//   byte    flags (kFlagStored, kFlagTariff, kSame*: the field as on the line before)
//   strings reference, previous_reference, then client, assignment and category with
//           product_code unless kFlagSame*: each a varint length and its bytes
//   zigzag  start day, end minus start, volume in hundredths, unit, tariff (kFlagTariff),
//           amount in cents
// A JW323 names its client, assignment and product once per group of lines: most
// lines repeat them.
constexpr char kVersion = 1;
enum : uint8_t {
  kFlagStored = 1,
  kFlagTariff = 2,
  kFlagSameClient = 4,
  kFlagSameAssignment = 8,
  kFlagSameProduct = 16,
  kFlagsKnown = 31
};

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
void PutSigned(int64_t v, std::string* out) {
  PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63), out);
}
void PutString(const std::string& s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

// Reads a BLOB; every read checks the bytes left (a damaged BLOB is an error).
struct Reader {
  std::string_view in;
  size_t pos = 0;
  bool ok = true;

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= in.size()) break;
      auto b = static_cast<uint8_t>(in[pos++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    ok = false;
    return 0;
  }
  int64_t Signed() {
    uint64_t v = Varint();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  uint8_t Byte() {
    if (pos >= in.size()) {
      ok = false;
      return 0;
    }
    return static_cast<uint8_t>(in[pos++]);
  }
  void String(std::string* s) {
    uint64_t n = Varint();
    if (!ok || n > in.size() - pos) {
      ok = false;
      return;
    }
    s->assign(in.data() + pos, n);
    pos += n;
  }
};

// The first line number of the chunk that holds `line` (1, 1001, 2001, ...).
int64_t ChunkOf(int64_t line) { return (line - 1) / kChunkLines * kChunkLines + 1; }

}  // namespace

std::string EncodeIjwLines(const std::vector<IjwLine>& lines, size_t n, int64_t first) {
  std::string out;
  out.reserve(n * 48 + 1);
  out.push_back(kVersion);
  int64_t previous = first - 1;
  for (size_t i = 0; i < n; ++i) {
    const IjwLine& l = lines[i];
    const IjwLine* p = i ? &lines[i - 1] : nullptr;
    uint8_t flags = (l.stored ? kFlagStored : 0) | (l.tariff ? kFlagTariff : 0);
    if (p && p->client == l.client) flags |= kFlagSameClient;
    if (p && p->assignment == l.assignment) flags |= kFlagSameAssignment;
    if (p && p->category == l.category && p->product_code == l.product_code)
      flags |= kFlagSameProduct;
    PutVarint(static_cast<uint64_t>(l.line - previous), &out);
    previous = l.line;
    out.push_back(static_cast<char>(flags));
    PutString(l.reference, &out);
    PutString(l.previous_reference, &out);
    if (!(flags & kFlagSameClient)) PutString(l.client, &out);
    if (!(flags & kFlagSameAssignment)) PutString(l.assignment, &out);
    if (!(flags & kFlagSameProduct)) {
      PutString(l.category, &out);
      PutString(l.product_code, &out);
    }
    const int64_t start = DayNumber(l.start);
    PutSigned(start, &out);
    PutSigned(DayNumber(l.end) - start, &out);
    PutSigned(l.volume.hundredths, &out);
    PutSigned(static_cast<int>(l.unit), &out);
    if (l.tariff) PutSigned(l.tariff->cents(), &out);
    PutSigned(l.amount.cents(), &out);
  }
  return out;
}

Status DecodeIjwLines(std::string_view blob, const std::string& message, int64_t first,
                      std::vector<IjwLine>* out) {
  Reader r{blob};
  auto damaged = [&] {
    return Status::Error(fmt::format(
        "de database is beschadigd: de regels van bericht {} vanaf regel {} zijn "
        "onleesbaar; zet een reservekopie terug (jeugdregio backup)",
        message, first));
  };
  if (r.Byte() != kVersion) return damaged();
  int64_t line = first - 1;
  const size_t begin = out->size();
  while (r.ok && r.pos < blob.size()) {
    IjwLine l;
    const IjwLine* p = out->size() > begin ? &out->back() : nullptr;
    l.message = message;
    uint64_t delta = r.Varint();
    if (delta == 0 || delta > static_cast<uint64_t>(kChunkLines)) return damaged();
    line += static_cast<int64_t>(delta);
    l.line = line;
    uint8_t flags = r.Byte();
    if ((flags & ~kFlagsKnown) ||
        (!p && (flags & (kFlagSameClient | kFlagSameAssignment | kFlagSameProduct)))) {
      return damaged();
    }
    l.stored = flags & kFlagStored;
    r.String(&l.reference);
    r.String(&l.previous_reference);
    if (flags & kFlagSameClient) {
      l.client = p->client;
    } else {
      r.String(&l.client);
    }
    if (flags & kFlagSameAssignment) {
      l.assignment = p->assignment;
    } else {
      r.String(&l.assignment);
    }
    if (flags & kFlagSameProduct) {
      l.category = p->category;
      l.product_code = p->product_code;
    } else {
      r.String(&l.category);
      r.String(&l.product_code);
    }
    const int64_t start = r.Signed();
    const int64_t days = r.Signed();
    l.volume.hundredths = r.Signed();
    const int64_t unit = r.Signed();
    if (flags & kFlagTariff) l.tariff = Money::FromCents(r.Signed());
    l.amount = Money::FromCents(r.Signed());
    if (!r.ok || start < -1'000'000 || start > 1'000'000 || days < -1'000'000 ||
        days > 1'000'000 || unit < 0 || unit > 255) {
      return damaged();
    }
    l.start = FromDayNumber(static_cast<int>(start));
    l.end = FromDayNumber(static_cast<int>(start + days));
    l.unit = static_cast<Unit>(unit);
    out->push_back(std::move(l));
  }
  if (!r.ok || line - first >= kChunkLines) return damaged();
  return Status::Ok();
}

IjwLineChunks::IjwLineChunks(sqlite3* db)
    : db_(db),
      select_(db,
              "SELECT data FROM ijw_line_chunk WHERE message = ?1 AND first_line = ?2"),
      insert_(db,
              "INSERT INTO ijw_line_chunk(message, first_line, lines, data) "
              "VALUES(?1, ?2, ?3, ?4)"),
      update_(db,
              "UPDATE ijw_line_chunk SET lines = ?3, data = ?4 WHERE message = ?1 AND "
              "first_line = ?2"),
      delete_(db, "DELETE FROM ijw_line_chunk WHERE message = ?1 AND first_line = ?2"),
      delete_after_(
          db, "DELETE FROM ijw_line_chunk WHERE message = ?1 AND first_line > ?2") {}

Status IjwLineChunks::Open(const std::string& message, int64_t first) {
  message_ = message;
  first_ = first;
  open_ = true;
  dirty_ = false;
  n_ = 0;
  select_.BindUncopied(1, message_).Bind(2, first_);
  stored_ = select_.Step();
  Status s = select_.status();
  std::vector<IjwLine> lines;
  if (stored_ && s.ok())
    s = DecodeIjwLines(select_.BlobView(0), message_, first_, &lines);
  select_.Reset();
  if (!s.ok()) {
    open_ = false;
    return s;
  }
  if (lines_.size() < lines.size()) lines_.resize(lines.size());
  for (IjwLine& l : lines) lines_[n_++] = std::move(l);
  return Status::Ok();
}

Result<PutOutcome> IjwLineChunks::Put(const IjwLine& l, PutMode mode) {
  if (l.line < 1) {
    return Status::Error(fmt::format(
        "regel {} van bericht {}: regelnummers beginnen bij 1", l.line, l.message));
  }
  const int64_t first = ChunkOf(l.line);
  if (!open_ || first != first_ || l.message != message_) {
    Status s = Flush();
    if (s.ok()) s = Open(l.message, first);
    if (!s.ok()) return s;
  }
  // Mostly the next line: after the last one.
  size_t at = n_;
  if (n_ > 0 && lines_[n_ - 1].line >= l.line) {
    auto end = lines_.begin() + static_cast<std::ptrdiff_t>(n_);
    at = static_cast<size_t>(
        std::lower_bound(lines_.begin(), end, l.line,
                         [](const IjwLine& x, int64_t v) { return x.line < v; }) -
        lines_.begin());
  }
  if (at < n_ && lines_[at].line == l.line) {
    PutOutcome out = CompareRows(TableSpecs()[kIjwLine], RowOf(lines_[at]), RowOf(l));
    if (out.kind == PutOutcome::kUnchanged) return out;
    if (mode == PutMode::kRefuseChanged) return out;
    lines_[at] = l;
    dirty_ = true;
    return PutOutcome{PutOutcome::kReplaced, "", "", ""};
  }
  if (n_ == lines_.size()) lines_.emplace_back();
  // Moved up one slot from `at` (rare: a line put out of order).
  std::rotate(lines_.begin() + static_cast<std::ptrdiff_t>(at),
              lines_.begin() + static_cast<std::ptrdiff_t>(n_),
              lines_.begin() + static_cast<std::ptrdiff_t>(n_ + 1));
  lines_[at] = l;
  ++n_;
  dirty_ = true;
  return PutOutcome{};
}

Status IjwLineChunks::Flush() {
  if (!open_) return Status::Ok();
  open_ = false;
  if (!dirty_) return Status::Ok();
  if (n_ == 0) {  // every line deleted (DeleteAfter)
    if (!stored_) return Status::Ok();
    delete_.BindUncopied(1, message_).Bind(2, first_);
    return delete_.Run();
  }
  const std::string blob = EncodeIjwLines(lines_, n_, first_);
  Statement& s = stored_ ? update_ : insert_;
  s.BindUncopied(1, message_)
      .Bind(2, first_)
      .Bind(3, static_cast<int64_t>(n_))
      .BindBlobUncopied(4, blob);
  return s.Run();
}

Status IjwLineChunks::DeleteAfter(const std::string& message, int64_t last) {
  Status s = Flush();
  if (!s.ok()) return s;
  // The chunks after the one holding `last` go whole; that one loses its lines past it.
  const int64_t first = last < 1 ? 0 : ChunkOf(last);
  delete_after_.BindUncopied(1, message).Bind(2, first);
  s = delete_after_.Run();
  if (s.ok() && last >= 1) {
    s = Open(message, first);
    while (s.ok() && n_ > 0 && lines_[n_ - 1].line > last) {
      --n_;
      dirty_ = true;
    }
    if (s.ok()) s = Flush();
  }
  return s;
}

void IjwLineChunks::Discard() { open_ = false; }

}  // namespace jr
