import t from "tap";
import { eq } from "drizzle-orm";
import { build, createUser, injectAs } from "../../helper.js";
import { auditLog, enterprises } from "../../../src/db/schema/index.js";
import { cast, enrol } from "./fixtures.js";
import { uniqueUscc } from "../../factories.js";
const count = (app) => app.db.select().from(enterprises).all().length;
t.test("enrol: a signed-in user enrols an enterprise, becomes its liaison, and it is audited", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const code = uniqueUscc();
  const res = await injectAs(app, c.liaison, { method: "POST", url: "/api/v1/enterprises", payload: { buildingId: c.buildingId, name: "\u4E91\u5CAD\u79D1\u6280\u6709\u9650\u516C\u53F8", uscc: code.toLowerCase(), headcount: 25, floorRoom: "12\u5C421203", contactName: "\u674E\u660E", contactPhone: "138 0013 8000" } });
  t2.equal(res.statusCode, 201);
  t2.same(res.json(), { id: res.json().id, status: "pending" });
  const row = app.db.select().from(enterprises).where(eq(enterprises.id, res.json().id)).get();
  t2.equal(row.uscc, code, "stored upper-case");
  t2.equal(row.liaisonUserId, c.liaison.id);
  t2.equal(row.contactPhone, "13800138000");
  const me = await injectAs(app, c.liaison, { method: "GET", url: "/api/v1/me" });
  t2.same(me.json().enterprises, [{ id: row.id, name: "\u4E91\u5CAD\u79D1\u6280\u6709\u9650\u516C\u53F8", buildingId: c.buildingId, status: "pending" }]);
  t2.ok(me.json().user.roles.includes("liaison"));
  t2.ok(app.db.select().from(auditLog).where(eq(auditLog.action, "enterprise.enrol")).get());
});
t.test("enrol: anonymous 401; a bad token 401", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const anon = await app.inject({ method: "POST", url: "/api/v1/enterprises", payload: { buildingId: c.buildingId, name: "X", uscc: uniqueUscc(), headcount: 1 } });
  t2.equal(anon.statusCode, 401);
  const bad = await app.inject({ method: "POST", url: "/api/v1/enterprises", headers: { authorization: "Bearer nope" }, payload: { buildingId: c.buildingId, name: "X", uscc: uniqueUscc(), headcount: 1 } });
  t2.equal(bad.statusCode, 401);
  t2.equal(count(app), 0);
});
t.test("enrol: bad input is refused on its field, in Chinese or English, and writes nothing", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const good = uniqueUscc();
  const wrongCheck = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
  const cases = [
    ["wrong check character", { uscc: wrongCheck }, "uscc", /校验位/],
    ["letter I", { uscc: good.slice(0, 10) + "I" + good.slice(11) }, "uscc", /不含 I、O、S、V、Z/],
    ["letter O", { uscc: "O" + good.slice(1) }, "uscc", /18 位/],
    ["letter S", { uscc: good.slice(0, 17) + "S" }, "uscc", /18 位/],
    ["letter V", { uscc: good.slice(0, 5) + "V" + good.slice(6) }, "uscc", /18 位/],
    ["letter Z", { uscc: good.slice(0, 12) + "Z" + good.slice(13) }, "uscc", /18 位/],
    ["17 characters", { uscc: good.slice(0, 17) }, "uscc", /18 位/],
    ["uscc missing", { uscc: void 0 }, "uscc", /18 位|必填/],
    ["uscc a number", { uscc: 123 }, "uscc", /18 位/],
    ["headcount 0", { headcount: 0 }, "headcount", /正整数/],
    ["headcount 1.5", { headcount: 1.5 }, "headcount", /正整数/],
    ["headcount -1", { headcount: -1 }, "headcount", /正整数/],
    ['headcount "abc"', { headcount: "abc" }, "headcount", /正整数/],
    ["headcount true", { headcount: true }, "headcount", /正整数/],
    ["headcount missing", { headcount: void 0 }, "headcount", /必填/],
    ["unknown building", { buildingId: 99999 }, "buildingId", /楼宇/],
    ['building "abc"', { buildingId: "abc" }, "buildingId", /楼宇/],
    ["building missing", { buildingId: void 0 }, "buildingId", /必填/],
    ["name empty", { name: "  " }, "name", /必填/],
    ["contact phone", { contactPhone: "12345" }, "contactPhone", /手机号码/]
  ];
  for (const [label, patch, field, message] of cases) {
    const payload = { buildingId: c.buildingId, name: "\u4E91\u5CAD\u79D1\u6280\u6709\u9650\u516C\u53F8", uscc: uniqueUscc(), headcount: 25, ...patch };
    const res = await injectAs(app, c.liaison, { method: "POST", url: "/api/v1/enterprises", payload });
    t2.equal(res.statusCode, 400, `${label}: 400`);
    t2.equal(res.json().error.code, "INVALID_INPUT", `${label}: code`);
    t2.match(res.json().error.fields?.[field], message, `${label}: message on ${field}`);
  }
  const en = await injectAs(app, c.liaison, { method: "POST", url: "/api/v1/enterprises", headers: { "accept-language": "en" }, payload: { buildingId: 99999, name: "A", uscc: wrongCheck, headcount: 0 } });
  t2.match(en.json().error.fields.uscc, /check character/);
  t2.match(en.json().error.fields.headcount, /positive whole number|positive integer/i);
  t2.match(en.json().error.fields.buildingId, /building/);
  t2.equal(count(app), 0, "nothing written");
  const plainString = await injectAs(app, c.liaison, { method: "POST", url: "/api/v1/enterprises", payload: { buildingId: String(c.buildingId), name: "A", uscc: uniqueUscc(), headcount: "12" } });
  t2.equal(plainString.statusCode, 201, "numbers as strings (forms) are read");
});
t.test("enrol: a duplicate code is 409 on fields.uscc, whatever its case", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const code = uniqueUscc();
  t2.equal((await injectAs(app, c.liaison, { method: "POST", url: "/api/v1/enterprises", payload: { buildingId: c.buildingId, name: "A", uscc: code, headcount: 3 } })).statusCode, 201);
  const dup = await injectAs(app, c.stranger, { method: "POST", url: "/api/v1/enterprises", payload: { buildingId: c.otherBuildingId, name: "B", uscc: " " + code.toLowerCase() + " ", headcount: 3 } });
  t2.equal(dup.statusCode, 409);
  t2.equal(dup.json().error.code, "USCC_TAKEN");
  t2.match(dup.json().error.fields.uscc, /已登记/);
  t2.equal(count(app), 1);
  const valid = ["91350100M000100Y43", "914403001922038216"];
  for (const v of valid) t2.equal((await injectAs(app, c.liaison, { method: "POST", url: "/api/v1/enterprises", payload: { buildingId: c.buildingId, name: v, uscc: v, headcount: 3 } })).statusCode, 201, `${v} accepted`);
});
t.test("approve: every role", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const id = await enrol(app, c.liaison, c.buildingId);
  const approve = (u) => u === null ? app.inject({ method: "POST", url: `/api/v1/enterprises/${id}/approve` }) : injectAs(app, u, { method: "POST", url: `/api/v1/enterprises/${id}/approve` });
  t2.equal((await approve(null)).statusCode, 401, "anonymous");
  t2.equal((await approve(c.stranger)).statusCode, 403, "another user");
  t2.equal((await approve(c.liaison)).statusCode, 403, "its liaison");
  t2.equal((await approve(c.otherStaff)).statusCode, 403, "staff of another building");
  t2.equal(app.db.select().from(enterprises).get().status, "pending", "still pending");
  const ok = await approve(c.staff);
  t2.equal(ok.statusCode, 200, "staff of its building");
  t2.same(ok.json(), { status: "enrolled" });
  const again = await approve(c.admin);
  t2.equal(again.statusCode, 409, "already approved");
  t2.equal(again.json().error.code, "STATE_CHANGED");
  const id2 = await enrol(app, c.liaison, c.buildingId);
  const byAdmin = await injectAs(app, c.admin, { method: "POST", url: `/api/v1/enterprises/${id2}/approve` });
  t2.equal(byAdmin.statusCode, 200, "admin");
  t2.equal((await injectAs(app, c.admin, { method: "POST", url: "/api/v1/enterprises/999999/approve" })).statusCode, 404, "unknown enterprise");
  t2.equal((await injectAs(app, c.admin, { method: "POST", url: "/api/v1/enterprises/abc/approve" })).statusCode, 400, "bad id");
  const audits = app.db.select().from(auditLog).where(eq(auditLog.action, "enterprise.approve")).all();
  t2.equal(audits.length, 2);
  t2.equal(audits[0].actorUserId, c.staff.id);
});
t.test("nobody approves or rejects an enterprise they are the liaison of, staff and admin included", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const ownByStaff = await enrol(app, c.staff, c.buildingId);
  t2.equal((await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${ownByStaff}/approve` })).statusCode, 403);
  t2.equal((await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${ownByStaff}/reject`, payload: { reason: "x" } })).statusCode, 403);
  const ownByAdmin = await enrol(app, c.admin, c.buildingId);
  const res = await injectAs(app, c.admin, { method: "POST", url: `/api/v1/enterprises/${ownByAdmin}/approve` });
  t2.equal(res.statusCode, 403);
  t2.match(res.json().error.message, /联络员/);
  t2.equal((await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${ownByAdmin}/approve` })).statusCode, 200, "another reviewer may");
});
t.test("two staff approving at once: one wins, the other gets 409", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const staff2 = await createUser(app, { role: "staff", buildingIds: [c.buildingId] });
  const id = await enrol(app, c.liaison, c.buildingId);
  const results = await Promise.all([
    injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${id}/approve` }),
    injectAs(app, staff2, { method: "POST", url: `/api/v1/enterprises/${id}/approve` }),
    injectAs(app, c.admin, { method: "POST", url: `/api/v1/enterprises/${id}/reject`, payload: { reason: "\u6750\u6599\u4E0D\u5168" } })
  ]);
  const codes = results.map((r) => r.statusCode).sort();
  t2.same(codes, [200, 409, 409]);
  t2.equal(app.db.select().from(auditLog).all().filter((a) => a.action === "enterprise.approve" || a.action === "enterprise.reject").length, 1, "one decision audited");
});
t.test("reject: reason required, liaison sees it, corrects and resubmits (back to pending)", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const id = await enrol(app, c.liaison, c.buildingId);
  const noReason = await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${id}/reject`, payload: {} });
  t2.equal(noReason.statusCode, 400);
  t2.match(noReason.json().error.fields.reason, /必填/);
  const outsider = await injectAs(app, c.otherStaff, { method: "POST", url: `/api/v1/enterprises/${id}/reject`, payload: {} });
  t2.equal(outsider.statusCode, 403, "permission is checked before the body");
  t2.equal((await app.inject({ method: "POST", url: `/api/v1/enterprises/${id}/reject`, payload: { reason: "x" } })).statusCode, 401);
  t2.equal((await injectAs(app, c.stranger, { method: "POST", url: `/api/v1/enterprises/${id}/reject`, payload: { reason: "x" } })).statusCode, 403);
  const rej = await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${id}/reject`, payload: { reason: "\u8425\u4E1A\u6267\u7167\u5730\u5740\u4E0D\u5728\u672C\u697C" } });
  t2.equal(rej.statusCode, 200);
  t2.same(rej.json(), { status: "rejected" });
  const seen = await injectAs(app, c.liaison, { method: "GET", url: `/api/v1/enterprises/${id}` });
  t2.equal(seen.json().status, "rejected");
  t2.equal(seen.json().rejectReason, "\u8425\u4E1A\u6267\u7167\u5730\u5740\u4E0D\u5728\u672C\u697C");
  t2.equal((await injectAs(app, c.stranger, { method: "GET", url: `/api/v1/enterprises/${id}` })).statusCode, 403, "another user cannot see it");
  t2.equal((await injectAs(app, c.otherStaff, { method: "GET", url: `/api/v1/enterprises/${id}` })).statusCode, 403, "nor staff of another building");
  t2.equal((await injectAs(app, c.staff, { method: "GET", url: `/api/v1/enterprises/${id}` })).statusCode, 200, "its staff can");
  const body = { buildingId: c.buildingId, name: "\u4E91\u5CAD\u79D1\u6280\uFF08\u6606\u660E\uFF09\u6709\u9650\u516C\u53F8", uscc: uniqueUscc(), headcount: 30 };
  t2.equal((await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${id}/resubmit`, payload: body })).statusCode, 403, "staff cannot resubmit for the liaison");
  t2.equal((await injectAs(app, c.stranger, { method: "POST", url: `/api/v1/enterprises/${id}/resubmit`, payload: body })).statusCode, 403);
  const bad = await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/resubmit`, payload: { ...body, headcount: 0 } });
  t2.equal(bad.statusCode, 400);
  const re = await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/resubmit`, payload: body });
  t2.equal(re.statusCode, 200);
  t2.same(re.json(), { status: "pending" });
  const row = app.db.select().from(enterprises).where(eq(enterprises.id, id)).get();
  t2.equal(row.name, "\u4E91\u5CAD\u79D1\u6280\uFF08\u6606\u660E\uFF09\u6709\u9650\u516C\u53F8");
  t2.equal(row.rejectReason, null);
  t2.equal((await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/resubmit`, payload: body })).statusCode, 409, "a pending one is not resubmitted");
  await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${id}/reject`, payload: { reason: "\u518D\u6838\u5BF9" } });
  const otherCode = uniqueUscc();
  await enrol(app, c.stranger, c.buildingId, { uscc: otherCode });
  const taken = await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/resubmit`, payload: { ...body, uscc: otherCode } });
  t2.equal(taken.statusCode, 409);
  t2.ok(taken.json().error.fields.uscc);
  const actions = app.db.select().from(auditLog).where(eq(auditLog.entityId, String(id))).all().filter((a) => a.entityType === "enterprise").map((a) => a.action);
  t2.same(actions, ["enterprise.enrol", "enterprise.reject", "enterprise.resubmit", "enterprise.reject"]);
});
t.test("withdraw: an enrolled enterprise leaves, keeping its history; only the people who may", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const id = await enrol(app, c.liaison, c.buildingId);
  t2.equal((await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 409, "a pending one cannot withdraw");
  await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${id}/approve` });
  t2.equal((await app.inject({ method: "POST", url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 401);
  t2.equal((await injectAs(app, c.stranger, { method: "POST", url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 403);
  t2.equal((await injectAs(app, c.otherStaff, { method: "POST", url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 403);
  const res = await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/withdraw`, payload: { note: "\u516C\u53F8\u8FC1\u51FA" } });
  t2.equal(res.statusCode, 200);
  t2.same(res.json(), { status: "withdrawn" });
  t2.equal((await injectAs(app, c.admin, { method: "POST", url: `/api/v1/enterprises/${id}/withdraw` })).statusCode, 409);
  const row = app.db.select().from(enterprises).where(eq(enterprises.id, id)).get();
  t2.equal(row.status, "withdrawn");
  t2.ok(row.withdrawnAt);
  t2.ok(row.decidedAt, "the decision is kept");
  const id2 = await enrol(app, c.liaison, c.buildingId);
  await injectAs(app, c.admin, { method: "POST", url: `/api/v1/enterprises/${id2}/approve` });
  t2.equal((await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${id2}/withdraw` })).statusCode, 200, "staff of its building may record it");
});
t.test("hand over: the liaison offers the role to another registered user by phone; it is theirs once accepted", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const id = await enrol(app, c.liaison, c.buildingId);
  const unknown = await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: "13700000001" } });
  t2.equal(unknown.statusCode, 400);
  t2.match(unknown.json().error.fields.phone, /注册/);
  t2.equal((await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: "abc" } })).statusCode, 400);
  t2.equal((await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.liaison.phone } })).statusCode, 400, "to oneself");
  t2.equal((await injectAs(app, c.stranger, { method: "POST", url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.stranger.phone } })).statusCode, 403, "nobody takes it for themselves");
  t2.equal((await injectAs(app, c.otherStaff, { method: "POST", url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.stranger.phone } })).statusCode, 403);
  const ok = await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${id}/liaison`, payload: { phone: c.stranger.phone } });
  t2.equal(ok.statusCode, 200);
  t2.equal(ok.json().pendingLiaisonUserId, c.stranger.id);
  t2.equal((await injectAs(app, c.stranger, { method: "POST", url: `/api/v1/enterprises/${id}/liaison/accept` })).json().liaisonUserId, c.stranger.id);
  t2.same((await injectAs(app, c.liaison, { method: "GET", url: "/api/v1/me" })).json().enterprises, [], "the old liaison no longer has it");
  t2.equal((await injectAs(app, c.liaison, { method: "GET", url: `/api/v1/enterprises/${id}` })).statusCode, 403, "nor sees it");
  t2.equal((await injectAs(app, c.stranger, { method: "GET", url: "/api/v1/me" })).json().enterprises.length, 1);
  t2.ok(app.db.select().from(auditLog).where(eq(auditLog.action, "enterprise.hand_over")).get());
});
//# sourceMappingURL=enterprises-api.test.js.map
