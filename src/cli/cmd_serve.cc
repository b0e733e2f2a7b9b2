// jeugdregio serve: the JSON API (docs/api.md) on 127.0.0.1, with bearer tokens.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "server/api.h"
#include "server/http_server.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db;
    server::HttpOptions http;
    server::ApiOptions api;
  };
  auto o = std::make_shared<Opts>();
  auto* c =
      app.add_subcommand("serve", "dashboard en JSON-API op 127.0.0.1 (zie docs/api.md)");
  AddDbOption(c, &o->db);
  AddThreadsOption(c, &o->http.threads);
  c->add_option("--port", o->http.port, "poort (0 = een vrije poort)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  c->add_option("--host", o->http.host, "adres om op te luisteren")
      ->capture_default_str();
  c->add_option("--allow-host", o->http.allowed_hosts,
                "hostnaam waaronder de server bereikt wordt (naast localhost en --host; "
                "andere Host-headers krijgen 421)");
  o->http.web_dir = JEUGDREGIO_WEB_DIR;
  c->add_option("--web", o->http.web_dir, "map van het dashboard (web/)")
      ->capture_default_str();
  c->add_option("--budget", o->api.report.budget_file,
                "begroting.toml (standaard: uit de demomap als die er is)");
  c->add_option("--agenda", o->api.report.agenda_file, "agenda.toml (idem)");
  c->add_option("--measures", o->api.report.measures_file, "maatregelen.toml (idem)");
  c->add_option("--governance", o->api.report.governance_file,
                "bestuur.toml voor de bestuurspagina en /api/governance (idem)");
  c->add_option("--levers", o->api.levers_file,
                "hefbomen.toml voor de prognosepagina (idem)");
  c->add_option("--runs", o->api.report.runs,
                "replicaties van risico en prognose in het rapportdeel")
      ->capture_default_str()
      ->check(CLI::Range(2, 100000));
  c->add_option("--heavy-nice", o->api.heavy_nice,
                "zoveel lager is de CPU-prioriteit van zwaar rekenwerk (prognose, "
                "rapport) dan die van de andere verzoeken (nice; 0 = gelijk)")
      ->capture_default_str()
      ->check(CLI::Range(0, 19));
  c->add_flag(
      "--open", o->api.open,
      "zonder tokens: iedereen krijgt alles te zien (alleen voor een lokale demo; "
      "alleen op een loopback-adres)");
  c->callback([o] {
    // Without tokens everything is visible: only to this machine.
    if (o->api.open && !server::IsLoopbackHost(o->http.host)) {
      Fail(Status::Error(fmt::format(
          "--open (zonder tokens) alleen op een loopback-adres (127.0.0.1, ::1, "
          "localhost), niet op '{}'; gebruik tokens (jeugdregio token add)",
          o->http.host)));
    }
    auto store = OpenExisting(o->db);
    // Inputs not given: the demo region's files, when `jeugdregio demo` wrote them.
    const std::string demo_dir = DemoDir(*store, o->db);
    for (auto [file, name] : {std::pair{&o->api.report.budget_file, "begroting.toml"},
                              {&o->api.report.agenda_file, "agenda.toml"},
                              {&o->api.report.measures_file, "maatregelen.toml"},
                              {&o->api.report.governance_file, "bestuur.toml"},
                              {&o->api.levers_file, "hefbomen.toml"}}) {
      const std::string candidate = demo_dir + "/" + name;
      if (file->empty() && !demo_dir.empty() && std::filesystem::exists(candidate)) {
        *file = candidate;
      }
    }
    o->api.db_path = o->db;
    o->api.threads = ResolveThreads(o->http.threads);
    o->api.report.threads = o->api.threads;
    Progress("serve", "gegevens laden en verrekenen ...");
    auto api = server::Api::Load(*store, o->api);
    if (!api.ok()) Fail(api.status());
    store.reset();  // the API holds what it needs; the database is not kept open
    o->http.threads = ResolveThreads(o->http.threads);
    o->http.on_listen = [o](int port) {
      std::cout << fmt::format("jeugdregio dashboard op http://{}:{}/ en API op /api{}",
                               o->http.host, port,
                               o->api.open ? " (open: zonder tokens)" : "")
                << std::endl;
    };
    if (!o->http.web_dir.empty() &&
        !std::filesystem::exists(o->http.web_dir + "/node_modules/chart.js")) {
      std::cerr
          << "waarschuwing: Chart.js ontbreekt in " << o->http.web_dir
          << "/node_modules; het dashboard toont dan alleen tabellen ('make web')\n";
    }
    Status s = server::ServeHttp(**api, o->http);
    if (!s.ok()) Fail(s);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
