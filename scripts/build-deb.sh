#!/usr/bin/env bash
# Builds the installable Debian package: `tauri build --bundles deb`, then the package's data
# archive packed again with xz, as Debian's own packages are (Tauri's bundler writes gzip: about
# 7.2 MB against 5.4 MB for the same files). Every dpkg since Debian 6 / Ubuntu 10.04 reads it.
#
#   scripts/build-deb.sh           release build (about 12 minutes on 2 cores)
#   scripts/build-deb.sh --debug   the same package from a debug build, to check the packing
#   scripts/build-deb.sh --repack PACKAGE   only packs an existing package again
#
# Prints the package's path on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."

level=9
if [ "${1:-}" = "--repack" ]; then
  deb=${2:?the package to pack again}
else
  profile=release
  args=(--bundles deb)
  if [ "${1:-}" = "--debug" ]; then
    profile=debug
    args+=(--debug)
    level=1 # a debug binary of some 86 MB: the packing is what is checked, not the size
  fi
  (cd ui && npm run tauri -- build "${args[@]}")
  deb_dir="target/$profile/bundle/deb"
  deb=$(ls "$deb_dir"/thidua_*_amd64.deb 2>/dev/null | head -n 1 || true)
  [ -n "$deb" ] || { echo "no package under $deb_dir" >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb --raw-extract "$deb" "$work/root"
dpkg-deb --root-owner-group -Zxz -z"$level" --build "$work/root" "$work/thidua.deb" >/dev/null

# The same files (mode, size, path) and the same control data before it replaces Tauri's package.
files() { dpkg-deb --contents "$1" | awk '$1 !~ /^d/ { sub(/^\.\//, "", $6); print $1, $3, $6 }' | sort; }
diff <(files "$deb") <(files "$work/thidua.deb")
diff <(dpkg-deb --field "$deb") <(dpkg-deb --field "$work/thidua.deb")
ar t "$work/thidua.deb" | grep -qx 'data.tar.xz'

before=$(stat -c %s "$deb")
mv "$work/thidua.deb" "$deb"
echo "gzip $before bytes, xz $(stat -c %s "$deb") bytes" >&2
echo "$deb"
