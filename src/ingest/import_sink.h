// ImportSink: the stages after a source. For every value: the reference checks
// (unknown municipality, provider, product, assignment, team, ...) and the write to
// the store by natural key. The care rules are not run here: `jeugdregio check`
// (rules/check.h) decides per line, so a broken rule never refuses a file.
// Internal to ingest/.
#pragma once

#include <tsl/robin_set.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "care/finding.h"
#include "core/huge_pages.h"
#include "core/packed_set.h"
#include "core/status.h"
#include "ingest/importer.h"
#include "ingest/value_sink.h"
#include "store/store.h"

namespace jr {

// An assignment number of 1 to 9 digits (every iJw ToewijzingNummer) as 8 bytes: its
// value with its length, so that "07" and "7" stay apart; nullopt for any other.
std::optional<uint64_t> PackedAssignmentNumber(std::string_view number);

class ImportSink final : public ValueSink {
 public:
  // Loads the reference data of `store`; a database error goes to `errors`.
  // `store` and `errors` must outlive the sink.
  ImportSink(Store& store, PutMode mode, ErrorList* errors);

  // Starts a file: the added, unchanged and replaced counts go to `report`.
  void StartFile(ImportReport* report) { report_ = report; }
  // The checks that need the whole file (successors, predecessors).
  void FinishFile();

  // Whether an assignment of this number is stored or was added by this import (the
  // iJw source stores a JW323 line for an unknown one only as submitted).
  bool KnowsAssignment(const std::string& number);
  // Starts loading where KnowsAssignment(number) will look (see PackedSet::Prefetch).
  void PrefetchAssignment(std::string_view number);

  bool Add(const Municipality& v, const Origin& o) override;
  bool Add(const MunicipalityKey& v, const Origin& o) override;
  bool Add(const Provider& v, const Origin& o) override;
  bool Add(const Product& v, const Origin& o) override;
  bool Add(const Tariff& v, const Origin& o) override;
  bool Add(const Contract& v, const Origin& o) override;
  bool Add(const YouthTeam& v, const Origin& o) override;
  bool Add(const ClientResidence& v, const Origin& o) override;
  bool Add(const Assignment& v, const Origin& o) override;
  bool Add(const Declaration& v, const Origin& o) override;
  bool Add(const CostItem& v, const Origin& o) override;
  // The iJw tables (ingest/ijw/ijw_source.h): written as they are, no reference checks.
  bool Add(const IjwMessage& v, const Origin& o);
  bool Add(const IjwLine& v, const Origin& o);
  // --replace: the stored declaration lines of `number` and `assignment` that this
  // import does not put again are deleted as it ends (as for a pair it puts).
  void ReplaceDeclarations(const std::string& number, const std::string& assignment);
  bool Add(const CarePeriod& v, const Origin& o);
  bool Add(const ReviewDecision& v, const Origin& o) override;
  // A row of toewijzingen_aanvulling.csv: kept (not stored) until the JW301 assignment
  // of its number is read, which it completes (ApplySupplement).
  bool Add(const AssignmentSupplement& v, const Origin& o) override;
  // Gives the JW301 assignment `a` the referrer, team and previous assignment of its
  // row in toewijzingen_aanvulling.csv of this import, if there is one.
  void ApplySupplement(Assignment* a);
  // The checks that need the whole import: every row of toewijzingen_aanvulling.csv
  // completed a JW301 assignment of the import.
  void FinishImport();

 private:
  // A reference named in a record, checked when the whole file is read.
  struct LaterReference {
    Location where;
    std::string label;  // the field's name in the source
    std::string value;
  };
  // Writes `v` unless checking it added errors; false when errors are full.
  template <typename T>
  bool Write(const T& v, const Origin& o, size_t errors_before);
  // Counts the outcome of a put into the report of the file (added, unchanged,
  // replaced); a database error or a conflict (same key, other content, without
  // --replace) goes to the errors at the record of `o`. False when errors are full.
  bool CountPut(const Result<PutOutcome>& put, const Origin& o);
  bool KnownMunicipality(const std::string& code, const Origin& o, const char* field);
  bool KnownProvider(const std::string& agb, const Origin& o, const char* field);
  bool KnownProduct(const std::string& category, const std::string& code, const Origin& o,
                    const char* field);
  // The unit of a known product; null (and an error at the field) for an unknown one.
  const Unit* FindProduct(const std::string& category, const std::string& code,
                          const Origin& o, const char* field);
  // False (and an error at the field) when `m` is above `max_cents`.
  bool InBounds(Money m, int64_t max_cents, const Origin& o, const char* field);
  bool InBounds(const Volume& v, const Origin& o, const char* field);
  void LoadAssignments();

  Store& store_;
  PutMode mode_;
  ErrorList* errors_;
  ImportReport* report_ = nullptr;
  // Reference data of the store plus what this import adds.
  std::unordered_set<std::string> municipalities_, providers_, teams_;
  std::unordered_map<std::string, Unit> products_;  // "45/45A10" -> its unit
  // The numbers of the stored assignments and those this import adds: asked per
  // JW323 line, so open-addressing sets with the values in the slots (one cache miss a
  // look-up where std::unordered_set takes three). A number of at most 9 digits is kept
  // packed (PackedAssignmentNumber), so that the set of a region's assignments stays in
  // the processor's cache; any other (a CSV file may use letters) as text.
  class AssignmentNumbers {
   public:
    void reserve(size_t n) { numeric_.reserve(n); }
    void insert(const std::string& number);
    bool count(const std::string& number) const;
    void Prefetch(std::string_view number) const;

   private:
    PackedSet numeric_;  // filled at once, large: huge pages (core/huge_pages.h)
    tsl::robin_set<std::string, std::hash<std::string>, std::equal_to<std::string>,
                   std::allocator<std::string>, /*StoreHash=*/true>
        other_;
  };
  AssignmentNumbers known_assignments_;
  bool assignments_loaded_ = false;
  // The last number KnowsAssignment found (a JW323 line asks it, then adds its
  // declaration), and the buffer of FindProduct's key.
  std::string known_assignment_;
  bool known_assignment_valid_ = false;
  std::string product_key_;
  // --replace (issue 18, item 11): the stored assignments' product and provider and
  // whether they have declarations (loaded on first need), and per declaration number
  // and assignment the first days of the lines of this file: a corrected declaration
  // replaces all stored lines of its number and assignment.
  struct StoredAssignment {
    std::string product;  // "45/45A10"
    std::string agb;
  };
  std::unordered_map<std::string, StoredAssignment> stored_assignments_;
  std::unordered_set<std::string> declared_assignments_;
  bool declarations_loaded_ = false;
  std::map<std::pair<std::string, std::string>, std::set<Date>> replaced_lines_;
  std::vector<LaterReference> successors_, predecessors_;
  struct Supplement {
    AssignmentSupplement value;
    Location where;
    bool used = false;
  };
  std::unordered_map<std::string, Supplement> supplements_;  // by toewijzingnummer
};

}  // namespace jr
