# IncidentChat: two commands do all the set-up.
#   make run    builds and starts the REPL on the embedded SQLite store
#   make test   builds and runs every test (swift test and the end-to-end scripts)
#   make fuzz   builds the libFuzzer targets (Tests/Fuzz) and runs each for FUZZ_SECONDS
SWIFT      ?= swift
BIN        := .build/debug/incident-chat
PY_MODULES := boto3 botocore awscli jmespath regex

.PHONY: run test build deps test-deps bench e2e golden clean fuzz

run: deps build
	@$(BIN)

build: deps
	$(SWIFT) build --product incident-chat

test: deps test-deps
	$(SWIFT) build --build-tests
	@# A throwaway PostgreSQL (support/postgres.sh) for the PostgreSQL tests, stopped after, also on failure.
	bash Tests/EndToEnd/support/with-postgres.sh $(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory e2e

# End-to-end scripts drive the built binary (and the REPL in tmux, the server with boto3).
e2e: build
	@set -e; for t in Tests/EndToEnd/*.sh; do \
	  [ -e "$$t" ] || continue; echo "e2e: $$t"; bash "$$t" "$(BIN)"; done

# Rewrite the golden files from the current behaviour; `git diff` shows what changed.
golden: deps
	UPDATE_GOLDEN=1 $(SWIFT) test

# The Swift runtime and Foundation are linked in (--static-swift-stdlib): the
# dynamic loader's relocations were a third of one `exec`.
RELEASE := $(SWIFT) build -c release --static-swift-stdlib

bench: deps
	@command -v wrk >/dev/null 2>&1 || { echo "installing: wrk"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null; }
	@python3 -c "import moto.server" 2>/dev/null || pip install -q "moto[server]"
	@python3 -c "import websockets" 2>/dev/null || pip install -q websockets
	$(RELEASE) --product incident-chat
	$(RELEASE) --product incident-chat-bench
	.build/release/incident-chat-bench
	@# The browser channel: 200 sockets' notification latency, the first load, 1,000 idle sockets.
	python3 Benchmarks/web/channel.py .build/release/incident-chat
	@# A fleet on PostgreSQL: one serve, then two on one throwaway database (support/postgres.sh).
	bash Benchmarks/server/postgres.sh .build/release/incident-chat
	@# Slack over HTTP: event acknowledgements, 1,000 notifications a minute (the fake Slack).
	bash Benchmarks/slack/run.sh .build/release/incident-chat

# libFuzzer with AddressSanitizer, built apart (Tests/Fuzz is a package of its
# own, in .build-fuzz). Each target runs FUZZ_SECONDS; a hang over one second,
# a leak or more than FUZZ_RSS_MB fails it, and the other targets still run.
# New inputs and crashes go to fuzz-out/.
#   make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS="fuzz-message fuzz-checker"
FUZZ_SECONDS ?= 60
FUZZ_RSS_MB  ?= 2048
FUZZ_TARGETS ?= fuzz-message fuzz-script fuzz-statement-reader fuzz-checker fuzz-runbook fuzz-shorthand \
                fuzz-json-checker fuzz-pattern fuzz-json-wire fuzz-json-jmespath \
                fuzz-jmespath fuzz-wire-request fuzz-sigv4 fuzz-yaml
FUZZ_BUILD   := $(SWIFT) build --package-path Tests/Fuzz --scratch-path .build-fuzz -c debug \
                -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz:
	$(FUZZ_BUILD)
	@bin=$$($(FUZZ_BUILD) --show-bin-path); failed=""; for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz-out/$$t/corpus; echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
	  if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=Tests/Fuzz/lsan-suppressions.txt:print_suppressions=0 $$bin/$$t fuzz-out/$$t/corpus Tests/Fuzz/Corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=1 -rss_limit_mb=$(FUZZ_RSS_MB) -detect_leaks=1 \
	    -print_final_stats=1 -artifact_prefix=fuzz-out/$$t/ 2>fuzz-out/$$t/log; then \
	    grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec' fuzz-out/$$t/log; \
	  else \
	    tail -n 40 fuzz-out/$$t/log; echo "fuzz: $$t failed; the input is in fuzz-out/$$t/"; failed="$$failed $$t"; \
	  fi; done; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed"; exit 1; fi

# What the build and the tests need from the system, installed only when missing.
deps:
	@missing=""; \
	pkg-config --exists libedit 2>/dev/null || missing="$$missing libedit-dev"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null; \
	fi
	@for m in $(PY_MODULES); do \
	  python3 -c "import $$m" 2>/dev/null || pip install -q $$m; \
	done

clean:
	rm -rf .build

# Regenerate Sources/Catalog/Generated/ from the pinned botocore's service models.
.PHONY: catalog
catalog:
	python3 Scripts/generate-catalog.py

# What only the tests need: headless Chromium and Selenium for the browser channel (web.sh);
# headless Firefox (Debian's firefox-esr) and Mozilla's Marionette client for it (firefox.sh:
# Debian has no geckodriver); Debian's PostgreSQL server for the throwaway databases of the
# PostgreSQL tests.
test-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v firefox-esr >/dev/null 2>&1 || missing="$$missing firefox-esr"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null; \
	fi
	@python3 -c "import selenium" 2>/dev/null || pip install -q selenium
	@python3 -c "import websockets" 2>/dev/null || pip install -q websockets
	@python3 -c "import websocket" 2>/dev/null || pip install -q websocket-client
	@python3 -c "import marionette_driver" 2>/dev/null || pip install -q marionette_driver
