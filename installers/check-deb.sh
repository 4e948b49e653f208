#!/usr/bin/env bash
# Builds the .deb from a configured build folder into a temporary folder and
# checks that it carries what a desktop install needs. Used by CTest.
set -euo pipefail
build=${1:?usage: check-deb.sh BUILD_DIR}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/ridgeline_*.deb)
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
status=0
for f in ./usr/bin/ridgeline ./usr/bin/ridgeline-cli ./usr/bin/ridgeline-hub \
         ./usr/share/applications/org.ridgeline.Ridgeline.desktop \
         ./usr/share/icons/hicolor/scalable/apps/org.ridgeline.Ridgeline.svg \
         ./usr/share/metainfo/org.ridgeline.Ridgeline.metainfo.xml; do
  grep -qxF "$f" <<<"$contents" || { echo "missing from the .deb: $f"; status=1; }
done
# Read the control fields whole: `grep -q` on a pipe would stop early and,
# under pipefail, turn dpkg-deb's SIGPIPE into a false failure.
control=$(dpkg-deb -I "$deb")
grep -q "^ Depends: .*libqt6widgets6" <<<"$control" || { echo "no Qt dependency recorded"; status=1; }
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$(dirname "$0")/../resources/ridgeline.desktop" || status=1
fi
[ $status -eq 0 ] && echo "ok: $(basename "$deb") carries executables, desktop entry, icon, AppStream metadata"
exit $status
