#!/usr/bin/env bash
# Renders the first page of each example to docs/<name>.png, the way the README shows them:
# `chuongtrinh preview` builds, converts with LibreOffice headless and pdftoppm makes the image.
# Needs libreoffice-writer-nogui, fonts-liberation2 and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
chuongtrinh preview examples/*.yaml --chi-png --trang 1 --dpi 80 -o docs
# The annex of the plan with a phụ lục: its two landscape pages (the header rows repeat on the
# second), beside the first page above.
annexed=so-cong-thuong-ke-hoach-phu-luc
tmp=$(mktemp -d)
chuongtrinh preview "examples/$annexed.yaml" --chi-png --trang 4 --dpi 80 -o "$tmp"
cp "$tmp/$annexed-3.png" "docs/$annexed-phu-luc-1.png"
cp "$tmp/$annexed-4.png" "docs/$annexed-phu-luc-2.png"
rm -rf "$tmp"
