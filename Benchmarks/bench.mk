# Benchmarks: `include Benchmarks/bench.mk` from the root Makefile.
#   make bench       1k, 10k and 100k roles, writes Benchmarks/RESULTS.md (from a clean clone on
#                    2 cores 7-9 minutes: 2 to build, 5-7 to measure; 12 on slower machines)
#   make bench-full  adds the 1M-role network (load, paths, peak memory): about 15 minutes more (30 on slower machines)
#   make bench-deps  only installs what the benchmarks need
# Installs what is missing first: Graphviz's tools (Debian `graphviz`, apt-get, sudo when not root)
# and a virtualenv with the Python peers (--system-site-packages, pip from PyPI).
BENCH_DIR := Benchmarks
BENCH_VENV := $(BENCH_DIR)/.venv
BENCH_PY := $(BENCH_VENV)/bin/python
BENCH_PEERS := networkx igraph networkit rustworkx leidenalg pyarrow scipy numpy
BENCH_SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: bench bench-full bench-deps

bench-deps: deps
	@if ! command -v dot >/dev/null 2>&1 || ! command -v sfdp >/dev/null 2>&1 \
	    || ! command -v dijkstra >/dev/null 2>&1 || ! command -v cluster >/dev/null 2>&1; then \
	  echo "make: installing graphviz with apt-get"; \
	  $(BENCH_SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(BENCH_SUDO) apt-get install -y -q --no-install-recommends graphviz; \
	fi
	@if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then \
	  echo "make: installing python3-venv with apt-get"; \
	  $(BENCH_SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(BENCH_SUDO) apt-get install -y -q --no-install-recommends python3-venv; \
	fi
	@[ -x $(BENCH_PY) ] || python3 -m venv --system-site-packages $(BENCH_VENV)
	@$(BENCH_PY) -c 'import networkx, igraph, networkit, rustworkx, leidenalg, pyarrow, scipy' >/dev/null 2>&1 || \
	  $(BENCH_PY) -m pip install -q $(BENCH_PEERS)

bench: bench-deps
	cd $(BENCH_DIR) && .venv/bin/python run.py

bench-full: bench-deps
	cd $(BENCH_DIR) && .venv/bin/python run.py --full

# make bench-diagrams: `rolegraph export` on generated 500–5,000-role transition networks beside
# `sfdp -Tsvg` on the same DOT, path --render on 5,000 roles, centrality on 20,000; writes
# Benchmarks/RESULTS-diagrams.md. Needs only Graphviz's tools (Debian `graphviz`) and python3.
.PHONY: bench-diagrams
bench-diagrams: deps
	@if ! command -v sfdp >/dev/null 2>&1; then \
	  echo "make: installing graphviz with apt-get"; \
	  $(BENCH_SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(BENCH_SUDO) apt-get install -y -q --no-install-recommends graphviz; \
	fi
	$(SWIFT) build -c release --product rolegraph
	python3 $(BENCH_DIR)/diagrams.py --bin "$$($(SWIFT) build -c release --show-bin-path)/rolegraph"
