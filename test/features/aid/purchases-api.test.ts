import t from 'tap'
import { eq } from 'drizzle-orm'
import { build, createUser, injectAs } from '../../helper.js'
import { aidGroupOrders, aidPurchases, auditLog, idempotencyKeys } from '../../../src/db/schema/index.js'
import { defaultPlan } from '../../../src/domain/aid-plan.js'
import { newKey, order, world } from './fixtures.js'
import { insertEnterprise, insertMembership } from '../../factories.js'

const { year: _y, ...plan2026 } = defaultPlan(2026)

t.test('order: each role', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const anon = await app.inject({ method: 'POST', url: '/api/v1/aid/purchases', headers: { 'idempotency-key': newKey() }, payload: { shares: 1 } })
  t.equal(anon.statusCode, 401, 'anonymous')
  for (const [who, u] of [['not a member', w.nonMember], ['liaison (not a member)', w.liaison], ['staff', w.staff], ['other staff', w.otherStaff], ['admin', w.admin]] as const) {
    const r = await order(app, u)
    t.equal(r.statusCode, 403, who)
    t.equal(r.json().error.code, 'FORBIDDEN')
  }
  const applied = await createUser(app)
  insertMembership(app, w.enterpriseId, { userId: applied.id, status: 'applied' })
  t.equal((await order(app, applied)).statusCode, 403, 'an applicant is not yet active')
  const left = await createUser(app)
  insertMembership(app, w.enterpriseId, { userId: left.id, status: 'left' })
  t.equal((await order(app, left)).statusCode, 403, 'a member who left')
  const ok = await order(app, w.member)
  t.equal(ok.statusCode, 201)
  t.match(ok.json(), { id: Number, status: 'pending_payment', amountFen: 12000 })
  const row = app.db.select().from(aidPurchases).where(eq(aidPurchases.id, ok.json().id)).get()!
  t.match(row, { membershipId: w.membershipId, planYear: 2026, shares: 1, orderedBy: w.member.id, orderedOn: '2026-06-15', status: 'pending_payment' })
  t.ok(app.db.select().from(auditLog).where(eq(auditLog.action, 'aid_purchase.order')).get(), 'audited')
  t.equal(app.db.select().from(aidPurchases).all().length, 1, 'only the active member ordered')
})

t.test('order: Idempotency-Key required; same key → same answer, nothing new; same key other body → 422', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const none = await injectAs(app, w.member, { method: 'POST', url: '/api/v1/aid/purchases', payload: { shares: 1 } })
  t.equal(none.statusCode, 400)
  t.equal(none.json().error.code, 'IDEMPOTENCY_KEY_REQUIRED')
  const key = newKey()
  const first = await order(app, w.member, { shares: 1 }, key)
  const again = await order(app, w.member, { shares: 1 }, key)
  t.equal(first.statusCode, 201)
  t.equal(again.statusCode, 201)
  t.same(again.json(), first.json())
  t.equal(app.db.select().from(aidPurchases).all().length, 1)
  const other = await order(app, w.member, { shares: 1, year: 2026 }, key)
  t.equal(other.statusCode, 201, 'year defaulting to the current one is the same request')
  const reused = await order(app, w.member, { shares: 2 }, key)
  t.equal(reused.statusCode, 400, 'shares above the plan maximum is bad input first')
  await injectAs(app, w.admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: { ...plan2026, maxShares: 2 } })
  const reused2 = await order(app, w.member, { shares: 2 }, key)
  t.equal(reused2.statusCode, 422)
  t.equal(reused2.json().error.code, 'IDEMPOTENCY_KEY_REUSED')
  const second = await order(app, w.member, { shares: 1 }, newKey())
  t.equal(second.statusCode, 409, 'a second order for the plan')
  t.equal(second.json().error.code, 'ORDER_EXISTS')
  t.equal(app.db.select().from(aidPurchases).all().length, 1)
  t.equal(app.db.select().from(idempotencyKeys).all().length, 1, 'refusals store no answer')
})

t.test('order: bad input is 400 and writes nothing', async (t) => {
  const app = await build(t)
  const w = await world(app)
  for (const payload of [{}, { shares: 0 }, { shares: 1.5 }, { shares: '1' }, { shares: 4 }, { shares: 1, year: 1999 }, { shares: 1, year: 2026.5 }]) {
    const r = await order(app, w.member, payload)
    t.equal(r.statusCode, 400, JSON.stringify(payload))
  }
  t.equal((await order(app, w.member, { shares: 1, year: 2031 })).statusCode, 404, 'no plan for that year')
  t.equal(app.db.select().from(aidPurchases).all().length, 0)
})

t.test('order: outside the window → 422 ENROLMENT_CLOSED; a future plan in its autumn window works', async (t) => {
  const app = await build(t)
  const w = await world(app)
  await injectAs(app, w.admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: { ...plan2026, enrolFrom: '2025-10-15', enrolTo: '2026-03-31' } })
  const closed = await order(app, w.member)
  t.equal(closed.statusCode, 422)
  t.equal(closed.json().error.code, 'ENROLMENT_CLOSED')
  t.match(closed.json().error.message, /2025-10-15/)
  await injectAs(app, w.admin, { method: 'PUT', url: '/api/v1/aid/plans/2027', payload: { ...plan2026, enrolFrom: '2026-06-01', enrolTo: '2026-12-15' } })
  const next = await order(app, w.member, { shares: 1, year: 2027 })
  t.equal(next.statusCode, 201)
  t.equal(app.db.select().from(aidPurchases).get()!.planYear, 2027)
})

