#!/usr/bin/env bash
# Renders the redline of the two drafts of seed 003 (dự thảo lần 1 → lần 2) to
# docs/tinh-uy-hau-giang-2024-thay-doi-<page>.png, the pages the README shows: chuongtrinh diff
# --docx → LibreOffice headless (which draws tracked changes in colour) → PDF → pdftoppm.
# Needs libreoffice-writer-nogui, fonts-liberation2 and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=tinh-uy-hau-giang-2024
chuongtrinh diff "examples/$name-lan-1.yaml" "examples/$name-lan-2.yaml" \
  --docx "$work/$name-thay-doi.docx" --author "Văn phòng Tỉnh ủy" --date 2024-01-15T08:00:00Z \
  >/dev/null || [ $? -eq 1 ]
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf \
  --outdir "$work" "$work/$name-thay-doi.docx" >/dev/null 2>&1
for page in "$@"; do
  pdftoppm -r 80 -png -f "$page" -l "$page" -singlefile "$work/$name-thay-doi.pdf" \
    "docs/$name-thay-doi-$page"
  echo "docs/$name-thay-doi-$page.png"
done
