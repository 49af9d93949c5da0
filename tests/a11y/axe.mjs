// Audits pages with axe-core (WCAG 2.0/2.1 A and AA rules) in Debian's Chromium.
// Usage: node axe.mjs CHROMIUM BASE_URL PATH...
// With AXE_COOKIE=name=value (a session cookie), the pages are audited signed in.
// Prints one JSON object: {"PATH": [{"id", "impact", "help", "nodes"}...], ...} of violations.
// The pages run without script as always; JavaScript is enabled only for axe itself, which is
// injected by the test harness (CSP bypassed for the audit), never served by Lookout.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [executablePath, base, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = {};
try {
  for (const width of [1280, 360]) {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
    if (process.env.AXE_COOKIE) {
      const [name, ...value] = process.env.AXE_COOKIE.split("=");
      await context.addCookies([{ name, value: value.join("="), url: base }]);
    }
    const page = await context.newPage();
    for (const path of paths) {
      const response = await page.goto(base + path, { waitUntil: "load" });
      if (!response || response.status() !== 200) throw new Error(`${path}: HTTP ${response && response.status()}`);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
      results[`${path} @${width}px`] = result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
      }));
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
