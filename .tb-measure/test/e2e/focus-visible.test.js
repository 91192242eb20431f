import t from "tap";
import { launchBrowser, startPortal, signIn } from "./helper.js";
import { seedDemo, DEMO_PASSWORD } from "../../src/cli/seed-demo.js";
import { testClock } from "../helper.js";
const FOCUSED = `(() => {
  const el = document.activeElement
  if (el === null || el === document.body) return null
  const cs = getComputedStyle(el)
  let behind = 'rgb(255, 255, 255)'
  for (let p = el.parentElement; p !== null; p = p.parentElement) {
    const bg = getComputedStyle(p).backgroundColor
    if (bg !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(bg)) { behind = bg; break }
  }
  return {
    what: el.tagName.toLowerCase() + ' ' + ((el.getAttribute('name') || el.textContent || '').trim().slice(0, 24)),
    style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), outline: cs.outlineColor, behind
  }
})()`;
function luminance(rgb) {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ["0", "0", "0"]).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
t.test("contrast follows WCAG's formula", async (t2) => {
  t2.equal(Math.round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)")), 21);
  t2.equal(contrast("rgb(9, 105, 218)", "rgb(9, 105, 218)"), 1);
  t2.ok(contrast("rgb(255, 255, 255)", "rgb(180, 35, 42)") > 3, "white on the red header");
});
async function tabThrough(t2, browser, baseUrl, viewport, phone, paths) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: "zh-CN", deviceScaleFactor: 1 });
  t2.teardown(async () => {
    await context.close();
  });
  const page = await context.newPage();
  if (phone !== null) await signIn(page, phone, DEMO_PASSWORD);
  for (const path of paths) {
    await page.goto(path);
    const bad = [];
    let seen = 0;
    let first;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(FOCUSED);
      if (f === null) continue;
      if (f.what === first && seen > 1) break;
      first ??= f.what;
      seen++;
      const ratio = contrast(f.outline, f.behind);
      if (f.style === "none" || f.width < 2 || ratio < 3) bad.push(`${f.what}: ${f.style} ${f.width}px ${f.outline} on ${f.behind} (${ratio.toFixed(2)}:1)`);
    }
    t2.ok(seen > 5, `${path} at ${viewport.width} px: the Tab key reaches its controls`);
    t2.same(bad, [], `${path} at ${viewport.width} px: focus visible on every control`);
  }
}
t.test("focus is visible on every control, at a phone and at a desk", async (t2) => {
  const { app, baseUrl } = await startPortal(t2, { clock: testClock("2026-11-10T02:00:00.000Z") });
  const ctx = { db: app.db, clock: app.clock, pii: app.pii, accounts: [], facts: {}, log: () => {
  } };
  await seedDemo(ctx);
  const member = ctx.accounts.find((a) => a.role === "member" && /王芳/.test(a.note));
  const staff = ctx.accounts.find((a) => a.role === "staff");
  if (member === void 0 || staff === void 0) throw new Error("no demo accounts");
  const browser = await launchBrowser(t2);
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await tabThrough(t2, browser, baseUrl, viewport, null, ["/login", "/register"]);
    await tabThrough(t2, browser, baseUrl, viewport, member.phone, ["/", "/aid/claims/new", "/aid/share"]);
    await tabThrough(t2, browser, baseUrl, viewport, staff.phone, ["/aid/review", "/memberships"]);
  }
});
//# sourceMappingURL=focus-visible.test.js.map
