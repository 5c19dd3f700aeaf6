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

# The site a browser is served (make serve, the tests, the benchmark): www/ with its pkg/, every
# script and stylesheet minified (comments, spaces and long local names go; nothing else
# changes: the same files, the same imports). www/ stays the readable source.
SITE=target/site
ESBUILD=node_modules/.bin/esbuild
site() {
  [ -x "$ESBUILD" ] || die "$ESBUILD not found; run: npm ci --no-audit --no-fund"
  [ -f "$WASM" ] || die "$WASM is missing: run scripts/build.sh first"
  log "==> $SITE: www/ with its scripts and stylesheets minified"
  rm -rf "$SITE"
  mkdir -p "$(dirname "$SITE")"
  cp -r www "$SITE"
  mapfile -t files < <(cd "$SITE" && find . -name '*.js' -o -name '*.css')
  (cd "$SITE" && "$OLDPWD/$ESBUILD" --minify --log-level=warning --allow-overwrite --outdir=. \
    --outbase=. "${files[@]}")
}

if [ "${1:-}" = "--site" ]; then
  # After an edit to www/ alone: the site again, without rebuilding the wasm.
  site
  exit 0
fi

command -v wasm-bindgen >/dev/null 2>&1 || die "wasm-bindgen not found; run: scripts/setup.sh --build"
[ -x "$WASM_OPT" ] || die "$WASM_OPT not found; run: npm ci --no-audit --no-fund"

# Functions kept out of line on purpose (see src/viz/field.rs): a browser moves a wasm function
# to its optimised tier only between calls, so every field's per-row work (the `viz` functions
# named `…_row`) must stay a function of its own. `#[inline(never)]` does not survive into the
# wasm, and -Oz inlines any function with one caller; this must come before -Oz to apply to it.
NO_INLINE='*viz::*_row*'

# The standard library's float formatting (Grisu and Dragon4, about 25 KB) must stay out of the
# wasm: numbers are written by math::float_text. Any `{}`, `{:?}` or `.to_string()` of an f64,
# and `f64::clamp` (whose panic message formats its bounds), brings it back; this fails the
# build then, naming what to look for. The names are those in cargo's output, before wasm-bindgen.
no_float_formatting() {
  if grep -qa 'float_to_decimal_common\|float_to_exponential_common' "$1"; then
    die "$1 contains the standard library's float formatting: write numbers with \
math::float_text (Float, plain, fixed, sci) and clamp with math::ClampTo::clamp_to"
  fi
}

# build FEATURES OUT: the web build with FEATURES, its JS glue and wasm in OUT. wasm-opt runs
# in the background (on the other core while the next cargo build runs); its pid goes to OPTS.
OPTS=()
build() {
  log "==> cargo build --target $WASM_TARGET --profile web --no-default-features --features $1"
  cargo build --target "$WASM_TARGET" --profile web --no-default-features --features "$1"
  no_float_formatting "$TARGET_DIR/$WASM_TARGET/web/mathsight.wasm"
  wasm-bindgen --target web --no-typescript --out-dir "$2" \
    "$TARGET_DIR/$WASM_TARGET/web/mathsight.wasm"
  "$WASM_OPT" "${WASM_FEATURES[@]}" --no-inline="$NO_INLINE" -Oz \
    "$2/mathsight_bg.wasm" -o "$2/mathsight_bg.wasm" &
  OPTS+=("$!")
}

# The whole core, for the course and any page with widgets of several kinds...
rm -rf "$PKG"
build all-widgets "$PKG"
# ...and one module per widget (pkg/NAME/), which a page showing widgets of one kind loads
# instead (www/ms/core.js): the linker drops every other widget's code.
mapfile -t WIDGETS < <(sed -n '/^all-widgets = \[/,/^\]/s/^ *"\([a-z-]*\)",$/\1/p' Cargo.toml)
[ "${#WIDGETS[@]}" -gt 0 ] || die "no widgets found in Cargo.toml's all-widgets feature"
for name in "${WIDGETS[@]}"; do
  build "$name" "$PKG/$name"
done
log "==> wasm-opt -Oz (waiting for ${#OPTS[@]} modules)"
for pid in "${OPTS[@]}"; do
  wait "$pid" || die "wasm-opt failed"
done

site

# What a browser downloads, from the site.
gz() { gzip -9c "$@" | wc -c; }
log "==> sizes (raw / gzip -9)"
shopt -s nullglob
total=0
shell=0
for f in "$SITE"/pkg/mathsight_bg.wasm "$SITE"/pkg/mathsight.js "$SITE"/mathsight.js "$SITE"/ms/*.js \
  "$SITE"/*.css; do
  size="$(gz "$f")"
  total=$((total + size))
  case "$f" in "$SITE"/pkg/*) ;; *) shell=$((shell + size)) ;; esac
  printf '  %-34s %9d B raw %9d B gzip\n' "$f" "$(wc -c <"$f")" "$size"
done
# The budget for all the code the course page needs (README, "Performance"); `make bench`
# measures what a browser actually fetches. Over budget is reported, not fatal.
BUDGET_KB=150
printf '  %-34s %9s     %9d B gzip: %s the %d KB budget\n' "all code" "" "$total" \
  "$([ "$total" -le $((BUDGET_KB * 1024)) ] && echo within || echo OVER)" "$BUDGET_KB"
# One embedded widget: its own module and glue, and the shell (an overestimate by the course
# and embed stylesheets it does not load).
EMBED_BUDGET_KB=120
log "==> one widget's module (gzip -9), and with the shell: the ${EMBED_BUDGET_KB} KB budget"
for name in "${WIDGETS[@]}"; do
  wasm="$(gz "$SITE/pkg/$name/mathsight_bg.wasm")"
  embed=$((wasm + $(gz "$SITE/pkg/$name/mathsight.js") + shell))
  printf '  %-34s %9d B wasm %9d B in all: %s\n' "$name" "$wasm" "$embed" \
    "$([ "$embed" -le $((EMBED_BUDGET_KB * 1024)) ] && echo within || echo OVER)"
done
