// jeugdregio antwoord: the JW325 answer to every imported JW323 declaration.
#include <fmt/format.h>

#include <chrono>

#include "cli/command.h"
#include "cli/key_file.h"
#include "ingest/ijw/jw325_writer.h"

namespace jr::cli {
namespace {

void Register(CLI::App& app) {
  struct Opts {
    std::string db, key, out, date;
    std::vector<std::string> messages;
  };
  auto o = std::make_shared<Opts>();
  auto* c = app.add_subcommand(
      "antwoord", "schrijf het JW325-antwoord op elke ingelezen JW323-declaratie");
  AddDbOption(c, &o->db);
  AddKeyOption(c, &o->key);
  c->add_option("--out", o->out, "map voor de JW325-berichten")->required();
  c->add_option("--berichten", o->messages,
                "de JW323-berichten (bestanden of mappen): het BSN van een afgewezen "
                "regel staat alleen daarin");
  c->add_option("--dagtekening", o->date,
                "dagtekening van de antwoorden (standaard: vandaag)");
  c->callback([o] {
    auto store = OpenExisting(o->db);
    ijw::AnswerOptions options;
    options.out_dir = o->out;
    options.messages = o->messages;
    auto key_path = KeyPath(o->db, o->key);
    if (!key_path.ok()) Fail(key_path.status());
    auto key = LoadDatabaseKey(*store, o->db, *key_path, /*create=*/false);
    if (!key.ok()) Fail(key.status());
    if (key->key) options.pseudonymizer = &*key->key;
    if (o->date.empty()) {
      options.date =
          std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    } else {
      auto d = ParseDate(o->date);
      if (!d.ok()) Fail(d.status());
      options.date = *d;
    }
    auto answers = ijw::WriteAnswers(*store, options);
    if (!answers.ok()) Fail(answers.status());
    Table t;
    t.title = "JW325-antwoorden";
    t.columns = {{"file", "Bestand"},
                 {"lines", "Regels", ColumnType::kInt},
                 {"rejected", "Afgewezen", ColumnType::kInt},
                 {"submitted", "Ingediend", ColumnType::kCents},
                 {"granted", "Toegekend", ColumnType::kCents}};
    for (const ijw::AnswerSummary& a : *answers)
      t.AddRow({a.file, a.lines, a.rejected, a.submitted, a.granted});
    if (answers->empty()) t.notes.push_back("geen JW323-declaraties ingelezen");
    Print(t, OutputFormat::kTable);
  });
}

}  // namespace
JR_COMMAND(Register);
}  // namespace jr::cli
