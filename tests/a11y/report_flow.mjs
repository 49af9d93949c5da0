// A person reports in Chinese with JavaScript disabled, then comes back with the receipt code.
// Usage: node report_flow.mjs CHROMIUM BASE_URL ARTIFACT_DIR submit
//        node report_flow.mjs CHROMIUM BASE_URL ARTIFACT_DIR read CODE
// Prints one JSON object; fails if any request leaves the site or the page runs script.
import { chromium } from "playwright-core";

const [executablePath, base, artifacts, phase, code] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const origin = new URL(base).origin;
const foreign = [];
let out = {};
try {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN", viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  page.on("request", (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
  if (phase === "submit") {
    await page.goto(base + "/report", { waitUntil: "load" });
    out.heading = await page.locator("h1").innerText();
    out.lang = await page.locator("html").getAttribute("lang");
    await page.getByLabel("有人接触我或上门找我").check();
    await page.locator("#country").selectOption("NL");
    await page.locator("#city").fill("鹿特丹");
    await page.locator("#month").fill("2026-10");
    await page.locator("#organisation").fill("某同乡会");
    await page.locator("#details").fill("两个自称同乡会的人来到我家，要求我回国。");
    await page.screenshot({ path: `${artifacts}/report-form-zh.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "安全发送" }).click()]);
    out.title = await page.locator("h1").innerText();
    out.code = (await page.locator("#receipt-code").innerText()).trim();
    await page.screenshot({ path: `${artifacts}/report-receipt-zh.png`, fullPage: true });
  } else {
    await page.goto(base + "/report/follow-up", { waitUntil: "load" });
    await page.locator("#code").fill(code);
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "打开" }).click()]);
    out.title = await page.locator("h1").innerText();
    out.status = await page.locator("#status").innerText();
    out.replies = await page.locator("#replies li").allInnerTexts();
    await page.screenshot({ path: `${artifacts}/report-thread-zh.png`, fullPage: true });
  }
  // With script disabled, nothing the page could have run did run.
  out.scripts = await page.locator("script").count();
  await context.close();
} finally {
  await browser.close();
}
out.foreign = foreign;
console.log(JSON.stringify(out));
