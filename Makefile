# The two commands of the README: `make run` and `make test`. Both install the
# Debian packages the project needs (when missing), then build.

PACKAGES := g++ make cmake pkg-config libfmt-dev libcli11-dev libtomlplusplus-dev \
	nlohmann-json3-dev libsodium-dev libcsv-dev librandom123-dev libsqlite3-dev \
	libgtest-dev libgmock-dev libbenchmark-dev libxlsxwriter-dev \
	libcpp-httplib-dev robin-map-dev libxxhash-dev libpq-dev postgresql libxml2-dev libxml2-utils clang-format curl \
	python3 poppler-utils clang libclang-rt-14-dev dpkg-dev fakeroot
BUILD ?= build
JOBS ?= $(shell nproc)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DB ?= demo.db
DEMO_DIR ?= demo-data
REPORT_DIR ?= out/rapport
IJW_DB ?= ijw.db
IJW_DIR ?= ijw-data
IJW_SCALE ?= 0.05
MODELS := solidair,profijt,vlaktaks-3,zwaar-solidair,pool-100k

.PHONY: run test bench deps web build clean format fuzz install deb

deps:
	@missing=$$(for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "Installeren van Debian-pakketten: $$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

# The dashboard's npm packages (Chart.js, playwright-core) and Debian's Chromium for the
# browser tests. Node.js and npm come from Debian unless the machine has them already.
# Without Chromium the browser tests are skipped with a message; nothing else needs it.
web:
	@command -v node > /dev/null || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q nodejs; }
	@command -v npm > /dev/null || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q npm
	@command -v chromium > /dev/null || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q \
	  chromium || echo "Chromium kon niet worden geïnstalleerd: de browsertests worden overgeslagen"
	@[ web/node_modules/.package-lock.json -nt web/package-lock.json ] || \
	  (cd web && npm ci --no-audit --no-fund --loglevel=error)

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release > /dev/null
	cmake --build $(BUILD) -j $(JOBS)

# The main job on the built-in demo region.
# Re-running is safe: the demo is deterministic, so a second import changes nothing.
run: build web
	./$(BUILD)/jeugdregio init --db $(DB)
	./$(BUILD)/jeugdregio demo --db $(DB) --dir $(DEMO_DIR)
	./$(BUILD)/jeugdregio check --db $(DB) --rules $(DEMO_DIR)/regels.toml
	./$(BUILD)/jeugdregio stats --db $(DB)
	./$(BUILD)/jeugdregio settle --db $(DB) --year 2021 --compare $(MODELS)
	./$(BUILD)/jeugdregio settle --db $(DB) --year 2021 --compare $(MODELS) --risk --runs 2000
	./$(BUILD)/jeugdregio monitor --db $(DB) --config $(DEMO_DIR)/begroting.toml
	./$(BUILD)/jeugdregio agenda --db $(DB) --config $(DEMO_DIR)/agenda.toml
	./$(BUILD)/jeugdregio measures --db $(DB) --config $(DEMO_DIR)/maatregelen.toml --runs 10000
	./$(BUILD)/jeugdregio governance --db $(DB) --config $(DEMO_DIR)/bestuur.toml --compare
	./$(BUILD)/jeugdregio forecast --db $(DB) --from 2024-01 --months 36 --runs 1000 \
	  --levers $(DEMO_DIR)/hefbomen.toml
	./$(BUILD)/jeugdregio backtest --db $(DB) --cutoff 2024-01-01 --months 12
	./$(BUILD)/jeugdregio report --db $(DB) --out $(REPORT_DIR) --budget $(DEMO_DIR)/begroting.toml \
	  --agenda $(DEMO_DIR)/agenda.toml --measures $(DEMO_DIR)/maatregelen.toml \
	  --governance $(DEMO_DIR)/bestuur.toml
	# The iJw path: the demo region (a twentieth) also as iJw messages, imported as XML
	# (JW301, JW305/JW307, JW323), checked, settled and answered with JW325 (one per
	# JW323; the table of answers goes to antwoorden.txt, a count of it is shown).
	./$(BUILD)/jeugdregio init --db $(IJW_DB)
	./$(BUILD)/jeugdregio demo --ijw --db $(IJW_DB) --dir $(IJW_DIR) --scale $(IJW_SCALE)
	./$(BUILD)/jeugdregio check --db $(IJW_DB) --rules $(IJW_DIR)/regels.toml
	./$(BUILD)/jeugdregio settle --db $(IJW_DB) --year 2021 --compare $(MODELS)
	./$(BUILD)/jeugdregio antwoord --db $(IJW_DB) --out $(IJW_DIR)/antwoorden \
	  --berichten $(IJW_DIR)/ijw > $(IJW_DIR)/antwoorden.txt
	awk '/JW325_/ {n++; r+=$$3} END {print n " JW325-antwoorden in $(IJW_DIR)/antwoorden, " \
	  r " regels afgewezen ($(IJW_DIR)/antwoorden.txt)"}' $(IJW_DIR)/antwoorden.txt
	./$(BUILD)/jeugdregio stats --db $(IJW_DB)

