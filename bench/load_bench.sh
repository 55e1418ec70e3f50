#!/usr/bin/env bash
# Load benchmark: generates the shared Smart Villages workload at ~1 M and ~10 M triples and
# loads each into an empty store, printing triples/s, peak RSS and bytes on disk per triple.
#
# Usage: bench/load_bench.sh [SCALE...]      SCALE in {1m, 10m}; default: 1m 10m
# Env:   HAMLET_BUILD_DIR (default build/), HAMLET_BENCH_DIR (data + stores; default
#        ${TMPDIR:-/tmp}/hamlet-bench), HAMLET_SHARED (default ../shared)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
hamlet=${HAMLET_BUILD_DIR:-"$repo/build"}/src/cli/hamlet
shared=${HAMLET_SHARED:-"$repo/../shared"}
work=${HAMLET_BENCH_DIR:-"${TMPDIR:-/tmp}/hamlet-bench"}
mkdir -p "$work"
[ -x "$hamlet" ] || { echo "build first: scripts/setup.sh" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1m 10m)

printf '%-6s %12s %9s %12s %10s %12s %10s\n' scale triples seconds triples/s "RSS MB" "disk MB" bytes/trpl
for scale in "${scales[@]}"; do
  case "$scale" in
    1m) villages=21300 ;;
    10m) villages=214000 ;;
    *) echo "unknown scale $scale (1m or 10m)" >&2; exit 2 ;;
  esac
  data="$work/sv-$scale.nt"
  [ -s "$data" ] || python3 "$shared/bench/gen_villages.py" --villages "$villages" --seed 42 --out "$data"
  store="$work/store-$scale"
  rm -rf "$store"
  sync
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$hamlet" --store "$store" load -q "$data"
  read -r seconds rss_kb < "$work/time.txt"
  triples=$("$hamlet" --store "$store" stats | awk '/^quads/ {gsub(",", "", $2); print $2}')
  disk=$(du -sb "$store" | cut -f1)
  awk -v s="$scale" -v t="$triples" -v sec="$seconds" -v rss="$rss_kb" -v d="$disk" 'BEGIN {
    printf "%-6s %12d %9.2f %12.0f %10.0f %12.1f %10.1f\n", s, t, sec, t / sec, rss / 1024, d / 1e6, d / t }'
done
