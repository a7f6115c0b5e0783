#!/usr/bin/env bash
# Rebuilds app/fonts/inter-latin-wght.woff2, the one font file public pages download, from the
# @fontsource-variable/inter package's Latin file: only the weights the site uses (400–700), the
# characters of English news copy (ASCII, Latin-1, typographic punctuation, €, ™, arrows) and
# the layout features text needs (kerning, ligatures, contextual alternates, accents). About
# half the package file's size. Needs fontTools with Brotli (Debian: python3-fonttools python3-brotli).
#
#   bash scripts/subset-font.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-/usr/bin/python3}
SRC=node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2
OUT=app/fonts/inter-latin-wght.woff2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PY" -m fontTools.varLib.instancer -q "$SRC" wght=400:700 -o "$tmp/inter.ttf"
"$PY" -m fontTools.subset "$tmp/inter.ttf" \
  --unicodes='U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+FEFF,U+FFFD' \
  --layout-features='kern,liga,calt,ccmp,locl,mark,mkmk' \
  --flavor=woff2 --output-file="$OUT"
echo "$OUT: $(wc -c < "$OUT") bytes (from $(wc -c < "$SRC"))"
