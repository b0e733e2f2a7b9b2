// Report: what `jeugdregio report` writes, as plain values — a list of sections, each
// with Dutch text, tables and charts. Building a report (report_builder.h) is separate
// from rendering it (html_report.h, xlsx_report.h, report_files.h).
#pragma once

#include <string>
#include <vector>

#include "core/table.h"
#include "report/chart.h"

namespace jr::report {

struct ReportSection {
  std::string key;                // anchor and file-name stem, ASCII: "verrekening"
  std::string title;              // Dutch heading
  std::vector<std::string> text;  // Dutch paragraphs above the figures
  std::vector<Chart> charts;
  std::vector<Section> tables;  // Section::key names the sheet and CSV file
  std::string municipality;     // CBS code of a municipality page; empty otherwise
};

struct Report {
  std::string title;                  // Dutch: "Jeugdhulp in de regio ..."
  std::vector<std::string> subtitle;  // Dutch lines under the title (date, options)
  // The store's data-set label (meta "dataset", e.g. "demoregio, synthetische
  // gegevens"): on every sheet and in every CSV row; empty = none.
  std::string dataset;
  std::vector<ReportSection> sections;  // region sections, then municipality pages
};

}  // namespace jr::report
