// Lighthouse's accessibility audits on several pages with one headless Chromium.
//
// node tests/lighthouse.mjs LIGHTHOUSE_PREFIX < pages.json
// pages.json: [{"url": "...", "cookies": [{"name", "value"}]}, ...]. Prints, as JSON,
// [{"url", "htmlClass", "score", "failing": [{"id", "title", "items"}]}]: the class
// of <html> as the page loaded with those cookies, and the audits that count towards
// the score and did not pass. Chromium comes from CHROME_PATH.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const prefix = process.argv[2];
const load = (path) => import(pathToFileURL(join(prefix, "node_modules", path)).href);
const { default: lighthouse } = await load("lighthouse/core/index.js");
const chromeLauncher = await load("chrome-launcher/dist/index.js");
const { default: puppeteer } = await load("puppeteer-core/lib/esm/puppeteer/puppeteer-core.js");

const pages = JSON.parse(readFileSync(0, "utf8"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
const results = [];
try {
  for (const { url, cookies = [] } of pages) {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    if (cookies.length) await tab.setCookie(...cookies.map((cookie) => ({ ...cookie, url })));
    const { lhr } = await lighthouse(
      url,
      { onlyCategories: ["accessibility"], logLevel: "error", disableStorageReset: true },
      undefined,
      tab,
    );
    // Lighthouse leaves its tab on the page it audited: the mode it saw.
    const htmlClass = await tab.evaluate(() => document.documentElement.className);
    await context.close();
    const category = lhr.categories.accessibility;
    const failing = category.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => ({
        id: audit.id,
        title: audit.title,
        items: (audit.details?.items || []).map((item) => item.node?.snippet || ""),
      }));
    results.push({ url, htmlClass, score: category.score, failing, error: lhr.runtimeError });
  }
} finally {
  browser.disconnect();
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results));
