// The CLI's command registry and the options every command shares.
//
// A command lives in its own file src/cli/cmd_<name>.cc and registers itself:
//   static void Register(CLI::App& app) { auto* c = app.add_subcommand(...); ... }
//   JR_COMMAND(Register);
// Conventions (DESIGN.md, issue 2): --db PATH, --format table|csv|json where there is
// output, --threads N where work runs in parallel, --seed N where randomness is
// involved. Errors are printed by Fail() in Dutch on stderr; exit code non-zero.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/table.h"
#include "store/store.h"

namespace jr::cli {

using Registrar = void (*)(CLI::App&);
// Adds a command; used through JR_COMMAND at static initialisation.
bool RegisterCommand(Registrar r);
// Calls every registrar (in the order of their names' files, stable).
void RegisterAll(CLI::App& app);

#define JR_COMMAND(fn) \
  static const bool jr_command_registered_##fn = ::jr::cli::RegisterCommand(fn)

inline constexpr const char* kDefaultDb = "jeugdregio.db";

// --db PATH or postgresql:// URL (default ./jeugdregio.db)
void AddDbOption(CLI::App* c, std::string* db);
// True when `db` is a file that exists or a server's URL (Store::IsUrl: whether the
// region's schema exists there, opening says).
bool DatabaseExists(const std::string& db);
// --format table|csv|json (default table)
void AddFormatOption(CLI::App* c, OutputFormat* f);
// --threads N (default 0 = all cores); ResolveThreads gives the actual count.
void AddThreadsOption(CLI::App* c, int* threads);
int ResolveThreads(int threads);
// --seed N (default 1)
void AddSeedOption(CLI::App* c, uint64_t* seed);
// --view NAME: which part of the output; one of `views` (the help lists them). The
// default is *view as set by the caller.
void AddViewOption(CLI::App* c, std::string* view, const std::vector<std::string>& views);
// The store's meta key under which `jeugdregio demo` records the folder it wrote the
// demo region (CSV and TOML files) into, relative to the database's folder (for a
// postgresql:// URL: to the folder `demo` ran in; older databases: an absolute path).
inline constexpr const char* kDemoDirMeta = "demo_dir";
// The demo folder recorded in `store` of database file `db`, as a path that works from
// the current folder; empty when none is recorded.
std::string DemoDir(const Store& store, const std::string& db);

// --config FILE: the command's TOML input; empty (the default) = look it up with
// ResolveConfigFile.
void AddConfigOption(CLI::App* c, std::string* config, const char* default_name);
// The TOML file a command reads. `config` (from --config) when given; else
// `default_name` in the current folder; else `default_name` in the demo folder that the
// database `db` records (kDemoDirMeta, written by `jeugdregio demo`). Fails (Dutch)
// when the file does not exist, naming the places looked at and how to get the demo
// region's files.
std::string ResolveConfigFile(const std::string& config, const char* default_name,
                              const std::string& db);

// Prints the status (Dutch) on stderr and ends the command with exit code `code`.
[[noreturn]] void Fail(const Status& s, int code = 1);
// Opens an existing database (Fail if it is missing: "run 'jeugdregio init' first").
std::unique_ptr<Store> OpenExisting(const std::string& db);
// The label of the data set in database `db` (meta "dataset", e.g. "demoregio,
// synthetische gegevens"); empty when the file is missing or has none.
std::string DatasetLabel(const std::string& db);
// Says in the table that its data are `label` (the demo: synthetic): " (<label>)"
// after the title for text, a last column `dataset` for CSV (report::WithDataset);
// JSON, a stable interface, is left as it is. Nothing when `label` is empty.
void LabelTable(Table& t, const std::string& label, OutputFormat format);
// LabelTable for every table of `sections`.
void LabelTables(std::vector<Section>& sections, const std::string& label,
                 OutputFormat format);
// "<command>: <step>" on stderr when stderr is a terminal (issue 15 item 12: progress
// for every command that takes more than a second); nothing otherwise, so scripts and
// logs get no noise.
void Progress(const std::string& command, const std::string& step);
// Prints a table in the chosen format on stdout.
void Print(const Table& t, OutputFormat f);

}  // namespace jr::cli
