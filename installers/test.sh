#!/usr/bin/env bash
# Command 2 of the README (and all that .ci/run does): install what is missing,
# build, run every test. GL/VTK suites need X, so the whole run is under Xvfb.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
start=$(date +%s)
"$here/setup-debian.sh"
"$here/build.sh"
cd "$here/.."
echo "ridgeline: running tests"
status=0
xvfb-run -a -s "-screen 0 1920x1200x24" \
  ctest --test-dir build --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" || status=$?
echo "ridgeline: set-up, build and tests took $(( $(date +%s) - start )) s"
exit $status
