#!/usr/bin/env bash
# README command 1: install what is missing, build, make sure the default store holds
# ontology/ and data/, then show what it holds and answer one research question on it. With arguments, runs
# `hamlet ARGS...` on the default store instead (e.g. scripts/run.sh export --format ttl).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$repo/scripts/setup.sh"
build=${HAMLET_BUILD_DIR:-"$repo/build"}
hamlet="$build/src/cli/hamlet"
# The same default as `hamlet --help` documents.
store=${HAMLET_STORE:-"${XDG_DATA_HOME:-$HOME/.local/share}/hamlet/store"}

# (Re)build the default store when ontology/ or data/ changed since it was loaded.
files=("$repo"/ontology/*.ttl "$repo"/data/*.trig)
digest=$(cat "${files[@]}" | sha256sum | cut -d' ' -f1)
marker="$store/PRELOADED-SHA256"
# Also when this build cannot open it (a store written in an older on-disk format).
if [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$digest" ] ||
   ! "$hamlet" --store "$store" stats --top 0 >/dev/null 2>&1; then
  echo "run: loading ontology/ and data/ into $store"
  rm -rf "$store.new"
  "$hamlet" --store "$store.new" load -q "${files[@]}"
  echo "$digest" > "$store.new/PRELOADED-SHA256"
  rm -rf "$store"
  mv "$store.new" "$store"
fi

if [ $# -gt 0 ]; then
  exec "$hamlet" --store "$store" "$@"
fi
"$hamlet" --store "$store" stats --top 5
echo
echo "Which agencies fund or support digital projects, with what programme and budget?"
echo "(queries/q01-agencies-digital.rq)"
exec "$hamlet" --store "$store" query -f "$repo/queries/q01-agencies-digital.rq"
