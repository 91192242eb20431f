import { chromium } from "playwright-core";
import { build, PASSWORD } from "../helper.js";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
async function startPortal(t, opts = {}) {
  const app = await build(t, opts);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address();
  if (addr === null || typeof addr === "string") throw new Error("no address");
  return { app, baseUrl: `http://127.0.0.1:${addr.port}` };
}
async function launchBrowser(t) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  });
  t.teardown(async () => {
    await browser.close();
  });
  return browser;
}
async function newPhonePage(t, browser, baseUrl, locale = "zh-CN") {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const formAnswer = /^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text()) && msg.location().url === page.url();
    if (!formAnswer) t.fail(`browser console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (err) => {
    t.fail(`page error: ${err.message}`);
  });
  t.teardown(async () => {
    await context.close();
  });
  return page;
}
async function signIn(page, phone, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("\u624B\u673A\u53F7\u7801").fill(phone);
  await page.getByLabel("\u5BC6\u7801").fill(password);
  await page.getByRole("button", { name: "\u767B\u5F55" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}
async function nav(page, name) {
  const menu = page.locator("details.menu-phone");
  if (await menu.isVisible() && await menu.getAttribute("open") === null) await menu.locator("summary").click();
  const exact = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
  await page.locator('nav[aria-label="main"] a:visible', { hasText: exact }).first().click();
}
export {
  CHROMIUM,
  launchBrowser,
  nav,
  newPhonePage,
  signIn,
  startPortal
};
//# sourceMappingURL=helper.js.map
