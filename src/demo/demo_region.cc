#include "demo/demo_region.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <vector>

#include "care/codes.h"
#include "care/volume.h"
#include "core/date.h"
#include "core/env.h"
#include "demo/csv_out.h"
#include "demo/demo_declarations.h"
#include "demo/demo_files.h"
#include "demo/demo_ijw.h"
#include "demo/demo_municipalities.h"
#include "demo/demo_part.h"
#include "demo/demo_products.h"
#include "demo/demo_providers.h"

namespace jr {
namespace {

using demo::AppendCents;
using demo::AppendDate;
using demo::AppendHundredths;
using demo::AppendInt;
using demo::AppendText;
using demo::CsvOut;

// Fixed regional costs in 2015, euro; indexed like the tariffs.
struct FixedCost {
  const char* bucket;
  double euros;
};
constexpr FixedCost kFixedCosts[] = {{"serviceorganisatie", 3'150'000},
                                     {"crisisdienst", 1'450'000},
                                     {"veilig_thuis", 1'900'000},
                                     {"diagnosenetwerk", 420'000}};
// Local costs per inhabitant in 2015, euro.
constexpr FixedCost kLocalCosts[] = {{"jeugdteams", 42.0}, {"basisvoorzieningen", 14.0}};

int Day(int year, unsigned month, unsigned day) {
  return DayNumber(std::chrono::year(year) / std::chrono::month(month) /
                   std::chrono::day(day));
}
int YearOf(int day) { return static_cast<int>(FromDayNumber(day).year()); }
int64_t RoundThousandEuros(double cents) {
  return std::llround(cents / 100000.0) * 100000;
}

// Everything the writers share.
struct Context {
  const DemoOptions& options;
  const std::vector<demo::DemoMunicipality>& munis = demo::DemoMunicipalities();
  const std::vector<demo::DemoProduct>& products = demo::DemoProducts();
  const std::vector<demo::DemoTeam>& teams = demo::DemoTeams();
  std::vector<demo::DemoProvider> providers;
  demo::DemoCare care;
  std::vector<std::string> buckets;  // distinct cost buckets of the products
  std::vector<int> product_bucket;   // per product: index into buckets
  int years = 0;                     // number of years
  // Declared amounts (cents) per provider x year x bucket, and per team x year.
  std::vector<int64_t> provider_cost;
  std::vector<int64_t> team_cost;
  DemoSummary summary;
  // --ijw: the records of the messages, and per (agb, declaratienummer) its index in
  // ijw.declarations.
  demo::IjwDemo ijw;
  std::map<std::pair<std::string, std::string>, size_t> declaration_index;
  int64_t next_reference = 1;

  explicit Context(const DemoOptions& o) : options(o) {}
  std::string Path(const char* file) const {
    return (std::filesystem::path(options.dir) / file).string();
  }
  int YearIndex(int year) const { return year - options.first_year; }
};

Status Finish(Context& ctx, const char* file, CsvOut& out) {
  Status s = out.Close();
  if (s.ok()) ctx.summary.rows[file] = out.rows();
  return s;
}

Status WriteMunicipalities(Context& ctx) {
  CsvOut out;
  const char* file = "gemeenten.csv";
  if (Status s = out.Open(ctx.Path(file),
                          "gemeentecode;naam;subregio;begindatum;einddatum;opvolger");
      !s.ok()) {
    return s;
  }
  const DemoOptions& o = ctx.options;
  for (const auto& m : ctx.munis) {
    int first = std::max(o.first_year, m.first_year);
    int last = m.last_year == 0 ? o.last_year : std::min(o.last_year, m.last_year);
    if (first > last) continue;
    auto& b = out.buffer();
    AppendText(b, m.code);
    AppendText(b, m.name);
    AppendText(b, m.subregion);
    AppendDate(b, Day(first, 1, 1));
    if (m.last_year != 0) {
      AppendDate(b, Day(m.last_year, 12, 31));
    } else {
      AppendText(b, "");
    }
    AppendText(b, m.successor, true);
    out.EndRow();
  }
  return Finish(ctx, file, out);
}

Status WriteKeys(Context& ctx) {
  CsvOut out;
  const char* file = "kengetallen.csv";
  if (Status s = out.Open(ctx.Path(file), "gemeentecode;jaar;sleutel;waarde"); !s.ok())
    return s;
  for (int y = ctx.options.first_year; y <= ctx.options.last_year; ++y) {
    double weights = 0;
    for (const auto& m : ctx.munis) {
      if (m.ActiveIn(y)) weights += m.Youth(y) * m.grant_factor;
    }
    for (const auto& m : ctx.munis) {
      if (!m.ActiveIn(y)) continue;
      // The grant follows the care it pays for: a demo of another --scale gets the
      // grant scaled like its care (the population keys stay the region's).
      long long grant =
          std::llround(static_cast<double>(demo::DemoRegionalGrant(y)) *
                       ctx.options.scale * m.Youth(y) * m.grant_factor / weights);
      const std::pair<const char*, long long> keys[] = {{"inwoners", m.Inhabitants(y)},
                                                        {"jeugdigen", m.Youth(y)},
                                                        {"rijksbijdrage", grant}};
      for (const auto& [key, value] : keys) {
        auto& b = out.buffer();
        AppendText(b, m.code);
        AppendInt(b, y);
        AppendText(b, key);
        AppendInt(b, value, true);
        out.EndRow();
      }
    }
  }
  return Finish(ctx, file, out);
}

Status WriteProviders(Context& ctx) {
  CsvOut out;
  const char* file = "aanbieders.csv";
  if (Status s = out.Open(ctx.Path(file), "agb_code;naam"); !s.ok()) return s;
  for (const auto& p : ctx.providers) {
    AppendText(out.buffer(), p.agb);
    AppendText(out.buffer(), p.name, true);
    out.EndRow();
  }
  return Finish(ctx, file, out);
}

Status WriteProducts(Context& ctx) {
  CsvOut out;
  const char* file = "producten.csv";
  if (Status s = out.Open(ctx.Path(file),
                          "productcategorie;productcode;omschrijving;eenheid;"
                          "kostenpost;afbakening");
      !s.ok()) {
    return s;
  }
  for (const auto& p : ctx.products) {
    auto& b = out.buffer();
    AppendText(b, p.category);
    AppendText(b, p.code);
    AppendText(b, p.description);
    AppendText(b, UnitCode(p.unit));
    AppendText(b, p.bucket);
    AppendText(b, CareClassName(p.care_class), true);
    out.EndRow();
  }
  if (Status s = Finish(ctx, file, out); !s.ok()) return s;

  CsvOut tariffs;
  file = "tarieven.csv";
  if (Status s = tariffs.Open(ctx.Path(file), "productcategorie;productcode;jaar;tarief");
      !s.ok()) {
    return s;
  }
  for (const auto& p : ctx.products) {
    for (int y = ctx.options.first_year; y <= ctx.options.last_year; ++y) {
      auto& b = tariffs.buffer();
      AppendText(b, p.category);
      AppendText(b, p.code);
      AppendInt(b, y);
      AppendCents(b, demo::DemoTariffCents(p, y), true);
      tariffs.EndRow();
    }
  }
  return Finish(ctx, file, tariffs);
}

// The client column: with --ijw the messages name a client by BSN, so the CSV files do
// too (synthetic BSNs, demo_ijw.h); both are pseudonymised with the database's key on
// import.
const char* ClientColumn(const Context& ctx) {
  return ctx.options.ijw ? "bsn" : "client";
}

Status WriteClients(Context& ctx) {
  CsvOut out;
  const char* file = "clienten.csv";
  if (Status s = out.Open(ctx.Path(file), std::string(ClientColumn(ctx)) +
                                              ";geboortedatum;gemeentecode;begindatum");
      !s.ok()) {
    return s;
  }
  for (size_t i = 0; i < ctx.care.clients.size(); ++i) {
    const auto& c = ctx.care.clients[i];
    Month birth = FromMonthIndex(c.birth_month);
    for (const auto& r : c.residences) {
      auto& b = out.buffer();
      AppendText(b, ctx.options.ijw ? ctx.ijw.clients[i].bsn : c.pseudonym);
      fmt::format_to(std::back_inserter(b), "{:04}-{:02};",
                     static_cast<int>(birth.year()),
                     static_cast<unsigned>(birth.month()));
      AppendText(b, ctx.munis[r.municipality].code);
      AppendDate(b, r.begin, true);
      out.EndRow();
    }
  }
  return Finish(ctx, file, out);
}

// "TW0000001"; with --ijw a number (iJw ToewijzingNummer is an integer).
void AppendAssignmentNumber(fmt::memory_buffer& b, int index, bool ijw,
                            bool last = false) {
  if (ijw) {
    AppendText(b, demo::DemoIjwAssignmentNumber(index), last);
    return;
  }
  fmt::format_to(std::back_inserter(b), "TW{:07}", index + 1);
  if (!last) b.push_back(';');
}

// verwijzer;team;vorige_toewijzing of an assignment (toewijzingen.csv, and with --ijw
// toewijzingen_aanvulling.csv, where they are the last columns).
void AppendReferral(const Context& ctx, fmt::memory_buffer& b,
                    const demo::DemoAssignment& a, bool last) {
  AppendText(b, RouteName(a.route));
  AppendText(b, a.team >= 0 ? ctx.teams[a.team].code : "");
  if (a.predecessor >= 0) {
    AppendAssignmentNumber(b, a.predecessor, ctx.options.ijw, last);
  } else {
    AppendText(b, "", last);
  }
}

Status WriteAssignments(Context& ctx) {
  CsvOut out;
  const char* file = "toewijzingen.csv";
  if (Status s =
          out.Open(ctx.Path(file),
                   fmt::format("toewijzingnummer;{};gemeentecode;agb_code;"
                               "productcategorie;productcode;volume;eenheid;frequentie;"
                               "ingangsdatum;einddatum;verwijzer;team;vorige_toewijzing;"
                               "budget",
                               ClientColumn(ctx)));
      !s.ok()) {
    return s;
  }
  const auto& all = ctx.care.assignments;
  for (size_t i = 0; i < all.size(); ++i) {
    const demo::DemoAssignment& a = all[i];
    const demo::DemoProduct& p = ctx.products[a.product];
    auto& b = out.buffer();
    AppendAssignmentNumber(b, static_cast<int>(i), ctx.options.ijw);
    AppendText(b, ctx.options.ijw ? ctx.ijw.clients[a.client].bsn
                                  : ctx.care.clients[a.client].pseudonym);
    AppendText(b, ctx.munis[a.municipality].code);
    AppendText(b, ctx.providers[a.provider].agb);
    AppendText(b, p.category);
    AppendText(b, p.code);
    AppendHundredths(b, a.volume);
    AppendText(b, UnitCode(p.unit));
    AppendInt(b, static_cast<int>(p.frequency));
    AppendDate(b, a.start);
    if (a.open) {
      AppendText(b, "");
    } else {
      AppendDate(b, a.end);
    }
    AppendReferral(ctx, b, a, false);
    // The budget of an assignment in euros is its volume.
    if (p.unit == Unit::kEuro) {
      AppendCents(b, a.volume, true);
    } else {
      AppendText(b, "", true);
    }
    out.EndRow();
  }
  return Finish(ctx, file, out);
}

// One row of declaraties.csv (and with --ijw the same line for its JW323). Returns
// the line's ProductReferentie number (--ijw; else 0).
int64_t EmitDeclaration(Context& ctx, CsvOut& out, const std::string& agb,
                        int message_month, bool correction_message, int assignment,
                        const demo::DemoProduct& p, int first, int last, int64_t volume,
                        int64_t tariff, int64_t amount, bool credit,
                        int64_t previous_reference = 0) {
  Month m = FromMonthIndex(message_month);
  auto& b = out.buffer();
  std::string number;
  if (ctx.options.ijw) {
    // iJw: at most 12 letters and digits, one declaration per provider, month and
    // municipality (a JW323 has one receiver): "202301D0505", "202301C0505".
    const std::string& muni =
        ctx.munis[ctx.care.assignments[assignment].municipality].code;
    number = fmt::format("{:04}{:02}{}{}", static_cast<int>(m.year()),
                         static_cast<unsigned>(m.month()), correction_message ? "C" : "D",
                         std::string_view(muni).substr(2));
  } else {
    number = fmt::format("{}-{:04}{:02}{}", agb, static_cast<int>(m.year()),
                         static_cast<unsigned>(m.month()), correction_message ? "C" : "");
  }
  AppendText(b, number);
  AppendAssignmentNumber(b, assignment, ctx.options.ijw);
  AppendText(b, agb);
  AppendText(b, p.category);
  AppendText(b, p.code);
  AppendDate(b, first);
  AppendDate(b, last);
  AppendHundredths(b, volume);
  AppendText(b, UnitCode(p.unit));
  AppendCents(b, tariff);
  AppendCents(b, amount);
  AppendText(b, credit ? "C" : "D", true);
  out.EndRow();
  if (!ctx.options.ijw) return 0;
  auto [it, added] =
      ctx.declaration_index.try_emplace({agb, number}, ctx.ijw.declarations.size());
  if (added) ctx.ijw.declarations.push_back({agb, number, message_month, {}});
  demo::IjwLine line;
  line.assignment = assignment;
  line.product = static_cast<int>(&p - ctx.products.data());
  line.first_day = first;
  line.last_day = last;
  line.volume = volume;
  line.tariff = tariff;
  line.amount = amount;
  line.credit = credit;
  line.reference = ctx.next_reference++;
  line.previous_reference = previous_reference;
  ctx.ijw.declarations[it->second].lines.push_back(line);
  return line.reference;
}

Status WriteDeclarations(Context& ctx) {
  CsvOut out;
  const char* file = "declaraties.csv";
  if (Status s =
          out.Open(ctx.Path(file),
                   "declaratienummer;toewijzingnummer;agb_code;productcategorie;"
                   "productcode;begindatum;einddatum;geleverd_volume;eenheid;tarief;"
                   "bedrag;debet_credit");
      !s.ok()) {
    return s;
  }
  const DemoOptions& o = ctx.options;
  int horizon = Day(o.last_year, 12, 31);
  std::vector<std::vector<int64_t>> tariffs(ctx.products.size());
  for (size_t p = 0; p < ctx.products.size(); ++p) {
    for (int y = o.first_year; y <= o.last_year; ++y) {
      tariffs[p].push_back(demo::DemoTariffCents(ctx.products[p], y));
    }
  }
  std::vector<int64_t> per_year(ctx.years, 0);
  std::vector<demo::PlannedDeclaration> plan;
  const auto& all = ctx.care.assignments;
  // Products the defects need: one that is not youth care, the short stay.
  int not_youth_care = -1, short_stay = -1;
  for (size_t p = 0; p < ctx.products.size(); ++p) {
    if (ctx.products[p].code == "45A08") not_youth_care = static_cast<int>(p);
    if (ctx.products[p].code == "44A03") short_stay = static_cast<int>(p);
  }
  for (size_t i = 0; i < all.size(); ++i) {
    const demo::DemoAssignment& a = all[i];
    const demo::DemoProduct& p = ctx.products[a.product];
    const std::string& agb = ctx.providers[a.provider].agb;
    plan.clear();
    demo::PlanDeclarations(a, p, o.seed, horizon, &plan);
    if (o.ijw) {
      // iJw volumes are whole units: delivered volumes are rounded down (never above
      // what was assigned), a month with less than one unit is not declared, a
      // correction that no longer lowers the volume is left out.
      for (auto& d : plan) {
        d.volume -= d.volume % 100;
        d.corrected_volume -= d.corrected_volume % 100;
        if (d.corrected && (d.corrected_volume <= 0 || d.corrected_volume >= d.volume))
          d.corrected = false;
      }
      std::erase_if(plan,
                    [](const demo::PlannedDeclaration& d) { return d.volume <= 0; });
    }
    auto defects = demo::DemoDraws(o.seed, demo::Part::kDefects, i);
    for (size_t k = 0; k < plan.size(); ++k) {
      const auto& d = plan[k];
      Date first = FromDayNumber(d.first_day);
      int y = ctx.YearIndex(static_cast<int>(first.year()));
      int month = MonthIndex(first.year() / first.month());
      int64_t tariff = tariffs[a.product][y];
      int64_t amount = Volume{d.volume}.Times(Money::FromCents(tariff)).cents();
      int64_t net = amount;
      // One draw per line whatever is planted, so the defects of a line do not
      // depend on the others'.
      double u = defects.Uniform(0.0, 1.0);
      bool last_line = k + 1 == plan.size();
      if (o.defects && !d.corrected) {
        const demo::DemoProduct* product = &p;
        int64_t volume = d.volume, line_tariff = tariff, line_amount = amount;
        int first_day = d.first_day, last_day = d.last_day;
        bool extra = false, planted = true;
        if (a.product == short_stay && u < 0.08) {
          // Short stay saved up: more than 3 nights in each ISO week of the month.
          volume = (d.last_day - d.first_day + 13) / 7 * 300 + 100;
        } else if (u < 0.008) {
          volume = d.volume * 3;  // over the assigned volume
        } else if (u < 0.013) {
          line_amount = amount + 100;  // amount is not volume x tariff
          volume = -1;
        } else if (u < 0.017) {
          extra = true;  // the same period declared again, never credited
          volume = -1;
        } else if (u < 0.019 && not_youth_care >= 0 && p.category == "45" &&
                   p.unit == Unit::kHour) {
          product = &ctx.products[not_youth_care];  // not youth care
          line_tariff = tariffs[not_youth_care][y];
        } else if (last_line && p.unit == Unit::kEuro && u < 0.25) {
          volume = d.volume * 2;  // over the budget
        } else if (last_line && !a.open && u < 0.06 &&
                   DayNumber(FromDayNumber(d.last_day).year() /
                             FromDayNumber(d.last_day).month() / std::chrono::last) ==
                       d.last_day &&
                   d.last_day + 31 <= horizon) {
          // A month after the assignment ended.
          extra = true;
          volume = -1;
          first_day = d.last_day + 1;
          Date next = FromDayNumber(first_day);
          last_day = DayNumber(next.year() / next.month() / std::chrono::last);
        } else {
          planted = false;
        }
        if (planted) {
          if (volume >= 0) {
            line_amount = Volume{volume}.Times(Money::FromCents(line_tariff)).cents();
          } else {
            volume = d.volume;
          }
          if (!extra) {
            EmitDeclaration(ctx, out, agb, month, false, static_cast<int>(i), *product,
                            first_day, last_day, volume, line_tariff, line_amount, false);
          } else {
            EmitDeclaration(ctx, out, agb, month, false, static_cast<int>(i), p,
                            d.first_day, d.last_day, d.volume, tariff, amount, false);
            int later = first_day == d.first_day
                            ? month + 2
                            : MonthIndex(FromDayNumber(first_day).year() /
                                         FromDayNumber(first_day).month());
            EmitDeclaration(ctx, out, agb, later, false, static_cast<int>(i), p,
                            first_day, last_day, volume, tariff, line_amount, false);
          }
          ++ctx.summary.defect_lines;
          // Counted as clean in the summary: the rules reject the defect.
          per_year[y] += net;
          ctx.provider_cost[(a.provider * ctx.years + y) * ctx.buckets.size() +
                            ctx.product_bucket[a.product]] += net;
          if (a.team >= 0) ctx.team_cost[a.team * ctx.years + y] += net;
          continue;
        }
      }
      int64_t reference =
          EmitDeclaration(ctx, out, agb, month, false, static_cast<int>(i), p,
                          d.first_day, d.last_day, d.volume, tariff, amount, false);
      if (d.corrected) {
        // Credited and declared again in the next month's declaration.
        EmitDeclaration(ctx, out, agb, month + 1, true, static_cast<int>(i), p,
                        d.first_day, d.last_day, d.volume, tariff, amount, true,
                        reference);
        int64_t corrected =
            Volume{d.corrected_volume}.Times(Money::FromCents(tariff)).cents();
        EmitDeclaration(ctx, out, agb, month + 1, false, static_cast<int>(i), p,
                        d.first_day, d.last_day, d.corrected_volume, tariff, corrected,
                        false);
        net = corrected;
      }
      per_year[y] += net;
      ctx.provider_cost[(a.provider * ctx.years + y) * ctx.buckets.size() +
                        ctx.product_bucket[a.product]] += net;
      if (a.team >= 0) ctx.team_cost[a.team * ctx.years + y] += net;
    }
  }
  for (int y = 0; y < ctx.years; ++y) {
    ctx.summary.declared_per_year[o.first_year + y] = Money::FromCents(per_year[y]);
  }
  return Finish(ctx, file, out);
}

// --ijw: ijw/toewijzingen_aanvulling.csv, what a JW301 cannot carry.
Status WriteSupplement(Context& ctx) {
  CsvOut out;
  const char* file = "ijw/toewijzingen_aanvulling.csv";
  if (Status s =
          out.Open(ctx.Path(file), "toewijzingnummer;verwijzer;team;vorige_toewijzing");
      !s.ok()) {
    return s;
  }
  const auto& all = ctx.care.assignments;
  for (size_t i = 0; i < all.size(); ++i) {
    const demo::DemoAssignment& a = all[i];
    auto& b = out.buffer();
    AppendAssignmentNumber(b, static_cast<int>(i), true);
    AppendReferral(ctx, b, a, true);
    out.EndRow();
  }
  return Finish(ctx, file, out);
}

// --ijw: whole units and the records of the messages (demo_ijw.h).
void PrepareIjw(Context& ctx) {
  const int horizon = Day(ctx.options.last_year, 12, 31);
  for (size_t i = 0; i < ctx.care.clients.size(); ++i) {
    ctx.ijw.clients.push_back(
        {demo::DemoBsn(static_cast<int>(i)), ctx.care.clients[i].birth_month});
  }
  for (size_t i = 0; i < ctx.care.assignments.size(); ++i) {
    demo::DemoAssignment& a = ctx.care.assignments[i];
    // Assigned volumes are rounded up to whole units (iJw volumes are integers).
    if (a.volume % 100 != 0) a.volume += 100 - a.volume % 100;
    demo::IjwAssignment r;
    r.number = demo::DemoIjwAssignmentNumber(static_cast<int>(i));
    r.client = a.client;
    r.municipality = ctx.munis[a.municipality].code;
    r.agb = ctx.providers[a.provider].agb;
    r.product = a.product;
    r.volume = a.volume;
    r.start = a.start;
    if (!a.open) r.end = a.end;
    if (!a.open && a.end <= horizon) r.care_end = a.end;
    ctx.ijw.assignments.push_back(std::move(r));
  }
}

Status WriteContracts(Context& ctx) {
  CsvOut out;
  const char* file = "contracten.csv";
  if (Status s = out.Open(ctx.Path(file), "agb_code;jaar;perceel;budgetplafond");
      !s.ok()) {
    return s;
  }
  const size_t nb = ctx.buckets.size();
  for (size_t i = 0; i < ctx.providers.size(); ++i) {
    const demo::DemoProvider& p = ctx.providers[i];
    auto rng = demo::DemoDraws(ctx.options.seed, demo::Part::kBudgets, i);
    for (int y = 0; y < ctx.years; ++y) {
      std::vector<bool> lot(nb, false);
      if (p.ActiveIn(ctx.options.first_year + y)) {
        for (int product : p.products) lot[ctx.product_bucket[product]] = true;
      }
      for (size_t k = 0; k < nb; ++k) {
        int64_t realised = ctx.provider_cost[(i * ctx.years + y) * nb + k];
        if (!lot[k] && realised == 0) continue;
        // Ceilings are set around the realisation, so some providers exceed theirs.
        double ceiling = std::max(2'500'000.0, realised * rng.Uniform(0.9, 1.2));
        auto& b = out.buffer();
        AppendText(b, p.agb);
        AppendInt(b, ctx.options.first_year + y);
        AppendText(b, ctx.buckets[k]);
        AppendCents(b, RoundThousandEuros(ceiling), true);
        out.EndRow();
      }
    }
  }
  return Finish(ctx, file, out);
}

// The review committee's decisions (toetsingen.csv): a quarter of the assignments go
// past the committee; most get an `akkoord` before they start, some only after, some
// are refused; the committee records for most whether the care can wait.
Status WriteReviews(Context& ctx) {
  CsvOut out;
  const char* file = "toetsingen.csv";
  if (Status s = out.Open(ctx.Path(file), "toewijzingnummer;besluit;datum;uitstelbaar");
      !s.ok()) {
    return s;
  }
  const auto& all = ctx.care.assignments;
  for (size_t i = 0; i < all.size(); ++i) {
    auto rng = demo::DemoDraws(ctx.options.seed, demo::Part::kReviews, i);
    double u = rng.Uniform(0.0, 1.0), v = rng.Uniform(0.0, 1.0);
    double w = rng.Uniform(0.0, 1.0);
    int days = static_cast<int>(rng.Uniform(1.0, 22.0));
    if (u >= 0.25) continue;
    auto& b = out.buffer();
    AppendAssignmentNumber(b, static_cast<int>(i), ctx.options.ijw);
    AppendText(b, v < 0.92 ? "akkoord" : "afgewezen");
    AppendDate(b, v >= 0.85 && v < 0.92 ? all[i].start + days : all[i].start - days);
    AppendText(b, w < 0.6 ? "ja" : w < 0.9 ? "nee" : "", true);
    out.EndRow();
  }
  return Finish(ctx, file, out);
}

Status WriteTeams(Context& ctx) {
  CsvOut out;
  const char* file = "jeugdteams.csv";
  if (Status s = out.Open(ctx.Path(file), "team;naam;gemeentecode;jaar;budget");
      !s.ok()) {
    return s;
  }
  for (size_t t = 0; t < ctx.teams.size(); ++t) {
    const demo::DemoTeam& team = ctx.teams[t];
    const demo::DemoMunicipality* m = nullptr;
    for (const auto& candidate : ctx.munis) {
      if (candidate.code == team.municipality) m = &candidate;
    }
    auto rng = demo::DemoDraws(ctx.options.seed, demo::Part::kBudgets, 10000 + t);
    for (int y = 0; y < ctx.years; ++y) {
      if (!m->ActiveIn(ctx.options.first_year + y)) continue;
      // The budget for the care the team assigns, set around what it assigned.
      double budget = std::max(
          1'000'000.0, ctx.team_cost[t * ctx.years + y] * rng.Uniform(0.92, 1.05));
      auto& b = out.buffer();
      AppendText(b, team.code);
      AppendText(b, team.name);
      AppendText(b, team.municipality);
      AppendInt(b, ctx.options.first_year + y);
      AppendCents(b, RoundThousandEuros(budget), true);
      out.EndRow();
    }
  }
  return Finish(ctx, file, out);
}

Status WriteCosts(Context& ctx) {
  CsvOut fixed;
  const char* file = "vaste_kosten.csv";
  if (Status s = fixed.Open(ctx.Path(file), "jaar;kostenpost;bedrag"); !s.ok()) return s;
  auto rng = demo::DemoDraws(ctx.options.seed, demo::Part::kBudgets, 20000);
  for (int y = ctx.options.first_year; y <= ctx.options.last_year; ++y) {
    for (const auto& c : kFixedCosts) {
      // Scaled like the care (--scale), as the grant and begroting.toml are.
      double euros =
          c.euros * ctx.options.scale * demo::DemoPriceIndex(y) * rng.Uniform(0.97, 1.03);
      auto& b = fixed.buffer();
      AppendInt(b, y);
      AppendText(b, c.bucket);
      AppendCents(b, std::llround(euros) * 100, true);
      fixed.EndRow();
    }
  }
  if (Status s = Finish(ctx, file, fixed); !s.ok()) return s;

  CsvOut local;
  file = "lokale_kosten.csv";
  if (Status s = local.Open(ctx.Path(file), "gemeentecode;jaar;kostenpost;bedrag");
      !s.ok()) {
    return s;
  }
  for (int y = ctx.options.first_year; y <= ctx.options.last_year; ++y) {
    for (const auto& m : ctx.munis) {
      if (!m.ActiveIn(y)) continue;
      for (const auto& c : kLocalCosts) {
        double euros = c.euros * ctx.options.scale * m.Inhabitants(y) *
                       demo::DemoPriceIndex(y) * rng.Uniform(0.95, 1.05);
        auto& b = local.buffer();
        AppendText(b, m.code);
        AppendInt(b, y);
        AppendText(b, c.bucket);
        AppendCents(b, std::llround(euros) * 100, true);
        local.EndRow();
      }
    }
  }
  return Finish(ctx, file, local);
}

void CountClients(Context& ctx) {
  const DemoOptions& o = ctx.options;
  int horizon = Day(o.last_year, 12, 31);
  std::vector<std::vector<char>> seen(ctx.years,
                                      std::vector<char>(ctx.care.clients.size(), 0));
  for (const auto& a : ctx.care.assignments) {
    int last = YearOf(std::min(a.end, horizon));
    for (int y = YearOf(a.start); y <= last; ++y) seen[ctx.YearIndex(y)][a.client] = 1;
  }
  for (int y = 0; y < ctx.years; ++y) {
    ctx.summary.clients_per_year[o.first_year + y] =
        std::count(seen[y].begin(), seen[y].end(), 1);
  }
}

Status CheckOptions(const DemoOptions& o) {
  if (o.dir.empty()) return Status::Error("geen map opgegeven voor de demogegevens");
  if (o.first_year < 2015 || o.last_year < o.first_year || o.last_year > 2040) {
    return Status::Error(fmt::format(
        "ongeldige jaren {}-{}: eerste jaar vanaf 2015, laatste jaar niet eerder en "
        "uiterlijk 2040",
        o.first_year, o.last_year));
  }
  if (!(o.scale > 0 && o.scale <= 10)) {
    return Status::Error(
        fmt::format("ongeldige schaal {}: groter dan 0 en hoogstens 10", o.scale));
  }
  return Status::Ok();
}

}  // namespace

Status WriteDemoRegion(const DemoOptions& options, DemoSummary* summary) {
  if (Status s = CheckOptions(options); !s.ok()) return s;
  if (Status s = Env::Default().CreateDirectories(options.dir); !s.ok()) return s;

  Context ctx(options);
  ctx.years = options.last_year - options.first_year + 1;
  ctx.providers =
      demo::MakeDemoProviders(options.seed, options.first_year, options.last_year);
  for (const auto& p : ctx.products) {
    auto it = std::find(ctx.buckets.begin(), ctx.buckets.end(), p.bucket);
    ctx.product_bucket.push_back(static_cast<int>(it - ctx.buckets.begin()));
    if (it == ctx.buckets.end()) ctx.buckets.push_back(p.bucket);
  }
  demo::CareInput input;
  input.seed = options.seed;
  input.first_year = options.first_year;
  input.last_year = options.last_year;
  input.scale = options.scale;
  input.model = options.model;
  input.providers = &ctx.providers;
  ctx.care = demo::SimulateCare(input);
  if (options.ijw) PrepareIjw(ctx);
  ctx.provider_cost.assign(ctx.providers.size() * ctx.years * ctx.buckets.size(), 0);
  ctx.team_cost.assign(ctx.teams.size() * ctx.years, 0);

  for (auto write : {WriteMunicipalities, WriteKeys, WriteProviders, WriteProducts,
                     WriteClients, WriteAssignments, WriteDeclarations, WriteContracts,
                     WriteTeams, WriteCosts, WriteReviews}) {
    if (Status s = write(ctx); !s.ok()) return s;
  }
  if (options.ijw) {
    const std::string dir = ctx.Path("ijw");
    if (Status s = Env::Default().CreateDirectories(dir); !s.ok()) return s;
    if (Status s = WriteSupplement(ctx); !s.ok()) return s;
    if (Status s = demo::WriteDemoMessages(ctx.ijw, dir, &ctx.summary.ijw_files); !s.ok())
      return s;
  }
  CountClients(ctx);
  if (Status s = demo::WriteDemoConfigFiles(options.dir, options.scale); !s.ok())
    return s;
  for (const demo::EmbeddedFile& f : demo::DemoConfigFiles()) {
    ctx.summary.config_files.emplace_back(f.name);
  }
  if (summary != nullptr) *summary = std::move(ctx.summary);
  return Status::Ok();
}

}  // namespace jr
