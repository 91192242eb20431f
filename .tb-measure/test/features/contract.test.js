import t from "tap";
import { build, createUser, nextPhone, PASSWORD } from "../helper.js";
import { signWebhook } from "../../src/features/aid/payment-webhook.js";
import { aidClaims, aidPurchases } from "../../src/db/schema/index.js";
import { uniqueResidentId, uniqueUscc } from "../factories.js";
import { attachMembership, claimBody, claimWorld, idemKey, insertMember, insertPaidShare, setPlanTerms, TINY_PDF } from "./claims/fixtures.js";
import { multipart } from "../multipart.js";
const WEBHOOK_SECRET = "test-webhook-secret-0123456789abcdef";
async function call(app, method, url, o = {}) {
  const headers = { accept: "application/json", ...o.headers ?? {} };
  if (o.token !== void 0) headers.authorization = `Bearer ${o.token}`;
  if (o.lang !== void 0) headers["accept-language"] = o.lang;
  if (o.body === void 0) return await app.inject({ method, url, headers });
  headers["content-type"] = "application/json";
  return await app.inject({ method, url, headers, payload: JSON.stringify(o.body) });
}
function expectError(t2, res, status, code) {
  t2.equal(res.statusCode, status, `status ${status} (${res.body.slice(0, 200)})`);
  t2.match(res.headers["content-type"], /application\/json/);
  const body = res.json();
  t2.same(Object.keys(body), ["error"], "only `error` at the top");
  const e = body.error;
  t2.type(e.code, "string");
  t2.type(e.message, "string");
  t2.ok(e.message.length > 0, "a message");
  for (const k of Object.keys(e)) t2.ok(["code", "message", "fields"].includes(k), `error key ${k} is documented`);
  if (e.fields !== void 0) for (const v of Object.values(e.fields)) t2.type(v, "string");
  if (code !== void 0) t2.equal(e.code, code);
  return e;
}
function hasFields(t2, obj, fields, what) {
  for (const f of fields) t2.ok(Object.hasOwn(obj, f), `${what} has ${f}`);
}
const CJK = /[\u4e00-\u9fff]/;
async function tokenOf(app, phone, password = PASSWORD) {
  const res = await call(app, "POST", "/api/v1/auth/token", { body: { phone, password } });
  if (res.statusCode !== 200) throw new Error(`token for ${phone}: ${res.body}`);
  return res.json().token;
}
t.test('GET /healthz \u2192 200 {status:"ok"}', async (t2) => {
  const app = await build(t2);
  const res = await app.inject({ method: "GET", url: "/healthz" });
  t2.equal(res.statusCode, 200);
  t2.same(res.json(), { status: "ok" });
});
t.test("auth: register 201 {token, user}, token 200 {token}, 401, 400 with fields, English messages", async (t2) => {
  const app = await build(t2);
  const phone = nextPhone();
  const reg = await call(app, "POST", "/api/v1/auth/register", { body: { phone, password: PASSWORD, name: "\u738B\u82B3", favouriteColour: "blue" } });
  t2.equal(reg.statusCode, 201);
  const body = reg.json();
  hasFields(t2, body, ["token", "user"], "register");
  t2.type(body.token, "string");
  t2.same(Object.keys(body.user).sort(), ["id", "name", "phone", "roles"]);
  t2.same(body.user.roles, ["member"]);
  t2.equal(body.user.phone, phone);
  const me = await call(app, "GET", "/api/v1/me", { token: body.token });
  t2.equal(me.statusCode, 200);
  hasFields(t2, me.json(), ["user", "enterprises"], "me");
  t2.ok(Array.isArray(me.json().enterprises));
  const tok = await call(app, "POST", "/api/v1/auth/token", { body: { phone, password: PASSWORD, extra: 1 } });
  t2.equal(tok.statusCode, 200);
  t2.type(tok.json().token, "string");
  t2.equal((await call(app, "GET", "/api/v1/me", { token: tok.json().token })).statusCode, 200);
  expectError(t2, await call(app, "POST", "/api/v1/auth/token", { body: { phone, password: "wrong-password-9" } }), 401);
  expectError(t2, await call(app, "POST", "/api/v1/auth/token", { body: { phone: nextPhone(), password: PASSWORD } }), 401);
  const bad = expectError(t2, await call(app, "POST", "/api/v1/auth/register", { body: { phone: "123", password: "1", name: "" } }), 400, "INVALID_INPUT");
  t2.same(Object.keys(bad.fields ?? {}).sort(), ["name", "password", "phone"]);
  t2.match(bad.message, CJK, "Chinese by default");
  const en = expectError(t2, await call(app, "POST", "/api/v1/auth/register", { lang: "en", body: { phone: "123", password: "1", name: "" } }), 400);
  t2.notMatch(en.message, CJK, "English message");
  for (const v of Object.values(en.fields ?? {})) t2.notMatch(v, CJK, "English field message");
  const empty = expectError(t2, await call(app, "POST", "/api/v1/auth/token"), 400);
  t2.ok(empty.fields !== void 0);
  expectError(t2, await call(app, "POST", "/api/v1/auth/register", { body: { phone, password: PASSWORD, name: "B" } }), 409);
  expectError(t2, await call(app, "GET", "/api/v1/me"), 401);
  expectError(t2, await call(app, "GET", "/api/v1/me", { token: "not-a-token" }), 401);
  const malformed = await app.inject({ method: "POST", url: "/api/v1/auth/token", headers: { "content-type": "application/json" }, payload: '{"phone":' });
  expectError(t2, malformed, 400);
  const huge = await app.inject({ method: "POST", url: "/api/v1/aid/quote", headers: { "content-type": "application/json" }, payload: JSON.stringify({ totalCostFen: 1, pad: "x".repeat(2 * 1024 * 1024) }) });
  expectError(t2, huge, 413);
});
t.test("auth: 429 RATE_LIMITED after 10 a minute, 429 ACCOUNT_LOCKED after five wrong passwords", async (t2) => {
  const app = await build(t2);
  const user = await createUser(app);
  for (let i = 1; i <= 5; i++) {
    expectError(t2, await call(app, "POST", "/api/v1/auth/token", { body: { phone: user.phone, password: "wrong-password-9" } }), 401, "INVALID_CREDENTIALS");
  }
  const locked = expectError(t2, await call(app, "POST", "/api/v1/auth/token", { body: { phone: user.phone, password: PASSWORD } }), 429, "ACCOUNT_LOCKED");
  t2.match(locked.message, CJK);
  app.testClock.advance(16 * 6e4);
  t2.equal((await call(app, "POST", "/api/v1/auth/token", { body: { phone: user.phone, password: PASSWORD } })).statusCode, 200, "the lock ends after 15 minutes");
  const stranger = nextPhone();
  for (let i = 1; i <= 10; i++) expectError(t2, await call(app, "POST", "/api/v1/auth/token", { body: { phone: stranger, password: PASSWORD } }), 401);
  const limited = expectError(t2, await call(app, "POST", "/api/v1/auth/token", { lang: "en", body: { phone: stranger, password: PASSWORD } }), 429, "RATE_LIMITED");
  t2.notMatch(limited.message, CJK);
});
t.test("the whole flow through the API: building \u2192 enterprise \u2192 membership \u2192 share \u2192 payment \u2192 claim \u2192 approval", async (t2) => {
  const app = await build(t2);
  const adminUser = await createUser(app, { role: "admin", name: "\u5E02\u603B\u7BA1\u7406\u5458" });
  const admin = await tokenOf(app, adminUser.phone);
  const reg = async (name) => {
    const phone = nextPhone();
    const r = await call(app, "POST", "/api/v1/auth/register", { body: { phone, password: PASSWORD, name } });
    t2.equal(r.statusCode, 201);
    return { id: r.json().user.id, phone, token: r.json().token };
  };
  const liaison = await reg("\u8054\u7EDC\u5458");
  expectError(t2, await call(app, "POST", "/api/v1/buildings", { body: { name: "X", district: "Y", address: "Z", enterprisesTotal: 5 } }), 401);
  expectError(t2, await call(app, "POST", "/api/v1/buildings", { token: liaison.token, body: {} }), 403);
  const badB = expectError(t2, await call(app, "POST", "/api/v1/buildings", { token: admin, body: { name: "", enterprisesTotal: -1 } }), 400, "INVALID_INPUT");
  t2.ok(badB.fields?.name !== void 0 && badB.fields?.district !== void 0 && badB.fields?.address !== void 0 && badB.fields?.enterprisesTotal !== void 0);
  const b = await call(app, "POST", "/api/v1/buildings", { token: admin, body: { name: "\u4E94\u534E\u79D1\u521B\u5927\u53A6", district: "\u4E94\u534E\u533A", address: "\u6606\u660E\u5E02\u4E94\u534E\u533A", enterprisesTotal: 96, unknown: true } });
  t2.equal(b.statusCode, 201);
  t2.same(Object.keys(b.json()), ["id"]);
  const buildingId = b.json().id;
  const staffUser = await createUser(app, { role: "staff", buildingIds: [buildingId], name: "\u5DE5\u4F5C\u4EBA\u5458" });
  const staff = await tokenOf(app, staffUser.phone);
  const badE = expectError(t2, await call(app, "POST", "/api/v1/enterprises", { token: liaison.token, body: { buildingId, name: "A", uscc: "123", headcount: 0 } }), 400);
  t2.ok(badE.fields?.uscc !== void 0 && badE.fields?.headcount !== void 0);
  const firstUscc = uniqueUscc();
  const e = await call(app, "POST", "/api/v1/enterprises", { token: liaison.token, body: { buildingId, name: "\u4E91\u5CAD\u8F6F\u4EF6\u6709\u9650\u516C\u53F8", uscc: firstUscc, headcount: 30, extra: "x" } });
  t2.equal(e.statusCode, 201);
  t2.same(e.json(), { id: e.json().id, status: "pending" });
  const enterpriseId = e.json().id;
  expectError(t2, await call(app, "POST", "/api/v1/enterprises", { token: liaison.token, body: { buildingId, name: "\u91CD\u590D", uscc: firstUscc, headcount: 3 } }), 409);
  const member = await reg("\u738B\u82B3");
  const wangId = uniqueResidentId();
  const early = expectError(t2, await call(app, "POST", "/api/v1/memberships", { token: member.token, body: { enterpriseId, name: "\u738B\u82B3", idNumber: wangId } }), 422, "ENTERPRISE_NOT_ENROLLED");
  t2.match(early.message, CJK);
  expectError(t2, await call(app, "POST", `/api/v1/enterprises/${enterpriseId}/approve`, { token: liaison.token }), 403);
  expectError(t2, await call(app, "POST", "/api/v1/enterprises/999999/approve", { token: staff }), 404);
  const ok = await call(app, "POST", `/api/v1/enterprises/${enterpriseId}/approve`, { token: staff });
  t2.equal(ok.statusCode, 200);
  t2.same(ok.json(), { status: "enrolled" });
  expectError(t2, await call(app, "POST", `/api/v1/enterprises/${enterpriseId}/approve`, { token: staff }), 409);
  const e2 = await call(app, "POST", "/api/v1/enterprises", { token: liaison.token, body: { buildingId, name: "\u7B2C\u4E8C\u5BB6", uscc: uniqueUscc(), headcount: 5 } });
  const rej = await call(app, "POST", `/api/v1/enterprises/${e2.json().id}/reject`, { token: staff, body: { reason: "\u6750\u6599\u4E0D\u5168" } });
  t2.equal(rej.statusCode, 200);
  t2.same(rej.json(), { status: "rejected" });
  const badM = expectError(t2, await call(app, "POST", "/api/v1/memberships", { token: member.token, body: { enterpriseId, name: "", idNumber: "110105194912310021" } }), 400);
  t2.ok(badM.fields?.name !== void 0 && badM.fields?.idNumber !== void 0);
  const m = await call(app, "POST", "/api/v1/memberships", { token: member.token, body: { enterpriseId, name: "\u738B\u82B3", idNumber: wangId, hobby: "x" } });
  t2.equal(m.statusCode, 201);
  t2.same(m.json(), { id: m.json().id, status: "applied" });
  const membershipId = m.json().id;
  expectError(t2, await call(app, "POST", "/api/v1/memberships", { token: member.token, body: { enterpriseId, name: "\u738B\u82B3", idNumber: wangId } }), 409);
  expectError(t2, await call(app, "POST", `/api/v1/memberships/${membershipId}/approve`, { token: member.token }), 403);
  const appr = await call(app, "POST", `/api/v1/memberships/${membershipId}/approve`, { token: liaison.token });
  t2.equal(appr.statusCode, 200);
  t2.same(Object.keys(appr.json()).sort(), ["memberNo", "status"]);
  t2.equal(appr.json().status, "active");
  t2.type(appr.json().memberNo, "string");
  expectError(t2, await call(app, "POST", `/api/v1/memberships/${membershipId}/approve`, { token: liaison.token }), 409);
  const other = await reg("\u674E\u5F3A");
  const m2 = await call(app, "POST", "/api/v1/memberships", { token: other.token, body: { enterpriseId, name: "\u674E\u5F3A", idNumber: uniqueResidentId() } });
  const noReason = expectError(t2, await call(app, "POST", `/api/v1/memberships/${m2.json().id}/reject`, { token: staff }), 400);
  t2.ok(noReason.fields?.reason, "a rejection needs a reason");
  const mrej = await call(app, "POST", `/api/v1/memberships/${m2.json().id}/reject`, { token: staff, body: { reason: "\u4E0D\u662F\u672C\u4F01\u4E1A\u804C\u5DE5" } });
  t2.equal(mrej.statusCode, 200);
  t2.same(mrej.json(), { status: "rejected" });
  expectError(t2, await call(app, "POST", `/api/v1/memberships/${m2.json().id}/reject`, { token: staff, body: { reason: "\u518D\u6B21" } }), 409);
  const list = await call(app, "GET", "/api/v1/buildings");
  t2.equal(list.statusCode, 200);
  const item = list.json().items.find((i) => i.id === buildingId);
  hasFields(t2, item, ["id", "name", "district", "enterprisesTotal", "enterprisesEnrolled", "members"], "building item");
  t2.match(item, { name: "\u4E94\u534E\u79D1\u521B\u5927\u53A6", district: "\u4E94\u534E\u533A", enterprisesTotal: 96, enterprisesEnrolled: 1, members: 1 });
  const plan = await call(app, "GET", "/api/v1/aid/plans/current");
  t2.equal(plan.statusCode, 200);
  hasFields(t2, plan.json(), ["year", "shareFeeFen", "maxShares", "enrolFrom", "enrolTo", "waitingDays", "tiers", "perAdmissionCapFen", "annualCapPerShareFen", "claimDeadlineDays", "secondApprovalAboveFen"], "plan");
  t2.match(plan.json(), {
    year: 2026,
    shareFeeFen: 12e3,
    maxShares: 1,
    enrolFrom: "2026-01-01",
    enrolTo: "2026-12-31",
    waitingDays: 90,
    tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 5e4, rateBp: 1e3 }, { fromFen: 5e5, rateBp: 1500 }, { fromFen: 2e6, rateBp: 2e3 }],
    perAdmissionCapFen: 1e6,
    annualCapPerShareFen: 2e6,
    claimDeadlineDays: 90,
    secondApprovalAboveFen: 5e5
  });
  const whole = { ...plan.json() };
  delete whole.year;
  expectError(t2, await call(app, "PUT", "/api/v1/aid/plans/2027", { token: staff, body: whole }), 403);
  const rate = expectError(t2, await call(app, "PUT", "/api/v1/aid/plans/2027", { token: admin, body: { ...whole, tiers: [{ fromFen: 0, rateBp: 2001 }] } }), 400);
  t2.type(rate.fields?.tiers, "string");
  const asc = expectError(t2, await call(app, "PUT", "/api/v1/aid/plans/2027", { token: admin, lang: "en", body: { ...whole, tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 5e4, rateBp: 1e3 }, { fromFen: 5e4, rateBp: 1500 }] } }), 400);
  t2.type(asc.fields?.tiers, "string");
  t2.notMatch(asc.fields?.tiers ?? "", CJK);
  const notZero = expectError(t2, await call(app, "PUT", "/api/v1/aid/plans/2027", { token: admin, body: { ...whole, tiers: [{ fromFen: 100, rateBp: 0 }] } }), 400);
  t2.type(notZero.fields?.tiers, "string");
  const put = await call(app, "PUT", "/api/v1/aid/plans/2027", { token: admin, body: { ...whole, enrolFrom: "2027-01-01", enrolTo: "2027-12-31", shareFeeFen: 15e3, note: "ignored" } });
  t2.equal(put.statusCode, 200);
  t2.match(put.json(), { year: 2027, shareFeeFen: 15e3 });
  hasFields(t2, put.json(), ["year", "shareFeeFen", "maxShares", "enrolFrom", "enrolTo", "waitingDays", "tiers", "perAdmissionCapFen", "annualCapPerShareFen", "claimDeadlineDays", "secondApprovalAboveFen"], "put plan");
  const noKey = expectError(t2, await call(app, "POST", "/api/v1/aid/purchases", { token: member.token, body: { shares: 1 } }), 400);
  t2.ok(noKey.fields !== void 0);
  expectError(t2, await call(app, "POST", "/api/v1/aid/purchases", { token: other.token, headers: { "idempotency-key": "k-other" }, body: { shares: 1 } }), 403);
  expectError(t2, await call(app, "POST", "/api/v1/aid/purchases", { token: member.token, headers: { "idempotency-key": "k-bad" }, body: { shares: 1.5 } }), 400);
  const p = await call(app, "POST", "/api/v1/aid/purchases", { token: member.token, headers: { "idempotency-key": "k-1" }, body: { shares: 1, colour: "red" } });
  t2.equal(p.statusCode, 201);
  hasFields(t2, p.json(), ["id", "status", "amountFen"], "purchase");
  t2.match(p.json(), { status: "pending_payment", amountFen: 12e3 });
  const again = await call(app, "POST", "/api/v1/aid/purchases", { token: member.token, headers: { "idempotency-key": "k-1" }, body: { shares: 1 } });
  t2.equal(again.statusCode, 201, "the same key \u2192 the first answer");
  t2.same(again.json(), p.json());
  t2.equal(app.db.select().from(aidPurchases).all().length, 1, "nothing new");
  expectError(t2, await call(app, "POST", "/api/v1/aid/purchases", { token: member.token, headers: { "idempotency-key": "k-2" }, body: { shares: 1 } }), 409);
  const closed = expectError(t2, await call(app, "POST", "/api/v1/aid/purchases", { token: member.token, headers: { "idempotency-key": "k-3" }, body: { shares: 1, year: 2027 } }), 422, "ENROLMENT_CLOSED");
  t2.match(closed.message, CJK);
  const purchaseId = p.json().id;
  expectError(t2, await call(app, "POST", `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, { token: member.token, body: { receiptNo: "R-1", paidOn: "2026-06-15" } }), 403);
  const badPay = expectError(t2, await call(app, "POST", `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, { token: staff, body: { receiptNo: "", paidOn: "2026-02-30" } }), 400);
  t2.ok(badPay.fields?.receiptNo !== void 0 && badPay.fields?.paidOn !== void 0);
  const paid = await call(app, "POST", `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, { token: staff, body: { receiptNo: "R-1", paidOn: "2026-06-15" } });
  t2.equal(paid.statusCode, 200);
  t2.same(paid.json(), { status: "paid", coverFrom: "2026-09-13", coverTo: "2026-12-31" });
  expectError(t2, await call(app, "POST", `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, { token: staff, body: { receiptNo: "R-2", paidOn: "2026-06-15" } }), 409);
  expectError(t2, await call(app, "POST", "/api/v1/aid/claims", { token: member.token, body: claimBody() }), 400);
  expectError(t2, await call(app, "POST", "/api/v1/aid/claims", { token: member.token, headers: { "idempotency-key": "c-0" }, body: claimBody({ admissionDate: "2026-06-15", dischargeDate: "2026-06-15" }) }), 422, "WAITING_PERIOD");
  app.testClock.set("2026-10-20T02:00:00.000Z");
  const body = claimBody({ admissionDate: "2026-10-01", dischargeDate: "2026-10-10", totalCostFen: 5e6, insurancePaidFen: 15e5, excludedFen: 5e5, whatever: 1 });
  const c = await call(app, "POST", "/api/v1/aid/claims", { token: member.token, headers: { "idempotency-key": "c-1" }, body });
  t2.equal(c.statusCode, 201);
  hasFields(t2, c.json(), ["id", "status", "estimate"], "claim");
  t2.equal(c.json().status, "submitted");
  const est = c.json().estimate;
  hasFields(t2, est, ["baseFen", "grossFen", "payableFen", "limitedBy", "lines"], "estimate");
  t2.match(est, { baseFen: 3e6, grossFen: 47e4, payableFen: 47e4, limitedBy: "none" });
  for (const line of est.lines) hasFields(t2, line, ["fromFen", "toFen", "portionFen", "rateBp"], "estimate line");
  const c2 = await call(app, "POST", "/api/v1/aid/claims", { token: member.token, headers: { "idempotency-key": "c-1" }, body });
  t2.equal(c2.statusCode, 201);
  t2.same(c2.json(), c.json(), "the same key \u2192 the first answer");
  t2.equal(app.db.select().from(aidClaims).all().length, 1, "nothing new");
  const mine = await call(app, "GET", "/api/v1/aid/claims", { token: member.token });
  t2.equal(mine.statusCode, 200);
  t2.equal(mine.json().items.length, 1);
  const queue = await call(app, "GET", "/api/v1/aid/claims", { token: staff });
  t2.equal(queue.json().items.length, 1, "staff see the claims they may review");
  const one = await call(app, "GET", `/api/v1/aid/claims/${c.json().id}`, { token: member.token });
  t2.equal(one.statusCode, 200);
  hasFields(t2, one.json(), ["id", "status", "estimate", "history"], "claim view");
  expectError(t2, await call(app, "GET", `/api/v1/aid/claims/${c.json().id}`, { token: other.token }), 404);
  const doc = multipart({ kind: "invoice" }, { name: "invoice.pdf", type: "application/pdf", bytes: TINY_PDF });
  const up = await app.inject({ method: "POST", url: `/api/v1/aid/claims/${c.json().id}/documents`, payload: doc.payload, headers: { ...doc.headers, authorization: `Bearer ${member.token}` } });
  t2.equal(up.statusCode, 201);
  const doc2 = multipart({ kind: "invoice" }, { name: "invoice.pdf", type: "application/pdf", bytes: TINY_PDF });
  expectError(t2, await app.inject({ method: "POST", url: `/api/v1/aid/claims/${c.json().id}/documents`, payload: doc2.payload, headers: { ...doc2.headers, authorization: `Bearer ${staff}` } }), 403);
  expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${c.json().id}/documents`, { token: member.token }), 400);
  expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${c.json().id}/approve`, { token: member.token }), 403);
  t2.same((await call(app, "GET", `/api/v1/aid/claims/${c.json().id}`, { token: member.token })).json().documentsMissing, ["itemised_bill", "discharge_summary", "insurance_statement"]);
  t2.equal(expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${c.json().id}/approve`, { token: staff }), 422).code, "DOCUMENTS_MISSING");
  for (const kind of ["itemised_bill", "discharge_summary", "insurance_statement"]) {
    const d = multipart({ kind }, { name: `${kind}.pdf`, type: "application/pdf", bytes: TINY_PDF });
    t2.equal((await app.inject({ method: "POST", url: `/api/v1/aid/claims/${c.json().id}/documents`, payload: d.payload, headers: { ...d.headers, authorization: `Bearer ${member.token}` } })).statusCode, 201);
  }
  const noAcc = await call(app, "POST", `/api/v1/aid/claims/${c.json().id}/approve`, { token: staff });
  t2.equal(expectError(t2, noAcc, 422).code, "PAYOUT_ACCOUNT_MISSING", noAcc.body);
  const badAccount = expectError(t2, await call(app, "PUT", "/api/v1/me/payout-account", { token: member.token, body: { bankName: "\u4E2D\u56FD\u94F6\u884C", accountNo: "123", accountName: "\u522B\u4EBA" } }), 400);
  t2.type(badAccount.fields?.accountNo, "string");
  const notOwn = expectError(t2, await call(app, "PUT", "/api/v1/me/payout-account", { token: member.token, body: { bankName: "\u4E2D\u56FD\u94F6\u884C", accountNo: "6216610000012345678", accountName: "\u522B\u4EBA" } }), 400);
  t2.type(notOwn.fields?.accountName, "string");
  const account = await call(app, "PUT", "/api/v1/me/payout-account", { token: member.token, body: { bankName: "\u4E2D\u56FD\u94F6\u884C", accountNo: "6216610000012345678", accountName: "\u738B\u82B3" } });
  t2.equal(account.statusCode, 200);
  t2.equal(account.json().accountNo, "**** **** 5678");
  const ap = await call(app, "POST", `/api/v1/aid/claims/${c.json().id}/approve`, { token: staff });
  t2.equal(ap.statusCode, 200);
  t2.same(ap.json(), { status: "approved", payableFen: 47e4 });
  expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${c.json().id}/approve`, { token: admin }), 409);
  expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${c.json().id}/reject`, { token: admin, body: { reasonCode: "DOCUMENTS_MISSING" } }), 409);
  const c3 = await call(app, "POST", "/api/v1/aid/claims", { token: member.token, headers: { "idempotency-key": "c-3" }, body: claimBody({ admissionDate: "2026-10-11", dischargeDate: "2026-10-12", totalCostFen: 1e5, insurancePaidFen: 0, excludedFen: 0 }) });
  t2.equal(c3.statusCode, 201);
  const badRej = expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${c3.json().id}/reject`, { token: staff, body: { reasonCode: "NOPE" } }), 400);
  t2.type(badRej.fields?.reasonCode, "string");
  const noteReq = expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${c3.json().id}/reject`, { token: staff, body: { reasonCode: "OTHER" } }), 400);
  t2.type(noteReq.fields?.note, "string");
  const rj = await call(app, "POST", `/api/v1/aid/claims/${c3.json().id}/reject`, { token: staff, body: { reasonCode: "OTHER", note: "\u53D1\u7968\u4E0D\u6E05\u6670" } });
  t2.equal(rj.statusCode, 200);
  t2.same(rj.json(), { status: "rejected" });
});
t.test('webhook: signed notice \u2192 200 {status:"paid"}; the same again \u2192 200 and nothing changes; bad signature \u2192 401', async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const member = await insertMember(app, w.enterpriseId, { share: null });
  const token = await tokenOf(app, member.user.phone);
  const p = await call(app, "POST", "/api/v1/aid/purchases", { token, headers: { "idempotency-key": "w-1" }, body: { shares: 1 } });
  t2.equal(p.statusCode, 201);
  const raw = JSON.stringify({ purchaseId: p.json().id, receiptNo: "PAY-1", paidOn: "2026-06-15", amountFen: p.json().amountFen });
  const send = (sig, payload = raw) => app.inject({ method: "POST", url: "/api/v1/aid/payments/webhook", payload, headers: { "content-type": "application/json", ...sig === void 0 ? {} : { "x-signature": sig } } });
  expectError(t2, await send("sha256=" + "0".repeat(64)), 401);
  expectError(t2, await send(void 0), 401);
  const wrongSum = JSON.stringify({ ...JSON.parse(raw), amountFen: 100 });
  expectError(t2, await send(signWebhook(WEBHOOK_SECRET, wrongSum), wrongSum), 422, "AMOUNT_MISMATCH");
  const ok = await send(signWebhook(WEBHOOK_SECRET, raw));
  t2.equal(ok.statusCode, 200);
  t2.equal(ok.json().status, "paid");
  const before = app.db.select().from(aidPurchases).all();
  const again = await send(signWebhook(WEBHOOK_SECRET, raw));
  t2.equal(again.statusCode, 200);
  t2.equal(again.json().status, "paid");
  t2.same(app.db.select().from(aidPurchases).all(), before, "nothing changes");
});
t.test("POST /api/v1/aid/quote: the worked examples of DOMAIN.md, 422 and 400", async (t2) => {
  const app = await build(t2);
  const quote = (body, lang) => call(app, "POST", "/api/v1/aid/quote", { body, lang });
  const cases = [
    // [base yuan, paidThisYear fen, payable fen, limitedBy]
    [3e3, 0, 25e3, "none"],
    [12e3, 0, 15e4, "none"],
    [3e4, 0, 47e4, "none"],
    [8e4, 0, 1e6, "admission_cap"],
    [8e4, 15e5, 5e5, "annual_cap"]
  ];
  for (const [baseYuan, paidThisYearFen, payable, limitedBy] of cases) {
    const res = await quote({ totalCostFen: baseYuan * 100 + 7e5, insurancePaidFen: 5e5, excludedFen: 2e5, shares: 1, paidThisYearFen, note: "ignored" });
    t2.equal(res.statusCode, 200, `base ${baseYuan}`);
    const q = res.json();
    hasFields(t2, q, ["baseFen", "grossFen", "payableFen", "limitedBy", "lines"], "quote");
    t2.equal(q.baseFen, baseYuan * 100);
    t2.equal(q.payableFen, payable, `base ${baseYuan} yuan, paid ${paidThisYearFen} \u2192 ${payable}`);
    t2.equal(q.limitedBy, limitedBy);
    t2.ok(q.payableFen * 5 <= q.baseFen, "never more than 20% of the base");
    t2.equal(q.lines.length, 4);
    for (const line of q.lines) hasFields(t2, line, ["fromFen", "toFen", "portionFen", "rateBp"], "line");
    t2.equal(q.lines.reduce((s, l) => s + l.portionFen, 0), q.baseFen, "the portions add up to the base");
  }
  const plain = await quote({ totalCostFen: 3e5, insurancePaidFen: 0, excludedFen: 0 });
  t2.equal(plain.json().payableFen, 25e3);
  const inc = expectError(t2, await quote({ totalCostFen: 100, insurancePaidFen: 80, excludedFen: 30 }), 422, "INCONSISTENT_AMOUNTS");
  t2.match(inc.message, CJK);
  const incEn = expectError(t2, await quote({ totalCostFen: 100, insurancePaidFen: 80, excludedFen: 30 }, "en"), 422);
  t2.notMatch(incEn.message, CJK);
  const bad = expectError(t2, await quote({ totalCostFen: 1.5, insurancePaidFen: -1, excludedFen: "3" }), 400, "INVALID_INPUT");
  t2.same(Object.keys(bad.fields ?? {}).sort(), ["excludedFen", "insurancePaidFen", "totalCostFen"]);
  expectError(t2, await call(app, "POST", "/api/v1/aid/quote"), 400);
});
t.test("claims: the automatic checks in their order; schema errors 400 before any of them; refused claims are not stored", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const submit = async (token, body, lang) => await call(app, "POST", "/api/v1/aid/claims", { token, headers: { "idempotency-key": idemKey() }, body, lang });
  const inconsistent = { totalCostFen: 1e5, insurancePaidFen: 9e4, excludedFen: 2e4 };
  const neverJoined = await tokenOf(app, w.stranger.phone);
  for (const bad of [
    { totalCostFen: 100.5 },
    { insurancePaidFen: -1 },
    { admissionDate: "2026-05-10", dischargeDate: "2026-05-01" },
    { admissionDate: "2026-06-16", dischargeDate: "2026-06-16" },
    { admissionDate: "2026-02-30" },
    { invoiceNo: "" }
  ]) {
    const e = expectError(t2, await submit(neverJoined, claimBody({ ...inconsistent, ...bad })), 400, "INVALID_INPUT");
    t2.ok(e.fields !== void 0 && Object.keys(e.fields).length > 0, `fields for ${JSON.stringify(bad)}`);
  }
  const nm = expectError(t2, await submit(neverJoined, claimBody({ ...inconsistent, admissionDate: "2025-01-01", dischargeDate: "2025-01-02" })), 422, "NOT_MEMBER");
  t2.match(nm.message, CJK);
  const nmEn = expectError(t2, await submit(neverJoined, claimBody(inconsistent), "en"), 422, "NOT_MEMBER");
  t2.notMatch(nmEn.message, CJK);
  const applicant = await insertMember(app, w.enterpriseId, { status: "applied" });
  expectError(t2, await submit(await tokenOf(app, applicant.user.phone), claimBody(inconsistent)), 422, "NOT_MEMBER");
  const unpaid = await insertMember(app, w.enterpriseId, { share: null });
  expectError(t2, await submit(await tokenOf(app, unpaid.user.phone), claimBody(inconsistent)), 422, "NOT_COVERED");
  const left = await insertMember(app, w.enterpriseId, { status: "left" });
  t2.equal((await submit(await tokenOf(app, left.user.phone), claimBody())).statusCode, 201);
  const member = await tokenOf(app, w.member.user.phone);
  expectError(t2, await submit(member, claimBody({ ...inconsistent, admissionDate: "2026-01-09", dischargeDate: "2026-01-12" })), 422, "NOT_COVERED");
  expectError(t2, await submit(member, claimBody({ ...inconsistent, admissionDate: "2025-12-20", dischargeDate: "2026-01-12" })), 422, "NOT_COVERED");
  expectError(t2, await submit(member, claimBody({ ...inconsistent, admissionDate: "2026-01-10", dischargeDate: "2026-01-12" })), 422, "WAITING_PERIOD");
  expectError(t2, await submit(member, claimBody({ ...inconsistent, admissionDate: "2026-04-09", dischargeDate: "2026-04-12" })), 422, "WAITING_PERIOD");
  insertPaidShare(app, w.member.membershipId, { planYear: 2025 });
  const first = claimBody({ admissionDate: "2026-04-10", dischargeDate: "2026-04-12" });
  t2.equal((await submit(member, first)).statusCode, 201);
  expectError(t2, await submit(member, claimBody({ ...inconsistent, invoiceNo: first.invoiceNo, admissionDate: "2025-05-01", dischargeDate: "2025-05-10" })), 422, "LATE");
  expectError(t2, await submit(member, claimBody({ ...inconsistent, invoiceNo: first.invoiceNo, admissionDate: "2026-05-01", dischargeDate: "2026-05-02" })), 422, "DUPLICATE");
  expectError(t2, await submit(member, claimBody({ ...inconsistent, admissionDate: "2026-05-01", dischargeDate: "2026-05-02" })), 422, "INCONSISTENT_AMOUNTS");
  t2.equal(app.db.select().from(aidClaims).all().length, 2);
  const small = { totalCostFen: 1e5, insurancePaidFen: 0, excludedFen: 0 };
  app.testClock.set("2026-07-09T02:00:00.000Z");
  t2.equal((await submit(member, claimBody({ ...small, admissionDate: "2026-04-10", dischargeDate: "2026-04-10" }))).statusCode, 201, "2026-04-10 + 90 days = 2026-07-09: in time");
  app.testClock.set("2026-07-10T02:00:00.000Z");
  expectError(t2, await submit(member, claimBody({ ...inconsistent, admissionDate: "2026-04-10", dischargeDate: "2026-04-10" })), 422, "LATE");
  setPlanTerms(app, 2025, { claimDeadlineDays: 120 });
  app.testClock.set("2026-03-31T02:00:00.000Z");
  t2.equal((await submit(member, claimBody({ ...small, admissionDate: "2025-12-31", dischargeDate: "2025-12-31" }))).statusCode, 201, "31 March: in time");
  app.testClock.set("2026-04-01T02:00:00.000Z");
  expectError(t2, await submit(member, claimBody({ ...inconsistent, admissionDate: "2025-12-31", dischargeDate: "2025-12-31" })), 422, "LATE");
  t2.equal(app.db.select().from(aidClaims).all().length, 4);
});
t.test("claims approve: above the threshold two different approvers; 403 for the claimant, 404 for strangers", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  await attachMembership(app, w.staff, w.enterpriseId);
  const staff = await tokenOf(app, w.staff.phone);
  const staff2 = await tokenOf(app, w.staff2.phone);
  const own = await call(app, "POST", "/api/v1/aid/claims", { token: staff, headers: { "idempotency-key": "own" }, body: claimBody() });
  t2.equal(own.statusCode, 201);
  expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${own.json().id}/approve`, { token: staff }), 403);
  const member = await tokenOf(app, w.member.user.phone);
  const big = await call(app, "POST", "/api/v1/aid/claims", { token: member, headers: { "idempotency-key": "big" }, body: claimBody({ totalCostFen: 8e6, insurancePaidFen: 0, excludedFen: 0 }) });
  t2.equal(big.statusCode, 201);
  t2.match(big.json().estimate, { payableFen: 1e6, limitedBy: "admission_cap" });
  const id = big.json().id;
  expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${id}/approve`, { token: await tokenOf(app, w.stranger.phone) }), 404);
  const firstAp = await call(app, "POST", `/api/v1/aid/claims/${id}/approve`, { token: staff });
  t2.equal(firstAp.statusCode, 200);
  t2.same(firstAp.json(), { status: "awaiting_second_approval", payableFen: 1e6 });
  expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${id}/approve`, { token: staff }), 403);
  const second = await call(app, "POST", `/api/v1/aid/claims/${id}/approve`, { token: staff2 });
  t2.equal(second.statusCode, 200);
  t2.same(second.json(), { status: "approved", payableFen: 1e6 });
  expectError(t2, await call(app, "POST", `/api/v1/aid/claims/${id}/approve`, { token: await tokenOf(app, w.admin.phone) }), 409);
  const review = await call(app, "GET", "/api/v1/aid/claims", { token: staff2 });
  t2.same(review.json().items.map((i) => i.id).sort(), [own.json().id, id].sort());
  const mine = await call(app, "GET", "/api/v1/aid/claims?mine=1", { token: staff });
  t2.same(mine.json().items.map((i) => i.id), [own.json().id]);
  const otherStaff = await call(app, "GET", "/api/v1/aid/claims", { token: await tokenOf(app, w.otherStaff.phone) });
  t2.same(otherStaff.json().items, [], "staff of another building see none");
});
t.test("who may act is settled before the body is read: 403 before 400", async (t2) => {
  const { claimWorld: claimWorld2, claimBody: claimBody2, idemKey: idemKey2 } = await import("./claims/fixtures.js");
  const { build: buildApp, injectAs: asUser, createUser: newUser } = await import("../helper.js");
  const app = await buildApp(t2);
  const w = await claimWorld2(app);
  const stranger = await newUser(app);
  const plan = await asUser(app, stranger, { method: "PUT", url: "/api/v1/aid/plans/2026", payload: { tiers: "nonsense" } });
  t2.equal(plan.statusCode, 403, "plans: a non-admin with a bad body is 403");
  const claim = await asUser(app, w.member.user, { method: "POST", url: "/api/v1/aid/claims", headers: { "idempotency-key": idemKey2() }, payload: claimBody2() });
  t2.equal(claim.statusCode, 201);
  const reject = await asUser(app, w.member.user, { method: "POST", url: `/api/v1/aid/claims/${claim.json().id}/reject`, payload: { reasonCode: "NOPE" } });
  t2.equal(reject.statusCode, 403, "claim reject: the claimant with a bad body is 403");
  const other = await asUser(app, w.otherStaff, { method: "POST", url: `/api/v1/aid/claims/${claim.json().id}/reject`, payload: {} });
  t2.equal(other.statusCode, 404, "claim reject: staff of another building do not learn the claim exists");
  const { aidPurchases: aidPurchases2 } = await import("../../src/db/schema/index.js");
  const purchaseId = app.db.select({ id: aidPurchases2.id }).from(aidPurchases2).get().id;
  const pay = await asUser(app, w.otherStaff, { method: "POST", url: `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, payload: { receiptNo: "" } });
  t2.equal(pay.statusCode, 403, "confirm-payment: staff of another building with a bad body is 403");
});
//# sourceMappingURL=contract.test.js.map
