#include "ingest/import_sink.h"

#include <fmt/format.h>

#include <algorithm>

#include "care/pseudonym.h"

namespace jr {
namespace {

std::string ProductKey(const std::string& category, const std::string& code) {
  return category + "/" + code;
}

// The largest regional or local cost item (vaste_kosten, lokale_kosten): EUR
// 99.999.999.999. With it, more than 900.000 cost items would be needed to overflow a
// sum in int64 cents.
constexpr int64_t kMaxCostCents = 99'999'999'999LL * 100;

// True when `r` holds a value; otherwise adds its error to `errors`.
template <typename T>
bool Loaded(const Result<T>& r, ErrorList* errors) {
  if (!r.ok()) errors->Add(r.status());
  return r.ok();
}

}  // namespace

ImportSink::ImportSink(Store& store, PutMode mode, ErrorList* errors)
    : store_(store), mode_(mode), errors_(errors) {
  auto region = store.LoadRegion();
  auto providers = store.LoadProviders();
  auto teams = store.LoadYouthTeams();
  auto products = store.LoadProducts();
  if (!Loaded(region, errors_) || !Loaded(providers, errors_) ||
      !Loaded(teams, errors_) || !Loaded(products, errors_)) {
    return;
  }
  for (const Municipality& m : region->municipalities()) municipalities_.insert(m.code);
  for (const Provider& p : *providers) providers_.insert(p.agb);
  for (const YouthTeam& t : *teams) teams_.insert(t.team);
  for (const Product& p : *products) products_[p.Key()] = p.unit;
}

std::optional<uint64_t> PackedAssignmentNumber(std::string_view number) {
  if (number.empty() || number.size() > 9) return std::nullopt;
  uint64_t v = 0;
  for (char c : number) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return static_cast<uint64_t>(number.size()) << 32 | v;
}

void ImportSink::AssignmentNumbers::insert(const std::string& number) {
  if (auto packed = PackedAssignmentNumber(number)) {
    numeric_.insert(*packed);
  } else {
    other_.insert(number);
  }
}

bool ImportSink::AssignmentNumbers::count(const std::string& number) const {
  if (auto packed = PackedAssignmentNumber(number)) return numeric_.contains(*packed);
  return other_.count(number) > 0;
}

void ImportSink::AssignmentNumbers::Prefetch(std::string_view number) const {
  if (auto packed = PackedAssignmentNumber(number)) numeric_.Prefetch(*packed);
}

void ImportSink::LoadAssignments() {
  if (assignments_loaded_) return;
  assignments_loaded_ = true;
  // Streamed, with room for them all at once: no copy of every assignment and no
  // rehash of a large set (each would touch new memory: page faults are a tenth of a
  // large JW323 import's time).
  if (int64_t n = store_.Count("assignment"); n > 0)
    known_assignments_.reserve(static_cast<size_t>(n));
  // The stored product and provider are only asked with --replace (Add(Assignment)).
  const bool replace = mode_ == PutMode::kReplace;
  Status s = store_.ForEachAssignmentRef([&](const AssignmentRef& a) {
    if (replace) {
      stored_assignments_.emplace(
          a.number, StoredAssignment{ProductKey(a.category, a.product_code), a.agb});
    }
    known_assignments_.insert(a.number);
  });
  if (!s.ok()) errors_->Add(s);
}

void ImportSink::PrefetchAssignment(std::string_view number) {
  LoadAssignments();
  known_assignments_.Prefetch(number);
}

bool ImportSink::KnowsAssignment(const std::string& number) {
  LoadAssignments();
  if (known_assignment_valid_ && number == known_assignment_) return true;
  if (!known_assignments_.count(number)) return false;
  // Known for good (assignments are never dropped from the map): the declaration of
  // this line asks again (Add), without a second lookup.
  known_assignment_ = number;
  known_assignment_valid_ = true;
  return true;
}

bool ImportSink::KnownMunicipality(const std::string& code, const Origin& o,
                                   const char* field) {
  if (municipalities_.count(code)) return true;
  AddFieldError(
      errors_, o, field,
      fmt::format("onbekende gemeente {} (niet in gemeenten.csv)", ShownValue(code)));
  return false;
}

bool ImportSink::KnownProvider(const std::string& agb, const Origin& o,
                               const char* field) {
  if (providers_.count(agb)) return true;
  AddFieldError(
      errors_, o, field,
      fmt::format("onbekende aanbieder {} (niet in aanbieders.csv)", ShownValue(agb)));
  return false;
}

bool ImportSink::KnownProduct(const std::string& category, const std::string& code,
                              const Origin& o, const char* field) {
  return FindProduct(category, code, o, field) != nullptr;
}

const Unit* ImportSink::FindProduct(const std::string& category, const std::string& code,
                                    const Origin& o, const char* field) {
  product_key_.assign(category);
  product_key_ += '/';
  product_key_ += code;
  if (auto it = products_.find(product_key_); it != products_.end()) return &it->second;
  AddFieldError(
      errors_, o, field,
      fmt::format("onbekend product {}/{} (niet in producten.csv)", category, code));
  return nullptr;
}

bool ImportSink::InBounds(Money m, int64_t max_cents, const Origin& o,
                          const char* field) {
  if (m.cents() <= max_cents && m.cents() >= -max_cents) return true;
  Money as_written = m < Money() ? -m : m;  // a credit is written as a positive amount
  AddFieldError(errors_, o, field,
                fmt::format("bedrag {} is te groot (hoogstens {})", as_written.ToString(),
                            Money::FromCents(max_cents).ToString()));
  return false;
}

bool ImportSink::InBounds(const Volume& v, const Origin& o, const char* field) {
  if (v.hundredths <= Volume::kMaxHundredths) return true;
  AddFieldError(errors_, o, field,
                fmt::format("volume {} is te groot (hoogstens {})", v.ToString(),
                            Volume{Volume::kMaxHundredths}.ToString()));
  return false;
}

template <typename T>
bool ImportSink::Write(const T& v, const Origin& o, size_t errors_before) {
  if (errors_->count() != errors_before) return !errors_->full();
  return CountPut(store_.Put(v, mode_), o);
}

bool ImportSink::CountPut(const Result<PutOutcome>& put, const Origin& o) {
  if (!put.ok()) {
    errors_->Add(fmt::format("kan niet worden opgeslagen: {}", put.status().message()),
                 o.Record());
    return !errors_->full();
  }
  switch (put->kind) {
    case PutOutcome::kAdded:
      ++report_->added;
      break;
    case PutOutcome::kUnchanged:
      ++report_->unchanged;
      break;
    case PutOutcome::kReplaced:
      ++report_->replaced;
      break;
    case PutOutcome::kConflict:
      errors_->Add(
          fmt::format("sleutel bestaat al met andere inhoud (veld '{}': {} in de "
                      "database, {} in het bestand); gebruik --replace om te "
                      "vervangen",
                      o.Label(put->field), ShownValue(put->stored),
                      ShownValue(put->given)),
          o.Record());
      break;
  }
  return !errors_->full();
}

bool ImportSink::Add(const Municipality& v, const Origin& o) {
  size_t before = errors_->count();
  municipalities_.insert(v.code);
  if (!v.successor.empty()) {
    successors_.push_back(
        {o.Field("successor"), std::string(o.Label("successor")), v.successor});
  }
  return Write(v, o, before);
}

bool ImportSink::Add(const MunicipalityKey& v, const Origin& o) {
  size_t before = errors_->count();
  KnownMunicipality(v.municipality, o, "municipality");
  return Write(v, o, before);
}

bool ImportSink::Add(const Provider& v, const Origin& o) {
  size_t before = errors_->count();
  providers_.insert(v.agb);
  return Write(v, o, before);
}

bool ImportSink::Add(const Product& v, const Origin& o) {
  size_t before = errors_->count();
  products_[v.Key()] = v.unit;
  return Write(v, o, before);
}

bool ImportSink::Add(const Tariff& v, const Origin& o) {
  size_t before = errors_->count();
  KnownProduct(v.category, v.code, o, "code");
  if (!v.agb.empty()) KnownProvider(v.agb, o, "agb");
  InBounds(v.per_unit, kMaxLineCents, o, "per_unit");
  return Write(v, o, before);
}

bool ImportSink::Add(const Contract& v, const Origin& o) {
  size_t before = errors_->count();
  KnownProvider(v.agb, o, "agb");
  return Write(v, o, before);
}

bool ImportSink::Add(const YouthTeam& v, const Origin& o) {
  size_t before = errors_->count();
  if (KnownMunicipality(v.municipality, o, "municipality")) teams_.insert(v.team);
  return Write(v, o, before);
}

bool ImportSink::Add(const ClientResidence& v, const Origin& o) {
  size_t before = errors_->count();
  KnownMunicipality(v.municipality, o, "municipality");
  return Write(v, o, before);
}

bool ImportSink::Add(const Assignment& v, const Origin& o) {
  size_t before = errors_->count();
  LoadAssignments();
  bool municipality = KnownMunicipality(v.municipality, o, "municipality");
  bool provider = KnownProvider(v.agb, o, "agb");
  bool product = KnownProduct(v.category, v.product_code, o, "product_code");
  InBounds(v.volume, o, "volume");
  if (!v.team.empty() && !teams_.count(v.team)) {
    AddFieldError(errors_, o, "team",
                  fmt::format("onbekend jeugdteam {} (niet in jeugdteams.csv)",
                              ShownValue(v.team)));
  }
  // --replace of an assignment with declarations may not change its product or
  // provider: its lines would no longer match it. A new assignment (with
  // vorige_toewijzing) is the way; the stored one stays.
  if (auto stored = stored_assignments_.find(v.number);
      mode_ == PutMode::kReplace && stored != stored_assignments_.end() &&
      (stored->second.product != ProductKey(v.category, v.product_code) ||
       stored->second.agb != v.agb)) {
    if (!declarations_loaded_) {
      declarations_loaded_ = true;
      auto lines = store_.LoadDeclarations();
      if (Loaded(lines, errors_)) {
        for (const Declaration& d : *lines) declared_assignments_.insert(d.assignment);
      }
    }
    if (declared_assignments_.count(v.number)) {
      const bool other_product =
          stored->second.product != ProductKey(v.category, v.product_code);
      AddFieldError(
          errors_, o, other_product ? "product_code" : "agb",
          fmt::format("toewijzing {} heeft al declaraties: {} kan niet met --replace "
                      "worden gewijzigd (in de database {}); maak een nieuwe toewijzing "
                      "met vorige_toewijzing",
                      ShownValue(v.number),
                      other_product ? "het product" : "de aanbieder",
                      other_product ? stored->second.product : stored->second.agb));
    }
  }
  if (municipality && provider && product) {
    known_assignments_.insert(v.number);
    if (!v.predecessor.empty()) {
      predecessors_.push_back(
          {o.Field("predecessor"), std::string(o.Label("predecessor")), v.predecessor});
    }
  }
  return Write(v, o, before);
}

bool ImportSink::Add(const ReviewDecision& v, const Origin& o) {
  size_t before = errors_->count();
  LoadAssignments();
  if (!known_assignments_.count(v.assignment)) {
    AddFieldError(errors_, o, "assignment",
                  fmt::format("onbekende toewijzing {} (niet in toewijzingen.csv)",
                              ShownValue(v.assignment)));
  }
  return Write(v, o, before);
}

bool ImportSink::Add(const Declaration& v, const Origin& o) {
  size_t before = errors_->count();
  // The iJw source asked KnowsAssignment for this line just before: no second lookup.
  const bool assignment = KnowsAssignment(v.assignment);
  if (!assignment) {
    AddFieldError(errors_, o, "assignment",
                  fmt::format("onbekende toewijzing {} (niet in toewijzingen.csv)",
                              ShownValue(v.assignment)));
  }
  bool provider = KnownProvider(v.agb, o, "agb");
  const Unit* product_unit = FindProduct(v.category, v.product_code, o, "product_code");
  bool product = product_unit != nullptr;
  // Bounded lines keep volume x tariff and every sum of amounts inside int64 cents.
  bool bounded = InBounds(v.volume, o, "volume");
  bounded = InBounds(v.amount, kMaxLineCents, o, "amount") && bounded;
  if (v.tariff) bounded = InBounds(*v.tariff, kMaxLineCents, o, "tariff") && bounded;
  // A line in another unit than its product's would escape the amount check (unit 83,
  // euro, is not volume x tariff).
  bool unit = true;
  if (product) {
    unit = v.unit == *product_unit;
    if (!unit) {
      AddFieldError(errors_, o, "unit",
                    fmt::format("eenheid {} wijkt af van die van product {}/{} ({})",
                                UnitCode(v.unit), v.category, v.product_code,
                                UnitCode(*product_unit)));
    }
  }
  if (!assignment || !provider || !product || !bounded || !unit) {
    return !errors_->full();
  }
  // Everything else about a line (its period, volume, amount and product against the
  // assignment, the tariff) is a care rule: `jeugdregio check` decides per line and a
  // broken rule never refuses the file (DESIGN §2.8, issue 12).
  if (mode_ == PutMode::kReplace)
    replaced_lines_[{v.number, v.assignment}].insert(v.start);
  return Write(v, o, before);
}

bool ImportSink::Add(const IjwMessage& v, const Origin& o) {
  return Write(v, o, errors_->count());
}

void ImportSink::ReplaceDeclarations(const std::string& number,
                                     const std::string& assignment) {
  replaced_lines_.try_emplace({number, assignment});
}

bool ImportSink::Add(const IjwLine& v, const Origin& o) {
  return Write(v, o, errors_->count());
}

bool ImportSink::Add(const CarePeriod& v, const Origin& o) {
  return Write(v, o, errors_->count());
}

bool ImportSink::Add(const CostItem& v, const Origin& o) {
  size_t before = errors_->count();
  if (!v.municipality.empty()) KnownMunicipality(v.municipality, o, "municipality");
  InBounds(v.amount, kMaxCostCents, o, "amount");
  return Write(v, o, before);
}

bool ImportSink::Add(const AssignmentSupplement& v, const Origin& o) {
  if (!v.team.empty() && !teams_.count(v.team)) {
    AddFieldError(errors_, o, "team",
                  fmt::format("onbekend jeugdteam {} (niet in jeugdteams.csv)",
                              ShownValue(v.team)));
  }
  auto [it, added] = supplements_.try_emplace(v.assignment, Supplement{v, o.Record()});
  if (!added) {
    AddFieldError(errors_, o, "assignment",
                  fmt::format("toewijzing {} staat twee keer in de aanvulling",
                              ShownValue(v.assignment)));
  }
  return !errors_->full();
}

void ImportSink::ApplySupplement(Assignment* a) {
  auto it = supplements_.find(a->number);
  if (it == supplements_.end()) return;
  it->second.used = true;
  a->route = it->second.value.route;
  a->team = it->second.value.team;
  a->predecessor = it->second.value.predecessor;
}

void ImportSink::FinishImport() {
  std::vector<const Supplement*> unused;
  for (const auto& [number, s] : supplements_) {
    if (!s.used) unused.push_back(&s);
  }
  std::sort(unused.begin(), unused.end(), [](const Supplement* a, const Supplement* b) {
    return a->value.assignment < b->value.assignment;
  });
  for (const Supplement* s : unused) {
    errors_->Add(fmt::format("veld 'toewijzingnummer': toewijzing {} staat in geen "
                             "JW301-bericht van deze import (de aanvulling geldt alleen "
                             "voor toewijzingen uit JW301)",
                             ShownValue(s->value.assignment)),
                 s->where);
  }
}

void ImportSink::FinishFile() {
  for (const LaterReference& r : successors_) {
    if (!municipalities_.count(r.value)) {
      errors_->Add(
          fmt::format("veld '{}': onbekende gemeente {}", r.label, ShownValue(r.value)),
          r.where);
    }
  }
  for (const LaterReference& r : predecessors_) {
    if (!known_assignments_.count(r.value)) {
      errors_->Add(
          fmt::format("veld '{}': onbekende toewijzing {}", r.label, ShownValue(r.value)),
          r.where);
    }
  }
  successors_.clear();
  predecessors_.clear();
  // --replace: a declaration number and assignment in this file replace all stored
  // lines of that pair; a stored line the file no longer has (its begindatum was
  // corrected, or the line dropped) is removed, so a correction never adds a second
  // copy (issue 18, item 11).
  if (!replaced_lines_.empty() && errors_->empty()) {
    auto stored = store_.LoadDeclarations();
    if (Loaded(stored, errors_)) {
      for (const Declaration& d : *stored) {
        auto it = replaced_lines_.find({d.number, d.assignment});
        if (it == replaced_lines_.end() || it->second.count(d.start)) continue;
        Status s = store_.DeleteDeclaration(d.assignment, d.start, d.number);
        if (!s.ok()) {
          errors_->Add(fmt::format("kan niet worden opgeslagen: {}", s.message()), {});
          break;
        }
        ++report_->replaced;
      }
    }
  }
  replaced_lines_.clear();
}

}  // namespace jr
