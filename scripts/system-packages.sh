#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that building and running the desktop application and its
# tests need, when some are missing (as root, or through sudo).
set -euo pipefail
packages=(build-essential curl libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev xvfb xauth webkit2gtk-driver
  poppler-utils qpdf cups cups-client printer-driver-cups-pdf libcups2-dev chromium chromium-driver)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or newer is needed to build the interface (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi
