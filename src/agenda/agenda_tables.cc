#include "agenda/agenda_tables.h"

#include <fmt/format.h>

namespace jr {

Table AgendaItemTable(const AgendaProgress& p) {
  Table t;
  t.title = fmt::format("Voortgang per opgave (besparing t/m {})",
                        static_cast<int>(p.as_of.year()));
  t.columns = {{"id", "Nr", ColumnType::kText},
               {"name", "Opgave", ColumnType::kText},
               {"owner", "Opdrachtgever", ColumnType::kText},
               {"cluster", "Cluster", ColumnType::kText},
               {"status", "Status", ColumnType::kText},
               {"budget_asked_cents", "Budget", ColumnType::kMoney},
               {"planned_cents", "Gepland", ColumnType::kMoney},
               {"realised_cents", "Gerealiseerd", ColumnType::kMoney},
               {"progress", "Voortgang", ColumnType::kPercent, 0},
               {"planned_total_cents", "Gepland totaal", ColumnType::kMoney},
               {"milestones", "Mijlpalen", ColumnType::kInt},
               {"milestones_done", "Gereed", ColumnType::kInt},
               {"milestones_overdue", "Te laat", ColumnType::kInt},
               {"overdue", "Achter", ColumnType::kText}};
  for (const ItemProgress& i : p.items) {
    const AgendaItem& a = *i.item;
    t.AddRow({a.id, a.name, a.owner, a.cluster, std::string(ItemStatusName(a.status)),
              a.budget_asked, i.savings.planned, i.savings.realised,
              FractionCell(i.savings.progress), i.savings.planned_total,
              int64_t{i.milestones}, int64_t{i.milestones_done},
              int64_t{i.milestones_overdue}, std::string(i.overdue ? "ja" : "")});
  }
  t.notes = {
      fmt::format("Stand per {}. Voortgang = gerealiseerd / gepland; leeg = nog niets "
                  "gerealiseerd ingevuld.",
                  FormatDate(p.as_of))};
  return t;
}

Table AgendaClusterTable(const AgendaProgress& p) {
  Table t;
  t.title = "Voortgang per cluster";
  t.columns = {{"cluster", "Cluster", ColumnType::kText},
               {"items", "Opgaven", ColumnType::kInt},
               {"overdue_items", "Achter", ColumnType::kInt},
               {"planned_cents", "Gepland", ColumnType::kMoney},
               {"realised_cents", "Gerealiseerd", ColumnType::kMoney},
               {"progress", "Voortgang", ColumnType::kPercent, 0},
               {"planned_total_cents", "Gepland totaal", ColumnType::kMoney}};
  for (const ClusterProgress& c : p.clusters) {
    t.AddRow({c.cluster, int64_t{c.items}, int64_t{c.overdue_items}, c.savings.planned,
              c.savings.realised, FractionCell(c.savings.progress),
              c.savings.planned_total});
  }
  return t;
}

Table AgendaYearTable(const AgendaProgress& p) {
  Table t;
  t.title = "Besparing per jaar tegenover de taakstelling, en een jaar vertraging";
  t.columns = {{"year", "Jaar", ColumnType::kYear},
               {"planned_cents", "Gepland", ColumnType::kMoney},
               {"realised_cents", "Gerealiseerd", ColumnType::kMoney},
               {"target_cents", "Taakstelling", ColumnType::kMoney},
               {"shortfall_cents", "Tekort", ColumnType::kMoney},
               {"planned_slipped_cents", "Gepland +1 jaar", ColumnType::kMoney},
               {"shortfall_slipped_cents", "Tekort +1 jaar", ColumnType::kMoney}};
  Money planned, slipped;
  for (const AgendaYear& y : p.years) {
    t.AddRow({int64_t{y.year}, y.planned, y.realised, MoneyCell(y.target_gap),
              MoneyCell(y.shortfall), y.planned_slipped, MoneyCell(y.shortfall_slipped)});
    planned += y.planned;
    slipped += y.planned_slipped;
  }
  t.notes = {
      "Tekort = taakstelling - geplande besparing. '+1 jaar': alle niet afgeronde "
      "opgaven schuiven een jaar op.",
      fmt::format("Een jaar vertraging kost over deze jaren {} euro besparing ({} euro "
                  "valt na het laatste jaar).",
                  (planned - slipped).ToEuroString(), p.slip_loss.ToEuroString())};
  return t;
}

Table OverdueTable(const AgendaProgress& p) {
  Table t;
  t.title = fmt::format("Mijlpalen over datum per {}", FormatDate(p.as_of));
  t.columns = {{"item", "Nr", ColumnType::kText},
               {"item_name", "Opgave", ColumnType::kText},
               {"milestone", "Mijlpaal", ColumnType::kText},
               {"due", "Gepland", ColumnType::kText},
               {"days_late", "Dagen te laat", ColumnType::kInt}};
  for (const OverdueMilestone& o : p.overdue) {
    t.AddRow({o.item->id, o.item->name, o.milestone->name, FormatDate(o.milestone->due),
              int64_t{o.days_late}});
  }
  if (p.overdue.empty()) t.notes.push_back("Geen mijlpalen over datum.");
  return t;
}

Table CostShareTable(const Agenda& a, const KeyWeights& w,
                     const std::vector<Money>& parts, const Region& region) {
  Table t;
  t.title = fmt::format("Verdeling van {} euro naar rato van '{}' ({})",
                        a.shared_cost.ToEuroString(), w.key, w.year);
  t.columns = {{"municipality", "Code", ColumnType::kText, ColumnRole::kMunicipality},
               {"name", "Gemeente", ColumnType::kText},
               {"key_value", "Sleutel", ColumnType::kNumber, 0},
               {"share", "Aandeel", ColumnType::kPercent, 2},
               {"amount_cents", "Bijdrage", ColumnType::kCents}};
  Money total;
  for (size_t i = 0; i < w.codes.size(); ++i) {
    const Municipality* m = region.Find(w.codes[i]);
    t.AddRow({w.codes[i], m == nullptr ? w.codes[i] : m->name, w.weights[i], w.Share(i),
              parts[i]});
    total += parts[i];
  }
  t.AddRow({std::string("REGIO"), std::string("Totaal regio"), w.total, 1.0, total},
           RowKind::kTotal);
  t.notes = {
      "Tot op de cent verdeeld (grootste-restmethode); de bijdragen tellen op tot het "
      "totaal."};
  return t;
}

}  // namespace jr
