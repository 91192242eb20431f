import t from "tap";
import { launchBrowser, startPortal, signIn } from "./helper.js";
import { seedDemo, DEMO_PASSWORD } from "../../src/cli/seed-demo.js";
import { testClock } from "../helper.js";
const CHART_LABELS = `(() => [...document.querySelectorAll('svg.chart')].map((svg) => {
  const box = svg.getBoundingClientRect()
  const scale = box.width / svg.viewBox.baseVal.width
  return [...svg.querySelectorAll('text')].map((el) => {
    const r = el.getBoundingClientRect()
    return {
      text: (el.textContent || '').trim(),
      px: Number(el.getAttribute('font-size')) * scale,
      inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1
    }
  })
}))()`;
async function checkCharts(t2, page, path, expected) {
  const res = await page.goto(path);
  t2.ok(res !== null && res.status() < 400, `${path} opens`);
  const body = await page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)");
  const charts = await page.evaluate(CHART_LABELS);
  t2.equal(charts.length, expected, `${path}: ${expected} chart(s)`);
  for (const labels of charts) {
    t2.ok(labels.length > 0, `${path}: the chart has labels`);
    const small = labels.filter((l) => l.px < body - 0.5).map((l) => `${l.text} (${l.px.toFixed(1)} px)`);
    t2.same(small, [], `${path}: no label smaller than body text (${body} px)`);
    const large = labels.filter((l) => l.px > body * 1.25).map((l) => `${l.text} (${l.px.toFixed(1)} px)`);
    t2.same(large, [], `${path}: nor much larger`);
    t2.same(labels.filter((l) => !l.inside).map((l) => l.text), [], `${path}: no label cut off`);
  }
}
t.test("at a desk the charts' labels are body-text size and whole, in both languages", async (t2) => {
  const { app, baseUrl } = await startPortal(t2, { clock: testClock("2026-11-10T02:00:00.000Z") });
  const ctx = { db: app.db, clock: app.clock, pii: app.pii, accounts: [], facts: {}, log: () => {
  } };
  await seedDemo(ctx);
  const admin = ctx.accounts.find((a) => a.role === "admin");
  if (admin === void 0) throw new Error("no demo admin");
  const building = app.db.$client.prepare("select min(id) as id from buildings").get().id;
  const browser = await launchBrowser(t2);
  for (const lang of ["zh-CN", "en"]) {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: "zh-CN", deviceScaleFactor: 1 });
    t2.teardown(async () => {
      await context.close();
    });
    const page = await context.newPage();
    await signIn(page, admin.phone, DEMO_PASSWORD);
    if (lang === "en") await page.goto("/lang/en?next=/");
    await checkCharts(t2, page, "/aid/fund", 1);
    await checkCharts(t2, page, "/admin/overview", 2);
    await checkCharts(t2, page, `/buildings/${building}`, 1);
  }
});
//# sourceMappingURL=desk-charts.test.js.map
