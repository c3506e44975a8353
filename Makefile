# RoleGraph — build, test and run. Every target installs what is missing first.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build needs: Graphviz's C libraries and headers, pkg-config to find them,
# zlib's headers (for .gz graph files).
APT_PACKAGES := libgraphviz-dev pkg-config zlib1g-dev
# What the browser tests of `rolegraph explore` drive: headless Chromium through its WebDriver.
BROWSER_APT_PACKAGES := chromium chromium-driver
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)
ROLEGRAPH = $(BIN_DIR)/rolegraph

.PHONY: all deps build release run test browser-test explorer-screenshots examples docs clean install uninstall fuzz fuzz-smoke fuzz-build fuzz-regress likely-oracle

all: build

# Install Debian packages only when something is missing (apt-get, sudo when not root).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libgvc || ! pkg-config --exists zlib; then \
	  echo "make: installing $(APT_PACKAGES) with apt-get"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(APT_PACKAGES); \
	fi
	@pkg-config --exists libgvc || { echo "make: error: libgvc (libgraphviz-dev) is still missing" >&2; exit 1; }
	@pkg-config --exists zlib || { echo "make: error: zlib (zlib1g-dev) is still missing" >&2; exit 1; }
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  echo "make: installing $(BROWSER_APT_PACKAGES) with apt-get (for the browser tests)"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(BROWSER_APT_PACKAGES); \
	fi
	@python3 -c 'import selenium' 2>/dev/null || python3 -m pip install --quiet selenium || python3 -m pip install --quiet --break-system-packages selenium \
	  || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends python3-selenium; }

# Every build checks that a target imports only the targets it declares as dependencies, so a
# lower layer cannot import a higher one even when that module happens to be built already.
LAYER_CHECK := --explicit-target-dependency-import-check error

build: deps
	$(SWIFT) build $(LAYER_CHECK)

# A standalone release binary (the Swift runtime and Foundation linked in, so it starts faster).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product rolegraph
	@echo "Built $$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/rolegraph"

# The main job, on the built-in graph: the roles, one card, a path, a plan from one's own skills,
# the clusters against the three areas, and the whole graph rendered to data-careers.svg.
run: build
	@echo '$$ rolegraph roles'; $(ROLEGRAPH) roles
	@echo; echo '$$ rolegraph show ml-engineer'; $(ROLEGRAPH) show ml-engineer
	@echo; echo '$$ rolegraph path data-analyst ml-engineer'; $(ROLEGRAPH) path data-analyst ml-engineer
	@echo; echo '$$ rolegraph plan --have sql,python,statistics --goal ml-platform-engineer --top 2'
	@$(ROLEGRAPH) plan --have sql,python,statistics --goal ml-platform-engineer --top 2
	@echo; echo '$$ rolegraph clusters'; $(ROLEGRAPH) clusters
	@echo; echo '$$ rolegraph export -o data-careers.svg'; $(ROLEGRAPH) export -o data-careers.svg
	@echo "Wrote $(CURDIR)/data-careers.svg: the built-in graph, rendered in-process by Graphviz."
	@echo; echo '$$ rolegraph explore -o data-careers.html'; $(ROLEGRAPH) explore -o data-careers.html
	@echo "Wrote $(CURDIR)/data-careers.html: the interactive explorer (one file, works offline; open it in a browser)."

test: deps
	$(SWIFT) build $(LAYER_CHECK)
	$(SWIFT) build --package-path Examples
	$(SWIFT) test --disable-xctest
	$(MAKE) --no-print-directory browser-test

# The explorer page in headless Chromium (Tests/Browser): paths, cards, keys, escaping, no
# network, each answer checked against the built binary.
browser-test: deps
	$(SWIFT) build $(LAYER_CHECK) --product rolegraph
	python3 Tests/Browser/explorer_test.py $(ROLEGRAPH)

# The explorer's screenshots in Examples/explorer (a path lit up, a card open).
explorer-screenshots: build
	python3 Tests/Browser/explorer_test.py $(ROLEGRAPH) --only builtin --screenshots Examples/explorer

# The oracle for --cost likely: the generated count network and networkx's answers for 200
# random pairs (Tests/Fixtures/edgelists/likely; LikelyCostOracleTests compares against them).
# networkx is installed with pip only here, and only when missing.
LIKELY := Tests/Fixtures/edgelists/likely
likely-oracle:
	@python3 -c 'import networkx' 2>/dev/null || python3 -m pip install --quiet networkx || python3 -m pip install --quiet --break-system-packages networkx
	python3 $(LIKELY)/generate.py
	python3 $(LIKELY)/oracle.py

