// Import of declaration CSV rows into the store, single thread (issue 2 target:
// >= 300,000 rows/s into SQLite; issue 17: >= 150,000 rows/s into PostgreSQL with
// COPY). Run: make bench, or build-bench/import_bench; the PostgreSQL case runs when
// JEUGDREGIO_TEST_PG names a database, e.g.
//   tests/with_postgres.sh build-bench/import_bench
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ingest/importer.h"
#include "store/postgres/pg_test_schema.h"

namespace {

namespace fs = std::filesystem;

constexpr int kAssignments = 20000;
constexpr int kMonths = 12;  // declarations per assignment

struct Fixture {
  fs::path dir;
  Fixture() {
    dir = fs::temp_directory_path() / fmt::format("jr_import_bench_{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir / "ref");
    auto write = [&](const char* name, const std::string& text) {
      std::ofstream(dir / "ref" / name) << text;
    };
    write("gemeenten.csv",
          "gemeentecode;naam;subregio;begindatum\nGM0505;Dordrecht;D;2015-01-01\n");
    write("aanbieders.csv", "agb_code;naam\n12345678;A\n");
    write("producten.csv",
          "productcategorie;productcode;omschrijving;eenheid;kostenpost;afbakening\n"
          "45;45A10;Ambulant;04;ambulant;zeker\n");
    write("tarieven.csv",
          "productcategorie;productcode;jaar;tarief\n45;45A10;2021;98,50\n");
    std::string a =
        "toewijzingnummer;client;gemeentecode;agb_code;productcategorie;productcode;"
        "volume;"
        "eenheid;frequentie;ingangsdatum;einddatum;verwijzer\n";
    std::string d =
        "declaratienummer;toewijzingnummer;agb_code;productcategorie;productcode;"
        "begindatum;"
        "einddatum;geleverd_volume;eenheid;tarief;bedrag;debet_credit\n";
    for (int i = 0; i < kAssignments; ++i) {
      a += fmt::format(
          "T{:06d};P{:06d};GM0505;12345678;45;45A10;20;04;4;2021-01-01;2021-12-31;"
          "huisarts\n",
          i, i);
      for (int m = 1; m <= kMonths; ++m) {
        int vol = 1000 + (i + m) % 900;  // hundredths
        int64_t cents = (static_cast<int64_t>(vol) * 9850 + 50) / 100;
        d += fmt::format(
            "D{:07d};T{:06d};12345678;45;45A10;2021-{:02d}-01;2021-{:02d}-28;{},{:02d};"
            "04;98,50;{},{:02d};D\n",
            i * kMonths + m, i, m, m, vol / 100, vol % 100, cents / 100, cents % 100);
      }
    }
    write("toewijzingen.csv", a);
    std::ofstream(dir / "declaraties.csv") << d;
  }
  ~Fixture() { fs::remove_all(dir); }
};

// Imports the declarations into a fresh store per iteration: an SQLite file, or
// (`postgres`) a fresh schema of the database JEUGDREGIO_TEST_PG.
void ImportDeclarations(benchmark::State& state, bool postgres) {
  static Fixture fixture;
  int64_t rows = 0;
  int run = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string db = (fixture.dir / fmt::format("b{}.db", run++)).string();
    std::unique_ptr<jr::PgTestSchema> schema;
    if (postgres) {
      schema = std::make_unique<jr::PgTestSchema>(fmt::format("import_bench_{}", run));
      if (!schema->available()) {
        state.SkipWithError("JEUGDREGIO_TEST_PG is niet gezet");
        return;
      }
      db = schema->url();
    }
    auto opened = jr::Store::Open(db);
    if (!opened.ok()) {
      state.SkipWithError(opened.status().ToString().c_str());
      return;
    }
    auto store = std::move(opened).value();
    jr::ImportOptions options;
    auto ref = jr::ImportFolder(*store, (fixture.dir / "ref").string(), options);
    if (!ref.ok()) state.SkipWithError(ref.errors.ToString().c_str());
    state.ResumeTiming();
    auto out = jr::ImportFile(*store, jr::ImportKind::kDeclarations,
                              (fixture.dir / "declaraties.csv").string(), options);
    if (!out.ok()) state.SkipWithError(out.errors.ToString().c_str());
    rows += out.files[0].added;
    state.PauseTiming();
    store.reset();
    if (!postgres) {
      fs::remove(db);
      fs::remove(db + "-wal");
      fs::remove(db + "-shm");
    }
    schema.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(rows);
}

void BM_ImportDeclarations(benchmark::State& state) { ImportDeclarations(state, false); }
BENCHMARK(BM_ImportDeclarations)->Unit(benchmark::kMillisecond)->Iterations(3);
// The same on wall time, to set beside PostgreSQL's.
BENCHMARK(BM_ImportDeclarations)
    ->Name("BM_ImportDeclarations/real_time")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

void BM_ImportDeclarationsPostgres(benchmark::State& state) {
  ImportDeclarations(state, true);
}
// Wall time: the server's work is in another process, so CPU time would hide it.
BENCHMARK(BM_ImportDeclarationsPostgres)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
