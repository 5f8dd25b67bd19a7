#!/usr/bin/env bash
# Renders the first page of each example to docs/<name>.png, the way the README shows them:
# `chuongtrinh preview` builds, converts with LibreOffice headless and pdftoppm makes the image.
# Needs libreoffice-writer-nogui, fonts-liberation2 and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
chuongtrinh preview examples/*.yaml --chi-png --trang 1 --dpi 80 -o docs
