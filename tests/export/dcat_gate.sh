#!/usr/bin/env bash
# The DCAT-AP gate of docs/export.md on a real export: load ontology/ and data/ into a temp
# store, run `hamlet export --dcat-ap`, then validate the catalogue with the official shapes in
# shared/dcat-ap (the files and commands shared/docs/eu-linked-data.md names):
#   1. 3.0.1 shapes + range on catalog.ttl, catalog.rdf, catalog.jsonld, catalog.nt: 0 violations
#   2. 2.1.1 shapes + range on catalog-2.1.1.ttl: 0 violations
#   3. 3.0.1 vocabulary shapes + the EU vocabulary subset: no violation other than the known
#      defect of that shape file (spdx:algorithm must be an https IRI; SPDX's is http)
#   4. 3.0.1 recommended + deprecated: 0 violations (warnings printed)
#   5. negative: the catalogue with one dataset's dct:description removed fails 1 and 2 with
#      a violation naming that dataset and dct:description
# Usage: dcat_gate.sh HAMLET_BIN. Exit 0 only if all hold.
set -euo pipefail

hamlet=${1:?usage: dcat_gate.sh HAMLET_BIN}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$repo/tests/support/shacl_env.sh"
S="$shared/dcat-ap"

work=$(mktemp -d "${TMPDIR:-/tmp}/hamlet-dcat-gate.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$hamlet" --store "$work/store" load -q "$repo"/ontology/*.ttl "$repo"/data/*.trig
"$hamlet" --store "$work/store" export --dcat-ap "$work/bundle" --base-url https://data.hamlet.example/ \
  --config "$repo/config/dcat-ap.json"
B="$work/bundle"

passed=0 failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAILED: $*"; failed=$((failed + 1)); }

# validate NAME SHAPES DATA: expects PASS (exit 0), prints the summary line.
validate() {
  local name=$1 shapes=$2 data=$3 out
  if out=$(node "$validator" --quiet "$shapes" "$data" 2>&1); then
    ok "$name: $(echo "$out" | tail -n 1 | cut -d'|' -f1)"
  else
    echo "$out" | head -n 40
    bad "$name"
  fi
}

for f in catalog.ttl catalog.rdf catalog.jsonld catalog.nt; do
  validate "3.0.1 shapes+range on $f" "$S/3.0.1/shapes.ttl,$S/3.0.1/range.ttl" "$B/$f"
done
validate "2.1.1 shapes+range on catalog-2.1.1.ttl" "$S/2.1.1/shacl_shapes.ttl,$S/2.1.1/shacl_range.ttl" \
  "$B/catalog-2.1.1.ttl"
validate "3.0.1 recommended+deprecated on catalog.ttl" \
  "$S/3.0.1/shapes_recommended.ttl,$S/3.0.1/deprecateduris.ttl" "$B/catalog.ttl"

# 3. Vocabulary shapes: every violation must be the known spdx:algorithm defect.
set +e
out=$(node "$validator" --tsv "$S/3.0.1/mdr-vocabularies.shape.ttl" "$B/catalog.ttl,$S/vocab/eu-vocabularies-subset.ttl" 2>&1)
set -e
violations=$(printf '%s\n' "$out" | grep -c '^Violation' || true)
others=$(printf '%s\n' "$out" | grep '^Violation' | grep -v $'\tspdx:algorithm\tspdx:checksumAlgorithm_sha1\t' || true)
if [ -z "$others" ] && printf '%s\n' "$out" | tail -n 1 | grep -q 'violation'; then
  ok "3.0.1 vocabulary shapes: $violations violation(s), all the known spdx:algorithm https/http defect"
else
  printf '%s\n' "$others" | head -n 20
  bad "3.0.1 vocabulary shapes: violations other than the spdx:algorithm defect"
fi

# 5. Negative case: drop the description of one factsheet dataset.
dataset="<https://data.hamlet.example/dataset/factsheet-belgium-wallonia-1>"
grep -vF "$dataset <http://purl.org/dc/terms/description> " "$B/catalog.nt" > "$work/broken.nt"
removed=$(( $(wc -l < "$B/catalog.nt") - $(wc -l < "$work/broken.nt") ))
[ "$removed" -eq 1 ] && ok "negative case: removed $removed description triple" || bad "negative case: removed $removed triples, expected 1"
for release in 3.0.1 2.1.1; do
  shapes="$S/3.0.1/shapes.ttl,$S/3.0.1/range.ttl"
  [ "$release" = 2.1.1 ] && shapes="$S/2.1.1/shacl_shapes.ttl,$S/2.1.1/shacl_range.ttl"
  set +e
  out=$(node "$validator" --tsv "$shapes" "$work/broken.nt" 2>&1)
  rc=$?
  set -e
  if [ "$rc" -eq 1 ] && printf '%s\n' "$out" | grep -qF "Violation	$dataset	dct:description"; then
    ok "negative case ($release): rejected, the violation names $dataset and dct:description"
  else
    printf '%s\n' "$out" | head -n 20
    bad "negative case ($release): expected exit 1 and a dct:description violation (exit $rc)"
  fi
done

echo "dcat_gate: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
