# IncidentChat: two commands do all the set-up.
#   make run    builds and starts the REPL on the embedded SQLite store
#   make test   builds and runs every test (swift test and the end-to-end scripts)
SWIFT      ?= swift
BIN        := .build/debug/incident-chat
PY_MODULES := boto3 botocore awscli jmespath regex

.PHONY: run test build deps bench e2e golden clean

run: deps build
	@$(BIN)

build: deps
	$(SWIFT) build --product incident-chat

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory e2e

# End-to-end scripts drive the built binary (and the REPL in tmux, the server with boto3).
e2e: build
	@set -e; for t in Tests/EndToEnd/*.sh; do \
	  [ -e "$$t" ] || continue; echo "e2e: $$t"; bash "$$t" "$(BIN)"; done

# Rewrite the golden files from the current behaviour; `git diff` shows what changed.
golden: deps
	UPDATE_GOLDEN=1 $(SWIFT) test

bench: deps
	$(SWIFT) build -c release --product incident-chat
	$(SWIFT) build -c release --product incident-chat-bench
	.build/release/incident-chat-bench

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
