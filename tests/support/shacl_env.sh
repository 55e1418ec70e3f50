# Sourced by the tests that run the shared SHACL validator. Sets $shared (the shared folder:
# $HAMLET_SHARED, else <repo>/../shared), $validator, and $SHACL_DEPS_DIR (the validator's npm
# packages: $SHACL_DEPS_DIR, else ${TMPDIR:-/tmp}/hamlet-shacl-deps, installed here with
# `npm ci` from the lock file in shared/tools if missing). Exits 2 when something is missing.
# REQUIRES: $repo is the repository root.
shared=${HAMLET_SHARED:-"$repo/../shared"}
shared=$(cd "$shared" 2>/dev/null && pwd) || { echo "shared folder not found (set HAMLET_SHARED)" >&2; exit 2; }
validator="$shared/tools/validate-shacl.mjs"
[ -f "$validator" ] || { echo "$validator not found" >&2; exit 2; }
command -v node >/dev/null || { echo "node is required (scripts/setup.sh installs it)" >&2; exit 2; }

deps=${SHACL_DEPS_DIR:-"${TMPDIR:-/tmp}/hamlet-shacl-deps"}
if [ ! -d "$deps/node_modules/rdf-validate-shacl" ] || [ ! -d "$deps/node_modules/n3" ] ||
   [ ! -d "$deps/node_modules/jsonld-streaming-parser" ] || [ ! -d "$deps/node_modules/rdfxml-streaming-parser" ]; then
  echo "installing the pinned validator packages into $deps (npm ci)"
  command -v npm >/dev/null || { echo "npm is required to install the validator" >&2; exit 2; }
  mkdir -p "$deps"
  cp "$shared/tools/package.json" "$shared/tools/package-lock.json" "$deps"/
  # Two tests may install at once: the lock makes the second wait and then find the packages.
  (flock 9; [ -d "$deps/node_modules/rdfxml-streaming-parser" ] || npm ci --prefix "$deps" --no-audit --no-fund >/dev/null) 9>"$deps/.install-lock"
fi
export SHACL_DEPS_DIR="$deps"
