#!/usr/bin/env bash
# README command 2 (and CI): install what is missing, build, run the whole test suite.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$repo/scripts/setup.sh"
build=${HAMLET_BUILD_DIR:-"$repo/build"}
ctest --test-dir "$build" -j "$(nproc)" --output-on-failure --timeout 1200
