import t from "tap";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { launchBrowser, newPhonePage, startPortal, signIn } from "./helper.js";
import { governanceWorld, ok } from "../features/governance/fixtures.js";
import { TINY_PDF } from "../features/claims/fixtures.js";
const SHOTS = process.env.SCREENSHOT_DIR;
async function sticksOut(page) {
  return await page.evaluate(`(() => {
    const out = []
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      // What is not shown does not count (the phone menu's links while it is closed are laid out
      // in the closed <details>' hidden slot, but nobody sees them there).
      if (!el.checkVisibility()) continue
      const r = el.getBoundingClientRect()
      // Inside a container that scrolls sideways (a wide table's wrapper) is fine: the page does not move.
      let scrolls = false
      for (let p = el.parentElement; p !== null && !scrolls; p = p.parentElement) scrolls = ['auto', 'scroll'].includes(getComputedStyle(p).overflowX)
      if (r.right > window.innerWidth + 1 && !scrolls) out.push(el.tagName.toLowerCase() + '.' + el.className + ': ' + Math.round(r.right))
    }
    if (document.documentElement.scrollWidth > window.innerWidth) out.push('page: ' + document.documentElement.scrollWidth)
    return out.slice(0, 5)
  })()`);
}
async function shot(t2, page, name) {
  t2.same(await sticksOut(page), [], `${name}: nothing wider than the phone`);
  if (SHOTS === void 0) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
t.test("from founding a congress to an effective collective contract", async (t2) => {
  const { app, baseUrl } = await startPortal(t2);
  const w = await governanceWorld(app, 30);
  const browser = await launchBrowser(t2);
  const staff = await newPhonePage(t2, browser, baseUrl, "zh-CN");
  await signIn(staff, w.staff.phone);
  await staff.goto("/governance");
  await staff.getByRole("link", { name: "\u4E94\u534E\u79D1\u521B\u5927\u53A6" }).click();
  await staff.waitForURL(/\/governance\/buildings\/\d+$/);
  await staff.getByLabel("\u672C\u5C4A\u5F00\u59CB\u65E5\u671F").fill("2026-01-01");
  await staff.getByRole("button", { name: "\u6210\u7ACB\u65B0\u4E00\u5C4A\u8054\u5408\u804C\u4EE3\u4F1A" }).click();
  await staff.waitForURL(/\/governance\/congresses\/\d+/);
  t2.match(await staff.locator(".flash").textContent(), /已成立联合职代会/);
  const congressUrl = new URL(staff.url()).pathname;
  const congressId = Number(congressUrl.split("/").pop());
  await staff.getByLabel("\u4F1A\u5458").selectOption(String(w.members[0].membershipId));
  await staff.getByLabel("\u4EE3\u8868\u7C7B\u522B").selectOption("operator");
  await staff.getByRole("button", { name: "\u767B\u8BB0\u4EE3\u8868" }).click();
  await staff.waitForURL(/#representatives$/);
  const problems = await staff.locator('[data-testid="composition-problems"]').textContent() ?? "";
  t2.match(problems, /至少需要 30 名代表/);
  const reps = [];
  for (let i = 1; i < 30; i++) reps.push((await ok(app, w.staff, "POST", `/api/v1/congresses/${congressId}/representatives`, { membershipId: w.members[i].membershipId, category: i < 6 ? "operator" : "frontline" })).id);
  await staff.goto(congressUrl);
  t2.match(await staff.locator("#composition").textContent(), /代表构成符合规定/);
  await shot(t2, staff, "congress-zh");
  await staff.getByRole("link", { name: "\u4E94\u534E\u79D1\u521B\u5927\u53A6" }).click();
  await staff.locator("#contracts").getByLabel("\u6807\u9898").fill("\u4E94\u534E\u79D1\u521B\u5927\u53A6\u96C6\u4F53\u5408\u540C");
  await staff.locator("#contracts").getByLabel("\u6B63\u6587").fill("\u7B2C\u4E00\u6761 \u52B3\u52A8\u62A5\u916C\uFF1A\u6708\u5DE5\u8D44\u4E0D\u4F4E\u4E8E\u6700\u4F4E\u5DE5\u8D44\u6807\u51C6\u7684 120%\u3002");
  await staff.getByRole("button", { name: "\u8D77\u8349\u96C6\u4F53\u5408\u540C" }).click();
  await staff.waitForURL(/\/governance\/contracts\/\d+$/);
  const contractUrl = new URL(staff.url()).pathname;
  t2.match(await staff.locator('[data-testid="contract-status"]').textContent(), /草案/);
  await staff.goto(congressUrl);
  await staff.getByLabel("\u4F1A\u8BAE\u65E5\u671F").fill("2026-06-15");
  await staff.locator("#sessions").getByLabel("\u6807\u9898").fill("\u7B2C\u4E00\u5C4A\u7B2C\u4E00\u6B21\u4F1A\u8BAE");
  await staff.getByLabel("\u8BAE\u7A0B\uFF08\u6BCF\u884C\u4E00\u9879\uFF09").fill("\u5BA1\u8BAE\u96C6\u4F53\u5408\u540C\u8349\u6848\n\u542C\u53D6\u5DE5\u4F5C\u62A5\u544A");
  await staff.getByRole("button", { name: "\u53EC\u5F00\u4F1A\u8BAE" }).click();
  await staff.waitForURL(/\/governance\/sessions\/\d+$/);
  const sessionUrl = new URL(staff.url()).pathname;
  t2.equal(await staff.locator("svg.qr").count(), 1, "the sign-in QR code is shown");
  const signInLink = await staff.locator('[data-testid="sign-in-link"]').getAttribute("href") ?? "";
  const boxes = staff.locator('input[name="representativeIds"]');
  let ticked = 0;
  for (let i = 0; ticked < 19; i++) {
    const label = await boxes.nth(i).locator("xpath=..").textContent() ?? "";
    if (label.includes(`${w.members[0].user.name} \xB7`)) continue;
    await boxes.nth(i).check();
    ticked++;
  }
  await staff.getByRole("button", { name: "\u8BB0\u5F55\u51FA\u5E2D" }).click();
  await staff.waitForURL(/#attendance$/);
  t2.match(await staff.locator('[data-testid="attendance"]').textContent(), /出席 19 \/ 30/);
  const rep = await newPhonePage(t2, browser, baseUrl, "zh-CN");
  await signIn(rep, w.members[0].user.phone);
  await rep.goto(new URL(signInLink).pathname + new URL(signInLink).search);
  await shot(t2, rep, "sign-in-zh");
  await rep.getByRole("button", { name: "\u786E\u8BA4\u7B7E\u5230" }).click();
  await rep.waitForURL(/\/governance\/sessions\/\d+/);
  t2.match(await rep.locator(".flash").textContent(), /签到成功/);
  await staff.goto(sessionUrl);
  t2.match(await staff.locator('[data-testid="attendance"]').textContent(), /出席 20 \/ 30.*已达到三分之二/s);
  await staff.getByLabel("\u8BAE\u6848\u6807\u9898").fill("\u300A\u4E94\u534E\u79D1\u521B\u5927\u53A6\u96C6\u4F53\u5408\u540C\uFF08\u8349\u6848\uFF09\u300B");
  await staff.getByLabel("\u8BAE\u6848\u7C7B\u578B").selectOption("collective_contract");
  await staff.getByLabel("\u5173\u8054\u96C6\u4F53\u5408\u540C").selectOption({ label: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u96C6\u4F53\u5408\u540C" });
  await staff.getByRole("button", { name: "\u63D0\u4EA4\u8868\u51B3" }).click();
  await staff.waitForURL(/#motions$/);
  await shot(t2, staff, "session-zh");
  await rep.goto(sessionUrl);
  await rep.getByRole("button", { name: "\u8D5E\u6210" }).click();
  await rep.waitForURL(/#motion-\d+$/);
  t2.match(await rep.locator(".motion").textContent(), /您的表决：赞成/);
  t2.equal(await rep.getByRole("button", { name: "\u53CD\u5BF9" }).count(), 0, "no second vote");
  await shot(t2, rep, "vote-zh");
  const motionId = Number((await rep.locator(".motion").getAttribute("id")).replace("motion-", ""));
  const presentMemberships = new Set(app.db.all(sql`select r.membership_id as m from session_attendance a
    join congress_representatives r on r.id = a.representative_id`).map((r) => r.m));
  const voters = w.members.slice(1).filter((m) => presentMemberships.has(m.membershipId)).slice(0, 15);
  t2.equal(voters.length, 15);
  for (const m of voters) await ok(app, m.user, "POST", `/api/v1/motions/${motionId}/vote`, { vote: "yes" });
  await staff.goto(sessionUrl);
  staff.once("dialog", (d) => {
    void d.accept();
  });
  await staff.getByRole("button", { name: "\u7ED3\u675F\u8868\u51B3" }).click();
  await staff.waitForURL(/#motion-\d+$/);
  t2.match(await staff.locator(".motion").textContent(), /通过.*赞成 16/s);
  await staff.goto(contractUrl);
  t2.match(await staff.locator('[data-testid="contract-status"]').textContent(), /已经职代会通过/);
  await staff.getByLabel("\u7B7E\u8BA2\u65E5\u671F").fill("2026-06-15");
  await staff.getByLabel("\u804C\u5DE5\u65B9\u9996\u5E2D\u4EE3\u8868").fill("\u6ED5\u667A");
  await staff.getByLabel("\u4F01\u4E1A\u65B9\u9996\u5E2D\u4EE3\u8868").fill("\u9648\u521A");
  await staff.getByRole("button", { name: "\u8BB0\u5F55\u7B7E\u8BA2" }).click();
  await staff.waitForURL(contractUrl);
  await staff.getByLabel("\u62A5\u9001\u52B3\u52A8\u4FDD\u969C\u884C\u653F\u90E8\u95E8\u65E5\u671F").fill("2026-06-15");
  await staff.getByRole("button", { name: "\u8BB0\u5F55\u62A5\u9001" }).click();
  await staff.waitForURL(contractUrl);
  t2.match(await staff.locator('[data-testid="contract-status"]').textContent(), /已报送审查/);
  await staff.getByLabel("\u5BA1\u67E5\u540C\u610F\u65E5\u671F").fill("2026-06-15");
  await staff.getByRole("button", { name: "\u8BB0\u5F55\u5BA1\u67E5\u540C\u610F" }).click();
  await staff.waitForURL(contractUrl);
  t2.match(await staff.locator('[data-testid="contract-status"]').textContent(), /生效中/);
  t2.match(await staff.locator("main").textContent(), /2029-06-14/, "three years from the approval");
  await shot(t2, staff, "contract-zh");
  await staff.goto(`${sessionUrl}/minutes`);
  t2.match(await staff.locator("main").textContent(), /表决记录/);
  await shot(t2, staff, "minutes-zh");
  await staff.emulateMedia({ media: "print" });
  t2.equal(await staff.locator(".site-header").isVisible(), false);
  await staff.emulateMedia({ media: "screen" });
  const buildingPath = `/governance/buildings/${w.buildingId}`;
  await staff.goto(`${buildingPath}/disclosures`);
  await staff.getByLabel("\u516C\u5F00\u7C7B\u522B").selectOption("contract");
  await staff.getByLabel("\u6807\u9898").fill("\u96C6\u4F53\u5408\u540C\u751F\u6548\u516C\u793A");
  await staff.getByLabel("\u6B63\u6587").fill("\u300A\u4E94\u534E\u79D1\u521B\u5927\u53A6\u96C6\u4F53\u5408\u540C\u300B\u81EA 2026-06-15 \u8D77\u751F\u6548\uFF0C\u5168\u6587\u89C1\u9644\u4EF6\u3002");
  await staff.setInputFiles("#f-file", { name: "\u96C6\u4F53\u5408\u540C.pdf", mimeType: "application/pdf", buffer: TINY_PDF });
  await staff.getByRole("button", { name: "\u53D1\u5E03\u516C\u5F00\u5185\u5BB9" }).click();
  await staff.waitForURL(/\/governance\/disclosures\/\d+$/);
  t2.match(await staff.locator(".flash").textContent(), /已公开/);
  await rep.goto("/governance");
  await rep.waitForURL(`**${buildingPath}`);
  t2.match(await rep.locator("#disclosures").textContent(), /集体合同生效公示/);
  t2.match(await rep.locator("#contracts").textContent(), /生效中/);
  await shot(t2, rep, "building-member-zh");
  await rep.locator("#disclosures").getByRole("link", { name: "\u96C6\u4F53\u5408\u540C\u751F\u6548\u516C\u793A" }).click();
  const [download] = await Promise.all([rep.waitForEvent("download"), rep.getByRole("link", { name: /附件/ }).click()]);
  t2.equal(download.suggestedFilename(), "\u96C6\u4F53\u5408\u540C.pdf", "the member opens the attachment");
  await staff.goto(`/lang/en?next=${encodeURIComponent(congressUrl)}`);
  t2.match(await staff.locator("#composition").textContent(), /The composition meets the rules/);
  await shot(t2, staff, "congress-en");
  await staff.goto(sessionUrl);
  t2.match(await staff.locator(".motion").textContent(), /Passed/);
  await shot(t2, staff, "session-en");
  await staff.goto(contractUrl);
  t2.match(await staff.locator('[data-testid="contract-status"]').textContent(), /In effect/);
  await shot(t2, staff, "contract-en");
  await rep.goto(`/lang/en?next=${encodeURIComponent(sessionUrl)}`);
  t2.match(await rep.locator(".motion").textContent(), /Your vote: Yes/);
  await shot(t2, rep, "vote-en");
  await rep.goto(buildingPath);
  t2.match(await rep.locator("#contracts").textContent(), /In effect/);
  await shot(t2, rep, "building-member-en");
});
//# sourceMappingURL=governance-journey.test.js.map
