// jeugdregio: the command-line interface over libjeugdregio. Each command is in its
// own file (cmd_*.cc) and registers itself; see command.h.
#include <CLI/CLI.hpp>

#include "cli/command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "jeugdregio: verrekening, begroting, prognose en regels van een jeugdhulpregio"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "jeugdregio 0.1.0");
  jr::cli::RegisterAll(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