# The rendered diagrams in Examples/diagrams, and the example program's output; one of a generated
# 1,000-role transition network (its 60 most connected roles).
EXAMPLES := Examples/diagrams
examples: build
	@mkdir -p $(EXAMPLES)
	$(ROLEGRAPH) export -o $(EXAMPLES)/data-careers.svg
	$(ROLEGRAPH) export -o $(EXAMPLES)/data-careers-titles-tb.svg --rankdir TB --titles
	$(ROLEGRAPH) export -o $(EXAMPLES)/data-careers-neato.svg --layout neato
	$(ROLEGRAPH) export -o $(EXAMPLES)/data-careers-circo.svg --layout circo
	$(ROLEGRAPH) export -o $(EXAMPLES)/transitions-only.svg --draw transition
	$(ROLEGRAPH) path data-analyst ml-engineer --render $(EXAMPLES)/path-data-analyst-to-ml-engineer.svg > /dev/null
	$(ROLEGRAPH) path data-analyst ml-accelerators-engineer --lateral-cost 2 --render $(EXAMPLES)/path-lateral.svg > /dev/null
	$(ROLEGRAPH) clusters --render $(EXAMPLES)/clusters.svg > /dev/null
	$(ROLEGRAPH) clusters --method skills --boxes --render $(EXAMPLES)/clusters-skills-boxes.svg > /dev/null
	$(ROLEGRAPH) export --to mermaid -o $(EXAMPLES)/data-careers.mmd
	python3 Benchmarks/transition_network.py 1000 .build/transitions-1000.csv
	$(ROLEGRAPH) --graph .build/transitions-1000.csv export --top 60 -o $(EXAMPLES)/transitions-1000-top-60.svg
	$(SWIFT) run --package-path Examples path-in-code $(EXAMPLES)/path-in-code.svg

# The API documentation: the DocC catalogs of RoleGraphKit (with the getting-started article and
# one article per guide) and RoleGraphAlgorithms, built by swift-docc-plugin with no network, as
# static sites under .build/docs. Both must build without a warning.
DOCS_DIR := .build/docs
DOCS = $(SWIFT) package --allow-writing-to-directory $(DOCS_DIR) generate-documentation \
	--target $(1) --output-path $(DOCS_DIR)/$(1) --transform-for-static-hosting --hosting-base-path $(1)
docs: deps
	bash .ci/check-public-docs.sh RoleGraphKit
	bash .ci/check-public-docs.sh RoleGraphAlgorithms
	@mkdir -p $(DOCS_DIR)
	$(call DOCS,RoleGraphKit) --warnings-as-errors
	$(call DOCS,RoleGraphAlgorithms) --warnings-as-errors
	@echo "Documentation in $(CURDIR)/$(DOCS_DIR): RoleGraphKit/ and RoleGraphAlgorithms/ (static sites)."
	@echo "To read it: python3 -m http.server --directory $(DOCS_DIR) 8000, then open"
	@echo "  http://localhost:8000/RoleGraphKit/documentation/rolegraphkit/"
	@echo "  http://localhost:8000/RoleGraphAlgorithms/documentation/rolegraphalgorithms/"

