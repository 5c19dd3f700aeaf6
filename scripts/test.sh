#!/usr/bin/env bash
# Every check, in order; stops at the first failure.
# Needs what `scripts/setup.sh --test` installs.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

step() {
  log ""
  log "==> $*"
  "$@"
}

step cargo fmt --check
step cargo clippy --all-targets -- -D warnings
step cargo clippy --target "$WASM_TARGET" --no-default-features --features all-widgets --lib --tests -- -D warnings
step cargo test
# Browser tests: the runner in .cargo/config.toml (wasm-bindgen-test-runner)
# drives headless Chromium through chromedriver.
step cargo test --target "$WASM_TARGET" --no-default-features --features all-widgets --test browser
step env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
step bash scripts/build.sh
step node --test tests/e2e/
