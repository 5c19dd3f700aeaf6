#!/usr/bin/env bash
# Install what building, serving and testing Mathsight needs, when it is missing.
#
#   scripts/setup.sh --build   Rust wasm target, wasm-bindgen-cli, npm packages
#   scripts/setup.sh --test    all of --build, plus rustfmt, clippy, and the browsers (Debian's
#                              chromium + chromedriver, firefox-esr, WebKitGTK's driver, xvfb)
#   scripts/setup.sh           same as --test
#
# Every step checks first and does nothing when already satisfied, so running
# this again costs next to nothing. A step that cannot install prints one line
# saying what failed and how to do it by hand, and the script exits non-zero.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

fail() { die "could not install $1; to do it by hand, run: $2"; }
ok() { log "setup: $1: ok"; }

require_rust() {
  if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
    die "cargo/rustup not found; install Rust with rustup, then re-run (binaries go to ~/.cargo/bin)"
  fi
}

require_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    die "node/npm not found; install Node.js 20 or newer with npm, then re-run"
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "node $(node --version) is too old; install Node.js 20 or newer"
}

ensure_wasm_target() {
  local installed
  installed="$(rustup target list --installed 2>/dev/null || true)"
  if grep -qx "$WASM_TARGET" <<<"$installed"; then
    ok "rust target $WASM_TARGET"
    return
  fi
  log "setup: installing rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET" || fail "rust target $WASM_TARGET" "rustup target add $WASM_TARGET"
}

ensure_rust_components() {
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ ${#missing[@]} -eq 0 ]; then
    ok "rustfmt, clippy"
    return
  fi
  log "setup: installing rust components ${missing[*]}"
  rustup component add "${missing[@]}" || fail "rust components ${missing[*]}" "rustup component add ${missing[*]}"
}

# The wasm-bindgen version that Cargo.lock resolved; the CLI must match it exactly.
wasm_bindgen_version() {
  if [ ! -f Cargo.lock ]; then
    cargo generate-lockfile >&2 || die "Cargo.lock is missing and 'cargo generate-lockfile' failed"
  fi
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock
}

installed_version() { # prints the version a tool reports, or nothing
  "$1" --version 2>/dev/null | awk 'NR == 1 { print $2 }' || true
}

ensure_wasm_bindgen_cli() {
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "no wasm-bindgen package found in Cargo.lock"
  if [ "$(installed_version wasm-bindgen)" = "$want" ] \
    && [ "$(installed_version wasm-bindgen-test-runner)" = "$want" ]; then
    ok "wasm-bindgen-cli $want"
    return
  fi
  log "setup: installing wasm-bindgen-cli $want (compiles from source: a few minutes)"
  # --force: replace another version even when cargo did not install it.
  cargo install wasm-bindgen-cli --version "$want" --locked --force \
    || cargo install wasm-bindgen-cli --version "$want" --force \
    || fail "wasm-bindgen-cli $want" "cargo install wasm-bindgen-cli --version $want"
  local got
  got="$(installed_version wasm-bindgen)"
  [ "$got" = "$want" ] \
    || die "wasm-bindgen on PATH ($(command -v wasm-bindgen || echo none)) is version '${got}', need $want; put ${CARGO_HOME:-$HOME/.cargo}/bin first on PATH"
}

ensure_node_modules() {
  local stamp=node_modules/.package-lock.json
  if [ -f "$stamp" ] && ! [ package-lock.json -nt "$stamp" ] \
    && [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/esbuild ] \
    && [ -d node_modules/playwright-core ]; then
    ok "npm packages"
    return
  fi
  log "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund || fail "the npm packages" "npm ci --no-audit --no-fund"
  touch "$stamp"
}

# Debian packages the browser tests need, checked by the files they install.
BROWSER_PACKAGES=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb)
BROWSER_FILES=(/usr/bin/chromium /usr/bin/chromedriver /usr/bin/firefox-esr /usr/bin/WebKitWebDriver
  /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser /usr/bin/xvfb-run)

browsers_present() {
  local f
  for f in "${BROWSER_FILES[@]}"; do [ -x "$f" ] || return 1; done
}

ensure_browsers() {
  if browsers_present; then
    ok "chromium, chromedriver, firefox-esr, WebKitWebDriver + MiniBrowser, xvfb"
    return
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 \
      || die "browsers are missing and this is not root and has no sudo; as root run: apt-get update && apt-get install -y ${BROWSER_PACKAGES[*]}"
    sudo=(sudo)
  fi
  log "setup: installing ${BROWSER_PACKAGES[*]} (apt-get)"
  { "${sudo[@]}" apt-get update \
    && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${BROWSER_PACKAGES[@]}"; } \
    || fail "the browsers" "sudo apt-get update && sudo apt-get install -y ${BROWSER_PACKAGES[*]}"
  browsers_present \
    || die "apt-get finished but a browser file is still missing (${BROWSER_FILES[*]}); install the Debian packages ${BROWSER_PACKAGES[*]} by hand"
}

# A local Python with NumPy and SciPy, for the tests that run each widget's "Show the code"
# program and compare its numbers with the widget's state.
ensure_python_venv() {
  local py=.venv/bin/python
  if [ -x "$py" ] && "$py" -c 'import numpy, scipy' >/dev/null 2>&1; then
    ok "python venv with numpy, scipy"
    return
  fi
  command -v python3 >/dev/null 2>&1 || die "python3 is missing; install it (Debian: apt-get install -y python3 python3-venv)"
  log "setup: creating .venv with numpy and scipy (pip)"
  { python3 -m venv .venv && .venv/bin/pip install --quiet --disable-pip-version-check numpy scipy; } \
    || fail "numpy and scipy in .venv" "python3 -m venv .venv && .venv/bin/pip install numpy scipy"
}

setup_build() {
  require_rust
  require_node
  ensure_wasm_target
  ensure_wasm_bindgen_cli
  ensure_node_modules
}

setup_test() {
  setup_build
  ensure_rust_components
  ensure_browsers
  ensure_python_venv
}

case "${1:---test}" in
  --build) setup_build ;;
  --test) setup_test ;;
  -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown option '$1' (use --build or --test)" ;;
esac
