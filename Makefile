# Build, serve and test Mathsight. The work is done by the scripts in scripts/;
# each one installs what is missing first (see scripts/setup.sh).
PORT ?= 8000

.PHONY: serve test build setup clean bench fuzz soak

serve: build
	node scripts/serve.mjs --port $(PORT) --root target/site --cors

build:
	bash scripts/setup.sh --build
	bash scripts/build.sh

test:
	bash scripts/setup.sh --test
	bash scripts/test.sh

bench:
	bash scripts/setup.sh --test
	bash scripts/build.sh
	bash scripts/build.sh --bench
	node scripts/bench.mjs

# Fuzz the option/URL and data parsers for FUZZ_SECONDS (default 60) each; not part of test.
fuzz:
	bash scripts/fuzz.sh

# Endurance: 100,000 frames of the busiest widget, 1,000 create/remove cycles of each widget.
soak:
	bash scripts/setup.sh --test
	bash scripts/build.sh
	node scripts/soak.mjs

setup:
	bash scripts/setup.sh --test

clean:
	rm -rf target www/pkg test-output fuzz/target fuzz/work fuzz/artifacts
