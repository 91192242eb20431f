import t from 'tap'
import { eq } from 'drizzle-orm'
import { build, createUser, injectAs } from '../../helper.js'
import { aidClaims, auditLog, idempotencyKeys } from '../../../src/db/schema/index.js'
import { attachMembership, claimBody, claimWorld, idemKey, insertMember } from './fixtures.js'
import { insertEnterprise } from '../../factories.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import type { FastifyInstance } from 'fastify'

function submit (app: FastifyInstance, user: UserRow, body: unknown, key: string | null = idemKey(), headers: Record<string, string> = {}) {
  return injectAs(app, user, { method: 'POST', url: '/api/v1/aid/claims', payload: body as Record<string, unknown>, headers: key === null ? headers : { 'idempotency-key': key, ...headers } })
}
const claimCount = (app: FastifyInstance): number => app.db.select().from(aidClaims).all().length

t.test('submit: 201 {id, status, estimate} in the quote shape; audited; the worked example 30000 → 4700', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const res = await submit(app, w.member.user, claimBody())
  t.equal(res.statusCode, 201, res.body)
  const body = res.json()
  t.equal(body.status, 'submitted')
  t.type(body.id, 'number')
  t.equal(body.estimate.baseFen, 3_000_000)
  t.equal(body.estimate.payableFen, 470_000)
  t.equal(body.estimate.limitedBy, 'none')
  t.equal(body.estimate.lines.length, 4)
  t.same(Object.keys(body.estimate).sort(), ['annualRemainingFen', 'baseFen', 'grossFen', 'limitedBy', 'lines', 'payableFen'])
  const row = app.db.select().from(aidClaims).where(eq(aidClaims.id, body.id)).get()!
  t.equal(row.membershipId, w.member.membershipId)
  t.equal(row.purchaseId, w.member.purchaseId)
  t.equal(row.planYear, 2026)
  t.ok(row.consentAt)
  t.ok(app.db.select().from(auditLog).where(eq(auditLog.action, 'claim.submit')).get())
})

t.test('idempotency: the same key returns the first answer and stores nothing new; another body with it is 422; no key is 400', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const key = idemKey()
  const body = claimBody()
  const first = await submit(app, w.member.user, body, key)
  const again = await submit(app, w.member.user, body, key)
  t.equal(first.statusCode, 201)
  t.equal(again.statusCode, 201)
  t.same(again.json(), first.json())
  t.equal(claimCount(app), 1)
  const other = await submit(app, w.member.user, { ...body, hospital: '别的医院' }, key)
  t.equal(other.statusCode, 422)
  t.equal(other.json().error.code, 'IDEMPOTENCY_KEY_REUSED')
  const none = await submit(app, w.member.user, claimBody(), null)
  t.equal(none.statusCode, 400)
  t.equal(none.json().error.code, 'IDEMPOTENCY_KEY_REQUIRED')
  t.equal(claimCount(app), 1)
  // The same key used by another user is their own.
  const m2 = await insertMember(app, w.enterpriseId)
  t.equal((await submit(app, m2.user, claimBody(), key)).statusCode, 201)
  t.equal(app.db.select().from(idempotencyKeys).all().length, 2)
})

