import t from "tap";
import { eq } from "drizzle-orm";
import { build, createUser, injectAs } from "../../helper.js";
import { aidClaims, auditLog, idempotencyKeys } from "../../../src/db/schema/index.js";
import { attachMembership, claimBody, claimWorld, idemKey, insertMember } from "./fixtures.js";
import { insertEnterprise } from "../../factories.js";
function submit(app, user, body, key = idemKey(), headers = {}) {
  return injectAs(app, user, { method: "POST", url: "/api/v1/aid/claims", payload: body, headers: key === null ? headers : { "idempotency-key": key, ...headers } });
}
const claimCount = (app) => app.db.select().from(aidClaims).all().length;
t.test("submit: 201 {id, status, estimate} in the quote shape; audited; the worked example 30000 \u2192 4700", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const res = await submit(app, w.member.user, claimBody());
  t2.equal(res.statusCode, 201, res.body);
  const body = res.json();
  t2.equal(body.status, "submitted");
  t2.type(body.id, "number");
  t2.equal(body.estimate.baseFen, 3e6);
  t2.equal(body.estimate.payableFen, 47e4);
  t2.equal(body.estimate.limitedBy, "none");
  t2.equal(body.estimate.lines.length, 4);
  t2.same(Object.keys(body.estimate).sort(), ["annualRemainingFen", "baseFen", "grossFen", "limitedBy", "lines", "payableFen"]);
  const row = app.db.select().from(aidClaims).where(eq(aidClaims.id, body.id)).get();
  t2.equal(row.membershipId, w.member.membershipId);
  t2.equal(row.purchaseId, w.member.purchaseId);
  t2.equal(row.planYear, 2026);
  t2.ok(row.consentAt);
  t2.ok(app.db.select().from(auditLog).where(eq(auditLog.action, "claim.submit")).get());
});
t.test("idempotency: the same key returns the first answer and stores nothing new; another body with it is 422; no key is 400", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const key = idemKey();
  const body = claimBody();
  const first = await submit(app, w.member.user, body, key);
  const again = await submit(app, w.member.user, body, key);
  t2.equal(first.statusCode, 201);
  t2.equal(again.statusCode, 201);
  t2.same(again.json(), first.json());
  t2.equal(claimCount(app), 1);
  const other = await submit(app, w.member.user, { ...body, hospital: "\u522B\u7684\u533B\u9662" }, key);
  t2.equal(other.statusCode, 422);
  t2.equal(other.json().error.code, "IDEMPOTENCY_KEY_REUSED");
  const none = await submit(app, w.member.user, claimBody(), null);
  t2.equal(none.statusCode, 400);
  t2.equal(none.json().error.code, "IDEMPOTENCY_KEY_REQUIRED");
  t2.equal(claimCount(app), 1);
  const m2 = await insertMember(app, w.enterpriseId);
  t2.equal((await submit(app, m2.user, claimBody(), key)).statusCode, 201);
  t2.equal(app.db.select().from(idempotencyKeys).all().length, 2);
});
t.test("schema errors are 400 before any check, with a message per field, and store nothing", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const stranger = w.stranger;
  const cases = [
    ["fractional fen", { totalCostFen: 100.5 }, "totalCostFen"],
    ["negative", { insurancePaidFen: -1 }, "insurancePaidFen"],
    ["beyond range", { excludedFen: 100000000001 }, "excludedFen"],
    ["a string amount", { totalCostFen: "5000" }, "totalCostFen"],
    ["discharge before admission", { admissionDate: "2026-05-10", dischargeDate: "2026-05-09" }, "dischargeDate"],
    ["admission after today", { admissionDate: "2026-06-16", dischargeDate: "2026-06-16" }, "admissionDate"],
    ["discharge after today", { dischargeDate: "2026-06-16" }, "dischargeDate"],
    ["not a real date", { admissionDate: "2026-02-30" }, "admissionDate"],
    ["no hospital", { hospital: "  " }, "hospital"]
  ];
  for (const [name, patch, field] of cases) {
    for (const u of [w.member.user, stranger]) {
      const res = await submit(app, u, claimBody(patch));
      t2.equal(res.statusCode, 400, name);
      t2.equal(res.json().error.code, "INVALID_INPUT", name);
      t2.ok(res.json().error.fields[field], `${name}: ${field} is named`);
    }
  }
  const zh = await submit(app, w.member.user, claimBody({ admissionDate: "2026-05-10", dischargeDate: "2026-05-09" }));
  t2.match(zh.json().error.fields.dischargeDate, /出院日期不能早于入院日期/);
  const en = await submit(app, w.member.user, claimBody({ admissionDate: "2026-05-10", dischargeDate: "2026-05-09" }), idemKey(), { "accept-language": "en" });
  t2.match(en.json().error.fields.dischargeDate, /discharge date cannot be before/);
  t2.equal(claimCount(app), 0);
  t2.equal(app.db.select().from(idempotencyKeys).all().length, 0);
});
t.test("automatic checks: each code, with a plain explanation; refused claims are not stored", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const expect = async (user, body, code, name, re) => {
    const before = claimCount(app);
    const res = await submit(app, user, body);
    t2.equal(res.statusCode, 422, name);
    t2.equal(res.json().error.code, code, name);
    if (re !== void 0) t2.match(res.json().error.message, re, name);
    t2.equal(claimCount(app), before, `${name}: nothing stored`);
  };
  await expect(w.stranger, claimBody(), "NOT_MEMBER", "never joined", /工会会员/);
  const applied = await insertMember(app, w.enterpriseId, { status: "applied" });
  await expect(applied.user, claimBody(), "NOT_MEMBER", "only applied");
  const left = await insertMember(app, w.enterpriseId, { status: "left" });
  t2.equal((await submit(app, left.user, claimBody())).statusCode, 201, "a member who left is still covered");
  const noShare = await insertMember(app, w.enterpriseId, { share: null });
  await expect(noShare.user, claimBody(), "NOT_COVERED", "no share", /2026 年度您没有已付款的互助份额/);
  const noShareRes = await submit(app, noShare.user, claimBody());
  t2.notMatch(noShareRes.json().error.message, /—|\{|\}/, "no blank placeholder or unfilled parameter when there is no share");
  await expect(w.member.user, claimBody({ admissionDate: "2025-12-28", dischargeDate: "2026-01-02" }), "NOT_COVERED", "last year, no share");
  await expect(w.member.user, claimBody({ admissionDate: "2026-01-09", dischargeDate: "2026-01-12" }), "NOT_COVERED", "before paidOn", /（2026-01-10）/);
  await expect(w.member.user, claimBody({ admissionDate: "2026-01-10", dischargeDate: "2026-04-12" }), "WAITING_PERIOD", "on paidOn", /2026-04-10/);
  await expect(w.member.user, claimBody({ admissionDate: "2026-04-09", dischargeDate: "2026-04-12" }), "WAITING_PERIOD", "day before cover");
  const renewal = await insertMember(app, w.enterpriseId, { share: { paidOn: "2026-01-05", coverFrom: "2026-01-05" } });
  await expect(renewal.user, claimBody({ admissionDate: "2026-03-10", dischargeDate: "2026-03-16" }), "LATE", "day after the deadline", /2026-06-14/);
  t2.equal((await submit(app, renewal.user, claimBody({ admissionDate: "2026-03-10", dischargeDate: "2026-03-17" }))).statusCode, 201, "the last day itself is in time");
  const first = await submit(app, w.member.user, claimBody({ invoiceNo: "DUP-1" }));
  t2.equal(first.statusCode, 201);
  await expect(w.member.user, claimBody({ invoiceNo: "DUP-1", dischargeDate: "2026-05-12" }), "DUPLICATE", "same invoice", /发票/);
  await expect(
    w.member.user,
    claimBody({ totalCostFen: 1e5, insurancePaidFen: 8e4, excludedFen: 20001 }),
    "INCONSISTENT_AMOUNTS",
    "parts above total",
    /（¥1,000\.01）超过了总费用（¥1,000\.00）/
  );
  const en = await submit(app, w.member.user, claimBody({ totalCostFen: 1e5, insurancePaidFen: 8e4, excludedFen: 20001 }), idemKey(), { "accept-language": "en" });
  t2.match(en.json().error.message, /do not add up/);
});
t.test("automatic checks: the order decides which code a claim failing several gets", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const renewal = await insertMember(app, w.enterpriseId, { share: { paidOn: "2026-01-05", coverFrom: "2026-01-05" } });
  const dup = await submit(app, renewal.user, claimBody({ invoiceNo: "X-1", admissionDate: "2026-03-10", dischargeDate: "2026-03-20" }));
  t2.equal(dup.statusCode, 201);
  const code = async (u, b) => (await submit(app, u, b)).json().error?.code;
  t2.equal(await code(renewal.user, claimBody({ invoiceNo: "X-1", admissionDate: "2026-03-01", dischargeDate: "2026-03-05", insurancePaidFen: 9e6 })), "LATE");
  t2.equal(await code(renewal.user, claimBody({ invoiceNo: "X-1", insurancePaidFen: 9e6 })), "DUPLICATE");
  t2.equal(await code(w.member.user, claimBody({ admissionDate: "2026-02-01", dischargeDate: "2026-02-02" })), "WAITING_PERIOD");
  t2.equal(await code(w.member.user, claimBody({ admissionDate: "2026-01-01", dischargeDate: "2026-01-02", insurancePaidFen: 9e6 })), "NOT_COVERED");
  t2.equal(await code(w.stranger, claimBody({ admissionDate: "2026-01-01", dischargeDate: "2026-01-02", insurancePaidFen: 9e6 })), "NOT_MEMBER");
});
t.test("a rejected claim can be corrected and submitted again as a new claim (resubmission_of)", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const first = (await submit(app, w.member.user, claimBody({ invoiceNo: "RE-1" }))).json();
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${first.id}/reject`, payload: { reasonCode: "DOCUMENTS_MISSING" } })).statusCode, 200);
  const again = await submit(app, w.member.user, claimBody({ invoiceNo: "RE-1", resubmissionOf: first.id }));
  t2.equal(again.statusCode, 201);
  t2.equal(app.db.select().from(aidClaims).where(eq(aidClaims.id, again.json().id)).get().resubmissionOf, first.id);
  const other = await insertMember(app, w.enterpriseId);
  const bad = await submit(app, other.user, claimBody({ resubmissionOf: first.id }));
  t2.equal(bad.statusCode, 400);
  t2.ok(bad.json().error.fields.resubmissionOf);
  const notRejected = await submit(app, w.member.user, claimBody({ resubmissionOf: again.json().id }));
  t2.equal(notRejected.statusCode, 400);
});
t.test("reading claims: the claimant and its reviewers; others 404; lists per role", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const id = (await submit(app, w.member.user, claimBody())).json().id;
  const get = (u) => injectAs(app, u, { method: "GET", url: `/api/v1/aid/claims/${id}` });
  const mine = await get(w.member.user);
  t2.equal(mine.statusCode, 200);
  const c = mine.json();
  t2.equal(c.status, "submitted");
  t2.equal(c.estimate.payableFen, 47e4);
  t2.equal(c.history.length, 1);
  t2.equal(c.history[0].action, "claim.submit");
  t2.same(c.documents, []);
  t2.equal((await get(w.staff)).statusCode, 200);
  t2.equal((await get(w.admin)).statusCode, 200);
  t2.equal((await get(w.stranger)).statusCode, 404, "another member: not found");
  t2.equal((await get(w.otherStaff)).statusCode, 404, "staff of another building: not found");
  t2.equal((await app.inject({ method: "GET", url: `/api/v1/aid/claims/${id}` })).statusCode, 401);
  t2.equal((await injectAs(app, w.member.user, { method: "GET", url: "/api/v1/aid/claims/999999" })).statusCode, 404);
  const staffMember = await attachMembership(app, w.staff2, w.enterpriseId);
  const ownId = (await submit(app, staffMember.user, claimBody())).json().id;
  const list = async (u, q = "") => (await injectAs(app, u, { method: "GET", url: `/api/v1/aid/claims${q}` })).json().items.map((i) => i.id);
  t2.same(await list(w.member.user), [id]);
  t2.same(await list(w.stranger), []);
  t2.same(await list(w.staff), [id, ownId]);
  t2.same(await list(w.staff2), [id], "staff do not get their own claim to review");
  t2.same(await list(w.staff2, "?mine=1"), [ownId]);
  t2.same(await list(w.otherStaff), []);
  t2.same(await list(w.admin), [id, ownId]);
  t2.same(await list(w.admin, "?status=approved"), []);
});
t.test("approve and reject: every role, every transition", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const staffMember = await attachMembership(app, w.staff, w.enterpriseId);
  const newClaim = async (u = w.member.user) => (await submit(app, u, claimBody())).json().id;
  const act = (u, id, what, payload) => injectAs(app, u, { method: "POST", url: `/api/v1/aid/claims/${id}/${what}`, ...payload === void 0 ? {} : { payload } });
  const a = await newClaim();
  t2.equal((await act(w.member.user, a, "approve")).statusCode, 403, "the claimant cannot approve");
  t2.equal((await act(w.stranger, a, "approve")).statusCode, 404, "another member: not found");
  t2.equal((await act(w.otherStaff, a, "approve")).statusCode, 404, "staff of another building: not found");
  t2.equal((await app.inject({ method: "POST", url: `/api/v1/aid/claims/${a}/approve` })).statusCode, 401);
  const ok = await act(w.staff, a, "approve");
  t2.equal(ok.statusCode, 200);
  t2.same(ok.json(), { status: "approved", payableFen: 47e4 });
  const again = await act(w.staff2, a, "approve");
  t2.equal(again.statusCode, 409, "approving an approved claim");
  t2.equal(again.json().error.code, "STATE_CHANGED");
  t2.equal((await act(w.staff2, a, "reject", { reasonCode: "OTHER", note: "x" })).statusCode, 409, "rejecting an approved claim");
  const own = await newClaim(staffMember.user);
  const self = await act(w.staff, own, "approve");
  t2.equal(self.statusCode, 403, "nobody approves their own claim");
  t2.match(self.json().error.message, /自己/);
  t2.equal((await act(w.staff, own, "reject", { reasonCode: "DOCUMENTS_MISSING" })).statusCode, 403);
  t2.equal((await act(w.admin, own, "approve")).statusCode, 200, "admin approves anywhere");
  const r = await newClaim();
  const noNote = await act(w.staff, r, "reject", { reasonCode: "OTHER" });
  t2.equal(noNote.statusCode, 400);
  t2.ok(noNote.json().error.fields.note);
  const badCode = await act(w.staff, r, "reject", { reasonCode: "BECAUSE" });
  t2.equal(badCode.statusCode, 400);
  t2.ok(badCode.json().error.fields.reasonCode);
  t2.equal((await act(w.member.user, r, "reject", { reasonCode: "DOCUMENTS_MISSING" })).statusCode, 403);
  const rejected = await act(w.staff, r, "reject", { reasonCode: "LATE", note: "\u51FA\u9662\u8D85\u8FC7 90 \u5929" });
  t2.equal(rejected.statusCode, 200);
  t2.same(rejected.json(), { status: "rejected" });
  t2.equal((await act(w.staff2, r, "approve")).statusCode, 409, "approving a rejected claim");
  t2.equal((await act(w.staff2, r, "reject", { reasonCode: "OTHER", note: "again" })).statusCode, 409);
  const view = (await injectAs(app, w.member.user, { method: "GET", url: `/api/v1/aid/claims/${r}` })).json();
  t2.equal(view.reasonCode, "LATE");
  t2.equal(view.reasonNote, "\u51FA\u9662\u8D85\u8FC7 90 \u5929");
  t2.same(view.history.map((h) => h.action), ["claim.submit", "claim.reject"]);
  t2.equal(view.history[1].actorName, "\u5BA1\u6838\u5458\u7532");
});
t.test("the payable counts the approved and paid claims of the year, never this claim itself", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const big = () => claimBody({ totalCostFen: 1e7, insurancePaidFen: 2e6, excludedFen: 0 });
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await submit(app, w.member.user, big())).json().id);
  for (const id of ids.slice(0, 2)) {
    t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` })).json().status, "awaiting_second_approval");
    const done = await injectAs(app, w.staff2, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` });
    t2.same(done.json(), { status: "approved", payableFen: 1e6 });
  }
  const third = await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${ids[2]}/approve` });
  t2.same(third.json(), { status: "approved", payableFen: 0 });
  const view = (await injectAs(app, w.member.user, { method: "GET", url: `/api/v1/aid/claims/${ids[2]}` })).json();
  t2.equal(view.limitedBy, "annual_cap");
  t2.equal(view.breakdown.paidThisYearFen, 2e6);
  const est = (await submit(app, w.member.user, big())).json();
  t2.equal(est.estimate.payableFen, 0);
  t2.equal(est.estimate.limitedBy, "annual_cap");
});
t.test("second approval: a different person completes it; the amount is computed again then", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const big = (await submit(app, w.member.user, claimBody({ totalCostFen: 5e6, insurancePaidFen: 1e6, excludedFen: 0 }))).json();
  t2.equal(big.estimate.payableFen, 67e4);
  const first = await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${big.id}/approve` });
  t2.same(first.json(), { status: "awaiting_second_approval", payableFen: 67e4 });
  const same = await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${big.id}/approve` });
  t2.equal(same.statusCode, 403, "the first approver cannot complete it");
  t2.equal(same.json().error.code, "SECOND_APPROVER_REQUIRED");
  const small = (await submit(app, w.member.user, claimBody({ totalCostFen: 4e5, insurancePaidFen: 1e5, excludedFen: 0 }))).json();
  t2.same((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${small.id}/approve` })).json(), { status: "approved", payableFen: 25e3 });
  app.db.$client.prepare("update aid_plans set annual_cap_per_share_fen = 600000 where year = 2026").run();
  const second = await injectAs(app, w.staff2, { method: "POST", url: `/api/v1/aid/claims/${big.id}/approve` });
  t2.equal(second.statusCode, 200);
  t2.same(second.json(), { status: "approved", payableFen: 575e3 }, "computed again at the final approval: 6000 \u2212 250");
  const view = (await injectAs(app, w.member.user, { method: "GET", url: `/api/v1/aid/claims/${big.id}` })).json();
  t2.same(view.history.map((h) => h.action), ["claim.submit", "claim.approve.first", "claim.approve"]);
  const big2 = (await submit(app, w.member.user, claimBody({ totalCostFen: 5e6, insurancePaidFen: 1e6, excludedFen: 0 }))).json();
  app.db.$client.prepare("update aid_plans set annual_cap_per_share_fen = 2000000 where year = 2026").run();
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${big2.id}/approve` })).json().status, "awaiting_second_approval");
  t2.equal((await injectAs(app, w.staff2, { method: "POST", url: `/api/v1/aid/claims/${big2.id}/reject`, payload: { reasonCode: "DOCUMENTS_MISSING" } })).statusCode, 200);
});
t.test("concurrency: two staff approving one claim at once: one 200, one 409", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  for (let round = 0; round < 5; round++) {
    const id = (await submit(app, w.member.user, claimBody())).json().id;
    const results = await Promise.all([w.staff, w.staff2, w.admin].map((u) => injectAs(app, u, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` })));
    const codes = results.map((r) => r.statusCode).sort();
    t2.same(codes, [200, 409, 409], `round ${round}`);
    t2.equal(app.db.select().from(auditLog).where(eq(auditLog.entityId, String(id))).all().filter((a) => a.action === "claim.approve").length, 1);
  }
});
t.test("concurrency: parallel approvals of one member's claims never pay more than the annual cap \xD7 shares", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  app.db.$client.prepare("update aid_plans set second_approval_above_fen = 100000000000 where year = 2026").run();
  const two = await insertMember(app, w.enterpriseId, { share: { shares: 2 } });
  for (const m of [w.member, two]) {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await submit(app, m.user, claimBody({ totalCostFen: 1e7, insurancePaidFen: 2e6, excludedFen: 0 }))).json().id);
    const approvers = [w.staff, w.staff2, w.admin];
    const results = await Promise.all(ids.map((id, i) => injectAs(app, approvers[i % 3], { method: "POST", url: `/api/v1/aid/claims/${id}/approve` })));
    t2.ok(results.every((r) => r.statusCode === 200));
    const total = results.reduce((a, r) => a + r.json().payableFen, 0);
    const shares = m === two ? 2 : 1;
    t2.equal(total, 2e6 * shares, `exactly the annual cap \xD7 ${shares}`);
    const stored = app.db.select().from(aidClaims).where(eq(aidClaims.membershipId, m.membershipId)).all().reduce((a, c) => a + (c.payableFen ?? 0), 0);
    t2.equal(stored, 2e6 * shares);
  }
});
t.test("the member's current building decides who reviews: after a transfer, the new building's staff", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const id = (await submit(app, w.member.user, claimBody())).json().id;
  const newEnterprise = await insertEnterprise(app, w.otherBuildingId);
  app.db.$client.prepare("update memberships set enterprise_id = ? where id = ?").run(newEnterprise, w.member.membershipId);
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 404);
  t2.equal((await injectAs(app, w.otherStaff, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 200);
});
t.test("a staff account without a building reviews nothing", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const loose = await createUser(app, { role: "staff" });
  const id = (await submit(app, w.member.user, claimBody())).json().id;
  t2.equal((await injectAs(app, loose, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 404);
  t2.same((await injectAs(app, loose, { method: "GET", url: "/api/v1/aid/claims" })).json().items, []);
});
//# sourceMappingURL=claims-api.test.js.map
