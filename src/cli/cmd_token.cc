// jeugdregio token: API tokens with a role (region, or one municipality).
#include <fmt/format.h>

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
    std::string id;
    int days = 0;
    OutputFormat format;
  };
  auto o = std::make_shared<Opts>();
  auto* c =
      app.add_subcommand("token", "API-tokens voor 'serve' aanmaken, tonen en intrekken");
  c->require_subcommand(1);
  auto* add = c->add_subcommand("add", "een nieuw token; het wordt één keer getoond");
  AddDbOption(add, &o->db);
  add->add_option("--role", o->role,
                  "region of municipality:GMnnnn (de rol van het token)")
      ->required();
  add->add_option("--name", o->name, "omschrijving, bijvoorbeeld 'controller Dordrecht'");
  add->add_option("--days", o->days, "geldig voor zoveel dagen (0 = geen einde)")
      ->capture_default_str();
  add->callback([o] {
    auto role = server::ParseRole(o->role);
    if (!role.ok()) Fail(role.status());
    auto store = OpenExisting(o->db);
    auto token = server::AddToken(*store, *role, o->name, o->days);
    if (!token.ok()) Fail(token.status());
    std::cerr << "Token voor rol " << role->name() << " aangemaakt"
              << (o->days > 0 ? " (geldig " + std::to_string(o->days) + " dagen)" : "")
              << "; het wordt niet bewaard, noteer het nu:\n";
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
    t.columns = {{"id", "Kenmerk"},
                 {"name", "Omschrijving"},
                 {"role", "Rol"},
                 {"created", "Aangemaakt (UTC)"},
                 {"expires", "Verloopt (UTC)"}};
    for (const server::TokenInfo& i : *tokens) {
      t.AddRow({i.id, i.name, i.role.name(), i.created,
                i.expires.empty() ? std::string("nooit") : i.expires});
    }
    Print(t, o->format);
  });
  auto* revoke = c->add_subcommand(
      "revoke", "tokens intrekken (een draaiende 'serve' weigert ze binnen een seconde)");
  AddDbOption(revoke, &o->db);
  revoke->add_option("--id", o->id, "het kenmerk uit 'token list'");
  revoke->add_option("--name", o->name, "alle tokens met deze omschrijving");
  revoke->callback([o] {
    auto store = OpenExisting(o->db);
    auto n = server::RevokeTokens(*store, o->id, o->name);
    if (!n.ok()) Fail(n.status());
    std::cout << fmt::format("{} token(s) ingetrokken\n", *n);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
