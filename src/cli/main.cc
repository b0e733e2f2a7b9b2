// jeugdregio: the command-line interface over libjeugdregio. Each command is in its
// own file (cmd_*.cc) and registers itself; see command.h.
#include <CLI/CLI.hpp>
#include <iostream>
#include <regex>
#include <string>

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
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr ||
      dynamic_cast<const CLI::ValidationError*>(&e) != nullptr)
    return "ongeldige waarde: " + what;
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr)
    return "verkeerd aantal waarden: " + what;
  return "fout in de opdrachtregel: " + what;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "jeugdregio: verrekening, begroting, prognose en regels van een jeugdhulpregio"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "jeugdregio 0.1.0");
  jr::cli::RegisterAll(app);
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