# make install: the release binary, bash/zsh/fish completions and man pages under PREFIX (staged
# under DESTDIR when set: make install DESTDIR=/tmp/stage). make uninstall removes the same files.
# The completion scripts and man pages are generated from the binary's own commands and options:
# the completions by `rolegraph --generate-completion-script`, the man pages (rolegraph.1 and one
# per command, rolegraph.path.1 …) by ArgumentParser's generate-manual plugin, offline (it builds
# the package in release mode and writes under .build; it needs no write access to the sources).
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETIONS = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
INSTALL ?= install
RELEASE_BIN = $(shell $(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/rolegraph
MANUAL_DIR = .build/plugins/GenerateManual/outputs/rolegraph
# The manual's date: the last commit's, so the same commit gives the same pages.
MANUAL_DATE = $(shell git log -1 --format=%cs 2>/dev/null)

# The plugin builds the whole package in release mode, relinking rolegraph with the Swift runtime
# as shared libraries, so the standalone binary is built after it.
install: deps
	rm -rf $(MANUAL_DIR)
	$(SWIFT) package generate-manual --multi-page $(if $(MANUAL_DATE),--date $(MANUAL_DATE))
	$(SWIFT) build -c release --static-swift-stdlib --product rolegraph
	$(INSTALL) -d $(BINDIR) $(MANDIR) $(BASH_COMPLETIONS) $(ZSH_COMPLETIONS) $(FISH_COMPLETIONS)
	$(INSTALL) -m 755 $(RELEASE_BIN) $(BINDIR)/rolegraph
	$(RELEASE_BIN) --generate-completion-script bash > $(BASH_COMPLETIONS)/rolegraph
	$(RELEASE_BIN) --generate-completion-script zsh > $(ZSH_COMPLETIONS)/_rolegraph
	$(RELEASE_BIN) --generate-completion-script fish > $(FISH_COMPLETIONS)/rolegraph.fish
	chmod 644 $(BASH_COMPLETIONS)/rolegraph $(ZSH_COMPLETIONS)/_rolegraph $(FISH_COMPLETIONS)/rolegraph.fish
	$(INSTALL) -m 644 $(MANUAL_DIR)/*.1 $(MANDIR)/
	@echo "Installed $(BINDIR)/rolegraph, its completions and man pages (man rolegraph)"

uninstall:
	rm -f $(BINDIR)/rolegraph $(BASH_COMPLETIONS)/rolegraph $(ZSH_COMPLETIONS)/_rolegraph $(FISH_COMPLETIONS)/rolegraph.fish
	rm -f $(MANDIR)/rolegraph.1 $(MANDIR)/rolegraph.*.1

clean:
	rm -rf .build .build-fuzz

# Fuzzing (Guides/Fuzzing.md), never part of make test. The package in Fuzz/ builds one libFuzzer
# executable per input format with AddressSanitizer; the vendored libyaml is instrumented too.
# Leak detection is off (Graphviz and the Swift runtime keep allocations for the process's life).
# The Swift backtracer is off: it reads the crashed process with ASan watching, which hides the report.
# -max_len reaches the long-line cases; -timeout=2 turns a slow input into a finding.
FUZZ_FORMATS := yaml json dot csv tsv
FUZZ_SWIFT_BUILD = $(SWIFT) build --package-path Fuzz --scratch-path .build-fuzz -c release \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link,address
FUZZ_BIN = $(shell $(FUZZ_SWIFT_BUILD) --show-bin-path)
FUZZ_FLAGS := -max_len=1048576 -timeout=2 -rss_limit_mb=4096 -print_final_stats=1
FUZZ_SECONDS ?= 600
# The seed corpora: the fixtures of each format (copied, so libFuzzer never writes into Tests/).
FUZZ_SEEDS_yaml := Graphs/*.yaml Tests/Fixtures/*/*.yaml
FUZZ_SEEDS_json := Tests/Fixtures/*/*.json
FUZZ_SEEDS_dot := Tests/Fixtures/*/*.gv Tests/Fixtures/*/*.dot
FUZZ_SEEDS_csv := Tests/Fixtures/*/*.csv
FUZZ_SEEDS_tsv := Tests/Fixtures/*/*.tsv

fuzz-build: deps
	$(FUZZ_SWIFT_BUILD)

# make fuzz: FUZZ_SECONDS (default 600) per format; new inputs collect in .build-fuzz/corpus.
fuzz: fuzz-build
	@for f in $(FUZZ_FORMATS); do \
	  mkdir -p .build-fuzz/corpus/$$f .build-fuzz/seeds/$$f .build-fuzz/findings/$$f; \
	  case $$f in yaml) seeds="$(FUZZ_SEEDS_yaml)";; json) seeds="$(FUZZ_SEEDS_json)";; dot) seeds="$(FUZZ_SEEDS_dot)";; \
	    csv) seeds="$(FUZZ_SEEDS_csv)";; tsv) seeds="$(FUZZ_SEEDS_tsv)";; esac; \
	  cp $$seeds .build-fuzz/seeds/$$f/ 2>/dev/null; \
	  echo "make: fuzzing $$f for $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 $(FUZZ_BIN)/fuzz-$$f .build-fuzz/corpus/$$f .build-fuzz/seeds/$$f \
	    -dict=Fuzz/Dictionaries/$$f.dict $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=.build-fuzz/findings/$$f/ 2>&1 | grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+== ?ERROR|SUMMARY|deadly signal|    #[0-9]+ 0x|artifact_prefix|Test unit written)' ; \
	  status=$${PIPESTATUS[0]}; [ $$status -eq 0 ] || { echo "make: fuzz-$$f found a problem (exit $$status): see .build-fuzz/findings/$$f" >&2; exit 1; }; \
	done

# A short run of every harness (30 s each), as CI runs it after make test.
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=30

# The reproducers of issue 21, timed: each must finish within a second with its exit status.
fuzz-regress: release
	python3 Tests/Reproducers/generate.py .build/reproducers
	python3 Tests/Reproducers/run.py $(RELEASE_BIN) .build/reproducers

# make bench, make bench-full: RoleGraph beside NetworkX, igraph, networkit, rustworkx, leidenalg and
# Graphviz's tools on the same files; writes Benchmarks/RESULTS.md.
include Benchmarks/bench.mk
