// The workspace's whole loop in headless Chromium with JavaScript disabled (issue 15).
// Usage: node workspace_flow.mjs CHROMIUM BASE_URL ARTIFACT_DIR analyst NAME PASSWORD CODE FILE
//        node workspace_flow.mjs CHROMIUM BASE_URL ARTIFACT_DIR reviewer NAME PASSWORD CODE STATION_KEY
// The analyst signs in, uploads a document, opens its station proposal and accepts it; the
// reviewer signs in, confirms the change, finds the statement citing the document on the public
// station page, withdraws it and sees the page change. Prints one JSON object; every request must
// stay on the site and no page may run script.
import { chromium } from "playwright-core";

const [executablePath, base, artifacts, phase, name, password, code, arg] = process.argv.slice(2);
const SOURCE = "news.example/browser-rotterdam";
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const origin = new URL(base).origin;
const foreign = [];
const out = {};
let scripts = 0;
try {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  page.on("request", (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
  const count = async () => { scripts += await page.locator("script").count(); };
  await page.goto(base + "/review/login", { waitUntil: "load" });
  await page.locator("#name").fill(name);
  await page.locator("#password").fill(password);
  await page.locator("#code").fill(code);
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Sign in" }).click()]);
  out.landed = new URL(page.url()).pathname;
  if (phase === "analyst") {
    await page.goto(base + "/workspace/documents", { waitUntil: "load" });
    await count();
    await page.locator("#files").setInputFiles(arg);
    await page.locator("#url").fill("https://" + SOURCE);
    await page.locator("#kind").selectOption("news");
    await Promise.all([page.waitForNavigation(), page.locator("form.upload-form button[type=submit]").click()]);
    // The progress page refreshes itself (a meta refresh, no script) until the document is read.
    const inbox = page.locator('a[href^="/workspace/inbox?document="]');
    await inbox.first().waitFor({ timeout: 90_000 });
    await count();
    await page.screenshot({ path: `${artifacts}/workspace-upload.png`, fullPage: true });
    const href = await inbox.first().getAttribute("href");
    await page.goto(base + href + "&kind=station-mention", { waitUntil: "load" });
    out.proposals = await page.locator("ul.proposals > li").count();
    await Promise.all([page.waitForNavigation(), page.locator('ul.proposals a[href^="/workspace/inbox/proposal-"]').first().click()]);
    out.marked = await page.locator("blockquote .sentence mark").innerText();
    out.paragraph = await page.locator("blockquote.paragraph").innerText();
    out.adds = await page.locator("table.statements tbody tr").count();
    await page.screenshot({ path: `${artifacts}/workspace-proposal.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(), page.locator("button[name=accept]").click()]);
    out.reviewed = await page.locator("p.reviewed").innerText();
    await count();
  } else {
    await page.goto(base + "/workspace/confirm", { waitUntil: "load" });
    await Promise.all([page.waitForNavigation(), page.locator("ul.changes > li > a").first().click()]);
    out.before_after = await page.locator("ins").count();
    await page.screenshot({ path: `${artifacts}/workspace-confirm.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Confirm" }).click()]);
    out.status = await page.locator("#status").innerText();
    const station = `${base}/stations/${arg}`;
    await page.goto(station, { waitUntil: "load" });
    out.public_before = (await page.content()).split(SOURCE).length - 1;
    await count();
    await page.goto(`${base}/workspace/record/station-${arg}`, { waitUntil: "load" });
    const row = page.locator("tr.status-accepted", { hasText: SOURCE }).filter({ hasText: "city" }).first();
    await row.locator('input[name="reason"]').fill("the document reports a rumour");
    await Promise.all([page.waitForNavigation(), row.getByRole("button", { name: "Withdraw" }).click()]);
    out.history = await page.locator("ol.history").innerText();
    await page.goto(station, { waitUntil: "load" });
    out.public_after = (await page.content()).split(SOURCE).length - 1;
    await page.screenshot({ path: `${artifacts}/workspace-public-after.png`, fullPage: true });
    await count();
  }
  await context.close();
} finally {
  await browser.close();
}
out.scripts = scripts;
out.foreign = foreign;
console.log(JSON.stringify(out));
