// The sections of the report, one function each (report_builder.cc puts them in
// order). Internal to src/report/.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "region/region.h"
#include "report/report.h"
#include "report/report_builder.h"
#include "settle/risk.h"
#include "settle/settlement.h"
#include "store/store.h"

namespace jr::report {

// A section that only says why it is missing and how to add it.
ReportSection AbsentSection(std::string key, std::string title, std::string how);

// "Rechtmatigheid en plafonds": the care rules' decisions, ceilings, team budgets and
// commitments (rules_section.cc); absent when `check` never ran.
Result<ReportSection> RulesSection(const Store& store);

// Care use per municipality and year, with the region's cost per year.
ReportSection OverviewSection(const Region& region, const std::vector<UseRow>& use);

// `results` per model (options order) and year (ascending); `year` is compared.
ReportSection SettlementSection(
    const std::vector<std::vector<settle::YearSettlement>>& results, int year);
ReportSection RiskSection(const settle::RiskResult& risk);
// How the cost of a year in stats (declared care `use`), the budget monitor and
// settle (`settled`: one model, every year) add up to each other.
ReportSection ReconcileSection(const std::vector<UseRow>& use,
                               const std::vector<settle::YearSettlement>& settled);

// Target path and scenarios of `file`, with realised cost from the store.
Result<ReportSection> BudgetSection(const std::string& file, const Store& store,
                                    const Region& region);
// Agenda progress of `file` as of its date; cost sharing over `region`.
Result<ReportSection> AgendaSection(const std::string& file, const Region& region);
// Variants, score and voting of bestuur.toml `file` on `region` (governance_section.cc).
Result<ReportSection> GovernanceSection(const std::string& file, const Region& region);
// Monte Carlo over the measures of `file`.
Result<ReportSection> MeasuresSection(const std::string& file, const ReportOptions& o);

struct ForecastPart {
  ReportSection section;
  Table yearly;  // rows people read, per year (for the municipality pages)
};
// Forecast from `cutoff` for o.months months with o.runs replications.
Result<ForecastPart> ForecastSection(const Store& store, Date cutoff,
                                     const ReportOptions& o);

// The page of one municipality: its own-use chart (OwnUseChart of `settled`, one
// model's years, and `yearly`), its ratio figures (from `settlement`, a
// SettlementTable of all models and years) and its rows of every region table.
ReportSection MunicipalityPage(const Municipality& m,
                               const std::vector<ReportSection>& region,
                               const Table& settlement,
                               const std::vector<settle::YearSettlement>& settled,
                               const Table& yearly);

// One chart in euro for a council member: the municipality's own use per settled
// year as settle computes it (drawn), the forecast fan after it (P10-P90 and median of
// `yearly`, a yearly ForecastTable, each year's forecast care plus the local and fixed
// costs of the last settled year) and its rijksbudget jeugd as the budget line; the
// axis from zero. A municipality without settled years gives a chart without
// categories ("geen gegevens").
Chart OwnUseChart(const Municipality& m,
                  const std::vector<settle::YearSettlement>& settled,
                  const Table& yearly);

// The words at the top of a municipality page: per model of `results`, what it pays
// in `year`, its own use, the difference and (from `risk`, may be null) what it pays
// in 1 year out of 20.
std::vector<std::string> MunicipalitySummary(
    const Municipality& m,
    const std::vector<std::vector<settle::YearSettlement>>& results,
    const settle::RiskResult* risk, int year);

// Every term of the report explained in Dutch (issue 15 item 7).
ReportSection GlossarySection();

// The fan chart of costs per month, titled with `name`, from the rows of a monthly
// ForecastTable of one municipality (RowsOf) or of the region (TotalRows).
Chart FanChart(const Table& rows, const std::string& name);

}  // namespace jr::report
