import t from "tap";
import { and, eq } from "drizzle-orm";
import { build, createUser, injectAs } from "../../helper.js";
import { aidPlans, auditLog, aidPurchases } from "../../../src/db/schema/index.js";
import { defaultPlan } from "../../../src/domain/aid-plan.js";
import { world, order, confirm } from "./fixtures.js";
const { year: _y, ...body2026 } = defaultPlan(2026);
t.test("GET current: anyone; created from the defaults when missing, audited with no actor, once", async (t2) => {
  const app = await build(t2);
  const res = await app.inject({ method: "GET", url: "/api/v1/aid/plans/current" });
  t2.equal(res.statusCode, 200);
  t2.same(res.json(), defaultPlan(2026));
  t2.same(Object.keys(res.json()).sort(), ["annualCapPerShareFen", "claimDeadlineDays", "enrolFrom", "enrolTo", "maxShares", "perAdmissionCapFen", "processingDays", "requiredDocuments", "secondApprovalAboveFen", "shareFeeFen", "tiers", "waitingDays", "year"].sort());
  const audits = app.db.select().from(auditLog).where(and(eq(auditLog.entityType, "aid_plan"), eq(auditLog.action, "aid_plan.create"))).all();
  t2.equal(audits.length, 1);
  t2.equal(audits[0].actorUserId, null);
  await app.inject({ method: "GET", url: "/api/v1/aid/plans/current" });
  t2.equal(app.db.select().from(auditLog).where(eq(auditLog.entityType, "aid_plan")).all().length, 1, "not created again");
});
t.test("a new year takes the latest plan's terms", async (t2) => {
  const app = await build(t2);
  const admin = await createUser(app, { role: "admin" });
  const put = await injectAs(app, admin, { method: "PUT", url: "/api/v1/aid/plans/2026", payload: { ...body2026, shareFeeFen: 15e3, enrolFrom: "2025-10-15", enrolTo: "2026-03-31" } });
  t2.equal(put.statusCode, 200, put.body);
  app.testClock.set("2027-02-01T02:00:00.000Z");
  const cur = (await app.inject({ method: "GET", url: "/api/v1/aid/plans/current" })).json();
  t2.equal(cur.year, 2027);
  t2.equal(cur.shareFeeFen, 15e3);
  t2.equal(cur.enrolFrom, "2026-10-15");
  t2.equal(cur.enrolTo, "2027-03-31");
});
t.test("PUT: admin only; the whole plan; audited before/after", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const body = { ...body2026, shareFeeFen: 1e4, maxShares: 3, waitingDays: 60 };
  t2.equal((await app.inject({ method: "PUT", url: "/api/v1/aid/plans/2026", payload: body })).statusCode, 401);
  for (const u of [w.member, w.liaison, w.staff]) {
    const r = await injectAs(app, u, { method: "PUT", url: "/api/v1/aid/plans/2026", payload: body });
    t2.equal(r.statusCode, 403);
  }
  const ok = await injectAs(app, w.admin, { method: "PUT", url: "/api/v1/aid/plans/2026", payload: body });
  t2.equal(ok.statusCode, 200);
  t2.same(ok.json(), { year: 2026, ...body });
  const entry = app.db.select().from(auditLog).where(eq(auditLog.action, "aid_plan.update")).get();
  t2.equal(entry.actorUserId, w.admin.id);
  t2.equal(JSON.parse(entry.before).shareFeeFen, 12e3);
  t2.equal(JSON.parse(entry.after).shareFeeFen, 1e4);
  const next = await injectAs(app, w.admin, { method: "PUT", url: "/api/v1/aid/plans/2027", payload: { ...body, enrolFrom: "2026-10-15", enrolTo: "2026-12-15" } });
  t2.equal(next.statusCode, 200, "a window in the autumn before the plan year");
  t2.equal((await app.inject({ method: "GET", url: "/api/v1/aid/plans/2027" })).json().enrolFrom, "2026-10-15");
  t2.equal((await app.inject({ method: "GET", url: "/api/v1/aid/plans/2030" })).statusCode, 404);
});
t.test("PUT: bad plans are 400 with the field named, and change nothing", async (t2) => {
  const app = await build(t2);
  const admin = await createUser(app, { role: "admin" });
  const cases = [
    ["rate above 2000", { tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 5e4, rateBp: 2001 }] }, "tiers"],
    ["tiers not from 0", { tiers: [{ fromFen: 100, rateBp: 1e3 }] }, "tiers"],
    ["tiers not strictly ascending", { tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 5e4, rateBp: 1e3 }, { fromFen: 5e4, rateBp: 1500 }] }, "tiers"],
    ["negative rate", { tiers: [{ fromFen: 0, rateBp: -1 }] }, "tiers"],
    ["fractional tier", { tiers: [{ fromFen: 0, rateBp: 10.5 }] }, "tiers"],
    ["no tiers", { tiers: [] }, "tiers"],
    ["tiers missing", { tiers: void 0 }, "tiers"],
    ["fractional fee", { shareFeeFen: 120.5 }, "shareFeeFen"],
    ["negative cap", { perAdmissionCapFen: -1 }, "perAdmissionCapFen"],
    ["zero cap", { annualCapPerShareFen: 0 }, "annualCapPerShareFen"],
    ["cap beyond the range", { perAdmissionCapFen: 100000000001 }, "perAdmissionCapFen"],
    ["four shares", { maxShares: 4 }, "maxShares"],
    ["waiting 366", { waitingDays: 366 }, "waitingDays"],
    ["deadline 0", { claimDeadlineDays: 0 }, "claimDeadlineDays"],
    ["unreal date", { enrolFrom: "2026-02-30" }, "enrolFrom"],
    ["window reversed", { enrolFrom: "2026-06-01", enrolTo: "2026-05-01" }, "enrolTo"],
    ["window past the year", { enrolTo: "2027-01-15" }, "enrolTo"],
    ["window two years early", { enrolFrom: "2024-12-01" }, "enrolFrom"],
    ["threshold a string", { secondApprovalAboveFen: "500000" }, "secondApprovalAboveFen"]
  ];
  for (const [what, patch, field] of cases) {
    const r = await injectAs(app, admin, { method: "PUT", url: "/api/v1/aid/plans/2026", payload: { ...body2026, ...patch } });
    t2.equal(r.statusCode, 400, what);
    t2.ok(r.json().error.fields?.[field], `${what}: fields.${field} = ${r.json().error.fields?.[field]}`);
  }
  const rate = await injectAs(app, admin, { method: "PUT", url: "/api/v1/aid/plans/2026", headers: { "accept-language": "en" }, payload: { ...body2026, tiers: [{ fromFen: 0, rateBp: 2500 }] } });
  t2.match(rate.json().error.fields.tiers, /20%/);
  t2.equal((await injectAs(app, admin, { method: "PUT", url: "/api/v1/aid/plans/1999", payload: body2026 })).statusCode, 400);
  t2.same(app.db.select().from(aidPlans).all().map((p) => p.shareFeeFen), [12e3], "nothing changed");
  t2.equal(app.db.select().from(auditLog).where(eq(auditLog.action, "aid_plan.update")).all().length, 0);
});
t.test("cover already computed never moves when the plan changes", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const o = (await order(app, w.member)).json();
  t2.equal((await confirm(app, w.staff, o.id, { receiptNo: "R-1", paidOn: "2026-06-15" })).json().coverFrom, "2026-09-13");
  const put = await injectAs(app, w.admin, { method: "PUT", url: "/api/v1/aid/plans/2026", payload: { ...body2026, waitingDays: 0 } });
  t2.equal(put.statusCode, 200);
  const row = app.db.select().from(aidPurchases).where(eq(aidPurchases.id, o.id)).get();
  t2.equal(row.coverFrom, "2026-09-13");
  const o2 = (await order(app, w.otherMember)).json();
  t2.equal((await confirm(app, w.staff, o2.id, { receiptNo: "R-2", paidOn: "2026-06-15" })).json().coverFrom, "2026-06-15");
});
//# sourceMappingURL=plans-api.test.js.map
