// jeugdregio token: API tokens with a role (region, or one municipality).
#include <iostream>

#include "cli/command.h"
#include "server/token_store.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db;
    std::string role;
    std::string name;
    OutputFormat format;
  };
  auto o = std::make_shared<Opts>();
  auto* c = app.add_subcommand("token", "API-tokens voor 'serve' aanmaken en tonen");
  c->require_subcommand(1);
  auto* add = c->add_subcommand("add", "een nieuw token; het wordt één keer getoond");
  AddDbOption(add, &o->db);
  add->add_option("--role", o->role,
                  "region of municipality:GMnnnn (de rol van het token)")
      ->required();
  add->add_option("--name", o->name, "omschrijving, bijvoorbeeld 'controller Dordrecht'");
  add->callback([o] {
    auto role = server::ParseRole(o->role);
    if (!role.ok()) Fail(role.status());
    auto store = OpenExisting(o->db);
    auto token = server::AddToken(*store, *role, o->name);
    if (!token.ok()) Fail(token.status());
    std::cerr << "Token voor rol " << role->name()
              << " aangemaakt; het wordt niet bewaard, noteer het nu:\n";
    std::cout << *token << "\n";
  });
  auto* list = c->add_subcommand("list", "de tokens (zonder het token zelf)");
  AddDbOption(list, &o->db);
  AddFormatOption(list, &o->format);
  list->callback([o] {
    auto store = OpenExisting(o->db);
    auto tokens = server::ListTokens(*store);
    if (!tokens.ok()) Fail(tokens.status());
    Table t;
    t.title = "API-tokens";
    t.columns = {
        {"name", "Omschrijving"}, {"role", "Rol"}, {"created", "Aangemaakt (UTC)"}};
    for (const server::TokenInfo& i : *tokens)
      t.AddRow({i.name, i.role.name(), i.created});
    Print(t, o->format);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
