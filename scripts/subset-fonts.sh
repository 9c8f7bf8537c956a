#!/usr/bin/env bash
# Subsets the window's Arimo faces to the ranges the Vietnamese UI needs and writes them as WOFF2
# (ui/public/fonts/*.woff2, committed). Needs fontTools with Brotli: pip install fonttools brotli.
# Usage: scripts/subset-fonts.sh [DIR with Arimo-*.ttf, by default ui/fonts-source]
set -euo pipefail
src=${1:-$(dirname "$0")/../ui/fonts-source}
out=$(dirname "$0")/../ui/public/fonts
# Basic Latin and Latin-1 (« » ° ×), Latin Extended-A and the Vietnamese letters of Extended-B
# (Ă Đ Ĩ Ũ Ơ Ư), the combining tone marks, Latin Extended Additional (ạ … ỹ), general punctuation
# (– — ‘ ’ “ ” …), the đồng sign, arrows (→) and the check mark.
ranges="U+0020-007E,U+00A0-00FF,U+0100-017F,U+01A0-01B0,U+0300-0323,U+1EA0-1EF9,U+2000-206F,U+20AB,U+2190-2193,U+2212,U+2713"
for face in Regular Bold Italic; do
  pyftsubset "$src/Arimo-$face.ttf" --unicodes="$ranges" --layout-features='*' --flavor=woff2 \
    --output-file="$out/Arimo-$face.woff2"
done
ls -l "$out"