t.test('schema errors are 400 before any check, with a message per field, and store nothing', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const stranger = w.stranger // never a member: NOT_MEMBER would come only after the schema
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['fractional fen', { totalCostFen: 100.5 }, 'totalCostFen'],
    ['negative', { insurancePaidFen: -1 }, 'insurancePaidFen'],
    ['beyond range', { excludedFen: 100_000_000_001 }, 'excludedFen'],
    ['a string amount', { totalCostFen: '5000' }, 'totalCostFen'],
    ['discharge before admission', { admissionDate: '2026-05-10', dischargeDate: '2026-05-09' }, 'dischargeDate'],
    ['admission after today', { admissionDate: '2026-06-16', dischargeDate: '2026-06-16' }, 'admissionDate'],
    ['discharge after today', { dischargeDate: '2026-06-16' }, 'dischargeDate'],
    ['not a real date', { admissionDate: '2026-02-30' }, 'admissionDate'],
    ['no hospital', { hospital: '  ' }, 'hospital']
  ]
  for (const [name, patch, field] of cases) {
    for (const u of [w.member.user, stranger]) {
      const res = await submit(app, u, claimBody(patch))
      t.equal(res.statusCode, 400, name)
      t.equal(res.json().error.code, 'INVALID_INPUT', name)
      t.ok(res.json().error.fields[field], `${name}: ${field} is named`)
    }
  }
  const zh = await submit(app, w.member.user, claimBody({ admissionDate: '2026-05-10', dischargeDate: '2026-05-09' }))
  t.match(zh.json().error.fields.dischargeDate, /出院日期不能早于入院日期/)
  const en = await submit(app, w.member.user, claimBody({ admissionDate: '2026-05-10', dischargeDate: '2026-05-09' }), idemKey(), { 'accept-language': 'en' })
  t.match(en.json().error.fields.dischargeDate, /discharge date cannot be before/)
  t.equal(claimCount(app), 0)
  t.equal(app.db.select().from(idempotencyKeys).all().length, 0)
})

t.test('automatic checks: each code, with a plain explanation; refused claims are not stored', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const expect = async (user: UserRow, body: Record<string, unknown>, code: string, name: string, re?: RegExp) => {
    const before = claimCount(app)
    const res = await submit(app, user, body)
    t.equal(res.statusCode, 422, name)
    t.equal(res.json().error.code, code, name)
    if (re !== undefined) t.match(res.json().error.message, re, name)
    t.equal(claimCount(app), before, `${name}: nothing stored`)
  }
  // NOT_MEMBER: never joined; an application never approved is not a membership either.
  await expect(w.stranger, claimBody(), 'NOT_MEMBER', 'never joined', /工会会员/)
  const applied = await insertMember(app, w.enterpriseId, { status: 'applied' })
  await expect(applied.user, claimBody(), 'NOT_MEMBER', 'only applied')
  // A member who has left keeps the cover already paid for.
  const left = await insertMember(app, w.enterpriseId, { status: 'left' })
  t.equal((await submit(app, left.user, claimBody())).statusCode, 201, 'a member who left is still covered')
  // NOT_COVERED: no paid share that year; admission before paidOn.
  const noShare = await insertMember(app, w.enterpriseId, { share: null })
  await expect(noShare.user, claimBody(), 'NOT_COVERED', 'no share', /2026 年度您没有已付款的互助份额/)
  const noShareRes = await submit(app, noShare.user, claimBody())
  t.notMatch(noShareRes.json().error.message, /—|\{|\}/, 'no blank placeholder or unfilled parameter when there is no share')
  await expect(w.member.user, claimBody({ admissionDate: '2025-12-28', dischargeDate: '2026-01-02' }), 'NOT_COVERED', 'last year, no share')
  await expect(w.member.user, claimBody({ admissionDate: '2026-01-09', dischargeDate: '2026-01-12' }), 'NOT_COVERED', 'before paidOn', /（2026-01-10）/)
  // WAITING_PERIOD: on or after paidOn, before coverFrom (2026-04-10).
  await expect(w.member.user, claimBody({ admissionDate: '2026-01-10', dischargeDate: '2026-04-12' }), 'WAITING_PERIOD', 'on paidOn', /2026-04-10/)
  await expect(w.member.user, claimBody({ admissionDate: '2026-04-09', dischargeDate: '2026-04-12' }), 'WAITING_PERIOD', 'day before cover')
  // LATE: discharge 2026-03-16 + 90 = 2026-06-14 < today 2026-06-15 (renewal cover from paidOn).
  const renewal = await insertMember(app, w.enterpriseId, { share: { paidOn: '2026-01-05', coverFrom: '2026-01-05' } })
  await expect(renewal.user, claimBody({ admissionDate: '2026-03-10', dischargeDate: '2026-03-16' }), 'LATE', 'day after the deadline', /2026-06-14/)
  t.equal((await submit(app, renewal.user, claimBody({ admissionDate: '2026-03-10', dischargeDate: '2026-03-17' }))).statusCode, 201, 'the last day itself is in time')
  // DUPLICATE: same invoice, not rejected.
  const first = await submit(app, w.member.user, claimBody({ invoiceNo: 'DUP-1' }))
  t.equal(first.statusCode, 201)
  await expect(w.member.user, claimBody({ invoiceNo: 'DUP-1', dischargeDate: '2026-05-12' }), 'DUPLICATE', 'same invoice', /发票/)
  // INCONSISTENT_AMOUNTS.
  await expect(w.member.user, claimBody({ totalCostFen: 100_000, insurancePaidFen: 80_000, excludedFen: 20_001 }), 'INCONSISTENT_AMOUNTS', 'parts above total',
    /（¥1,000\.01）超过了总费用（¥1,000\.00）/)
  const en = await submit(app, w.member.user, claimBody({ totalCostFen: 100_000, insurancePaidFen: 80_000, excludedFen: 20_001 }), idemKey(), { 'accept-language': 'en' })
  t.match(en.json().error.message, /do not add up/)
})

