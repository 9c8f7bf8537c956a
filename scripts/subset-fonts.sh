#!/usr/bin/env bash
# Subsets the fonts the application carries, from the full faces kept in the repository:
# - the window's Arimo faces (ui/fonts-source) to the ranges the Vietnamese UI needs, as WOFF2
#   (ui/public/fonts/*.woff2);
# - the documents' Tinos faces (assets/fonts-source) to Latin with every Vietnamese letter and the
#   punctuation and symbols papers use, without hinting (a PDF is rasterised at print resolution),
#   as TrueType (assets/fonts/*.ttf, embedded in the binaries; printpdf subsets again per document).
# The results are committed. Needs fontTools with Brotli: pip install fonttools brotli.
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
here=$(dirname "$0")/..
# Latin, Latin-1, Extended-A and -B, spacing modifiers, combining marks, Latin Extended Additional,
# punctuation, currency (₫), letterlike (№), arrows, mathematical operators, geometric shapes,
# ligatures. Greek, Cyrillic and the rest are left out: a name in those scripts prints as a box.
paper="U+0000-02FF,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+FB00-FB06"
for face in Regular Bold Italic BoldItalic; do
  pyftsubset "$here/assets/fonts-source/Tinos-$face.ttf" --unicodes="$paper" --no-hinting \
    --layout-features='*' --name-IDs='*' --output-file="$here/assets/fonts/Tinos-$face.ttf"
done
ls -l "$here/assets/fonts"
