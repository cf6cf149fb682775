#!/usr/bin/env bash
# Regenerate the pictures of the bundled map. Only pip's install is needed: the embedded
# Graphviz draws SVG and PNG (pass ENGINE=system to use Graphviz's dot program instead).
set -euo pipefail
cd "$(dirname "$0")/.."
engine="${ENGINE:-wasm}"
argmap render data/claims.json -o examples/musk-altman.dot
argmap render data/claims.json -o examples/musk-altman.svg --engine "$engine"
argmap render data/claims.json -o examples/musk-altman.png --engine "$engine"
argmap render data/claims.json -o examples/musk-altman-departure.png --engine "$engine" \
  --focus musk-departure-was-mutual --depth 1
argmap render data/claims.json -o examples/musk-altman.html --engine system
# The screenshots need Chromium and Playwright (pip install playwright): the page's first
# screen on a laptop, the source reader with a quote open, and a claim's panel.
python examples/screenshot.py examples/musk-altman.html examples/musk-altman-first.png \
  --size 1366x768
python examples/screenshot.py examples/musk-altman.html examples/musk-altman-sources.png \
  --size 1366x768 --view sources --click "#reader-text mark.q"
python examples/screenshot.py examples/musk-altman.html examples/musk-altman-html.png \
  --open musk-departure-was-mutual