t.test('order: NO_COVER_LEFT for a first-time joiner late in the year; a renewal may still join', async (t) => {
  const app = await build(t)
  const w = await world(app)
  app.testClock.set('2026-10-03T02:00:00.000Z') // + 90 days = 2027-01-01
  const late = await order(app, w.member)
  t.equal(late.statusCode, 422)
  t.equal(late.json().error.code, 'NO_COVER_LEFT')
  app.testClock.set('2026-10-02T02:00:00.000Z') // + 90 days = 2026-12-31: the last day still counts
  t.equal((await order(app, w.member)).statusCode, 201)
  // Renewal: a paid share in the previous plan year.
  app.testClock.set('2025-03-01T02:00:00.000Z')
  const o = await order(app, w.otherMember)
  t.equal(o.statusCode, 201)
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/purchases/${o.json().id}/confirm-payment`, payload: { receiptNo: 'R2025', paidOn: '2025-03-01' } })).statusCode, 200)
  app.testClock.set('2026-12-20T02:00:00.000Z')
  t.equal((await order(app, w.otherMember)).statusCode, 201, 'a renewal has no waiting period')
})

t.test('a member sees only their own orders', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const mine = (await order(app, w.member)).json()
  await order(app, w.otherMember)
  const list = await injectAs(app, w.member, { method: 'GET', url: '/api/v1/aid/purchases' })
  t.same(list.json().items.map((i: { id: number }) => i.id), [mine.id])
  t.equal((await injectAs(app, w.member, { method: 'GET', url: `/api/v1/aid/purchases/${mine.id}` })).statusCode, 200)
  t.equal((await injectAs(app, w.otherMember, { method: 'GET', url: `/api/v1/aid/purchases/${mine.id}` })).statusCode, 403)
  t.equal((await injectAs(app, w.otherStaff, { method: 'GET', url: `/api/v1/aid/purchases/${mine.id}` })).statusCode, 403)
  t.equal((await injectAs(app, w.staff, { method: 'GET', url: `/api/v1/aid/purchases/${mine.id}` })).statusCode, 200)
  t.equal((await injectAs(app, w.admin, { method: 'GET', url: `/api/v1/aid/purchases/${mine.id}` })).statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: `/api/v1/aid/purchases/${mine.id}` })).statusCode, 401)
  const me = await injectAs(app, w.member, { method: 'GET', url: '/api/v1/me' })
  t.match(me.json().aidShare, { id: mine.id, status: 'pending_payment', planYear: 2026 })
  t.equal((await injectAs(app, w.nonMember, { method: 'GET', url: '/api/v1/me' })).json().aidShare, null)
})

t.test('group order by the liaison: one purchase per member; members with an order are skipped', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const third = insertMembership(app, w.enterpriseId, { name: '赵六' })
  const elsewhere = insertMembership(app, await insertEnterprise(app, w.buildingId, { headcount: 20 }))
  await order(app, w.member) // already has one
  const body = { enterpriseId: w.enterpriseId, membershipIds: [w.membershipId, w.otherMembershipId, third, elsewhere] }
  const post = (u: typeof w.member, key = newKey(), payload: Record<string, unknown> = body) =>
    injectAs(app, u, { method: 'POST', url: '/api/v1/aid/group-orders', headers: { 'idempotency-key': key }, payload })
  for (const u of [w.member, w.staff, w.admin]) t.equal((await post(u)).statusCode, 403, 'only the liaison')
  t.equal((await injectAs(app, w.liaison, { method: 'POST', url: '/api/v1/aid/group-orders', payload: body })).statusCode, 400, 'key required')
  const key = newKey()
  const res = await post(w.liaison, key)
  t.equal(res.statusCode, 201)
  const a = res.json()
  t.same(a.ordered.map((o: { membershipId: number }) => o.membershipId).sort(), [w.otherMembershipId, third].sort())
  t.same(a.skipped, [{ membershipId: w.membershipId, reason: 'already_ordered' }, { membershipId: elsewhere, reason: 'not_active' }])
  t.equal(a.totalFen, 24000)
  const rows = app.db.select().from(aidPurchases).where(eq(aidPurchases.groupOrderId, a.id)).all()
  t.equal(rows.length, 2)
  t.ok(rows.every((r) => r.orderedBy === w.liaison.id))
  const replay = await post(w.liaison, key)
  t.same(replay.json(), a, 'replayed')
  t.equal(app.db.select().from(aidGroupOrders).all().length, 1)
  const nothing = await post(w.liaison)
  t.equal(nothing.statusCode, 422)
  t.equal(nothing.json().error.code, 'NOTHING_TO_ORDER')
  t.equal(app.db.select().from(aidGroupOrders).all().length, 1, 'no empty group written')
  t.equal((await post(w.liaison, newKey(), { enterpriseId: w.enterpriseId, membershipIds: [] })).statusCode, 400)
})
