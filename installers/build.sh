#!/usr/bin/env bash
# Configures and builds Ridgeline in ./build (Ninja, RelWithDebInfo).
# Shared by demo.sh and test.sh; incremental when build/ exists.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=$(nproc 2>/dev/null || echo 2)
if [ ! -f build/CMakeCache.txt ]; then
  echo "ridgeline: configuring build/"
  cmake --preset default >/dev/null
fi
echo "ridgeline: building with $jobs jobs"
cmake --build build -j "$jobs"
