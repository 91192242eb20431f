// Group orders: the liaison opens theirs, one company transfer pays all of it in one
// transaction, every unpaid order says where to pay and what to write, staff find it by that.
import t from 'tap'
import { eq } from 'drizzle-orm'
import { build, injectAs, PageSession } from '../../helper.js'
import { aidPurchases, auditLog } from '../../../src/db/schema/index.js'
import { parsePaymentReference, paymentReference } from '../../../src/domain/payment-reference.js'
import { newKey, order, world, type World } from './fixtures.js'
import { insertMembership } from '../../factories.js'
import type { FastifyInstance } from 'fastify'

async function groupOrder (app: FastifyInstance, w: World, ids: number[]) {
  const r = await injectAs(app, w.liaison, { method: 'POST', url: '/api/v1/aid/group-orders', headers: { 'idempotency-key': newKey() }, payload: { enterpriseId: w.enterpriseId, membershipIds: ids } })
  t.equal(r.statusCode, 201, r.body)
  return r.json() as { id: number, totalFen: number }
}

t.test('payment references: written and read back as people copy them', async (t) => {
  t.equal(paymentReference({ kind: 'group', id: 12 }), 'HZG000012')
  t.equal(paymentReference({ kind: 'order', id: 1234567 }), 'HZP1234567')
  for (const s of ['HZG000012', 'hzg 000012', 'HZ-G-000012', ' hzg12 ']) t.same(parsePaymentReference(s), { kind: 'group', id: 12 }, s)
  for (const s of ['', 'HZX1', 'G12', 'HZG', 'HZG0', 'HZG12a']) t.equal(parsePaymentReference(s), null, s)
})

t.test('GET /api/v1/aid/group-orders/:id: its liaison and staff of its building; others 404', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const g = await groupOrder(app, w, [w.membershipId, w.otherMembershipId])
  const mine = await injectAs(app, w.liaison, { method: 'GET', url: `/api/v1/aid/group-orders/${g.id}` })
  t.equal(mine.statusCode, 200, 'the liaison opens their group order')
  t.match(mine.json(), { id: g.id, planYear: 2026, totalFen: 24000, unpaidFen: 24000, paymentReference: paymentReference({ kind: 'group', id: g.id }), payTo: null })
  t.equal(mine.json().orders.length, 2)
  t.equal((await injectAs(app, w.staff, { method: 'GET', url: `/api/v1/aid/group-orders/${g.id}` })).statusCode, 200)
  t.equal((await injectAs(app, w.admin, { method: 'GET', url: `/api/v1/aid/group-orders/${g.id}` })).statusCode, 200)
  for (const u of [w.otherStaff, w.member, w.nonMember]) t.equal((await injectAs(app, u, { method: 'GET', url: `/api/v1/aid/group-orders/${g.id}` })).statusCode, 404)
  t.equal((await app.inject({ method: 'GET', url: `/api/v1/aid/group-orders/${g.id}` })).statusCode, 401)
  t.equal((await injectAs(app, w.staff, { method: 'GET', url: '/api/v1/aid/group-orders/9999' })).statusCode, 404)
})

t.test('confirm-payment: one receipt pays every unpaid order, in one transaction, audited', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const third = insertMembership(app, w.enterpriseId, { name: '张三' })
  const g = await groupOrder(app, w, [w.membershipId, w.otherMembershipId, third])
  const url = `/api/v1/aid/group-orders/${g.id}/confirm-payment`
  const body = { receiptNo: 'BANK-2026-88', paidOn: '2026-06-15' }
  t.equal((await injectAs(app, w.liaison, { method: 'POST', url, payload: body })).statusCode, 403, 'not its liaison')
  t.equal((await injectAs(app, w.otherStaff, { method: 'POST', url, payload: body })).statusCode, 404)
  t.equal((await injectAs(app, w.liaison, { method: 'POST', url, payload: {} })).statusCode, 403, '403 before 400')
  const bad = await injectAs(app, w.staff, { method: 'POST', url, payload: { receiptNo: '', paidOn: '2026-13-01' } })
  t.equal(bad.statusCode, 400)
  t.ok(bad.json().error.fields.receiptNo)
  t.ok(bad.json().error.fields.paidOn)
  const future = await injectAs(app, w.staff, { method: 'POST', url, payload: { ...body, paidOn: '2026-06-16' } })
  t.equal(future.statusCode, 400)
  t.equal(app.db.select().from(aidPurchases).where(eq(aidPurchases.status, 'paid')).all().length, 0, 'nothing paid')

  // A receipt already used outside the group is refused for all of it.
  const solo = await order(app, w.nonMember)
  t.equal(solo.statusCode, 403, 'not a member: no order (set-up check)')

  const ok = await injectAs(app, w.staff, { method: 'POST', url, payload: body })
  t.equal(ok.statusCode, 200, ok.body)
  t.match(ok.json(), { status: 'paid', groupOrderId: g.id, receiptNo: 'BANK-2026-88', totalFen: 36000 })
  t.equal(ok.json().paid.length, 3)
  const rows = app.db.select().from(aidPurchases).all()
  t.ok(rows.every((r) => r.status === 'paid' && r.receiptNo === 'BANK-2026-88' && r.coverFrom === '2026-09-13'), 'every order paid with the one receipt')
  t.equal(app.db.select().from(auditLog).where(eq(auditLog.action, 'aid_group_order.confirm')).all().length, 1)
  t.equal(app.db.select().from(auditLog).where(eq(auditLog.action, 'aid_purchase.confirm')).all().length, 3)
  const again = await injectAs(app, w.staff, { method: 'POST', url, payload: body })
  t.equal(again.statusCode, 409)
  t.equal(again.json().error.code, 'STATE_CHANGED')
})

