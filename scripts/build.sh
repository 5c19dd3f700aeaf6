#!/usr/bin/env bash
# The web build (Cargo profile `web`: the release build, optimised for size) of the wasm
# module into www/pkg/, then print the sizes of what a browser downloads. Needs what
# `scripts/setup.sh --build` installs.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PKG=www/pkg
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
WASM="$PKG/mathsight_bg.wasm"
WASM_OPT=node_modules/.bin/wasm-opt
# The wasm features rustc emits for wasm32-unknown-unknown by default
# (bulk-memory, nontrapping-fptoint, sign-ext, mutable-globals, multivalue,
# reference-types). wasm-opt also reads them from the module's target_features
# section; listing them keeps it validating if that section is ever gone.
WASM_FEATURES=(
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-multivalue --enable-reference-types
)

if [ "${1:-}" = "--bench" ]; then
  # The benchmark's compute kernels: a separate build into target/bench-pkg, never shipped.
  log "==> cargo build --target $WASM_TARGET --profile web --no-default-features --features bench"
  cargo build --target "$WASM_TARGET" --profile web --no-default-features --features bench \
    --target-dir "$TARGET_DIR/bench"
  wasm-bindgen --target web --no-typescript --out-dir "$TARGET_DIR/bench-pkg" \
    "$TARGET_DIR/bench/$WASM_TARGET/web/mathsight.wasm"
  exit 0
fi

command -v wasm-bindgen >/dev/null 2>&1 || die "wasm-bindgen not found; run: scripts/setup.sh --build"
[ -x "$WASM_OPT" ] || die "$WASM_OPT not found; run: npm ci --no-audit --no-fund"

log "==> cargo build --target $WASM_TARGET --profile web --no-default-features"
cargo build --target "$WASM_TARGET" --profile web --no-default-features

log "==> wasm-bindgen --target web --out-dir $PKG"
wasm-bindgen --target web --no-typescript --out-dir "$PKG" \
  "$TARGET_DIR/$WASM_TARGET/web/mathsight.wasm"

# Functions kept out of line on purpose (see src/viz/field.rs): a browser moves a wasm function
# to its optimised tier only between calls, so a field's per-row work must stay a function of
# its own. `#[inline(never)]` does not survive into the wasm, and -Oz inlines any function with
# one caller; this must come before -Oz to apply to it.
NO_INLINE='*viz::field::band_row*'
log "==> wasm-opt -Oz"
"$WASM_OPT" "${WASM_FEATURES[@]}" --no-inline="$NO_INLINE" -Oz "$WASM" -o "$WASM"

log "==> sizes (raw / gzip -9)"
shopt -s nullglob
total=0
for f in "$WASM" "$PKG/mathsight.js" www/mathsight.js www/ms/*.js www/*.css; do
  [ -f "$f" ] || continue
  gz="$(gzip -9c "$f" | wc -c)"
  total=$((total + gz))
  printf '  %-28s %9d B raw %9d B gzip\n' "$f" "$(wc -c <"$f")" "$gz"
done
# The budget for all the code the course page needs (README, "Performance"); `make bench`
# measures what a browser actually fetches. Over budget is reported, not fatal.
BUDGET_KB=150
printf '  %-28s %9s     %9d B gzip: %s the %d KB budget\n' "all code" "" "$total" \
  "$([ "$total" -le $((BUDGET_KB * 1024)) ] && echo within || echo OVER)" "$BUDGET_KB"
