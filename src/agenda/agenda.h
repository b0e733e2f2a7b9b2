// Agenda (ontwikkelagenda, seed 001): the items, the years they plan savings for, the
// savings target they are measured against and the shared budget, read from
// agenda.toml:
//
//   datum = 2021-05-27                  # date of the state described; default --as-of
//   jaren = [2021, 2022, 2023, 2024]
//   begroting = "begroting.toml"        # the savings target: these keys are read by
//   [taakstelling]                      #   budget/savings_target.h, not here
//   [verdeling]                         # the agenda's cost, shared pro rata
//   bedrag = 250_000
//   sleutel = "inwoners"                # key of the region (default inwoners)
//   jaar = 2021                         # year of the key (default: first of jaren)
//   [[opgave]]
//   id = "3"
//   naam = "Jeugdhulp naar voren"
//   opdrachtgever = "..."
//   cluster = "Hoe"
//   status = "lopend"                   # niet_gestart | lopend | afgerond | gestopt
//   budget = 30_000                     # budget asked (default 0)
//   budget_toelichting = "begroting SOJ"
//   [[opgave.besparing]]
//   naam = "Jeugdhulp naar voren"
//   gepland = { 2021 = 100_000, 2022 = 200_000 }
//   gerealiseerd = { 2021 = 40_000 }
//   [[opgave.mijlpaal]]
//   naam = "Opdracht vastgesteld"
//   datum = 2021-07-08
//   gereed = 2021-07-06                 # optional
#pragma once

#include <toml++/toml.h>

#include <map>
#include <string>
#include <vector>

#include "agenda/agenda_item.h"
#include "core/status.h"
#include "core/toml_reader.h"

namespace jr {

struct Agenda {
  Date date;               // the config's date: the default "as of"
  std::vector<int> years;  // ascending, unique
  // Savings needed per year; may be empty. Not read from the file: the caller passes
  // it in (AgendaOptions::target_gap), so the agenda never opens a budget file.
  std::map<int, Money> target_gap;
  Money shared_cost;                   // the agenda's cost shared by the municipalities
  std::string share_key = "inwoners";  // key of that sharing
  int share_year = 0;                  // year of the key
  std::vector<AgendaItem> items;       // in file order
};

// Reads an agenda. Dutch errors naming file, line and key for a missing field, an
// unknown status, a savings year outside `jaren`, a duplicate id, a bad date.
Result<Agenda> ParseAgenda(const toml::table& doc, const TomlSource& src);
Result<Agenda> LoadAgenda(const std::string& file);

}  // namespace jr
