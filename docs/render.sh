#!/usr/bin/env bash
# Renders the first page of each example to docs/<name>.png, the way the README shows them:
# chuongtrinh → .docx → LibreOffice headless → PDF → pdftoppm. Needs libreoffice-writer-nogui,
# fonts-liberation2 and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for yaml in examples/*.yaml; do
  name=$(basename "$yaml" .yaml)
  chuongtrinh build "$yaml" -o "$work/$name.docx" >/dev/null
  soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf \
    --outdir "$work" "$work/$name.docx" >/dev/null 2>&1
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/$name.pdf" "docs/$name"
  echo "docs/$name.png"
done
