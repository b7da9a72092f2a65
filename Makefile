# Compendium: build the site from content/ (make), run the tests (make test).
# Each target installs libcmark-dev and libmimalloc-dev first when they are missing.
#
#   make                      build the site into site/ (BASE_URL=https://… for canonical links)
#   make serve                build, serve on http://127.0.0.1:8000/ and rebuild on every edit (PORT=…)
#   make bench                release build, then time build, check, Hugo and the C floor on generated
#                             corpora of 1,000 and 10,000 documents (BENCH_LARGE=1 adds 100,000), with
#                             serve's edit-to-reload latency; installs hugo and time when missing
#   make bench-serve          edit-to-reload latency of serve on a generated corpus (DOCS=10000, EDITS=20)
#   make test                 run every test
#   make check                check the content as a pull request is checked (warnings count)
#   make report BASE=DIR      check, and write report.md comparing with the content in DIR
#   make clean                remove the build and the site
#   make audit                build, then check every page (axe-core, Nu Html Checker, lychee)
#                             and take screenshots; writes audit/report.md (installs its tools)
#   make fuzz                 build the libFuzzer targets in Fuzz/ (fuzzer and address sanitizers)
#                             and fuzz each for FUZZ_SECONDS (60); FUZZ_TARGETS=slug,… picks some.
#                             Findings go to .build-fuzz/artifacts/; fails when anything is found

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN = .build/release/compendium
DEBUG_BIN = .build/debug/compendium
BASE_URL ?=
BASE ?=
FORMAT ?= human
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
PORT ?= 8000
PACKAGES = libcmark-dev libmimalloc-dev

.PHONY: site serve test check report clean deps audit fuzz bench bench-serve

site: deps
	$(SWIFT) build -c release --product compendium
	$(RELEASE_BIN) build $(if $(BASE_URL),--base-url "$(BASE_URL)")

serve: deps
	$(SWIFT) build -c release --product compendium
	$(RELEASE_BIN) serve --port $(PORT)

bench: deps
	@command -v hugo >/dev/null || $(SUDO) apt-get install -y hugo || { $(SUDO) apt-get update && $(SUDO) apt-get install -y hugo; }
	@test -x /usr/bin/time || $(SUDO) apt-get install -y time || { $(SUDO) apt-get update && $(SUDO) apt-get install -y time; }
	$(SWIFT) build -c release --product compendium
	python3 scripts/bench.py --binary $(RELEASE_BIN) $(if $(BENCH_LARGE),--large) $(if $(BENCH_RUNS),--runs $(BENCH_RUNS))

bench-serve: deps
	$(SWIFT) build -c release --product compendium
	python3 scripts/bench_serve.py --binary $(RELEASE_BIN) --docs $(or $(DOCS),10000) --edits $(or $(EDITS),20)

test: deps
	$(SWIFT) test

check: deps
	$(SWIFT) build --product compendium
	$(DEBUG_BIN) check --strict --format $(FORMAT)

report: deps
	$(SWIFT) build --product compendium
	$(DEBUG_BIN) check --strict --format $(FORMAT) --report report.md $(if $(BASE),--base "$(BASE)")

audit: site
	bash scripts/audit.sh

fuzz: deps
	python3 scripts/fuzz.py --seconds $(FUZZ_SECONDS) $(if $(FUZZ_TARGETS),--targets "$(FUZZ_TARGETS)")

clean:
	rm -rf .build site .site.standby report.md

deps:
	@{ pkg-config --exists libcmark 2>/dev/null && test -f /usr/include/mimalloc.h; } || { \
		echo "Installing libcmark-dev (the CommonMark library) and libmimalloc-dev (the allocator)…"; \
		$(SUDO) apt-get install -y $(PACKAGES) || { $(SUDO) apt-get update && $(SUDO) apt-get install -y $(PACKAGES); }; \
	}
