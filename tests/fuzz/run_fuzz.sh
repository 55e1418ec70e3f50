#!/usr/bin/env bash
# Builds the SPARQL parser fuzzer with clang (libFuzzer + ASan + UBSan) in its own build
# folder and runs it for a bounded time on the W3C queries/updates (plus the bench queries
# and tests/fuzz/regressions) as seed corpus. Exit status: 0 = no crash, hang or sanitizer
# report; otherwise the offending input is in $FUZZ_BUILD_DIR/artifacts/ — fix the bug and
# copy the input to tests/fuzz/regressions/.
#
# Environment: FUZZ_SECONDS (default 60), FUZZ_BUILD_DIR (default <repo>/build-fuzz),
# HAMLET_SHARED_DIR (default <repo>/../shared), FUZZ_JOBS (build parallelism, default 2).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${HAMLET_SHARED_DIR:-$repo/../shared}
build=${FUZZ_BUILD_DIR:-$repo/build-fuzz}
seconds=${FUZZ_SECONDS:-60}

command -v clang++ >/dev/null || { echo "run_fuzz.sh: clang++ not found (apt-get install -y clang libclang-rt-14-dev)" >&2; exit 2; }
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$here" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "${FUZZ_JOBS:-2}"

seeds="$build/seeds"
corpus="$build/corpus"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$build/artifacts"
i=0
while IFS= read -r -d '' f; do
  cp "$f" "$seeds/$(printf '%05d' $i)-$(basename "$f")"
  i=$((i + 1))
done < <(find "$shared/w3c/sparql" "$shared/bench/queries" "$here/regressions" \
           -type f \( -name '*.rq' -o -name '*.ru' \) -print0 2>/dev/null)
echo "run_fuzz.sh: $i seed inputs, running ${seconds}s"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$build/sparql_parse_fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 -dict="$here/sparql.dict" \
  -artifact_prefix="$build/artifacts/" "$corpus" "$seeds"
