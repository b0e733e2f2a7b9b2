// jeugdregio serve: the JSON API (docs/api.md) on 127.0.0.1, with bearer tokens.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"
#include "server/api.h"
#include "server/http_server.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db;
    server::HttpOptions http;
    bool open = false;
  };
  auto o = std::make_shared<Opts>();
  auto* c = app.add_subcommand("serve", "JSON-API voor dashboards (zie docs/api.md)");
  AddDbOption(c, &o->db);
  AddThreadsOption(c, &o->http.threads);
  c->add_option("--port", o->http.port, "poort (0 = een vrije poort)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  c->add_option("--host", o->http.host, "adres om op te luisteren")->capture_default_str();
  o->http.web_dir = JEUGDREGIO_WEB_DIR;
  c->add_option("--web", o->http.web_dir, "map van het dashboard (web/)")->capture_default_str();
  c->add_flag("--open", o->open,
              "zonder tokens: iedereen krijgt alles te zien (alleen voor een lokale demo)");
  c->callback([o] {
    auto store = OpenExisting(o->db);
    auto api = server::Api::Load(*store, {o->open});
    if (!api.ok()) Fail(api.status());
    store.reset();  // the API holds what it needs; the database is not kept open
    o->http.threads = ResolveThreads(o->http.threads);
    o->http.on_listen = [o](int port) {
      std::cout << fmt::format("jeugdregio dashboard op http://{}:{}/ en API op /api{}",
                               o->http.host, port, o->open ? " (open: zonder tokens)" : "")
                << std::endl;
    };
    if (!o->http.web_dir.empty() &&
        !std::filesystem::exists(o->http.web_dir + "/node_modules/chart.js")) {
      std::cerr << "waarschuwing: Chart.js ontbreekt in " << o->http.web_dir
                << "/node_modules; het dashboard toont dan alleen tabellen ('make web')\n";
    }
    Status s = server::ServeHttp(**api, o->http);
    if (!s.ok()) Fail(s);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
