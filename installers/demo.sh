#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, open the GUI on its
# built-in demo hub. Extra arguments go to the GUI (e.g. --screenshot FILE).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$here/setup-debian.sh"
"$here/build.sh"
cd "$here/.."
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "ridgeline: no display found; running under Xvfb (nothing will be visible)."
  exec xvfb-run -a -s "-screen 0 1600x1000x24" build/app/gui/ridgeline --demo "$@"
fi
exec build/app/gui/ridgeline --demo "$@"
