#include "agenda/agenda.h"

#include <fmt/format.h>

namespace jr {
namespace {

Status ParseSavingsLine(const TomlSource& src, const Agenda& a, const toml::table& t,
                        const std::string& at, SavingsLine& line) {
  auto name = RequireString(src, t, "naam", at + ".naam");
  if (!name.ok()) return name.status();
  line.name = *name;
  const toml::node* planned = t.get("gepland");
  if (planned == nullptr) {
    return TomlError(src, &t, at + ".gepland",
                     fmt::format("verplicht veld '{}.gepland' ontbreekt", at));
  }
  auto p = ReadYearAmounts(src, *planned, at + ".gepland", a.years);
  if (!p.ok()) return p.status();
  line.planned = *p;
  if (const toml::node* realised = t.get("gerealiseerd")) {
    auto r = ReadYearAmounts(src, *realised, at + ".gerealiseerd", a.years);
    if (!r.ok()) return r.status();
    line.realised = *r;
  }
  return Status::Ok();
}

Status ParseMilestone(const TomlSource& src, const toml::table& t, const std::string& at,
                      Milestone& m) {
  auto name = RequireString(src, t, "naam", at + ".naam");
  if (!name.ok()) return name.status();
  m.name = *name;
  auto due = OptionalDate(src, t, "datum", at + ".datum");
  if (!due.ok()) return due.status();
  if (!*due) {
    return TomlError(src, &t, at + ".datum",
                     fmt::format("verplicht veld '{}.datum' ontbreekt", at));
  }
  m.due = **due;
  auto done = OptionalDate(src, t, "gereed", at + ".gereed");
  if (!done.ok()) return done.status();
  m.done = *done;
  return Status::Ok();
}

Status ParseItem(const TomlSource& src, const Agenda& a, const toml::table& t,
                 const std::string& at, AgendaItem& item) {
  struct TextField {
    const char* key;
    std::string* out;
    bool required;
  };
  for (TextField f :
       {TextField{"id", &item.id, true}, TextField{"naam", &item.name, true},
        TextField{"opdrachtgever", &item.owner, false},
        TextField{"cluster", &item.cluster, false},
        TextField{"budget_toelichting", &item.budget_note, false}}) {
    std::string path = at + "." + f.key;
    auto s = f.required ? RequireString(src, t, f.key, path)
                        : OptionalString(src, t, f.key, path, "");
    if (!s.ok()) return s.status();
    *f.out = *s;
  }
  auto status = OptionalString(src, t, "status", at + ".status", "lopend");
  if (!status.ok()) return status.status();
  auto st = ParseItemStatus(*status);
  if (!st) {
    return TomlError(
        src, t.get("status"), at + ".status",
        fmt::format("onbekende status '{}' (niet_gestart, lopend, afgerond of gestopt)",
                    *status));
  }
  item.status = *st;
  auto budget = OptionalMoney(src, t, "budget", at + ".budget");
  if (!budget.ok()) return budget.status();
  item.budget_asked = budget->value_or(Money());
  auto lines = TableArray(src, t, "besparing", at + ".besparing", false);
  if (!lines.ok()) return lines.status();
  for (size_t i = 0; i < lines->size(); ++i) {
    SavingsLine line;
    std::string path = fmt::format("{}.besparing[{}]", at, i + 1);
    if (Status s = ParseSavingsLine(src, a, *(*lines)[i], path, line); !s.ok()) return s;
    item.savings.push_back(std::move(line));
  }
  auto milestones = TableArray(src, t, "mijlpaal", at + ".mijlpaal", false);
  if (!milestones.ok()) return milestones.status();
  for (size_t i = 0; i < milestones->size(); ++i) {
    Milestone m;
    std::string path = fmt::format("{}.mijlpaal[{}]", at, i + 1);
    if (Status s = ParseMilestone(src, *(*milestones)[i], path, m); !s.ok()) return s;
    item.milestones.push_back(std::move(m));
  }
  return Status::Ok();
}

Status ParseSharing(const TomlSource& src, const toml::table& doc, Agenda& a) {
  a.share_year = a.years.front();
  const toml::node* n = doc.get("verdeling");
  if (n == nullptr) return Status::Ok();
  const toml::table* t = n->as_table();
  if (t == nullptr)
    return TomlError(src, n, "verdeling", "'verdeling' moet een tabel zijn");
  auto amount = RequireMoney(src, *t, "bedrag", "verdeling.bedrag");
  if (!amount.ok()) return amount.status();
  a.shared_cost = *amount;
  auto key = OptionalString(src, *t, "sleutel", "verdeling.sleutel", a.share_key);
  if (!key.ok()) return key.status();
  a.share_key = *key;
  if (t->get("jaar") != nullptr) {
    auto year = RequireYear(src, *t, "jaar", "verdeling.jaar");
    if (!year.ok()) return year.status();
    a.share_year = *year;
  }
  return Status::Ok();
}

}  // namespace

Result<Agenda> ParseAgenda(const toml::table& doc, const TomlSource& src) {
  Agenda a;
  auto date = OptionalDate(src, doc, "datum", "datum");
  if (!date.ok()) return date.status();
  if (!*date) return TomlError(src, &doc, "datum", "verplicht veld 'datum' ontbreekt");
  a.date = **date;
  auto years = RequireYearList(src, doc, "jaren", "jaren");
  if (!years.ok()) return years.status();
  a.years = *years;
  if (Status s = ParseSharing(src, doc, a); !s.ok()) return s;
  auto items = TableArray(src, doc, "opgave", "opgave", true);
  if (!items.ok()) return items.status();
  for (size_t i = 0; i < items->size(); ++i) {
    std::string at = fmt::format("opgave[{}]", i + 1);
    const toml::table& t = *(*items)[i];
    AgendaItem item;
    if (Status s = ParseItem(src, a, t, at, item); !s.ok()) return s;
    for (const AgendaItem& other : a.items) {
      if (other.id == item.id) {
        return TomlError(src, t.get("id"), at + ".id",
                         fmt::format("opgave '{}' komt twee keer voor", item.id));
      }
    }
    a.items.push_back(std::move(item));
  }
  return a;
}

Result<Agenda> LoadAgenda(const std::string& file) {
  TomlSource src{file};
  auto doc = ReadTomlFile(src);
  if (!doc.ok()) return doc.status();
  return ParseAgenda(*doc, src);
}

}  // namespace jr
