#!/usr/bin/env bash
# Screenshot test: opens decision record pages in headless Chromium at 1280×800 and checks the
# chosen option, the runner-up, the verdict of "How sure is this?" and the top risk are visible
# without scrolling (the checks are written at the top of scripts/screenshot/check.mjs).
# Screenshots go to target/screenshots/.
#
# Usage: scripts/screenshot.sh RECORD.html...
# Needs Node.js and the Debian package `chromium` (or CHROMIUM=/path/to/browser).
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: scripts/screenshot.sh RECORD.html..." >&2; exit 2; }
here=$(cd "$(dirname "$0")/screenshot" && pwd)
[[ -d "$here/node_modules/puppeteer-core" ]] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
exec node "$here/check.mjs" "$@"