t.test('automatic checks: the order decides which code a claim failing several gets', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const renewal = await insertMember(app, w.enterpriseId, { share: { paidOn: '2026-01-05', coverFrom: '2026-01-05' } })
  const dup = await submit(app, renewal.user, claimBody({ invoiceNo: 'X-1', admissionDate: '2026-03-10', dischargeDate: '2026-03-20' }))
  t.equal(dup.statusCode, 201)
  const code = async (u: UserRow, b: Record<string, unknown>) => (await submit(app, u, b)).json().error?.code
  // LATE and DUPLICATE and INCONSISTENT → LATE
  t.equal(await code(renewal.user, claimBody({ invoiceNo: 'X-1', admissionDate: '2026-03-01', dischargeDate: '2026-03-05', insurancePaidFen: 9_000_000 })), 'LATE')
  // DUPLICATE and INCONSISTENT → DUPLICATE
  t.equal(await code(renewal.user, claimBody({ invoiceNo: 'X-1', insurancePaidFen: 9_000_000 })), 'DUPLICATE')
  // WAITING_PERIOD and LATE → WAITING_PERIOD
  t.equal(await code(w.member.user, claimBody({ admissionDate: '2026-02-01', dischargeDate: '2026-02-02' })), 'WAITING_PERIOD')
  // NOT_COVERED and INCONSISTENT → NOT_COVERED
  t.equal(await code(w.member.user, claimBody({ admissionDate: '2026-01-01', dischargeDate: '2026-01-02', insurancePaidFen: 9_000_000 })), 'NOT_COVERED')
  // NOT_MEMBER beats everything
  t.equal(await code(w.stranger, claimBody({ admissionDate: '2026-01-01', dischargeDate: '2026-01-02', insurancePaidFen: 9_000_000 })), 'NOT_MEMBER')
})

