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
// The ids are added by crates/tradeoff-report/src/decision_marks.rs. A screenshot of the first
// screen of each page is saved as target/screenshots/<page>.png. Exit status 1 when a check fails.
//
// Usage: node check.mjs RECORD.html... (CHROMIUM=/path/to/chromium to pick the browser)
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
try {
  for (const file of pages) {
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
