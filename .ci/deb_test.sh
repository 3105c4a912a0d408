#!/usr/bin/env bash
# Builds the .deb from a configured build folder, installs it, checks what it installed,
# and removes it again. Needs root (CI runs as root).
set -euo pipefail
build=$1
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/cxkpi_*.deb)
echo "built $(basename "$deb")"
dpkg -i "$deb" >/dev/null
trap 'dpkg -r cxkpi >/dev/null' EXIT
/usr/bin/cxkpi --version
/usr/bin/cxkpi nps --promoters 120 --passives 50 --detractors 30 --json | grep -q '"value":45'
man -w cxkpi >/dev/null
test -f /usr/share/bash-completion/completions/cxkpi
test -f /usr/share/zsh/vendor-completions/_cxkpi
test -f /usr/share/fish/vendor_completions.d/cxkpi.fish
test -f /usr/include/cxkpi/cxkpi.hpp
consumer=$(mktemp -d)
cmake -S "$(dirname "$0")/../tests/install" -B "$consumer" -G Ninja >/dev/null  # find_package(cxkpi) from /usr
cmake --build "$consumer" >/dev/null
"$consumer/consumer"
rm -rf "$consumer"
echo "deb: installs binary, man page, completions, headers and CMake package config"
