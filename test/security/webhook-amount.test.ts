// Issue 11, item 10: the payment notice carried no amount, so a signed notice for the wrong sum
// paid the order. The notice names `amountFen`; one that differs from the order answers 422
// AMOUNT_MISMATCH and pays nothing.
import t from 'tap'
import { eq } from 'drizzle-orm'
import { build } from '../helper.js'
import { aidPurchases, auditLog } from '../../src/db/schema/index.js'
import { signWebhook } from '../../src/features/aid/payment-webhook.js'
import { order, world } from '../features/aid/fixtures.js'

const SECRET = 'test-webhook-secret-0123456789abcdef'

t.test('a signed notice whose amount differs from the order: 422 AMOUNT_MISMATCH, nothing paid', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const placed = (await order(app, w.member)).json()
  t.equal(placed.amountFen, 12000)
  const send = (body: object, lang?: string) => {
    const raw = JSON.stringify(body)
    return app.inject({ method: 'POST', url: '/api/v1/aid/payments/webhook', payload: raw, headers: { 'content-type': 'application/json', 'x-signature': signWebhook(SECRET, raw), ...(lang === undefined ? {} : { 'accept-language': lang }) } })
  }
  const notice = { purchaseId: placed.id, receiptNo: 'PAY-7', paidOn: '2026-06-15' }
  for (const amountFen of [1, 11999, 12001, 0]) {
    const r = await send({ ...notice, amountFen })
    t.equal(r.statusCode, 422, `${amountFen} fen`)
    t.equal(r.json().error.code, 'AMOUNT_MISMATCH')
    t.match(r.json().error.message, /金额/)
  }
  t.match((await send({ ...notice, amountFen: 1 }, 'en')).json().error.message, /amount/i)
  const missing = await send(notice)
  t.equal(missing.statusCode, 400, 'a notice without its amount is not accepted')
  t.ok(missing.json().error.fields.amountFen)
  const row = app.db.select().from(aidPurchases).where(eq(aidPurchases.id, placed.id)).get()!
  t.equal(row.status, 'pending_payment', 'nothing paid')
  t.equal(app.db.select().from(auditLog).where(eq(auditLog.action, 'aid_purchase.webhook')).all().length, 0)
  const good = await send({ ...notice, amountFen: 12000 })
  t.equal(good.statusCode, 200)
  t.equal(good.json().status, 'paid')
  const replayWrong = await send({ ...notice, amountFen: 1 })
  t.equal(replayWrong.statusCode, 422, 'a paid order with a wrong amount is still a mismatch')
})
