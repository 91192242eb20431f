import t from "tap";
import { eq } from "drizzle-orm";
import { build, createUser, injectAs } from "../../helper.js";
import { auditLog, memberships } from "../../../src/db/schema/index.js";
import { applyAs, member, world } from "./fixtures.js";
import { uniqueResidentId } from "../../factories.js";
t.test("apply: 201 applied; gender and birth date derived; ID stored encrypted, hashed and masked", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const u = await createUser(app, { name: "\u674E\u5A1C" });
  const res = await applyAs(app, u, { enterpriseId: w.entA, name: "\u674E\u5A1C", idNumber: "11010519491231002x" });
  t2.equal(res.statusCode, 201, res.body);
  t2.same(res.json(), { id: res.json().id, status: "applied" });
  const row = app.db.select().from(memberships).where(eq(memberships.id, res.json().id)).get();
  t2.equal(row.gender, "female");
  t2.equal(row.birthDate, "1949-12-31");
  t2.equal(row.idMasked, "110105********002X");
  t2.equal(app.pii.decrypt(row.idCipher), "11010519491231002X");
  t2.equal(row.idHash, app.pii.hash("11010519491231002X"));
  t2.equal(row.mobile, u.phone, "mobile defaults to the account phone");
  t2.notOk(JSON.stringify(row).includes("19491231002"), "no plain ID in the row");
  const me = await injectAs(app, u, { method: "GET", url: "/api/v1/me" });
  t2.same(me.json().membership, { id: row.id, status: "applied", memberNo: null, enterpriseId: w.entA, enterpriseName: "\u4E91\u5CAD\u8F6F\u4EF6\u6709\u9650\u516C\u53F8", buildingId: w.buildingA, joinedOn: null, idMasked: "110105********002X" });
  const audit = app.db.select().from(auditLog).where(eq(auditLog.action, "membership.apply")).all();
  t2.equal(audit.length, 1);
  t2.notOk(JSON.stringify(audit).includes("19491231002"));
});
t.test("apply: bad input is a 400 per field in both languages and writes nothing", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const u = await createUser(app);
  const cases = [
    [{ enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber: "110105194912310021" }, "idNumber", /校验位/],
    [{ enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber: "110105202706150012" }, "idNumber", /不能晚于今天/],
    [{ enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber: "110105199902300012" }, "idNumber", /出生日期无效/],
    [{ enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber: "11010519491231" }, "idNumber", /18 位/],
    [{ enterpriseId: w.entA, name: "", idNumber: uniqueResidentId() }, "name", /必填/],
    [{ name: "\u5F20\u4E09", idNumber: uniqueResidentId() }, "enterpriseId", /必填/],
    [{ enterpriseId: "abc", name: "\u5F20\u4E09", idNumber: uniqueResidentId() }, "enterpriseId", /选择/],
    [{ enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber: uniqueResidentId(), mobile: "12345" }, "mobile", /手机号码/],
    [{ enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber: uniqueResidentId(), consent: false }, "consent", /勾选同意/],
    [{ enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber: 110105194912310020 }, "idNumber", /18 位/]
  ];
  for (const [body, field, msg] of cases) {
    const res = await applyAs(app, u, body);
    t2.equal(res.statusCode, 400, JSON.stringify(body));
    t2.equal(res.json().error.code, "INVALID_INPUT");
    t2.match(res.json().error.fields[field], msg, field);
  }
  const en = await injectAs(app, u, { method: "POST", url: "/api/v1/memberships", headers: { "accept-language": "en" }, payload: { enterpriseId: w.entA, name: "Li", idNumber: "110105194912310021" } });
  t2.match(en.json().error.fields.idNumber, /check character/);
  const unknown = await applyAs(app, u, { enterpriseId: 9999, name: "\u5F20\u4E09", idNumber: uniqueResidentId() });
  t2.equal(unknown.statusCode, 400);
  t2.match(unknown.json().error.fields.enterpriseId, /找不到/);
  t2.equal(app.db.select().from(memberships).all().length, 0);
  const anon = await app.inject({ method: "POST", url: "/api/v1/memberships", payload: { enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber: uniqueResidentId() } });
  t2.equal(anon.statusCode, 401);
});
t.test("apply: an enterprise not enrolled (pending, withdrawn) is 422 ENTERPRISE_NOT_ENROLLED", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const u = await createUser(app);
  for (const e of [w.entPending, w.entWithdrawn]) {
    const res = await applyAs(app, u, { enterpriseId: e, name: "\u5F20\u4E09", idNumber: uniqueResidentId() });
    t2.equal(res.statusCode, 422);
    t2.equal(res.json().error.code, "ENTERPRISE_NOT_ENROLLED");
  }
  t2.equal(app.db.select().from(memberships).all().length, 0);
});
t.test("apply: one open membership per person (409), by ID and by account; the unique index backs it", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const a = await createUser(app);
  const b = await createUser(app);
  const id = uniqueResidentId();
  t2.equal((await applyAs(app, a, { enterpriseId: w.entA, name: "\u5F20\u4E09", idNumber: id })).statusCode, 201);
  const sameId = await applyAs(app, b, { enterpriseId: w.entB, name: "\u5F20\u4E09", idNumber: id.toLowerCase() });
  t2.equal(sameId.statusCode, 409);
  t2.equal(sameId.json().error.code, "MEMBERSHIP_EXISTS");
  t2.ok(sameId.json().error.fields.idNumber);
  const sameAccount = await applyAs(app, a, { enterpriseId: w.entB, name: "\u5F20\u4E09", idNumber: uniqueResidentId() });
  t2.equal(sameAccount.statusCode, 409);
  t2.equal(app.db.select().from(memberships).all().length, 1);
  const row = app.db.select().from(memberships).get();
  const { id: _id, memberNo: _n, ...copy } = row;
  t2.throws(() => app.db.insert(memberships).values({ ...copy, enterpriseId: w.entB }).run(), { code: "SQLITE_CONSTRAINT_UNIQUE" });
  t2.doesNotThrow(() => app.db.insert(memberships).values({ ...copy, status: "rejected" }).run());
});
t.test("approve: liaison, staff of the building and admin may; others 403; own 403; twice 409", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const outsider = await createUser(app);
  const byLiaison = await member(app, w.entA);
  const byStaff = await member(app, w.entA);
  const byAdmin = await member(app, w.entA);
  const approve = (u, id) => injectAs(app, u, { method: "POST", url: `/api/v1/memberships/${id}/approve` });
  for (const u of [w.liaisonB, w.staffB, outsider, byStaff.user]) {
    const res = await approve(u, byLiaison.id);
    t2.equal(res.statusCode, 403, u.name);
    t2.equal(res.json().error.code, "FORBIDDEN");
  }
  const self = await approve(byLiaison.user, byLiaison.id);
  t2.equal(self.statusCode, 403);
  t2.equal((await app.inject({ method: "POST", url: `/api/v1/memberships/${byLiaison.id}/approve` })).statusCode, 401);
  t2.equal((await approve(w.admin, 99999)).statusCode, 404);
  const r1 = await approve(w.liaisonA, byLiaison.id);
  t2.equal(r1.statusCode, 200);
  t2.same(r1.json(), { status: "active", memberNo: "KM2026000001" });
  const r2 = await approve(w.staffA, byStaff.id);
  t2.same(r2.json(), { status: "active", memberNo: "KM2026000002" });
  const r3 = await approve(w.admin, byAdmin.id);
  t2.same(r3.json(), { status: "active", memberNo: "KM2026000003" });
  const again = await approve(w.admin, byLiaison.id);
  t2.equal(again.statusCode, 409);
  t2.equal(again.json().error.code, "STATE_CHANGED");
  const rejectLate = await injectAs(app, w.admin, { method: "POST", url: `/api/v1/memberships/${byLiaison.id}/reject`, payload: { reason: "\u8FDF\u4E86" } });
  t2.equal(rejectLate.statusCode, 409);
  const me = await injectAs(app, byLiaison.user, { method: "GET", url: "/api/v1/me" });
  t2.equal(me.json().membership.status, "active");
  t2.equal(me.json().membership.memberNo, "KM2026000001");
  t2.equal(me.json().membership.joinedOn, "2026-06-15");
  t2.equal(app.db.select().from(auditLog).where(eq(auditLog.action, "membership.approve")).all().length, 3);
});
t.test("approve: a liaison applying for their own enterprise cannot approve it; simultaneous approvals: one wins", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const own = await applyAs(app, w.liaisonA, { enterpriseId: w.entA, name: "\u8054\u7EDC\u5458\u7532", idNumber: uniqueResidentId() });
  t2.equal(own.statusCode, 201);
  const self = await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${own.json().id}/approve` });
  t2.equal(self.statusCode, 403);
  t2.match(self.json().error.message, /自己/);
  const [a, b] = await Promise.all([
    injectAs(app, w.staffA, { method: "POST", url: `/api/v1/memberships/${own.json().id}/approve` }),
    injectAs(app, w.admin, { method: "POST", url: `/api/v1/memberships/${own.json().id}/reject`, payload: { reason: "x" } })
  ]);
  t2.same([a.statusCode, b.statusCode].sort(), [200, 409]);
});
t.test("reject: with an optional reason by each reviewer role; the applicant sees it and may apply again", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  for (const reviewer of [w.liaisonA, w.staffA, w.admin]) {
    const m = await member(app, w.entA);
    t2.equal((await injectAs(app, w.liaisonB, { method: "POST", url: `/api/v1/memberships/${m.id}/reject` })).statusCode, 403);
    const res = await injectAs(app, reviewer, { method: "POST", url: `/api/v1/memberships/${m.id}/reject`, payload: { reason: "\u4E0D\u662F\u672C\u4F01\u4E1A\u804C\u5DE5" } });
    t2.equal(res.statusCode, 200);
    t2.same(res.json(), { status: "rejected" });
    const again = await injectAs(app, reviewer, { method: "POST", url: `/api/v1/memberships/${m.id}/approve` });
    t2.equal(again.statusCode, 409);
    const view = await injectAs(app, m.user, { method: "GET", url: `/api/v1/memberships/${m.id}` });
    t2.equal(view.json().rejectReason, "\u4E0D\u662F\u672C\u4F01\u4E1A\u804C\u5DE5");
    const retry = await applyAs(app, m.user, { enterpriseId: w.entA2, name: "\u5F20\u4E09", idNumber: m.idNumber });
    t2.equal(retry.statusCode, 201);
  }
  const tooLong = await injectAs(app, w.admin, { method: "POST", url: "/api/v1/memberships/1/reject", payload: { reason: "x".repeat(501) } });
  t2.equal(tooLong.statusCode, 400);
});
t.test("leave: the member or staff of the building; liaison and others 403; twice 409; rejoining keeps the number", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const m1 = await member(app, w.entA, w.liaisonA);
  const m2 = await member(app, w.entA, w.liaisonA);
  const leave = (u, id) => injectAs(app, u, { method: "POST", url: `/api/v1/memberships/${id}/leave` });
  t2.equal((await leave(w.liaisonA, m1.id)).statusCode, 403);
  t2.equal((await leave(w.staffB, m1.id)).statusCode, 403);
  t2.equal((await leave(m2.user, m1.id)).statusCode, 403);
  const own = await leave(m1.user, m1.id);
  t2.equal(own.statusCode, 200);
  t2.same(own.json(), { status: "left", leftOn: "2026-06-15" });
  t2.equal((await leave(m1.user, m1.id)).statusCode, 409);
  t2.equal((await leave(w.staffA, m2.id)).statusCode, 200);
  app.testClock.advance(400 * 864e5);
  const back = await applyAs(app, m1.user, { enterpriseId: w.entB, name: "\u5F20\u4E09", idNumber: m1.idNumber });
  t2.equal(back.statusCode, 201);
  t2.equal(back.json().id, m1.id, "the earlier membership is reopened");
  const ok = await injectAs(app, w.liaisonB, { method: "POST", url: `/api/v1/memberships/${m1.id}/approve` });
  t2.same(ok.json(), { status: "active", memberNo: m1.memberNo }, "the number is kept for life");
  const fresh = await member(app, w.entB, w.liaisonB);
  t2.equal(fresh.memberNo, "KM2027000003", "numbers are never reused");
});
t.test("transfer: member asks, the new enterprise confirms; number stays; a history row records it", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const m = await member(app, w.entA, w.liaisonA);
  const url = `/api/v1/memberships/${m.id}/transfers`;
  t2.equal((await injectAs(app, w.liaisonB, { method: "POST", url, payload: { enterpriseId: w.entB } })).statusCode, 403);
  t2.equal((await injectAs(app, m.user, { method: "POST", url, payload: { enterpriseId: w.entA } })).statusCode, 400);
  const toPending = await injectAs(app, m.user, { method: "POST", url, payload: { enterpriseId: w.entPending } });
  t2.equal(toPending.statusCode, 422);
  t2.equal(toPending.json().error.code, "ENTERPRISE_NOT_ENROLLED");
  t2.equal((await injectAs(app, m.user, { method: "POST", url, payload: { enterpriseId: 424242 } })).statusCode, 400);
  const req = await injectAs(app, m.user, { method: "POST", url, payload: { enterpriseId: w.entB } });
  t2.equal(req.statusCode, 201);
  t2.equal(req.json().status, "pending");
  const second = await injectAs(app, m.user, { method: "POST", url, payload: { enterpriseId: w.entA2 } });
  t2.equal(second.statusCode, 409);
  t2.equal(second.json().error.code, "TRANSFER_PENDING");
  const confirm = (u) => injectAs(app, u, { method: "POST", url: `/api/v1/membership-transfers/${req.json().id}/confirm` });
  for (const u of [w.liaisonA, w.staffA, m.user]) t2.equal((await confirm(u)).statusCode, 403, u.name);
  app.testClock.advance(864e5);
  const ok = await confirm(w.liaisonB);
  t2.equal(ok.statusCode, 200);
  t2.same(ok.json(), { status: "confirmed", enterpriseId: w.entB, effectiveOn: "2026-06-16" });
  t2.equal((await confirm(w.staffB)).statusCode, 409);
  const view = await injectAs(app, m.user, { method: "GET", url: `/api/v1/memberships/${m.id}` });
  t2.equal(view.json().enterpriseId, w.entB);
  t2.equal(view.json().memberNo, m.memberNo);
  t2.equal(view.json().status, "active");
  t2.match(view.json().transfers, [{ status: "confirmed", fromEnterpriseId: w.entA, toEnterpriseId: w.entB, effectiveOn: "2026-06-16" }]);
  t2.equal((await injectAs(app, w.staffA, { method: "GET", url: `/api/v1/memberships/${m.id}` })).statusCode, 403);
  t2.equal((await injectAs(app, w.staffB, { method: "GET", url: `/api/v1/memberships/${m.id}` })).statusCode, 200);
});
t.test("transfer: staff of the new building and admin confirm; reject and cancel; nobody confirms their own request", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const m = await member(app, w.entA, w.staffA);
  const ask = async (u, to) => injectAs(app, u, { method: "POST", url: `/api/v1/memberships/${m.id}/transfers`, payload: { enterpriseId: to } });
  const act = (u, id, what) => injectAs(app, u, { method: "POST", url: `/api/v1/membership-transfers/${id}/${what}` });
  const t1 = (await ask(m.user, w.entB)).json().id;
  t2.equal((await act(w.liaisonA, t1, "reject")).statusCode, 403);
  t2.same((await act(w.staffB, t1, "reject")).json(), { status: "rejected" });
  t2.equal((await act(w.staffB, t1, "confirm")).statusCode, 409);
  const t22 = (await ask(m.user, w.entB)).json().id;
  t2.equal((await act(w.liaisonB, t22, "cancel")).statusCode, 403);
  t2.same((await act(m.user, t22, "cancel")).json(), { status: "cancelled" });
  const t3 = await ask(w.admin, w.entA2);
  t2.equal(t3.statusCode, 201);
  t2.equal((await act(w.admin, t3.json().id, "confirm")).statusCode, 403);
  t2.equal((await act(w.staffA, t3.json().id, "confirm")).statusCode, 200);
});
t.test("a withdrawn enterprise: its members stay members and can transfer; its liaison loses rights", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const m = await member(app, w.entA, w.liaisonA);
  const pending = await member(app, w.entA);
  app.db.update((await import("../../../src/db/schema/index.js")).enterprises).set({ status: "withdrawn" }).where(eq((await import("../../../src/db/schema/index.js")).enterprises.id, w.entA)).run();
  const me = await injectAs(app, m.user, { method: "GET", url: "/api/v1/me" });
  t2.equal(me.json().membership.status, "active");
  const stale = await injectAs(app, w.staffA, { method: "POST", url: `/api/v1/memberships/${pending.id}/approve` });
  t2.equal(stale.statusCode, 422);
  t2.equal(stale.json().error.code, "ENTERPRISE_NOT_ENROLLED");
  t2.equal((await injectAs(app, w.liaisonA, { method: "POST", url: `/api/v1/memberships/${pending.id}/approve` })).statusCode, 403);
  const req = await injectAs(app, m.user, { method: "POST", url: `/api/v1/memberships/${m.id}/transfers`, payload: { enterpriseId: w.entB } });
  t2.equal(req.statusCode, 201);
  t2.equal((await injectAs(app, w.liaisonB, { method: "POST", url: `/api/v1/membership-transfers/${req.json().id}/confirm` })).statusCode, 200);
});
t.test("roster: liaisons see their enterprises, staff their buildings, admin all; search and pagination", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const a1 = await member(app, w.entA, w.liaisonA, "\u738B\u82B3");
  await member(app, w.entA2, void 0, "\u8D75\u516D");
  const b1 = await member(app, w.entB, w.liaisonB, "\u94B1\u4E03");
  const list = async (u, q = "") => injectAs(app, u, { method: "GET", url: "/api/v1/memberships" + q });
  t2.same((await list(w.liaisonA)).json().items.map((m) => m.name).sort(), ["\u738B\u82B3", "\u8D75\u516D"].sort());
  t2.equal((await list(w.staffA)).json().total, 2);
  t2.same((await list(w.staffB)).json().items.map((m) => m.name), ["\u94B1\u4E03"]);
  t2.equal((await list(w.admin)).json().total, 3);
  t2.equal((await list(a1.user)).statusCode, 403);
  t2.equal((await list(w.admin, "?q=" + encodeURIComponent("\u738B"))).json().total, 1);
  t2.equal((await list(w.admin, "?q=" + a1.memberNo)).json().items[0].id, a1.id);
  t2.equal((await list(w.admin, "?q=" + a1.user.phone.slice(3))).json().items[0].id, a1.id);
  t2.equal((await list(w.admin, "?q=" + b1.idNumber)).json().items[0].id, b1.id, "a full ID number finds its holder by hash");
  t2.equal((await list(w.admin, "?status=applied")).json().total, 1);
  t2.equal((await list(w.admin, "?q=%25")).json().total, 0, "wildcards are literal");
  const item = (await list(w.admin)).json().items[0];
  t2.notOk("idCipher" in item);
  t2.match(item.idMasked, /^\d{6}\*{8}\d{3}[\dX]$/);
  t2.equal((await list(w.admin, "?status=bogus")).statusCode, 400);
});
t.test("GET /api/v1/me: membership is null before applying", async (t2) => {
  const app = await build(t2);
  const u = await createUser(app);
  const me = await injectAs(app, u, { method: "GET", url: "/api/v1/me" });
  t2.equal(me.json().membership, null);
});
//# sourceMappingURL=memberships-api.test.js.map
