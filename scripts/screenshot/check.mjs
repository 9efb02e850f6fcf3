// Screenshot test for decision records (issue 16): a reviewer opening a record page in a browser
// sees the decision without scrolling.
//
// For each record page given, headless Chromium (driven by puppeteer-core) opens it in a
// 1280×800 viewport at scroll position 0 and checks, for each element below, that it exists,
// has a non-zero width and height, and that its bounding box's bottom is at most 800 px
// (the whole element is inside the first screen):
//   #decision-chosen      "Chosen: X." and its one-sentence reason
//   #decision-runner-up   the runner-up and the margin
//   #decision-verdict     the verdict of "How sure is this?" (its first paragraph)
//   #decision-top-risk    the top risk
// The ids are added by crates/tradeoff-report/src/decision_marks.rs.
//
// A decision log page (a file named index.html) is checked instead for its filter:
//   - with JavaScript off: the filter form stays hidden and every row of the table is visible;
//   - with JavaScript on: the form is visible and every row is shown; choosing each status in
//     the select shows exactly the rows whose data-status is that status; typing the first row's
//     number into the search box shows exactly the rows whose text contains it (at least one,
//     fewer than all when the log has rows without it).
//
// A screenshot of the first screen of each page is saved as target/screenshots/<page>.png.
// Exit status 1 when a check fails.
//
// Usage: node check.mjs PAGE.html... (CHROMIUM=/path/to/chromium to pick the browser)
import { existsSync, mkdirSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const WIDTH = 1280;
const HEIGHT = 800;
const IDS = ["decision-chosen", "decision-runner-up", "decision-verdict", "decision-top-risk"];

const pages = process.argv.slice(2);
if (pages.length === 0) {
  console.error("usage: node check.mjs RECORD.html...");
  process.exit(2);
}
const browserPath = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
  .find((path) => path && existsSync(path));
if (!browserPath) {
  console.error("no Chromium found (apt-get install chromium, or set CHROMIUM)");
  process.exit(3);
}
const outDir = resolve(import.meta.dirname, "../../target/screenshots");
mkdirSync(outDir, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: browserPath,
  headless: true,
  // Offline and repeatable: no sandbox (CI runs as root), no background network.
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
let failures = 0;
function expect(file, ok, what) {
  if (ok) {
    console.log(`ok   ${file}: ${what}`);
  } else {
    failures += 1;
    console.error(`FAIL ${file}: ${what}`);
  }
}

// Rows of the log table the reader can see (not hidden by the filter), and the form's state.
function logState() {
  const rows = [...document.querySelectorAll("#log tbody tr")];
  const visible = rows.filter((row) => row.getBoundingClientRect().height > 0);
  const form = document.getElementById("log-filters");
  return {
    total: rows.length,
    visible: visible.map((row) => ({ status: row.getAttribute("data-status"), text: row.textContent })),
    formShown: !!form && form.getBoundingClientRect().height > 0,
  };
}

async function checkLog(file) {
  const url = pathToFileURL(resolve(file)).href;
  const off = await browser.newPage();
  await off.setJavaScriptEnabled(false);
  await off.goto(url, { waitUntil: "load" });
  const plain = await off.evaluate(logState);
  expect(file, plain.total > 0 && plain.visible.length === plain.total, `JS off: all ${plain.total} rows visible`);
  expect(file, !plain.formShown, "JS off: the filter form is hidden");
  await off.close();

  const page = await browser.newPage();
  await page.setViewport({ width: WIDTH, height: HEIGHT, deviceScaleFactor: 1 });
  await page.goto(url, { waitUntil: "load" });
  const start = await page.evaluate(logState);
  expect(file, start.formShown && start.visible.length === start.total, "JS on: form shown, all rows visible");
  const statuses = await page.$$eval("#log-status option", (options) => options.map((o) => o.value).filter(Boolean));
  for (const status of statuses) {
    await page.select("#log-status", status);
    const state = await page.evaluate(logState);
    const expected = await page.$$eval("#log tbody tr", (rows, s) => rows.filter((r) => r.getAttribute("data-status") === s).length, status);
    expect(file, expected > 0 && state.visible.length === expected && state.visible.every((r) => r.status === status),
      `status "${status}": exactly its ${expected} rows shown`);
  }
  await page.select("#log-status", "");
  const word = await page.$eval("#log tbody tr td", (cell) => cell.textContent.trim());
  await page.type("#log-search", word);
  const searched = await page.evaluate(logState);
  const containing = await page.$$eval("#log tbody tr", (rows, w) => rows.filter((r) => r.textContent.toLowerCase().includes(w.toLowerCase())).length, word);
  expect(file, searched.visible.length === containing && containing > 0 && searched.visible.every((r) => r.text.includes(word)),
    `search "${word}": exactly the ${containing} matching rows shown`);
  await page.screenshot({ path: resolve(outDir, `${basename(resolve(file, ".."))}-index.png`) });
  await page.close();
}

try {
  for (const file of pages) {
    if (basename(file) === "index.html") {
      await checkLog(file);
      continue;
    }
    const page = await browser.newPage();
    await page.setViewport({ width: WIDTH, height: HEIGHT, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
    const boxes = await page.evaluate((ids) => {
      window.scrollTo(0, 0);
      return ids.map((id) => {
        const element = document.getElementById(id);
        if (!element) return { id, missing: true };
        const box = element.getBoundingClientRect();
        return { id, top: box.top, bottom: box.bottom, width: box.width, height: box.height };
      });
    }, IDS);
    for (const box of boxes) {
      let problem = null;
      if (box.missing) problem = "not on the page";
      else if (box.width <= 0 || box.height <= 0) problem = `zero size (${box.width}×${box.height})`;
      else if (box.bottom > HEIGHT) problem = `below the fold (bottom ${Math.round(box.bottom)} px > ${HEIGHT})`;
      if (problem) {
        failures += 1;
        console.error(`FAIL ${file}: #${box.id} ${problem}`);
      } else {
        console.log(`ok   ${file}: #${box.id} at ${Math.round(box.top)}–${Math.round(box.bottom)} px`);
      }
    }
    const shot = resolve(outDir, `${basename(file, ".html")}.png`);
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
