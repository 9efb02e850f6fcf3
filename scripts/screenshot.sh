#!/usr/bin/env bash
# Opens a decision record's HTML page in headless Chromium, saves a screenshot, and checks the
# rendered DOM has the page title, a score table and the SVG chart.
#
# Usage: scripts/screenshot.sh RECORD.html [OUT.png] [EXPECTED-TITLE-TEXT]
# Needs the Debian package `chromium` (or a `chromium-browser` / `google-chrome` binary).
set -euo pipefail

html=${1:?usage: scripts/screenshot.sh RECORD.html [OUT.png] [EXPECTED-TITLE-TEXT]}
out=${2:-${html%.html}.png}
expected_title=${3:-}

[[ -f "$html" ]] || { echo "no such file: $html" >&2; exit 2; }
browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
[[ -n "$browser" ]] || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 3; }

url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
profile=$(mktemp -d)
dom=$(mktemp)
trap 'rm -rf "$profile" "$dom"' EXIT

# Flags keep the run offline and free of first-run/background work, so it is repeatable.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile")

"$browser" "${flags[@]}" --screenshot="$out" --window-size=1200,2000 "$url" >/dev/null 2>&1
"$browser" "${flags[@]}" --dump-dom "$url" >"$dom" 2>/dev/null

fail=0
check() { # description, grep pattern
  if grep -qE "$2" "$dom"; then echo "ok: $1"; else echo "MISSING: $1" >&2; fail=1; fi
}
check "a non-empty <title>" '<title>[^<]+</title>'
check "a <table>" '<table[ >]'
check "an <svg> chart" '<svg[ >]'
if [[ -n "$expected_title" ]]; then
  if grep -qF "$expected_title" "$dom"; then echo "ok: title text"; else echo "MISSING: title text" >&2; fail=1; fi
fi
[[ -s "$out" ]] && echo "screenshot: $out ($(wc -c <"$out") bytes)" || { echo "no screenshot written" >&2; fail=1; }
exit $fail
