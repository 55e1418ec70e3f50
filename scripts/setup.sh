#!/usr/bin/env bash
# Installs the Debian 12 packages Hamlet needs (only those missing), then configures and
# builds everything into build/ (or $HAMLET_BUILD_DIR). Safe to run again: it only does
# what is left to do.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${HAMLET_BUILD_DIR:-"$repo/build"}

packages=(g++ cmake ninja-build pkg-config ccache
  libserd-dev serdi libsord-dev sordi librocksdb-dev libboost1.81-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev nlohmann-json3-dev libfmt-dev libpcre2-dev libicu-dev
  libcpp-httplib-dev libedit-dev libssl-dev clang libclang-rt-14-dev time
  raptor2-utils tmux)
# raptor2-utils (rapper) is the independent RDF/XML reader of the export round-trip tests;
# tmux drives the REPL through a pseudo-terminal in its end-to-end tests.
# Node.js runs the shared SHACL validator in the data tests; any node >= 18 will do.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"
