#!/usr/bin/env bash
# Validate the knowledge graph (data/*.trig + ontology/smartvillages.ttl) against ontology/shapes.ttl with
# the shared SHACL validator, expecting zero violations; then validate the deliberately broken sample
# (tests/data/broken-sample.trig) and expect it to be rejected with messages that name the focus nodes
# and paths. Exit 0 only if both hold.
#
# Shared material: $HAMLET_SHARED, else <repo>/../shared. Validator packages: $SHACL_DEPS_DIR, else
# ${TMPDIR:-/tmp}/hamlet-shacl-deps, installed here with `npm ci` from the lock file in shared/tools if missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || (cd "$here/../.." && pwd))
. "$repo/tests/support/shacl_env.sh"

shapes="$repo/ontology/shapes.ttl"
ontology="$repo/ontology/smartvillages.ttl"
shopt -s nullglob
files=("$repo"/data/*.trig "$repo"/data/*.ttl "$repo"/data/*.nq)
shopt -u nullglob
nfiles=${#files[@]}
[ "$nfiles" -gt 0 ] || { echo "validate_shapes: no data files in $repo/data" >&2; exit 2; }
data=$(printf '%s,' "${files[@]}")

fail=0
echo "== 1. data/ ($nfiles files) + ontology against ontology/shapes.ttl: expect 0 violations"
if out=$(node "$validator" --tsv "$shapes" "${data}${ontology}" 2>&1); then
  echo "$out" | tail -n 1
  echo "ok: the knowledge graph conforms"
else
  echo "$out" | head -n 40
  echo "FAILED: the knowledge graph does not conform to the shapes"
  fail=1
fi

broken="$here/broken-sample.trig"
echo "== 2. broken sample $(basename "$broken") (+ data/reference.trig + ontology): expect rejection naming focus nodes and paths"
set +e
out=$(node "$validator" --tsv "$shapes" "$broken,$repo/data/reference.trig,$ontology" 2>&1)
rc=$?
set -e
echo "$out"
expect=(
  "<https://data.hamlet.example/id/factsheet/broken-sample/1>	dct:title"
  "<https://data.hamlet.example/id/factsheet/broken-sample/1>	<https://data.hamlet.example/def/smartvillages#lastUpdate>"
  "<https://data.hamlet.example/id/factsheet/broken-sample/1/count>	<https://data.hamlet.example/def/smartvillages#count>"
  "<https://data.hamlet.example/id/factsheet/broken-sample/1/budget>	<https://data.hamlet.example/def/smartvillages#currency>"
  "<https://data.hamlet.example/id/organisation/xx-nameless-ministry>	skos:prefLabel"
  "<https://data.hamlet.example/id/factsheet/broken-sample/1/cap-current>	<https://data.hamlet.example/def/smartvillages#supportMode>"
)
if [ "$rc" -ne 1 ]; then
  echo "FAILED: the broken sample was not rejected (validator exit $rc, expected 1)"
  fail=1
else
  for e in "${expect[@]}"; do
    if printf '%s\n' "$out" | grep -qF "Violation	$e"; then
      echo "ok: violation reported for focus node + path: ${e//	/ path }"
    else
      echo "FAILED: no violation naming focus node + path: ${e//	/ path }"
      fail=1
    fi
  done
fi

if [ "$fail" -eq 0 ]; then echo "validate_shapes: 2 passed, 0 failed"; else echo "validate_shapes: FAILED"; fi
exit "$fail"
