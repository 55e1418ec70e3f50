#!/usr/bin/env bash
# Check with serdi that every territory record in shared/sources/factsheets/ has its graph(s) in data/:
# one named graph <https://data.hamlet.example/graph/factsheet/{record}/{version}> per stored version
# ("Stored versions found: N" in the record), each holding its sv:FactsheetVersion with a territory and
# the page address of line 1 of the record. Prints territory and version counts; exits non-zero on any
# mismatch. Expects 27 territories (Bulgaria is not stored) and 39 versions.
# Shared material: $HAMLET_SHARED, else <repo>/../shared. Needs serdi (Debian package serdi).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || (cd "$here/../.." && pwd))
shared=${HAMLET_SHARED:-"$repo/../shared"}
src="$shared/sources/factsheets"
[ -d "$src" ] || { echo "count_territories: $src not found (set HAMLET_SHARED)" >&2; exit 2; }
if ! command -v serdi >/dev/null; then
  echo "count_territories: serdi missing, installing the Debian package"
  { apt-get install -y serdi >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y serdi >/dev/null 2>&1; }; } \
    || { echo "count_territories: cannot install serdi" >&2; exit 2; }
fi

EXPECTED_TERRITORIES=27
EXPECTED_VERSIONS=39
G='https://data.hamlet.example/graph/factsheet/'
SV='https://data.hamlet.example/def/smartvillages#'
RDF_TYPE='<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# all quads of data/, parsed strictly
shopt -s nullglob
for f in "$repo"/data/*.trig "$repo"/data/*.ttl "$repo"/data/*.nq; do
  case "$f" in *.trig) syn=trig ;; *.ttl) syn=turtle ;; *.nq) syn=nquads ;; esac
  serdi -i "$syn" -o nquads "$f" >> "$tmp/all.nq" 2> "$tmp/err" || { cat "$tmp/err"; echo "count_territories: $f does not parse" >&2; exit 1; }
  if [ -s "$tmp/err" ]; then cat "$tmp/err"; echo "count_territories: serdi reported problems in $f" >&2; exit 1; fi
done
shopt -u nullglob

fail=0; territories=0; versions=0
printf '%-20s %-9s %-9s %s\n' record expected graphs territory
for rec in "$src"/*.txt; do
  slug=$(basename "$rec" .txt)
  expected=$(grep -o 'Stored versions found: [0-9]*' "$rec" | grep -o '[0-9]*$' || true)
  [ -n "$expected" ] || { echo "count_territories: no version count in $rec" >&2; fail=1; continue; }
  address=$(head -n 1 "$rec" | tr -d '\r')
  # graphs of this record: quads whose graph IRI starts with G/slug/
  grep -F "<$G$slug/" "$tmp/all.nq" | awk '{print $NF=="." ? $(NF-1) : $NF}' | sort -u > "$tmp/graphs" || true
  ngraphs=$(grep -c . "$tmp/graphs" || true)
  terr="-"
  while read -r g; do
    # each graph holds a factsheet version about a territory, at the record's address
    v=$(grep -F " $g ." "$tmp/all.nq" | grep -F "$RDF_TYPE <${SV}FactsheetVersion>" | awk '{print $1}' | awk 'NR==1')
    if [ -z "$v" ]; then echo "  $g: no sv:FactsheetVersion"; fail=1; continue; fi
    t=$(grep -F " $g ." "$tmp/all.nq" | grep -F "$v <${SV}aboutTerritory> " | awk '{print $3}' | awk 'NR==1')
    [ -n "$t" ] || { echo "  $g: version has no sv:aboutTerritory"; fail=1; }
    terr=$t
    n_addr=$(grep -F " $g ." "$tmp/all.nq" | grep -cF "$v <${SV}address> <$address>" || true)
    [ "$n_addr" -ge 1 ] || { echo "  $g: version address is not $address"; fail=1; }
  done < "$tmp/graphs"
  printf '%-20s %-9s %-9s %s\n' "$slug" "$expected" "$ngraphs" "$terr"
  if [ "$ngraphs" -ne "$expected" ]; then echo "  MISMATCH: $slug has $ngraphs graph(s), the record stores $expected version(s)"; fail=1; fi
  [ "$ngraphs" -gt 0 ] && territories=$((territories + 1))
  versions=$((versions + ngraphs))
done

distinct=$(grep -F "<${SV}aboutTerritory>" "$tmp/all.nq" | grep -F "<$G" | awk '{print $3}' | sort -u | grep -c . || true)
quads=$(grep -c . "$tmp/all.nq")
echo "territories with graphs: $territories (expected $EXPECTED_TERRITORIES); distinct territory IRIs: $distinct"
echo "factsheet versions (named graphs): $versions (expected $EXPECTED_VERSIONS); quads in data/: $quads"
[ "$territories" -eq "$EXPECTED_TERRITORIES" ] || { echo "MISMATCH: territory count"; fail=1; }
[ "$distinct" -eq "$EXPECTED_TERRITORIES" ] || { echo "MISMATCH: distinct territory IRIs"; fail=1; }
[ "$versions" -eq "$EXPECTED_VERSIONS" ] || { echo "MISMATCH: version count"; fail=1; }
if [ "$fail" -eq 0 ]; then echo "count_territories: 1 passed, 0 failed"; else echo "count_territories: FAILED"; fi
exit "$fail"
