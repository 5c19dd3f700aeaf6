#!/usr/bin/env bash
# `make fuzz`: runs each cargo-fuzz target in fuzz/ for a bounded time on the stable toolchain
# and prints the executions and any crash. Not part of `make test` (the committed corpus is
# replayed there by tests/fuzz_corpus.rs).
#
#   FUZZ_SECONDS=60       seconds per target (default 60)
#   FUZZ_TARGETS="options data"   which targets
#
# Stable works because `-s none` (no sanitizer) asks for no `-Z` flag: cargo-fuzz then builds
# with stable codegen options only (`--cfg fuzzing`, `-Cpasses=sancov-module` and the
# `-Cllvm-args=-sanitizer-coverage-*` flags), and libfuzzer-sys compiles libFuzzer with the
# system C++ compiler. New inputs go to fuzz/work/<target> (git-ignored); the committed seeds
# in fuzz/corpus/<target> are read, never written. A crash lands in fuzz/artifacts/<target>/:
# fix it, then copy the input into fuzz/corpus/<target>/ as a regression seed, which every
# `cargo test` then replays.
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SECONDS_EACH="${FUZZ_SECONDS:-60}"
read -r -a TARGETS <<<"${FUZZ_TARGETS:-options data}"
export RUSTUP_TOOLCHAIN=stable

if ! cargo fuzz --version >/dev/null 2>&1; then
  log "==> cargo install cargo-fuzz --locked"
  cargo install cargo-fuzz --locked
fi
command -v c++ >/dev/null 2>&1 || die "a C++ compiler (c++) is needed to build libFuzzer; install g++ or clang"

cd fuzz
log "==> $(cargo fuzz --version) on $(rustc --version)"
log "==> cargo fuzz build -s none --release (debug assertions on)"
cargo fuzz build -s none --release --debug-assertions

status=0
summary=()
for target in "${TARGETS[@]}"; do
  mkdir -p "work/$target" "artifacts/$target"
  log_file="work/$target.log"
  log "==> $target: ${SECONDS_EACH}s on fuzz/corpus/$target (new inputs in fuzz/work/$target)"
  find "artifacts/$target" -type f | sort >"work/$target.before"
  set +e
  cargo fuzz run -s none --release --debug-assertions "$target" "work/$target" "corpus/$target" -- \
    -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 >"$log_file" 2>&1
  code=$?
  set -e
  tail -n 25 "$log_file" | grep -E '^(stat::|INFO: Done|==|SUMMARY|thread|panicked)' || true
  runs=$(grep -Eo 'stat::number_of_executed_units: [0-9]+' "$log_file" | grep -Eo '[0-9]+$' | tail -n 1)
  new_files=$(find "artifacts/$target" -type f | sort | comm -13 "work/$target.before" -)
  crashes=$(printf '%s' "$new_files" | grep -c . || true)
  if [ "$code" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    status=1
    log "!! $target failed (exit $code); the log is fuzz/$log_file; inputs:"
    printf '%s\n' "$new_files" | sed 's/^/   fuzz\//'
    log "   reproduce: cd fuzz && cargo fuzz run -s none --release --debug-assertions $target <input>"
    grep -E 'panicked at|^thread' "$log_file" | head -n 5 || true
  fi
  summary+=("$(printf '%-10s %6ss %12s executions %6s crash(es)' "$target" "$SECONDS_EACH" "${runs:-?}" "$crashes")")
done

log ""
log "fuzz summary"
printf '  %s\n' "${summary[@]}"
exit "$status"