t.test('confirm-payment: a receipt used outside the group refuses all of it; one refused order refuses every order', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const solo = await order(app, w.member)
  t.equal(solo.statusCode, 201)
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/purchases/${solo.json().id as number}/confirm-payment`, payload: { receiptNo: 'R-1', paidOn: '2026-06-15' } })).statusCode, 200)
  const g = await groupOrder(app, w, [w.otherMembershipId])
  const taken = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/group-orders/${g.id}/confirm-payment`, payload: { receiptNo: 'R-1', paidOn: '2026-06-15' } })
  t.equal(taken.statusCode, 409)
  t.equal(taken.json().error.code, 'RECEIPT_TAKEN')
  // A staff member who is in the group never confirms their own share: none is paid.
  const staffMember = insertMembership(app, w.enterpriseId, { userId: w.staff.id, name: '楼宇工作人员' })
  const g2 = await groupOrder(app, w, [staffMember])
  const own = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/group-orders/${g2.id}/confirm-payment`, payload: { receiptNo: 'R-2', paidOn: '2026-06-15' } })
  t.equal(own.statusCode, 403)
  t.equal(app.db.select().from(aidPurchases).where(eq(aidPurchases.groupOrderId, g2.id)).get()!.status, 'pending_payment')
})

t.test('pages: accounts kept by staff, shown on unpaid orders with amount and reference; staff find by reference', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const staff = new PageSession(app)
  await staff.login(w.staff.phone)
  const accounts = await staff.get('/aid/accounts')
  t.equal(accounts.statusCode, 200)
  t.notMatch(accounts.body, /盘龙大厦/, 'only their buildings')
  const bad = await staff.post(`/aid/accounts/${w.buildingId}`, { accountName: '五华科创大厦楼宇工会联合会', bankName: '', accountNo: '12ab' })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /id="f-bankName-error"/)
  t.match(bad.body, /id="f-accountNo-error"[^>]*>账号应为/)
  t.equal((await staff.post(`/aid/accounts/${w.otherBuildingId}`, { accountName: 'x', bankName: 'y', accountNo: '123456789' })).statusCode, 403)
  const saved = await staff.post(`/aid/accounts/${w.buildingId}`, { accountName: '五华科创大厦楼宇工会联合会', bankName: '中国工商银行昆明五华支行', accountNo: '2502 0101 0900 1234 567' })
  t.equal(saved.statusCode, 302)
  t.equal(app.db.select().from(auditLog).where(eq(auditLog.action, 'aid_account.update')).all().length, 1)

  // A member's own order shows the account, the exact amount and its reference.
  const o = await order(app, w.member)
  const member = new PageSession(app)
  await member.login(w.member.phone)
  const share = await member.get('/aid/share')
  t.match(share.body, /data-testid="pay-account">2502010109001234567</)
  t.match(share.body, /data-testid="pay-amount">¥120.00</)
  t.match(share.body, new RegExp(`data-testid="pay-reference">HZP${String(o.json().id).padStart(6, '0')}<`))

  // The liaison's group order: its page, the total to transfer and the group reference.
  const g = await groupOrder(app, w, [w.otherMembershipId])
  const liaison = new PageSession(app)
  await liaison.login(w.liaison.phone)
  const gp = await liaison.get(`/aid/group-orders/${g.id}`)
  t.equal(gp.statusCode, 200)
  t.match(gp.body, /data-testid="pay-reference">HZG/)
  t.notMatch(gp.body, /confirm-group-payment/, 'the liaison cannot confirm')
  const list = await liaison.get('/aid/group')
  t.match(list.body, new RegExp(`href="/aid/group-orders/${g.id}"`))
  const en = await liaison.get(`/aid/group-orders/${g.id}`, { 'accept-language': 'en' })
  t.match(en.body, /Transfer remark/)

  // Staff find it by the reference and confirm the transfer on the page.
  const found = await staff.get(`/aid/orders/find?ref=${encodeURIComponent(paymentReference({ kind: 'group', id: g.id }).toLowerCase())}`)
  t.equal(found.statusCode, 302)
  t.equal(found.headers.location, `/aid/group-orders/${g.id}`)
  const nothing = await staff.get('/aid/orders/find?ref=12345')
  t.equal(nothing.statusCode, 400)
  t.match(nothing.body, /id="f-ref-error"/)
  await staff.get(`/aid/group-orders/${g.id}`)
  const confirmed = await staff.post(`/aid/group-orders/${g.id}/confirm`, { receiptNo: 'BANK-1', paidOn: '2026-06-15' })
  t.equal(confirmed.statusCode, 302)
  const after = await staff.get(`/aid/group-orders/${g.id}`)
  t.match(after.body, /data-testid="unpaid">¥0.00/)
  t.equal((await new PageSession(app).get(`/aid/group-orders/${g.id}`)).statusCode, 302, 'anonymous: sign in')
})
