import t from "tap";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, newPhonePage, startPortal, signIn } from "./helper.js";
import { seedDemo, DEMO_PASSWORD } from "../../src/cli/seed-demo.js";
import { testClock } from "../helper.js";
const SHOTS = process.env.SCREENSHOT_DIR;
const OVERFLOWING = `(() => {
  const width = document.documentElement.clientWidth
  const out = []
  for (const el of document.querySelectorAll('td, th, input, select, textarea, button')) {
    const r = el.getBoundingClientRect()
    if (r.width === 0 && r.height === 0) continue
    if (getComputedStyle(el).visibility === 'hidden' || el.closest('.visually-hidden') !== null) continue
    if (r.right > width + 0.5) out.push({ what: el.tagName.toLowerCase() + ' ' + ((el.textContent || '').trim().slice(0, 30) || el.name || ''), right: Math.round(r.right) })
  }
  if (document.documentElement.scrollWidth > width + 0.5) out.push({ what: 'the page scrolls sideways', right: document.documentElement.scrollWidth })
  return out
})()`;
async function overflowing(page) {
  return await page.evaluate(OVERFLOWING);
}
async function check(t2, page, path, name) {
  const res = await page.goto(path);
  t2.ok(res !== null && res.status() < 400, `${path} opens (${res?.status() ?? "no answer"})`);
  t2.same(await overflowing(page), [], `${name}: nothing past the right edge (${path})`);
  const header = await page.locator("header.site-header").boundingBox();
  t2.ok(header !== null && header.height <= 844 / 5, `${name}: the header takes at most a fifth of the screen (${Math.round(header?.height ?? 0)} px)`);
  if (SHOTS !== void 0) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
t.test("the main pages of each role fit a 390-px screen, in both languages", async (t2) => {
  if (SHOTS !== void 0) mkdirSync(SHOTS, { recursive: true });
  const { app, baseUrl } = await startPortal(t2, { clock: testClock("2026-11-10T02:00:00.000Z") });
  const ctx = { db: app.db, clock: app.clock, pii: app.pii, accounts: [], facts: {}, log: () => {
  } };
  await seedDemo(ctx);
  t2.equal(new Set(ctx.accounts.map((a) => a.phone)).size, ctx.accounts.length, "every demo account listed once");
  const phoneOf = (role, note) => {
    const a = ctx.accounts.find((x) => x.role === role && note.test(x.note));
    if (a === void 0) throw new Error(`no demo ${role} account`);
    return a.phone;
  };
  const browser = await launchBrowser(t2);
  const journeys = [
    { role: "member", phone: phoneOf("member", /王芳/), pages: ["/", "/membership", "/membership/card", "/aid/share", "/aid/calculator?total=50000&insurance=15000&excluded=5000", "/aid/claims"] },
    { role: "liaison", phone: phoneOf("liaison", /已入驻/), pages: ["/", "/memberships?status=applied", "/memberships", "/memberships/import", "/aid/group"] },
    { role: "staff", phone: phoneOf("staff", /五华科创大厦/), pages: ["/", "/memberships", "/aid/orders", "/aid/accounts", "/aid/review", "/enterprises"] },
    { role: "admin", phone: phoneOf("admin", /./), pages: ["/", "/admin/overview", "/buildings", "/admin/aid/plans", "/admin/aid/plans/2027", "/admin/aid/calendar/2027", "/admin/audit", "/aid/fund"] }
  ];
  for (const lang of ["zh-CN", "en"]) {
    for (const j of journeys) {
      const page = await newPhonePage(t2, browser, baseUrl);
      await signIn(page, j.phone, DEMO_PASSWORD);
      if (lang === "en") await page.goto("/lang/en?next=/");
      for (const [i, path] of j.pages.entries()) await check(t2, page, path, `${j.role}-${i}-${lang}`);
      await page.goto("/");
      await page.locator("details.menu-phone > summary").click();
      t2.ok(await page.locator("details.menu-phone .menu-phone-links a").first().isVisible(), `${j.role}: the menu opens`);
      await page.context().close();
    }
  }
});
//# sourceMappingURL=phone-layout.test.js.map
