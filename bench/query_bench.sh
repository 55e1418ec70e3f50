#!/usr/bin/env bash
# Query benchmark: the 14 queries of ../shared/bench/queries on the generated workload at
# ~1 M and ~10 M triples (stores made by bench/load_bench.sh, or loaded here), median of 5
# runs after a warm-up, with the row counts that ../shared/bench/README.md expects.
#
# Usage: bench/query_bench.sh [SCALE...]      SCALE in {1m, 10m}; default: 1m 10m
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${HAMLET_BUILD_DIR:-"$repo/build"}
shared=${HAMLET_SHARED:-"$repo/../shared"}
work=${HAMLET_BENCH_DIR:-"${TMPDIR:-/tmp}/hamlet-bench"}
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1m 10m)

# "q01 1/1, q02 308/1,593, ..." from the workload's README: expected counts at 1M / 10M.
expected_line=$(tr '\n' ' ' < "$shared/bench/README.md" | grep -o 'q01 [0-9].*q14 [a-z]*/[a-z]*')
expected() {  # expected QUERY SCALE
  local q=$1 col=1
  [ "$2" = 10m ] && col=2
  echo "$expected_line" | grep -o "$q [0-9a-z,]*/[0-9a-z,]*" | cut -d' ' -f2 | cut -d/ -f"$col" | tr -d ,
}

for scale in "${scales[@]}"; do
  store="$work/store-$scale"
  if [ ! -d "$store" ]; then "$repo/bench/load_bench.sh" "$scale" >/dev/null; fi
  echo "== $scale triples: $store"
  "$build/bench/query/query_bench" "$store" --runs 5 "$shared"/bench/queries/*.rq |
    while read -r name ms rows rest; do
      q=${name%%-*}
      if [[ $q =~ ^q[0-9]+$ ]]; then
        exp=$(expected "$q" "$scale")
        mark=ok; [ "$rows" = "$exp" ] || mark="MISMATCH (expected $exp)"
        printf '%-28s %10s ms %10s  %s\n' "$name" "$ms" "$rows" "$mark"
      else
        printf '%-28s %10s %s %s\n' "$name" "$ms" "$rows" "$rest"
      fi
    done
done
