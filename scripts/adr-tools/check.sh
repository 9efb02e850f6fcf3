#!/usr/bin/env bash
# Checks that the two tools people use to browse ADR logs read every decision record in a folder
# the way the record means it: log4brains 1.1.0 (npm) and adrs 0.13.0 (crates.io).
#
# For each record (NNNN-*.md), the expected status, date and title come from its own front matter
# (`status:`, `date:`, `title:`). Then, in a temporary copy of the folder (the tools need config
# files and log4brains a git commit, none of which belong in the project):
#   adrs list -l     each record's number, status, date and title as adrs prints them must match;
#   adrs doctor      must report no errors, and no warnings except ADR007 on a record whose status
#                    is MADR's "superseded by NNNN" (adrs accepts only the bare word; known gap);
#   log4brains build each record's status, publication date and title in the generated data must
#                    match, and a superseded record must name its successor.
# log4brains names a "superseded by NNNN" status "superseded" (its vocabulary) and must find the
# successor; adrs prints such a status as written.
#
# Usage: scripts/adr-tools/check.sh [REPORTS-DIR]   (default: reports)
# Uses `adrs` and `log4brains` from PATH when present; otherwise installs them into
# target/adr-tools (cargo install adrs --version 0.13.0 --locked; npm install log4brains@1.1.0).
set -euo pipefail
cd "$(dirname "$0")/../.."
reports=$(cd "${1:-reports}" && pwd)
tools="$PWD/target/adr-tools"

adrs=$(command -v adrs || true)
if [[ -z "$adrs" ]]; then
  adrs="$tools/bin/adrs"
  [[ -x "$adrs" ]] || cargo install adrs --version 0.13.0 --locked --quiet --root "$tools"
fi
log4brains=$(command -v log4brains || true)
if [[ -z "$log4brains" ]]; then
  log4brains="$tools/node_modules/.bin/log4brains"
  [[ -x "$log4brains" ]] || npm install --prefix "$tools" --no-audit --no-fund --loglevel=error log4brains@1.1.0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/reports"
cp "$reports"/[0-9][0-9][0-9][0-9]-*.md "$work/reports/"
echo reports >"$work/.adr-dir"
printf 'project:\n  name: decisions\n  tz: Etc/UTC\n  adrFolder: ./reports\n' >"$work/.log4brains.yml"
git -C "$work" init -q
git -C "$work" add -A
git -C "$work" -c user.name=ci -c user.email=ci@example.org commit -qm records

# Expected values, one line per record: file stem, number, status, date, title (tab-separated).
expected="$work/expected.tsv"
for record in "$work"/reports/*.md; do
  front=$(awk 'NR == 1 && $0 == "---" { inside = 1; next } inside && $0 == "---" { exit } inside' "$record")
  value() { printf '%s\n' "$front" | sed -n "s/^$1: *//p" | head -1 | sed 's/^"\(.*\)"$/\1/'; }
  stem=$(basename "$record" .md)
  printf '%s\t%s\t%s\t%s\t%s\n' "$stem" "$((10#${stem%%-*}))" "$(value status)" "$(value date)" "$(value title)" >>"$expected"
done
[[ -s "$expected" ]] || { echo "no records in $reports" >&2; exit 2; }

fail=0
mismatch() { echo "MISMATCH: $*" >&2; fail=1; }

echo "== adrs list -l"
listing=$("$adrs" -C "$work" list -l)
printf '%s\n' "$listing"
while IFS=$'\t' read -r stem number status date title; do
  line=$(printf '%s\n' "$listing" | awk -v n="$number" '$1 == n' | head -1)
  [[ -n "$line" ]] || { mismatch "adrs does not list $stem"; continue; }
  want="$number $status $date $title"
  got=$(printf '%s\n' "$line" | tr -s ' ' | sed 's/^ //')
  [[ "${got,,}" == "${want,,}" ]] || mismatch "adrs reads $stem as '$got', the record says '$want'"
done <"$expected"

echo "== adrs doctor"
doctor=$("$adrs" -C "$work" doctor 2>&1) || { printf '%s\n' "$doctor" >&2; mismatch "adrs doctor failed"; }
printf '%s\n' "$doctor"
superseded_files=$(awk -F'\t' '$3 ~ /^superseded by / { print $1 ".md" }' "$expected")
while IFS= read -r finding; do
  case "$finding" in
    "warning: [ADR007] Invalid status 'superseded by "*)
      file=$(sed -n 's#.*/reports/\([^/:]*\.md\):[0-9]*\]$#\1#p' <<<"$finding")
      grep -qxF "$file" <<<"$superseded_files" || mismatch "adrs doctor: $finding"
      ;;
    error:* | warning:*) mismatch "adrs doctor: $finding" ;;
  esac
done <<<"$doctor"

echo "== log4brains build"
(cd "$work" && "$log4brains" build --out "$work/site" >"$work/log4brains.log" 2>&1) ||
  { tail -20 "$work/log4brains.log" >&2; mismatch "log4brains build failed"; }
grep "successfully generated" "$work/log4brains.log" || true
if [[ -d "$work/site" ]]; then
  node - "$work/site" "$expected" <<'JS' || fail=1
const fs = require("fs"), path = require("path");
const [site, expectedFile] = process.argv.slice(2);
const find = (dir, name) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? find(path.join(dir, e.name), name) : e.name === name ? [path.join(dir, e.name)] : []);
const adrs = JSON.parse(fs.readFileSync(find(path.join(site, "data"), "adrs.json")[0], "utf8"));
let failed = false;
for (const line of fs.readFileSync(expectedFile, "utf8").trim().split("\n")) {
  const [stem, , status, date, title] = line.split("\t");
  const adr = adrs.find((a) => a.slug === stem);
  const say = (what) => { console.error(`MISMATCH: log4brains reads ${stem}: ${what}`); failed = true; };
  if (!adr) { say("missing"); continue; }
  const want = status.startsWith("superseded by ") ? "superseded" : status;
  if (adr.status !== want) say(`status ${adr.status}, the record says ${status}`);
  const published = adr.publicationDate ? adr.publicationDate.slice(0, 10) : "";
  if (published !== date) say(`date ${published || "(none)"}, the record says ${date || "(none)"}`);
  if (adr.title !== title) say(`title "${adr.title}", the record says "${title}"`);
  if (want === "superseded") {
    const page = JSON.parse(fs.readFileSync(find(path.join(site, "_next", "data"), `${stem}.json`)[0], "utf8"));
    const successor = page.pageProps.currentAdr.supersededBy;
    if (!successor) say("superseded, but no successor");
  }
  console.log(`ok: ${stem}: ${adr.status}, ${published || "no date"}, ${adr.title}`);
}
process.exit(failed ? 1 : 0);
JS
fi
exit $fail
