import t from "tap";
import { eq } from "drizzle-orm";
import { build, createUser, testClock } from "../../helper.js";
import { buildApp } from "../../../src/app.js";
import { aidPurchases, auditLog, memberships } from "../../../src/db/schema/index.js";
import { cancelStaleOrders } from "../../../src/features/aid/aid-service.js";
import { signWebhook } from "../../../src/features/aid/payment-webhook.js";
import { confirm, order, world } from "./fixtures.js";
import { insertEnterprise, insertMembership } from "../../factories.js";
const SECRET = "test-webhook-secret-0123456789abcdef";
const paid = (receiptNo = "R-0001", paidOn = "2026-06-15") => ({ receiptNo, paidOn });
t.test("confirm: each role; nobody confirms their own payment", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const id = (await order(app, w.member)).json().id;
  t2.equal((await app.inject({ method: "POST", url: `/api/v1/aid/purchases/${id}/confirm-payment`, payload: paid() })).statusCode, 401, "anonymous");
  for (const [who, u] of [["the member", w.member], ["another member", w.otherMember], ["the liaison", w.liaison], ["staff of another building", w.otherStaff], ["no role", w.nonMember]]) {
    const r = await confirm(app, u, id, paid());
    t2.equal(r.statusCode, 403, who);
  }
  const staffMember = await createUser(app, { role: "staff", buildingIds: [w.buildingId] });
  insertMembership(app, w.enterpriseId, { userId: staffMember.id });
  const own = (await order(app, staffMember)).json().id;
  const ownRes = await confirm(app, staffMember, own, paid("R-own"));
  t2.equal(ownRes.statusCode, 403);
  t2.match(ownRes.json().error.message, /自己/);
  t2.equal(app.db.select().from(aidPurchases).where(eq(aidPurchases.status, "paid")).all().length, 0, "nothing paid yet");
  const ok = await confirm(app, w.staff, id, paid());
  t2.equal(ok.statusCode, 200);
  t2.same(ok.json(), { status: "paid", coverFrom: "2026-09-13", coverTo: "2026-12-31" });
  const row = app.db.select().from(aidPurchases).where(eq(aidPurchases.id, id)).get();
  t2.match(row, { status: "paid", receiptNo: "R-0001", paidOn: "2026-06-15", confirmedVia: "staff", confirmedBy: w.staff.id, firstTime: true });
  const entry = app.db.select().from(auditLog).where(eq(auditLog.action, "aid_purchase.confirm")).get();
  t2.equal(entry.actorUserId, w.staff.id);
  t2.equal(JSON.parse(entry.before).status, "pending_payment");
  t2.equal((await confirm(app, w.staff, id, paid("R-other"))).statusCode, 409, "already paid");
  const byAdmin = await confirm(app, w.admin, own, paid("R-0002"));
  t2.equal(byAdmin.statusCode, 200, "admin confirms anywhere");
  t2.equal((await confirm(app, w.staff, 9999, paid("R-x"))).statusCode, 404);
});
t.test("confirm: staff of the member's CURRENT building (after a transfer, the new one)", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const id = (await order(app, w.member)).json().id;
  const newEnt = await insertEnterprise(app, w.otherBuildingId, { liaisonUserId: w.liaison.id, headcount: 20 });
  app.db.update(memberships).set({ enterpriseId: newEnt }).where(eq(memberships.id, w.membershipId)).run();
  t2.equal((await confirm(app, w.staff, id, paid())).statusCode, 403, "the old building no longer");
  t2.equal((await confirm(app, w.otherStaff, id, paid())).statusCode, 200, "the new building");
});
t.test("confirm: the receipt date and number are checked; nothing written on refusal", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const id = (await order(app, w.member)).json().id;
  const id2 = (await order(app, w.otherMember)).json().id;
  const cases = [
    [{ receiptNo: "R1", paidOn: "2026-06-14" }, "paidOn"],
    [{ receiptNo: "R1", paidOn: "2026-06-16" }, "paidOn"],
    [{ receiptNo: "R1", paidOn: "2026-02-30" }, "paidOn"],
    [{ receiptNo: "R1" }, "paidOn"],
    [{ receiptNo: "", paidOn: "2026-06-15" }, "receiptNo"],
    [{ receiptNo: "R 1", paidOn: "2026-06-15" }, "receiptNo"],
    [{ receiptNo: "x".repeat(65), paidOn: "2026-06-15" }, "receiptNo"]
  ];
  for (const [body, field] of cases) {
    const r = await confirm(app, w.staff, id, body);
    t2.equal(r.statusCode, 400, JSON.stringify(body));
    t2.ok(r.json().error.fields[field], `fields.${field}: ${r.json().error.fields[field]}`);
  }
  const before = await confirm(app, w.staff, id, { receiptNo: "R1", paidOn: "2026-06-14" });
  t2.match(before.json().error.fields.paidOn, /2026-06-15/);
  t2.equal((await confirm(app, w.staff, id, paid("R1"))).statusCode, 200);
  const dup = await confirm(app, w.staff, id2, paid("R1"));
  t2.equal(dup.statusCode, 409, "a receipt number used twice in the plan");
  t2.equal(dup.json().error.code, "RECEIPT_TAKEN");
  t2.ok(dup.json().error.fields.receiptNo);
  t2.equal(app.db.select().from(aidPurchases).where(eq(aidPurchases.id, id2)).get().status, "pending_payment");
});
t.test("confirm: two at the same moment \u2192 one 200, one 409", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const id = (await order(app, w.member)).json().id;
  const [a, b] = await Promise.all([confirm(app, w.staff, id, paid("R-A")), confirm(app, w.admin, id, paid("R-B"))]);
  t2.same([a.statusCode, b.statusCode].sort(), [200, 409]);
  t2.equal(app.db.select().from(auditLog).where(eq(auditLog.action, "aid_purchase.confirm")).all().length, 1);
});
t.test("confirm: cover uses the plan at confirmation; NO_COVER_LEFT when it cannot start this year; renewal has no wait", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  app.testClock.set("2026-09-30T02:00:00.000Z");
  const id = (await order(app, w.member)).json().id;
  app.testClock.set("2026-10-10T02:00:00.000Z");
  const late = await confirm(app, w.staff, id, paid("R-late", "2026-10-05"));
  t2.equal(late.statusCode, 422);
  t2.equal(late.json().error.code, "NO_COVER_LEFT");
  const inTime = await confirm(app, w.staff, id, paid("R-late", "2026-10-01"));
  t2.same(inTime.json(), { status: "paid", coverFrom: "2026-12-30", coverTo: "2026-12-31" });
  app.testClock.set("2027-02-10T02:00:00.000Z");
  const id2 = (await order(app, w.member)).json().id;
  const renewal = await confirm(app, w.staff, id2, paid("R-2027", "2027-02-10"));
  t2.same(renewal.json(), { status: "paid", coverFrom: "2027-02-10", coverTo: "2027-12-31" });
  t2.equal(app.db.select().from(aidPurchases).where(eq(aidPurchases.id, id2)).get().firstTime, false);
});
t.test("webhook: good, bad and replayed signatures", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const id = (await order(app, w.member)).json().id;
  const send = (raw2, signature) => app.inject({
    method: "POST",
    url: "/api/v1/aid/payments/webhook",
    payload: raw2,
    headers: { "content-type": "application/json", ...signature === void 0 ? {} : { "x-signature": signature } }
  });
  const raw = JSON.stringify({ purchaseId: id, receiptNo: "PAY-123", paidOn: "2026-06-15", amountFen: 12e3 });
  t2.equal((await send(raw)).statusCode, 401, "missing signature");
  const bad = await send(raw, signWebhook("another-secret-0123456789abcdef0123", raw));
  t2.equal(bad.statusCode, 401, "wrong secret");
  t2.equal(bad.json().error.code, "INVALID_SIGNATURE");
  t2.equal((await send(raw, "sha256=zz")).statusCode, 401, "malformed");
  t2.equal((await send(raw + " ", signWebhook(SECRET, raw))).statusCode, 401, "the body was changed after signing");
  t2.equal(app.db.select().from(aidPurchases).where(eq(aidPurchases.id, id)).get().status, "pending_payment");
  const good = await send(raw, signWebhook(SECRET, raw));
  t2.equal(good.statusCode, 200);
  t2.match(good.json(), { status: "paid", coverFrom: "2026-09-13" });
  const row = app.db.select().from(aidPurchases).where(eq(aidPurchases.id, id)).get();
  t2.match(row, { status: "paid", confirmedVia: "webhook", confirmedBy: null, receiptNo: "PAY-123" });
  const audit = app.db.select().from(auditLog).where(eq(auditLog.action, "aid_purchase.webhook")).all();
  t2.equal(audit.length, 1);
  t2.equal(audit[0].actorUserId, null);
  app.testClock.advance(6e4);
  const replay = await send(raw, signWebhook(SECRET, raw));
  t2.equal(replay.statusCode, 200);
  t2.same(replay.json(), good.json());
  t2.same(app.db.select().from(aidPurchases).where(eq(aidPurchases.id, id)).get(), row);
  t2.equal(app.db.select().from(auditLog).where(eq(auditLog.action, "aid_purchase.webhook")).all().length, 1);
  const other = JSON.stringify({ purchaseId: id, receiptNo: "PAY-999", paidOn: "2026-06-15", amountFen: 12e3 });
  t2.equal((await send(other, signWebhook(SECRET, other))).statusCode, 409);
  const unknown = JSON.stringify({ purchaseId: 9999, receiptNo: "PAY-1", paidOn: "2026-06-15", amountFen: 12e3 });
  t2.equal((await send(unknown, signWebhook(SECRET, unknown))).statusCode, 404);
  const badBody = JSON.stringify({ purchaseId: id, receiptNo: "PAY-1", paidOn: "2026-13-01", amountFen: 12e3 });
  t2.equal((await send(badBody, signWebhook(SECRET, badBody))).statusCode, 400);
  t2.equal((await send('{"x', signWebhook(SECRET, '{"x'))).statusCode, 400, "signed but not JSON");
});
t.test("webhook answers 404 while the secret is unset", async (t2) => {
  const app = await build(t2, { config: { paymentWebhookSecret: void 0 } });
  const raw = JSON.stringify({ purchaseId: 1, receiptNo: "PAY-1", paidOn: "2026-06-15" });
  const r = await app.inject({ method: "POST", url: "/api/v1/aid/payments/webhook", payload: raw, headers: { "content-type": "application/json", "x-signature": signWebhook(SECRET, raw) } });
  t2.equal(r.statusCode, 404);
});
t.test("unpaid orders are cancelled after 30 days, audited with no actor; paid ones stay", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const stale = (await order(app, w.member)).json().id;
  const paidId = (await order(app, w.otherMember)).json().id;
  await confirm(app, w.staff, paidId, paid());
  app.testClock.advance(29 * 864e5);
  t2.equal(cancelStaleOrders(app.db, app.clock), 0, "not yet");
  app.testClock.advance(864e5 + 1e3);
  t2.equal(cancelStaleOrders(app.db, app.clock), 1);
  t2.equal(cancelStaleOrders(app.db, app.clock), 0, "once");
  const row = app.db.select().from(aidPurchases).where(eq(aidPurchases.id, stale)).get();
  t2.equal(row.status, "cancelled");
  t2.equal(app.db.select().from(aidPurchases).where(eq(aidPurchases.id, paidId)).get().status, "paid");
  const entry = app.db.select().from(auditLog).where(eq(auditLog.action, "aid_purchase.cancel")).get();
  t2.equal(entry.actorUserId, null);
  t2.equal((await confirm(app, w.staff, stale, paid("R-late", "2026-07-10"))).statusCode, 409, "a cancelled order cannot be paid");
  t2.equal((await order(app, w.member)).statusCode, 201);
});
t.test("the periodic jobs run where housekeeping is on: a reader process of WEB_CONCURRENCY leaves them to the writer", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const stale = (await order(app, w.member)).json().id;
  const status = () => app.db.select().from(aidPurchases).where(eq(aidPurchases.id, stale)).get().status;
  const later = testClock(new Date(app.clock.now().getTime() + 31 * 864e5).toISOString());
  const reader = await buildApp(app.config, { clock: later, housekeeping: false });
  await reader.ready();
  t2.equal(reader.housekeeping, false);
  t2.equal(status(), "pending_payment", "a reader starting does not cancel stale orders");
  await reader.close();
  const writer = await buildApp(app.config, { clock: later });
  await writer.ready();
  t2.equal(writer.housekeeping, true, "on by default");
  t2.equal(status(), "cancelled", "the writer (or a single process) does, at start");
  await writer.close();
});
//# sourceMappingURL=payments-api.test.js.map
