import t from "tap";
import { eq } from "drizzle-orm";
import { build } from "../helper.js";
import { aidPurchases, auditLog } from "../../src/db/schema/index.js";
import { signWebhook } from "../../src/features/aid/payment-webhook.js";
import { order, world } from "../features/aid/fixtures.js";
const SECRET = "test-webhook-secret-0123456789abcdef";
t.test("a signed notice whose amount differs from the order: 422 AMOUNT_MISMATCH, nothing paid", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const placed = (await order(app, w.member)).json();
  t2.equal(placed.amountFen, 12e3);
  const send = (body, lang) => {
    const raw = JSON.stringify(body);
    return app.inject({ method: "POST", url: "/api/v1/aid/payments/webhook", payload: raw, headers: { "content-type": "application/json", "x-signature": signWebhook(SECRET, raw), ...lang === void 0 ? {} : { "accept-language": lang } } });
  };
  const notice = { purchaseId: placed.id, receiptNo: "PAY-7", paidOn: "2026-06-15" };
  for (const amountFen of [1, 11999, 12001, 0]) {
    const r = await send({ ...notice, amountFen });
    t2.equal(r.statusCode, 422, `${amountFen} fen`);
    t2.equal(r.json().error.code, "AMOUNT_MISMATCH");
    t2.match(r.json().error.message, /金额/);
  }
  t2.match((await send({ ...notice, amountFen: 1 }, "en")).json().error.message, /amount/i);
  const missing = await send(notice);
  t2.equal(missing.statusCode, 400, "a notice without its amount is not accepted");
  t2.ok(missing.json().error.fields.amountFen);
  const row = app.db.select().from(aidPurchases).where(eq(aidPurchases.id, placed.id)).get();
  t2.equal(row.status, "pending_payment", "nothing paid");
  t2.equal(app.db.select().from(auditLog).where(eq(auditLog.action, "aid_purchase.webhook")).all().length, 0);
  const good = await send({ ...notice, amountFen: 12e3 });
  t2.equal(good.statusCode, 200);
  t2.equal(good.json().status, "paid");
  const replayWrong = await send({ ...notice, amountFen: 1 });
  t2.equal(replayWrong.statusCode, 422, "a paid order with a wrong amount is still a mismatch");
});
//# sourceMappingURL=webhook-amount.test.js.map
