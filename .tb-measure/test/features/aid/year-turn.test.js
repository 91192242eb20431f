import t from "tap";
import { and, eq } from "drizzle-orm";
import { build, PageSession, testClock, injectAs } from "../../helper.js";
import { aidPurchases, auditLog } from "../../../src/db/schema/index.js";
import { defaultPlan, nextYearPlan } from "../../../src/domain/aid-plan.js";
import { order, world, newKey } from "./fixtures.js";
t.test("nextYearPlan: this year's terms, enrolment from 1 November of the year before at the latest", async (t2) => {
  const cases = [
    // this year's window → next year's window
    ["2026-01-01", "2026-12-31", "2026-11-01", "2027-12-31"],
    ["2025-11-01", "2026-12-31", "2026-11-01", "2027-12-31"],
    ["2025-10-15", "2026-03-31", "2026-10-15", "2027-03-31"]
  ];
  for (const [from, to, nextFrom, nextTo] of cases) {
    const p = nextYearPlan({ ...defaultPlan(2026), enrolFrom: from, enrolTo: to, shareFeeFen: 15e3 }, 2027);
    t2.same([p.year, p.enrolFrom, p.enrolTo, p.shareFeeFen], [2027, nextFrom, nextTo, 15e3], `${from}\u2026${to}`);
  }
});
t.test("GET next year's plan answers it, created once from this year's terms; admins edit it as any plan", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const r = await app.inject({ method: "GET", url: "/api/v1/aid/plans/2027" });
  t2.equal(r.statusCode, 200);
  t2.equal(r.json().enrolFrom, "2026-11-01");
  t2.equal(r.json().enrolTo, "2027-12-31");
  t2.equal(r.json().shareFeeFen, 12e3);
  await app.inject({ method: "GET", url: "/api/v1/aid/plans/2027" });
  const created = app.db.select().from(auditLog).where(and(eq(auditLog.action, "aid_plan.create"), eq(auditLog.entityId, "2027"))).all();
  t2.equal(created.length, 1, "created and audited once");
  t2.equal((await app.inject({ method: "GET", url: "/api/v1/aid/plans/2028" })).statusCode, 404, "not the year after");
  const { year: _y, ...terms } = r.json();
  const put = await injectAs(app, w.admin, { method: "PUT", url: "/api/v1/aid/plans/2027", payload: { ...terms, shareFeeFen: 13e3, enrolFrom: "2026-11-15" } });
  t2.equal(put.statusCode, 200, put.body);
  t2.equal((await app.inject({ method: "GET", url: "/api/v1/aid/plans/2027" })).json().enrolFrom, "2026-11-15");
});
t.test("before 1 November only this year is offered; from 1 November next year too, with when cover starts", async (t2) => {
  const app = await build(t2, { clock: testClock("2026-09-01T02:00:00.000Z") });
  const w = await world(app);
  const s = new PageSession(app);
  await s.login(w.member.phone);
  const sep = await s.get("/aid/share");
  t2.match(sep.body, /data-testid="offer-2026"/);
  t2.notMatch(sep.body, /data-testid="offer-2027"/);
  t2.match(sep.body, /今天缴费的话，保障从 2026-11-30 开始/);
  app.testClock.set("2026-10-20T02:00:00.000Z");
  const oct = await s.get("/aid/share");
  t2.notMatch(oct.body, /data-testid="offer-2026"/, "a first-timer after early October: this year is not offered");
  t2.match(oct.body, /data-testid="not-offered-2026"[^>]*>2026 年度互助金不再向您提供：首次参加要等 90 天/, "and says why");
  t2.match(oct.body, /2027 年度互助金的参加期从 2026-11-01 开始/, "next year says when it opens");
  const refused = await order(app, w.member);
  t2.equal(refused.json().error.code, "NO_COVER_LEFT");
  app.testClock.set("2026-11-01T02:00:00.000Z");
  const nov = await s.get("/aid/share");
  t2.match(nov.body, /data-testid="offer-2027"/);
  t2.match(nov.body, /data-testid="cover-preview">2027-01-30 – 2027-12-31/, "first time: 90 days after paying");
  t2.match(nov.body, /您可以订购 2027 年度的互助金/);
  const en = await s.get("/aid/share", { "accept-language": "en" });
  t2.match(en.body, /A 2026 share is not offered to you/);
  const ok = await s.post("/aid/share", { idempotencyKey: newKey(), shares: "1", year: "2027" });
  t2.equal(ok.statusCode, 302);
  const row = app.db.select().from(aidPurchases).get();
  t2.equal(row.planYear, 2027);
  const after = await s.get("/aid/share");
  t2.match(after.body, /2027 年度订单/);
  t2.notMatch(after.body, /data-testid="offer-2027"/, "ordered: not offered again");
});
t.test("a renewal in December may take this year and next; in January next year is this year", async (t2) => {
  const app = await build(t2, { clock: testClock("2026-03-01T02:00:00.000Z") });
  const w = await world(app);
  const first = await order(app, w.member);
  t2.equal(first.statusCode, 201);
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/purchases/${first.json().id}/confirm-payment`, payload: { receiptNo: "R-1", paidOn: "2026-03-01" } })).statusCode, 200);
  app.testClock.set("2026-12-10T02:00:00.000Z");
  const s = new PageSession(app);
  await s.login(w.member.phone);
  const dec = await s.get("/aid/share");
  t2.match(dec.body, /data-testid="offer-2027"/);
  t2.match(dec.body, /data-testid="cover-preview">2027-01-01 – 2027-12-31/, "a renewal: cover from 1 January");
  const next = await order(app, w.member, { shares: 1, year: 2027 });
  t2.equal(next.statusCode, 201);
  app.testClock.set("2027-01-05T02:00:00.000Z");
  const jan = await s.get("/aid/share");
  t2.match(jan.body, /2027 年度订单/);
  t2.notMatch(jan.body, /data-testid="offer-2028"/, "next year's window opens in November");
});
t.test("group order: the liaison chooses among the open plans; members are ordered for that year", async (t2) => {
  const app = await build(t2, { clock: testClock("2026-11-02T02:00:00.000Z") });
  const w = await world(app);
  const s = new PageSession(app);
  await s.login(w.liaison.phone);
  const page = await s.get("/aid/group");
  t2.equal(page.statusCode, 200);
  t2.match(page.body, /<option value="2027"/, "both years open");
  const y27 = await s.get(`/aid/group?enterpriseId=${w.enterpriseId}&year=2027`);
  t2.match(y27.body, /name="year" value="2027"/);
  const m = /name="idempotencyKey" value="([^"]+)"/.exec(y27.body);
  const r = await s.post("/aid/group", { idempotencyKey: m[1], enterpriseId: String(w.enterpriseId), year: "2027", shares: "1", membershipIds: String(w.membershipId) });
  t2.equal(r.statusCode, 200, r.body.slice(0, 300));
  t2.match(r.body, /data-testid="group-result"/);
  t2.same(app.db.select({ y: aidPurchases.planYear }).from(aidPurchases).all(), [{ y: 2027 }]);
  app.testClock.set("2026-12-31T02:00:00.000Z");
  const closedAfter = await s.get("/aid/group");
  t2.equal(closedAfter.statusCode, 200);
  app.testClock.set("2027-01-01T02:00:00.000Z");
  const jan = await s.get("/aid/group");
  t2.notMatch(jan.body, /data-testid="not-offered-2026"/, "last year is gone from the choice");
});
//# sourceMappingURL=year-turn.test.js.map
