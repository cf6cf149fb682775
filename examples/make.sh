#!/usr/bin/env bash
# Regenerate the pictures of the bundled map (PNG needs Graphviz's dot program).
set -euo pipefail
cd "$(dirname "$0")/.."
argmap render data/claims.json -o examples/musk-altman.dot
argmap render data/claims.json -o examples/musk-altman.svg --engine system
argmap render data/claims.json -o examples/musk-altman.png --engine system
argmap render data/claims.json -o examples/musk-altman-departure.png --engine system \
  --focus musk-departure-was-mutual --depth 1
argmap render data/claims.json -o examples/musk-altman.html --engine system
# The screenshot needs Chromium and Playwright (pip install playwright).
python examples/screenshot.py examples/musk-altman.html examples/musk-altman-html.png \
  --open musk-departure-was-mutual
