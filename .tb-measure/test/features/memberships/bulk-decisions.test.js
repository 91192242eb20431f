import t from "tap";
import { eq } from "drizzle-orm";
import { build, injectAs, PageSession } from "../../helper.js";
import { auditLog, memberships } from "../../../src/db/schema/index.js";
import { applyAs, member, world } from "./fixtures.js";
import { uniqueResidentId } from "../../factories.js";
t.test("POST /api/v1/memberships/approve: each checked as if alone; refusals carry the code it would get alone", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const a = await member(app, w.entA, void 0, "\u7532");
  const b = await member(app, w.entA2, void 0, "\u4E59");
  const other = await member(app, w.entB, void 0, "\u4E19");
  const own = await applyAs(app, w.liaisonA, { enterpriseId: w.entA, name: "\u8054\u7EDC\u5458\u7532", idNumber: uniqueResidentId() });
  const done = await member(app, w.entA, void 0, "\u4E01");
  t2.equal((await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${done.id}/approve` })).statusCode, 200);
  t2.equal((await app.inject({ method: "POST", url: "/api/v1/memberships/approve", payload: { ids: [a.id] } })).statusCode, 401);
  const res = await injectAs(app, w.liaisonA, { method: "POST", url: "/api/v1/memberships/approve", payload: { ids: [a.id, b.id, other.id, own.json().id, done.id, 999999, a.id] } });
  t2.equal(res.statusCode, 200, res.body);
  t2.same(res.json(), {
    approved: [a.id, b.id],
    refused: [
      { id: other.id, code: "FORBIDDEN" },
      { id: own.json().id, code: "FORBIDDEN" },
      { id: done.id, code: "STATE_CHANGED" },
      { id: 999999, code: "NOT_FOUND" }
    ]
  });
  t2.same(app.db.select({ s: memberships.status }).from(memberships).where(eq(memberships.id, a.id)).get(), { s: "active" });
  t2.equal(app.db.select().from(auditLog).where(eq(auditLog.action, "membership.approve")).all().length, 3, "one audit entry each");
  for (const payload of [{}, { ids: [] }, { ids: ["x"] }, { ids: Array.from({ length: 501 }, (_, i) => i + 1) }]) {
    const bad = await injectAs(app, w.liaisonA, { method: "POST", url: "/api/v1/memberships/approve", payload });
    t2.equal(bad.statusCode, 400, JSON.stringify(payload).slice(0, 40));
    t2.ok(Object.keys(bad.json().error.fields).some((k) => k.startsWith("ids")), "the ids field");
  }
});
t.test("reject needs a reason: 400 fields.reason (after who may act), in both languages", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const m = await member(app, w.entA);
  t2.equal((await injectAs(app, w.liaisonB, { method: "POST", url: `/api/v1/memberships/${m.id}/reject` })).statusCode, 403, "403 before 400");
  const none = await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${m.id}/reject`, payload: { reason: "  " } });
  t2.equal(none.statusCode, 400);
  t2.match(none.json().error.fields.reason, /原因/);
  const en = await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${m.id}/reject`, headers: { "accept-language": "en" } });
  t2.match(en.json().error.fields.reason, /reason/);
  t2.same(app.db.select({ s: memberships.status }).from(memberships).where(eq(memberships.id, m.id)).get(), { s: "applied" }, "nothing changed");
  const many = await injectAs(app, w.liaisonA, { method: "POST", url: "/api/v1/memberships/reject", payload: { ids: [m.id] } });
  t2.equal(many.statusCode, 400);
  t2.ok(many.json().error.fields.reason);
  const ok = await injectAs(app, w.liaisonA, { method: "POST", url: "/api/v1/memberships/reject", payload: { ids: [m.id], reason: "\u4E0D\u662F\u672C\u4F01\u4E1A\u804C\u5DE5" } });
  t2.same(ok.json(), { rejected: [m.id], refused: [] });
});
t.test("roster page: tick, approve; reject goes through a confirmation page that asks for the reason", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const a = await member(app, w.entA, void 0, "\u674E\u96F7");
  const b = await member(app, w.entA, void 0, "\u97E9\u6885\u6885");
  const c = await member(app, w.entA, void 0, "\u738B\u4E94");
  const s = new PageSession(app);
  await s.login(w.liaisonA.phone);
  const roster = await s.get("/memberships?status=applied");
  t2.match(roster.body, new RegExp(`name="ids" value="${a.id}"`));
  t2.match(roster.body, /class="danger-outline"/, "reject does not look like approve");
  t2.notMatch(roster.body, /name="ids" value="\d+"[^>]*checked/);
  const all = await s.get("/memberships?status=applied&all=1");
  t2.match(all.body, new RegExp(`name="ids" value="${c.id}"[^>]*checked`), "select all without script");
  const body = new URLSearchParams({ _csrf: s.csrf });
  body.append("ids", String(a.id));
  body.append("ids", String(b.id));
  body.append("decision", "approve");
  const approved = await app.inject({ method: "POST", url: "/memberships/decide", payload: body.toString(), headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
  t2.equal(approved.statusCode, 200);
  t2.match(approved.body, /已批准 2 份申请/);
  t2.match(approved.body, /李雷/);
  const confirm = await s.post("/memberships/decide", { ids: String(c.id), decision: "reject" });
  t2.equal(confirm.statusCode, 200);
  t2.match(confirm.body, /确认拒绝入会申请/);
  t2.match(confirm.body, /王五/);
  t2.same(app.db.select({ s: memberships.status }).from(memberships).where(eq(memberships.id, c.id)).get(), { s: "applied" });
  const noReason = await s.post("/memberships/reject-many", { ids: String(c.id), reason: "" });
  t2.equal(noReason.statusCode, 400);
  t2.match(noReason.body, /id="f-reason-error"[^>]*>请写明不通过的原因/);
  t2.match(noReason.body, /<a href="#f-reason">原因：请写明不通过的原因/, "the summary names the field and links to it");
  const rejected = await s.post("/memberships/reject-many", { ids: String(c.id), reason: "\u4E0D\u662F\u672C\u4F01\u4E1A\u804C\u5DE5" });
  t2.equal(rejected.statusCode, 200);
  t2.match(rejected.body, /已拒绝 1 份申请/);
  t2.same(app.db.select({ s: memberships.status, r: memberships.rejectReason }).from(memberships).where(eq(memberships.id, c.id)).get(), { s: "rejected", r: "\u4E0D\u662F\u672C\u4F01\u4E1A\u804C\u5DE5" });
  const again = await s.post("/memberships/decide", { ids: String(a.id), decision: "approve" });
  t2.match(again.body, /这份申请已经有人处理过了/, "a refusal in words, not its code");
  t2.notMatch(again.body, /STATE_CHANGED/);
  const none = await s.post("/memberships/decide", { decision: "approve" });
  t2.equal(none.statusCode, 302, "nothing ticked: back to the list with a message");
  const en = await s.get("/memberships?status=applied", { "accept-language": "en" });
  t2.equal(en.statusCode, 200);
});
//# sourceMappingURL=bulk-decisions.test.js.map
