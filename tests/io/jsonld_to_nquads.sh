#!/usr/bin/env bash
# Runs jsonld_to_nquads.mjs (JSON-LD -> N-Quads by an independent implementation) with the
# pinned packages of shared/tools, installing them with `npm ci` into $SHACL_DEPS_DIR, else
# ${TMPDIR:-/tmp}/hamlet-shacl-deps, when missing (as tests/data/validate_shapes.sh does).
#
# Usage: jsonld_to_nquads.sh IN.jsonld OUT.nq [IN OUT ...]
# Exit status: 0 converted, 1 a document was rejected, 77 node, npm or the packages are not
# available (the calling test skips and says why).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${HAMLET_SHARED:-"$repo/../shared"}
command -v node >/dev/null || { echo "jsonld_to_nquads: node is not installed" >&2; exit 77; }

deps=${SHACL_DEPS_DIR:-"${TMPDIR:-/tmp}/hamlet-shacl-deps"}
if [ ! -d "$deps/node_modules/jsonld-streaming-parser" ] || [ ! -d "$deps/node_modules/n3" ]; then
  command -v npm >/dev/null || { echo "jsonld_to_nquads: npm is not installed" >&2; exit 77; }
  [ -f "$shared/tools/package-lock.json" ] ||
    { echo "jsonld_to_nquads: $shared/tools/package-lock.json not found (set HAMLET_SHARED)" >&2; exit 77; }
  mkdir -p "$deps"
  # Tests run in parallel: one installer at a time.
  (
    flock 9
    if [ ! -d "$deps/node_modules/jsonld-streaming-parser" ]; then
      echo "jsonld_to_nquads: installing the pinned packages into $deps (npm ci)" >&2
      cp "$shared/tools/package.json" "$shared/tools/package-lock.json" "$deps"/
      npm ci --prefix "$deps" --no-audit --no-fund >/dev/null
    fi
  ) 9>"$deps/.install-lock" || { echo "jsonld_to_nquads: npm ci failed" >&2; exit 77; }
fi
SHACL_DEPS_DIR="$deps" exec node "$here/jsonld_to_nquads.mjs" "$@"
