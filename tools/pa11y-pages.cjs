#!/usr/bin/env node
// pa11y (HTML_CodeSniffer, WCAG2AA) over a list of URLs in one headless Debian Chromium.
// Usage: node tools/pa11y-pages.cjs URL... ; prints {"url": [issue, ...], ...} as JSON on stdout.
// Chromium comes from KENNISBANK_CHROMIUM (default /usr/bin/chromium): never a downloaded browser.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const puppeteer = require("puppeteer");
const pa11y = require("pa11y");

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function main(urls) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "kb-pa11y-"));
  const browser = await puppeteer.launch({
    executablePath: process.env.KENNISBANK_CHROMIUM || "/usr/bin/chromium",
    headless: true, args: ARGS, userDataDir: profile,
  });
  const results = {};
  try {
    for (const url of urls) {
      const page = await browser.newPage();
      const result = await pa11y(url, {
        browser, page, standard: "WCAG2AA", runners: ["htmlcs"], timeout: 60000,
        includeWarnings: false, includeNotices: false,
      });
      results[url] = result.issues;
      await page.close();
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(results, null, 1) + "\n");
}

main(process.argv.slice(2)).catch((err) => { console.error(err); process.exit(2); });
