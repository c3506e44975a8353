# RoleGraph — build, test and run. Every target installs what is missing first.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build needs: Graphviz's C libraries and headers, pkg-config to find them.
APT_PACKAGES := libgraphviz-dev pkg-config
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)
ROLEGRAPH = $(BIN_DIR)/rolegraph

.PHONY: all deps build run test examples bench bench-full clean

all: build

# Install Debian packages only when something is missing (apt-get, sudo when not root).
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libgvc; then \
	  echo "make: installing $(APT_PACKAGES) with apt-get"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(APT_PACKAGES); \
	fi
	@pkg-config --exists libgvc || { echo "make: error: libgvc (libgraphviz-dev) is still missing" >&2; exit 1; }

build: deps
	$(SWIFT) build

run: build
	@$(ROLEGRAPH) roles
	@echo
	@$(ROLEGRAPH) show ml-engineer

test: deps
	$(SWIFT) build
	$(SWIFT) test

clean:
	rm -rf .build
