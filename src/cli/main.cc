// jeugdregio: the command-line interface over libjeugdregio. Each command is in its
// own file (cmd_*.cc) and registers itself; see command.h.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <regex>
#include <string>
#include <vector>

#include "cli/command.h"

namespace {

// CLI11 reports usage errors in English; users of jeugdregio read Dutch. Known
// messages are translated; anything else keeps CLI11's text behind a Dutch lead.
std::string DutchUsageError(const CLI::ParseError& e) {
  const std::string what = e.what();
  std::smatch m;
  if (std::regex_match(what, m, std::regex("A subcommand is required")))
    return "geef een opdracht (zie jeugdregio --help)";
  if (std::regex_match(what, m, std::regex("(.+) is required")))
    return "optie " + m[1].str() + " is verplicht";
  if (std::regex_match(
          what, m,
          std::regex("The following arguments? (?:was|were) not expected: (.*)")))
    return "onverwacht argument: " + m[1].str();
  if (std::regex_match(what, m, std::regex("(.+) requires (.+)")))
    return "optie " + m[1].str() + " vereist ook " + m[2].str();
  if (std::regex_match(what, m, std::regex("(.+) excludes (.+)")))
    return "optie " + m[1].str() + " gaat niet samen met " + m[2].str();
  if (std::regex_match(what, m, std::regex("(.+): Value (.+) not in range (.+) to (.+)")))
    return m[1].str() + ": waarde " + m[2].str() + " ligt niet tussen " + m[3].str() +
           " en " + m[4].str();
  if (std::regex_match(what, m, std::regex("Could not convert: (.+) = (.*)")))
    return m[1].str() + ": '" + m[2].str() + "' is geen geldige waarde";
  if (std::regex_match(what, m,
                       std::regex("(.+): Check (.+) value in \\{(.*)\\} FAILED"))) {
    // CheckedTransformer lists its map as {name->value,...}: the names only.
    std::string names;
    const std::string list = m[3].str();
    const std::regex name("([A-Za-z_-]+)->");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), name);
         it != std::sregex_iterator(); ++it) {
      names += (names.empty() ? "" : ", ") + (*it)[1].str();
    }
    return m[1].str() + ": onbekende waarde '" + m[2].str() + "'; kies uit " +
           (names.empty() ? list : names);
  }
  if (std::regex_match(what, m, std::regex("(.+): (.+) not in \\{(.*)\\}")))
    return m[1].str() + ": onbekende waarde '" + m[2].str() + "'; kies uit " + m[3].str();
  if (std::regex_match(what, m, std::regex("(.*): ?File does not exist: (.*)")))
    return (m[1].str().empty() ? "" : m[1].str() + ": ") +
           "bestand bestaat niet: " + m[2].str();
  if (std::regex_match(what, m, std::regex("(.*): ?Directory does not exist: (.*)")))
    return (m[1].str().empty() ? "" : m[1].str() + ": ") +
           "map bestaat niet: " + m[2].str();
  if (std::regex_match(what, m, std::regex("(.*): ?Path does not exist: (.*)")))
    return (m[1].str().empty() ? "" : m[1].str() + ": ") +
           "bestand of map bestaat niet: " + m[2].str();
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr ||
      dynamic_cast<const CLI::ValidationError*>(&e) != nullptr)
    return "ongeldige waarde: " + what;
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr)
    return "verkeerd aantal waarden: " + what;
  return "fout in de opdrachtregel: " + what;
}

// Edit distance (insert, delete, substitute: 1 each), for "bedoelt u ...?".
size_t Distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

// "onbekende opdracht 'X'; bedoelt u 'Y'?" when the first argument is not a command.
// Empty when it is one, or an option.
std::string UnknownCommand(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return "";
  const std::string word = argv[1];
  std::string best;
  size_t best_distance = 0;
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    const std::string& name = sub->get_name();
    if (name == word) return "";
    names.push_back(name);
    const size_t d = Distance(word, name);
    if (best.empty() || d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  std::string out = "onbekende opdracht '" + word + "'";
  if (!best.empty() && best_distance <= std::max<size_t>(2, best.size() / 3)) {
    out += "; bedoelt u '" + best + "'?";
  } else {
    std::sort(names.begin(), names.end());
    out += "; opdrachten:";
    for (const std::string& n : names) out += " " + n;
  }
  return out;
}

// CLI11's --help in Dutch: its labels, the help flag and the groups.
void DutchHelp(CLI::App& app) {
  auto f = app.get_formatter();
  f->label("Usage", "Gebruik");
  f->label("OPTIONS", "OPTIES");
  f->label("SUBCOMMAND", "OPDRACHT");
  f->label("SUBCOMMANDS", "OPDRACHTEN");
  f->label("Positionals", "Argumenten");
  f->label("REQUIRED", "VERPLICHT");
  f->label("Needs", "Vereist");
  f->label("Excludes", "Sluit uit");
  f->label("TEXT", "TEKST");
  f->label("INT", "GETAL");
  f->label("UINT", "GETAL");
  f->label("FLOAT", "GETAL");
  f->label("FILE", "BESTAND");
  f->label("DIR", "MAP");
  f->label("PATH(existing)", "PAD");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "jeugdregio: verrekening, begroting, prognose en regels van een jeugdhulpregio"};
  app.option_defaults()->group("Opties");
  app.set_help_flag("-h,--help", "toon deze hulp en stop");
  app.set_version_flag("--version", "jeugdregio 0.1.0", "toon de versie en stop");
  DutchHelp(app);
  app.require_subcommand(1);
  jr::cli::RegisterAll(app);
  for (CLI::App* sub : app.get_subcommands({})) sub->group("Opdrachten");
  if (std::string unknown = UnknownCommand(app, argc, argv); !unknown.empty()) {
    std::cerr << "jeugdregio: " << unknown << "\nZie 'jeugdregio --help'.\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // Fail() has printed the message already.
  } catch (const CLI::ParseError& e) {
    std::cerr << "jeugdregio: " << DutchUsageError(e)
              << "\nZie 'jeugdregio --help' of 'jeugdregio <opdracht> --help'.\n";
    return e.get_exit_code();
  }
  return 0;
}
