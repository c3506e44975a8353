# RoleGraph — build, test and run. Every target installs what is missing first.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build needs: Graphviz's C libraries and headers, pkg-config to find them,
# zlib's headers (for .gz graph files).
APT_PACKAGES := libgraphviz-dev pkg-config zlib1g-dev
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)
ROLEGRAPH = $(BIN_DIR)/rolegraph

.PHONY: all deps build release run test examples docs clean install uninstall likely-oracle

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

test: deps
	$(SWIFT) build $(LAYER_CHECK)
	$(SWIFT) build --package-path Examples
	$(SWIFT) test --disable-xctest

# The oracle for --cost likely: the generated count network and networkx's answers for 200
# random pairs (Tests/Fixtures/edgelists/likely; LikelyCostOracleTests compares against them).
# networkx is installed with pip only here, and only when missing.
LIKELY := Tests/Fixtures/edgelists/likely
likely-oracle:
	@python3 -c 'import networkx' 2>/dev/null || python3 -m pip install --quiet networkx || python3 -m pip install --quiet --break-system-packages networkx
	python3 $(LIKELY)/generate.py
	python3 $(LIKELY)/oracle.py

# The rendered diagrams in Examples/diagrams, and the example program's output.
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
	rm -rf .build

# make bench, make bench-full: RoleGraph beside NetworkX, igraph, networkit, rustworkx, leidenalg and
# Graphviz's tools on the same files; writes Benchmarks/RESULTS.md.
include Benchmarks/bench.mk
