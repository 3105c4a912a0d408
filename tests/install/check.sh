#!/usr/bin/env bash
# Installs cxkpi from BUILD_DIR into a temporary prefix, then builds and runs a consumer
# project against it with find_package(cxkpi).
set -euo pipefail
build_dir=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
test -x "$work/prefix/bin/cxkpi"
test -f "$work/prefix/include/cxkpi/cxkpi.hpp"
"$work/prefix/bin/cxkpi" --version
cmake -S "$here" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
"$work/build/consumer"
echo "installed package found and used"