t.test('a rejected claim can be corrected and submitted again as a new claim (resubmission_of)', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const first = (await submit(app, w.member.user, claimBody({ invoiceNo: 'RE-1' }))).json()
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${first.id}/reject`, payload: { reasonCode: 'DOCUMENTS_MISSING' } })).statusCode, 200)
  const again = await submit(app, w.member.user, claimBody({ invoiceNo: 'RE-1', resubmissionOf: first.id }))
  t.equal(again.statusCode, 201)
  t.equal(app.db.select().from(aidClaims).where(eq(aidClaims.id, again.json().id)).get()!.resubmissionOf, first.id)
  // Only one's own rejected claim can be the one corrected.
  const other = await insertMember(app, w.enterpriseId)
  const bad = await submit(app, other.user, claimBody({ resubmissionOf: first.id }))
  t.equal(bad.statusCode, 400)
  t.ok(bad.json().error.fields.resubmissionOf)
  const notRejected = await submit(app, w.member.user, claimBody({ resubmissionOf: again.json().id }))
  t.equal(notRejected.statusCode, 400)
})

t.test('reading claims: the claimant and its reviewers; others 404; lists per role', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const id = (await submit(app, w.member.user, claimBody())).json().id
  const get = (u: UserRow) => injectAs(app, u, { method: 'GET', url: `/api/v1/aid/claims/${id}` })
  const mine = await get(w.member.user)
  t.equal(mine.statusCode, 200)
  const c = mine.json()
  t.equal(c.status, 'submitted')
  t.equal(c.estimate.payableFen, 470_000)
  t.equal(c.history.length, 1)
  t.equal(c.history[0].action, 'claim.submit')
  t.same(c.documents, [])
  t.equal((await get(w.staff)).statusCode, 200)
  t.equal((await get(w.admin)).statusCode, 200)
  t.equal((await get(w.stranger)).statusCode, 404, 'another member: not found')
  t.equal((await get(w.otherStaff)).statusCode, 404, 'staff of another building: not found')
  t.equal((await app.inject({ method: 'GET', url: `/api/v1/aid/claims/${id}` })).statusCode, 401)
  t.equal((await injectAs(app, w.member.user, { method: 'GET', url: '/api/v1/aid/claims/999999' })).statusCode, 404)

  // A staff member who is also a member of the building: their own claim is not in their queue.
  const staffMember = await attachMembership(app, w.staff2, w.enterpriseId)
  const ownId = (await submit(app, staffMember.user, claimBody())).json().id
  const list = async (u: UserRow, q = '') => (await injectAs(app, u, { method: 'GET', url: `/api/v1/aid/claims${q}` })).json().items.map((i: { id: number }) => i.id)
  t.same(await list(w.member.user), [id])
  t.same(await list(w.stranger), [])
  t.same(await list(w.staff), [id, ownId])
  t.same(await list(w.staff2), [id], 'staff do not get their own claim to review')
  t.same(await list(w.staff2, '?mine=1'), [ownId])
  t.same(await list(w.otherStaff), [])
  t.same(await list(w.admin), [id, ownId])
  t.same(await list(w.admin, '?status=approved'), [])
})

t.test('approve and reject: every role, every transition', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const staffMember = await attachMembership(app, w.staff, w.enterpriseId)
  const newClaim = async (u: UserRow = w.member.user) => (await submit(app, u, claimBody())).json().id as number
  const act = (u: UserRow, id: number, what: 'approve' | 'reject', payload?: Record<string, unknown>) =>
    injectAs(app, u, { method: 'POST', url: `/api/v1/aid/claims/${id}/${what}`, ...(payload === undefined ? {} : { payload }) })

  const a = await newClaim()
  t.equal((await act(w.member.user, a, 'approve')).statusCode, 403, 'the claimant cannot approve')
  t.equal((await act(w.stranger, a, 'approve')).statusCode, 404, 'another member: not found')
  t.equal((await act(w.otherStaff, a, 'approve')).statusCode, 404, 'staff of another building: not found')
  t.equal((await app.inject({ method: 'POST', url: `/api/v1/aid/claims/${a}/approve` })).statusCode, 401)
  const ok = await act(w.staff, a, 'approve')
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { status: 'approved', payableFen: 470_000 })
  const again = await act(w.staff2, a, 'approve')
  t.equal(again.statusCode, 409, 'approving an approved claim')
  t.equal(again.json().error.code, 'STATE_CHANGED')
  t.equal((await act(w.staff2, a, 'reject', { reasonCode: 'OTHER', note: 'x' })).statusCode, 409, 'rejecting an approved claim')

  const own = await newClaim(staffMember.user)
  const self = await act(w.staff, own, 'approve')
  t.equal(self.statusCode, 403, 'nobody approves their own claim')
  t.match(self.json().error.message, /自己/)
  t.equal((await act(w.staff, own, 'reject', { reasonCode: 'DOCUMENTS_MISSING' })).statusCode, 403)
  t.equal((await act(w.admin, own, 'approve')).statusCode, 200, 'admin approves anywhere')

  const r = await newClaim()
  const noNote = await act(w.staff, r, 'reject', { reasonCode: 'OTHER' })
  t.equal(noNote.statusCode, 400)
  t.ok(noNote.json().error.fields.note)
  const badCode = await act(w.staff, r, 'reject', { reasonCode: 'BECAUSE' })
  t.equal(badCode.statusCode, 400)
  t.ok(badCode.json().error.fields.reasonCode)
  t.equal((await act(w.member.user, r, 'reject', { reasonCode: 'DOCUMENTS_MISSING' })).statusCode, 403)
  const rejected = await act(w.staff, r, 'reject', { reasonCode: 'LATE', note: '出院超过 90 天' })
  t.equal(rejected.statusCode, 200)
  t.same(rejected.json(), { status: 'rejected' })
  t.equal((await act(w.staff2, r, 'approve')).statusCode, 409, 'approving a rejected claim')
  t.equal((await act(w.staff2, r, 'reject', { reasonCode: 'OTHER', note: 'again' })).statusCode, 409)
  const view = (await injectAs(app, w.member.user, { method: 'GET', url: `/api/v1/aid/claims/${r}` })).json()
  t.equal(view.reasonCode, 'LATE')
  t.equal(view.reasonNote, '出院超过 90 天')
  t.same(view.history.map((h: { action: string }) => h.action), ['claim.submit', 'claim.reject'])
  t.equal(view.history[1].actorName, '审核员甲')
})

t.test('the payable counts the approved and paid claims of the year, never this claim itself', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  // base 80000 yuan → 10000 yuan (admission cap); annual cap 20000 yuan.
  const big = () => claimBody({ totalCostFen: 10_000_000, insurancePaidFen: 2_000_000, excludedFen: 0 })
  const ids: number[] = []
  for (let i = 0; i < 3; i++) ids.push((await submit(app, w.member.user, big())).json().id)
  // Above the default second-approval threshold: two people each.
  for (const id of ids.slice(0, 2)) {
    t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })).json().status, 'awaiting_second_approval')
    const done = await injectAs(app, w.staff2, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })
    t.same(done.json(), { status: 'approved', payableFen: 1_000_000 })
  }
  // The annual cap is used up: the third gets nothing (and so needs no second approval).
  const third = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${ids[2]}/approve` })
  t.same(third.json(), { status: 'approved', payableFen: 0 })
  const view = (await injectAs(app, w.member.user, { method: 'GET', url: `/api/v1/aid/claims/${ids[2]}` })).json()
  t.equal(view.limitedBy, 'annual_cap')
  t.equal(view.breakdown.paidThisYearFen, 2_000_000)
  // A new estimate sees the approved claims.
  const est = (await submit(app, w.member.user, big())).json()
  t.equal(est.estimate.payableFen, 0)
  t.equal(est.estimate.limitedBy, 'annual_cap')
})

