import t from 'tap'
import { and, eq } from 'drizzle-orm'
import { build, createUser, injectAs } from '../../helper.js'
import { aidPlans, auditLog, aidPurchases } from '../../../src/db/schema/index.js'
import { defaultPlan } from '../../../src/domain/aid-plan.js'
import { world, order, confirm } from './fixtures.js'

const { year: _y, ...body2026 } = defaultPlan(2026)

t.test('GET current: anyone; created from the defaults when missing, audited with no actor, once', async (t) => {
  const app = await build(t)
  // onReady already made sure the current year has a plan.
  const res = await app.inject({ method: 'GET', url: '/api/v1/aid/plans/current' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), defaultPlan(2026))
  t.same(Object.keys(res.json()).sort(), ['annualCapPerShareFen', 'claimDeadlineDays', 'enrolFrom', 'enrolTo', 'maxShares', 'perAdmissionCapFen', 'processingDays', 'requiredDocuments', 'secondApprovalAboveFen', 'shareFeeFen', 'tiers', 'waitingDays', 'year'].sort())
  const audits = app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'aid_plan'), eq(auditLog.action, 'aid_plan.create'))).all()
  t.equal(audits.length, 1)
  t.equal(audits[0].actorUserId, null)
  await app.inject({ method: 'GET', url: '/api/v1/aid/plans/current' })
  t.equal(app.db.select().from(auditLog).where(eq(auditLog.entityType, 'aid_plan')).all().length, 1, 'not created again')
})

t.test('a new year takes the latest plan\'s terms', async (t) => {
  const app = await build(t)
  const admin = await createUser(app, { role: 'admin' })
  const put = await injectAs(app, admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: { ...body2026, shareFeeFen: 15000, enrolFrom: '2025-10-15', enrolTo: '2026-03-31' } })
  t.equal(put.statusCode, 200, put.body)
  app.testClock.set('2027-02-01T02:00:00.000Z')
  const cur = (await app.inject({ method: 'GET', url: '/api/v1/aid/plans/current' })).json()
  t.equal(cur.year, 2027)
  t.equal(cur.shareFeeFen, 15000)
  t.equal(cur.enrolFrom, '2026-10-15')
  t.equal(cur.enrolTo, '2027-03-31')
})

t.test('PUT: admin only; the whole plan; audited before/after', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const body = { ...body2026, shareFeeFen: 10000, maxShares: 3, waitingDays: 60 }
  t.equal((await app.inject({ method: 'PUT', url: '/api/v1/aid/plans/2026', payload: body })).statusCode, 401)
  for (const u of [w.member, w.liaison, w.staff]) {
    const r = await injectAs(app, u, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: body })
    t.equal(r.statusCode, 403)
  }
  const ok = await injectAs(app, w.admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: body })
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { year: 2026, ...body })
  const entry = app.db.select().from(auditLog).where(eq(auditLog.action, 'aid_plan.update')).get()!
  t.equal(entry.actorUserId, w.admin.id)
  t.equal(JSON.parse(entry.before!).shareFeeFen, 12000)
  t.equal(JSON.parse(entry.after!).shareFeeFen, 10000)
  const next = await injectAs(app, w.admin, { method: 'PUT', url: '/api/v1/aid/plans/2027', payload: { ...body, enrolFrom: '2026-10-15', enrolTo: '2026-12-15' } })
  t.equal(next.statusCode, 200, 'a window in the autumn before the plan year')
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/aid/plans/2027' })).json().enrolFrom, '2026-10-15')
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/aid/plans/2030' })).statusCode, 404)
})

t.test('PUT: bad plans are 400 with the field named, and change nothing', async (t) => {
  const app = await build(t)
  const admin = await createUser(app, { role: 'admin' })
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['rate above 2000', { tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 50000, rateBp: 2001 }] }, 'tiers'],
    ['tiers not from 0', { tiers: [{ fromFen: 100, rateBp: 1000 }] }, 'tiers'],
    ['tiers not strictly ascending', { tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 50000, rateBp: 1000 }, { fromFen: 50000, rateBp: 1500 }] }, 'tiers'],
    ['negative rate', { tiers: [{ fromFen: 0, rateBp: -1 }] }, 'tiers'],
    ['fractional tier', { tiers: [{ fromFen: 0, rateBp: 10.5 }] }, 'tiers'],
    ['no tiers', { tiers: [] }, 'tiers'],
    ['tiers missing', { tiers: undefined }, 'tiers'],
    ['fractional fee', { shareFeeFen: 120.5 }, 'shareFeeFen'],
    ['negative cap', { perAdmissionCapFen: -1 }, 'perAdmissionCapFen'],
    ['zero cap', { annualCapPerShareFen: 0 }, 'annualCapPerShareFen'],
    ['cap beyond the range', { perAdmissionCapFen: 100_000_000_001 }, 'perAdmissionCapFen'],
    ['four shares', { maxShares: 4 }, 'maxShares'],
    ['waiting 366', { waitingDays: 366 }, 'waitingDays'],
    ['deadline 0', { claimDeadlineDays: 0 }, 'claimDeadlineDays'],
    ['unreal date', { enrolFrom: '2026-02-30' }, 'enrolFrom'],
    ['window reversed', { enrolFrom: '2026-06-01', enrolTo: '2026-05-01' }, 'enrolTo'],
    ['window past the year', { enrolTo: '2027-01-15' }, 'enrolTo'],
    ['window two years early', { enrolFrom: '2024-12-01' }, 'enrolFrom'],
    ['threshold a string', { secondApprovalAboveFen: '500000' }, 'secondApprovalAboveFen']
  ]
  for (const [what, patch, field] of cases) {
    const r = await injectAs(app, admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: { ...body2026, ...patch } })
    t.equal(r.statusCode, 400, what)
    t.ok(r.json().error.fields?.[field], `${what}: fields.${field} = ${r.json().error.fields?.[field]}`)
  }
  const rate = await injectAs(app, admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', headers: { 'accept-language': 'en' }, payload: { ...body2026, tiers: [{ fromFen: 0, rateBp: 2500 }] } })
  t.match(rate.json().error.fields.tiers, /20%/)
  t.equal((await injectAs(app, admin, { method: 'PUT', url: '/api/v1/aid/plans/1999', payload: body2026 })).statusCode, 400)
  t.same(app.db.select().from(aidPlans).all().map((p) => p.shareFeeFen), [12000], 'nothing changed')
  t.equal(app.db.select().from(auditLog).where(eq(auditLog.action, 'aid_plan.update')).all().length, 0)
})

t.test('cover already computed never moves when the plan changes', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const o = (await order(app, w.member)).json()
  t.equal((await confirm(app, w.staff, o.id, { receiptNo: 'R-1', paidOn: '2026-06-15' })).json().coverFrom, '2026-09-13')
  const put = await injectAs(app, w.admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: { ...body2026, waitingDays: 0 } })
  t.equal(put.statusCode, 200)
  const row = app.db.select().from(aidPurchases).where(eq(aidPurchases.id, o.id)).get()!
  t.equal(row.coverFrom, '2026-09-13')
  // A payment confirmed afterwards uses the new terms.
  const o2 = (await order(app, w.otherMember)).json()
  t.equal((await confirm(app, w.staff, o2.id, { receiptNo: 'R-2', paidOn: '2026-06-15' })).json().coverFrom, '2026-06-15')
})