# The tests run beside a throw-away PostgreSQL server (tests/with_postgres.sh), so the
# store and command-line tests run on both backends. After the suite: the sanitizer
# build with the unit tests of FUZZ_TESTS and every fuzz target for 60 s (see `fuzz`
# below; BENCHMARKS.md has its time).
test: build web
	cd $(BUILD) && $(CURDIR)/tests/with_postgres.sh ctest --output-on-failure -j $(JOBS)
	$(MAKE) fuzz FUZZ_SECONDS=60

bench: deps
	cmake -S . -B $(BUILD)-bench -DCMAKE_BUILD_TYPE=Release -DJEUGDREGIO_BUILD_BENCH=ON \
	  -DJEUGDREGIO_BUILD_TESTS=OFF > /dev/null
	cmake --build $(BUILD)-bench -j $(JOBS)
	for b in $(BUILD)-bench/*_bench; do $$b; done
	@command -v wrk > /dev/null || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q wrk
	[ -f $(DB) ] || $(MAKE) run
	bench/api_load.sh $(BUILD)-bench/jeugdregio $(DB)

format:
	clang-format -i $$(find src bench -name '*.h' -o -name '*.cc')

# Installs the binary, the dashboard, the systemd unit and the docs under PREFIX.
PREFIX ?= /usr/local
install: build web
	cmake --install $(BUILD) --prefix $(PREFIX)

# The Debian package (CPack): binary, dashboard, systemd unit (serve as user jeugdregio,
# database in /var/lib/jeugdregio); tests/deb_test.sh unpacks it into a clean root and
# starts serve from the unpacked files.
deb: build web
	cd $(BUILD) && cpack -G DEB
	bash tests/deb_test.sh $(BUILD)

# libFuzzer targets under ASan+UBSan (clang; issue 18 item 13): the unit tests of
# FUZZ_TESTS once in the sanitizer build (beside a throw-away PostgreSQL server, so the
# store's tests run on both backends; LeakSanitizer on), then each target FUZZ_SECONDS
# long from the seed corpus in fuzz/corpus/ (new inputs go to $(FUZZ_BUILD)/corpus/,
# findings to $(FUZZ_BUILD)/<target>-crash-*). fuzz/README.md.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv toml ijw api
FUZZ_TESTS ?= core ingest store rules server
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DJEUGDREGIO_BUILD_FUZZ=ON > /dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_TESTS:%=%_test) $(FUZZ_TARGETS:%=%_fuzz)
	tests/with_postgres.sh sh -c 'for t in $(FUZZ_TESTS); do \
	  echo "== $$t under ASan+UBSan"; $(FUZZ_BUILD)/$${t}_test --gtest_brief=1 || exit 1; done'
	for t in $(FUZZ_TARGETS); do mkdir -p $(FUZZ_BUILD)/corpus/$$t && \
	  $(FUZZ_BUILD)/$${t}_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -dict=fuzz/$$t.dict -artifact_prefix=$(FUZZ_BUILD)/$$t- \
	    $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t || exit 1; done

clean:
	rm -rf $(BUILD) $(BUILD)-bench $(FUZZ_BUILD)