t.test('second approval: a different person completes it; the amount is computed again then', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  // base 40000 yuan → 6700 yuan: above the 5000 yuan threshold.
  const big = (await submit(app, w.member.user, claimBody({ totalCostFen: 5_000_000, insurancePaidFen: 1_000_000, excludedFen: 0 }))).json()
  t.equal(big.estimate.payableFen, 670_000)
  const first = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${big.id}/approve` })
  t.same(first.json(), { status: 'awaiting_second_approval', payableFen: 670_000 })
  const same = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${big.id}/approve` })
  t.equal(same.statusCode, 403, 'the first approver cannot complete it')
  t.equal(same.json().error.code, 'SECOND_APPROVER_REQUIRED')
  // Meanwhile a small claim of the member (base 3000 yuan → 250) is approved.
  const small = (await submit(app, w.member.user, claimBody({ totalCostFen: 400_000, insurancePaidFen: 100_000, excludedFen: 0 }))).json()
  t.same((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${small.id}/approve` })).json(), { status: 'approved', payableFen: 25_000 })
  // Shrink the annual cap so the recomputation shows: 6000 yuan − 250 already approved = 5750 left.
  app.db.$client.prepare('update aid_plans set annual_cap_per_share_fen = 600000 where year = 2026').run()
  const second = await injectAs(app, w.staff2, { method: 'POST', url: `/api/v1/aid/claims/${big.id}/approve` })
  t.equal(second.statusCode, 200)
  t.same(second.json(), { status: 'approved', payableFen: 575_000 }, 'computed again at the final approval: 6000 − 250')
  const view = (await injectAs(app, w.member.user, { method: 'GET', url: `/api/v1/aid/claims/${big.id}` })).json()
  t.same(view.history.map((h: { action: string }) => h.action), ['claim.submit', 'claim.approve.first', 'claim.approve'])
  // A claim awaiting the second approval can be rejected by the second person.
  const big2 = (await submit(app, w.member.user, claimBody({ totalCostFen: 5_000_000, insurancePaidFen: 1_000_000, excludedFen: 0 }))).json()
  app.db.$client.prepare('update aid_plans set annual_cap_per_share_fen = 2000000 where year = 2026').run()
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${big2.id}/approve` })).json().status, 'awaiting_second_approval')
  t.equal((await injectAs(app, w.staff2, { method: 'POST', url: `/api/v1/aid/claims/${big2.id}/reject`, payload: { reasonCode: 'DOCUMENTS_MISSING' } })).statusCode, 200)
})

