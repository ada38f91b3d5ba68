#!/usr/bin/env bash
# Renders a report data file to DOCX with gongkai, opens it in LibreOffice (to PDF) and draws
# its pages as PNG (pdftoppm), to look at the layout as a reader would:
#   bash scripts/report-picture.sh examples/report-data-2023.json docs/images/report
# Needs libreoffice-writer and poppler-utils.
set -euo pipefail
data=${1:?data file}
out=${2:?output prefix}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
node "$(dirname "$0")/../bin/gongkai.js" render "$data" --to docx -o "$dir/report.docx"
soffice --headless --convert-to pdf --outdir "$dir" "$dir/report.docx" >/dev/null 2>&1
pdftoppm -r "${DPI:-70}" -png "$dir/report.pdf" "$out"
ls "$out"*.png