t.test('concurrency: two staff approving one claim at once: one 200, one 409', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  for (let round = 0; round < 5; round++) {
    const id = (await submit(app, w.member.user, claimBody())).json().id
    const results = await Promise.all([w.staff, w.staff2, w.admin].map((u) => injectAs(app, u, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })))
    const codes = results.map((r) => r.statusCode).sort()
    t.same(codes, [200, 409, 409], `round ${round}`)
    t.equal(app.db.select().from(auditLog).where(eq(auditLog.entityId, String(id))).all().filter((a) => a.action === 'claim.approve').length, 1)
  }
})

t.test('concurrency: parallel approvals of one member\'s claims never pay more than the annual cap × shares', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  app.db.$client.prepare('update aid_plans set second_approval_above_fen = 100000000000 where year = 2026').run()
  const two = await insertMember(app, w.enterpriseId, { share: { shares: 2 } })
  for (const m of [w.member, two]) {
    const ids: number[] = []
    // base 80000 → 10000 yuan each; six claims ask for 60000 yuan.
    for (let i = 0; i < 6; i++) ids.push((await submit(app, m.user, claimBody({ totalCostFen: 10_000_000, insurancePaidFen: 2_000_000, excludedFen: 0 }))).json().id)
    const approvers = [w.staff, w.staff2, w.admin]
    const results = await Promise.all(ids.map((id, i) => injectAs(app, approvers[i % 3], { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })))
    t.ok(results.every((r) => r.statusCode === 200))
    const total = results.reduce((a, r) => a + (r.json().payableFen as number), 0)
    const shares = m === two ? 2 : 1
    t.equal(total, 2_000_000 * shares, `exactly the annual cap × ${shares}`)
    const stored = app.db.select().from(aidClaims)
      .where(eq(aidClaims.membershipId, m.membershipId)).all().reduce((a, c) => a + (c.payableFen ?? 0), 0)
    t.equal(stored, 2_000_000 * shares)
  }
})

t.test('the member\'s current building decides who reviews: after a transfer, the new building\'s staff', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const id = (await submit(app, w.member.user, claimBody())).json().id
  const newEnterprise = await insertEnterprise(app, w.otherBuildingId)
  app.db.$client.prepare('update memberships set enterprise_id = ? where id = ?').run(newEnterprise, w.member.membershipId)
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 404)
  t.equal((await injectAs(app, w.otherStaff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 200)
})

t.test('a staff account without a building reviews nothing', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const loose = await createUser(app, { role: 'staff' })
  const id = (await submit(app, w.member.user, claimBody())).json().id
  t.equal((await injectAs(app, loose, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 404)
  t.same((await injectAs(app, loose, { method: 'GET', url: '/api/v1/aid/claims' })).json().items, [])
})
