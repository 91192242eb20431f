// Second release: required documents (the plan's list, documentsMissing, DOCUMENTS_MISSING),
// returning a claim for documents and resubmitting it (history with who and when, notices and
// SMS), payout accounts (encrypted, masked, the member's own name, PAYOUT_ACCOUNT_MISSING after
// DOCUMENTS_MISSING, frozen at approval), and a transfer the bank returned.
import t from 'tap'
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { build, injectAs, PageSession, smsSent } from '../../helper.js'
import { aidClaims, aidPaymentBatches, payoutAccounts, workCalendarDays } from '../../../src/db/schema/index.js'
import { claimBody, claimWorld, idemKey, insertMember, setPlanTerms, TINY_PDF } from './fixtures.js'
import { multipart } from '../../multipart.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'

async function newClaim (app: FastifyInstance, u: UserRow, patch: Record<string, unknown> = {}): Promise<number> {
  const res = await injectAs(app, u, { method: 'POST', url: '/api/v1/aid/claims', payload: claimBody(patch), headers: { 'idempotency-key': idemKey() } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().id
}

async function upload (app: FastifyInstance, u: UserRow, claimId: number, kind: string): Promise<number> {
  const m = multipart({ kind }, { name: `${kind}.pdf`, type: 'application/pdf', bytes: TINY_PDF })
  return (await injectAs(app, u, { method: 'POST', url: `/api/v1/aid/claims/${claimId}/documents`, payload: m.payload, headers: m.headers })).statusCode
}

const ALL = ['invoice', 'itemised_bill', 'discharge_summary', 'insurance_statement']

t.test('the plan names the required documents: the four by default, [] for none; unknown kinds are refused', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const plan = (await injectAs(app, w.admin, { method: 'GET', url: '/api/v1/aid/plans/2027' }))
  const current = (await injectAs(app, w.admin, { method: 'GET', url: '/api/v1/aid/plans/current' })).json()
  t.same(current.requiredDocuments, [], 'the fixture plan requires none')
  const { year: _y, requiredDocuments: _r, ...terms } = current
  const put = await injectAs(app, w.admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: terms })
  t.same(put.json().requiredDocuments, ALL, 'left out: the four usual kinds')
  t.equal(put.json().processingDays, 15)
  const none = await injectAs(app, w.admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: { ...terms, requiredDocuments: [] } })
  t.same(none.json().requiredDocuments, [])
  const bad = await injectAs(app, w.admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: { ...terms, requiredDocuments: ['selfie'] } })
  t.equal(bad.statusCode, 400)
  t.ok(bad.json().error.fields.requiredDocuments)
  t.same((await injectAs(app, w.admin, { method: 'GET', url: '/api/v1/aid/plans/2026' })).json().requiredDocuments, [], 'bad input changed nothing')
  t.equal((await injectAs(app, w.staff, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: terms })).statusCode, 403)
  t.ok(plan.statusCode === 200 || plan.statusCode === 404)
})

t.test('approval: DOCUMENTS_MISSING first, then PAYOUT_ACCOUNT_MISSING; the account is frozen onto the claim', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  setPlanTerms(app, 2026, { requiredDocuments: JSON.stringify(ALL) })
  const m = await insertMember(app, w.enterpriseId, { name: '王芳', payoutAccount: false })
  const id = await newClaim(app, m.user)
  const view = (await injectAs(app, m.user, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json()
  t.same(view.documentsMissing, ALL)
  const first = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })
  t.equal(first.statusCode, 422)
  t.equal(first.json().error.code, 'DOCUMENTS_MISSING', 'documents are checked before the account')
  t.equal((await injectAs(app, w.stranger, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 404, 'who may act comes first')
  for (const k of ALL.slice(0, 3)) t.equal(await upload(app, m.user, id, k), 201)
  t.same((await injectAs(app, m.user, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json().documentsMissing, ['insurance_statement'])
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })).json().error.code, 'DOCUMENTS_MISSING')
  t.equal(await upload(app, m.user, id, 'insurance_statement'), 201)
  t.equal(await upload(app, m.user, id, 'other'), 201, 'other is always allowed')
  const noAccount = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })
  t.equal(noAccount.statusCode, 422)
  t.equal(noAccount.json().error.code, 'PAYOUT_ACCOUNT_MISSING')
  t.equal(app.db.select().from(aidClaims).where(eq(aidClaims.id, id)).get()!.status, 'submitted', 'a refusal changes nothing')

  // The payout account: the member's own name, 12–19 digits, stored encrypted, answered masked.
  const put = (payload: Record<string, unknown>) => injectAs(app, m.user, { method: 'PUT', url: '/api/v1/me/payout-account', payload })
  const wrongName = await put({ bankName: '中国银行', accountNo: '6216 6100 0001 2345 678', accountName: '李四' })
  t.equal(wrongName.statusCode, 400)
  t.ok(wrongName.json().error.fields.accountName)
  const short = await put({ bankName: '中国银行', accountNo: '62166100000', accountName: '王芳' })
  t.equal(short.statusCode, 400)
  t.ok(short.json().error.fields.accountNo)
  t.equal((await put({ bankName: '中国银行', accountNo: '6'.repeat(20), accountName: '王芳' })).statusCode, 400)
  const en = await injectAs(app, m.user, { method: 'PUT', url: '/api/v1/me/payout-account', payload: { bankName: '', accountNo: 'x', accountName: '王芳' }, headers: { 'accept-language': 'en' } })
  t.match(en.json().error.fields.accountNo, /12 to 19 digits/)
  t.equal(app.db.select().from(payoutAccounts).all().filter((a) => a.userId === m.user.id).length, 0, 'bad input stored nothing')
  const saved = await put({ bankName: '中国银行昆明分行', accountNo: '6216-6100-0001-2345-678', accountName: '王芳' })
  t.equal(saved.statusCode, 200)
  t.same({ ...saved.json(), updatedAt: undefined }, { bankName: '中国银行昆明分行', accountNo: '**** **** 5678', accountLast4: '5678', accountName: '王芳', updatedAt: undefined })
  const stored = app.db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, m.user.id)).get()!
  t.notMatch(stored.accountNo, /6216610000012345678/, 'encrypted at rest')
  t.equal(app.pii.decrypt(stored.accountNo), '6216610000012345678')
  t.equal((await injectAs(app, m.user, { method: 'GET', url: '/api/v1/me/payout-account' })).json().accountNo, '**** **** 5678')

  const ok = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })
  t.equal(ok.statusCode, 200)
  t.equal(ok.json().status, 'approved')
  // A later change of account never redirects money already approved.
  await put({ bankName: '农业银行', accountNo: '6228480000000000001', accountName: '王芳' })
  const approved = (await injectAs(app, m.user, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json()
  t.same(approved.payoutAccount, { bankName: '中国银行昆明分行', accountNo: '**** **** 5678', accountName: '王芳' })
  t.same(approved.documentsMissing, [])
  t.notMatch(JSON.stringify(approved), /6216610000012345678/, 'never in full outside the bank file')
})

t.test('return for documents and resubmit: who may, in which state, with history, notices and an SMS', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const id = await newClaim(app, w.member.user)
  const ret = (u: UserRow, payload: Record<string, unknown> = { note: '请补充费用清单' }) => injectAs(app, u, { method: 'POST', url: `/api/v1/aid/claims/${id}/return`, payload })
  t.equal((await ret(w.stranger)).statusCode, 404)
  t.equal((await ret(w.otherStaff)).statusCode, 404)
  t.equal((await ret(w.member.user)).statusCode, 403, 'the claimant does not return their own claim')
  t.equal((await ret(w.staff, {})).statusCode, 400, 'a note is required')
  t.equal(app.db.select().from(aidClaims).where(eq(aidClaims.id, id)).get()!.status, 'submitted')
  const returned = await ret(w.staff)
  t.equal(returned.statusCode, 200)
  t.same(returned.json(), { status: 'needs_documents' })
  t.equal((await ret(w.staff)).statusCode, 409, 'once')
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 409, 'no approval while documents are awaited')

  const notices = (await injectAs(app, w.member.user, { method: 'GET', url: '/api/v1/me/notifications' })).json()
  t.equal(notices.items.length, 1)
  t.match(notices.items[0], { kind: 'claim.returned', read: false })
  t.match(notices.items[0].text, /请补充费用清单/)
  const noticesEn = (await injectAs(app, w.member.user, { method: 'GET', url: '/api/v1/me/notifications', headers: { 'accept-language': 'en' } })).json()
  t.match(noticesEn.items[0].text, /needs more documents/)
  const sms = smsSent(app).filter((s) => s.to === w.member.user.phone)
  t.equal(sms.length, 1)
  t.equal(sms[0].template, 'notice')
  t.match(sms[0].params.text, /请补充费用清单/)

  t.equal(await upload(app, w.member.user, id, 'itemised_bill'), 201, 'documents may be added while returned')
  const resubmit = (u: UserRow) => injectAs(app, u, { method: 'POST', url: `/api/v1/aid/claims/${id}/resubmit` })
  t.equal((await resubmit(w.staff)).statusCode, 403, 'only the claimant')
  t.equal((await resubmit(w.stranger)).statusCode, 404)
  const back = await resubmit(w.member.user)
  t.equal(back.statusCode, 200)
  t.same(back.json(), { status: 'submitted' })
  t.equal((await resubmit(w.member.user)).statusCode, 409)
  const view = (await injectAs(app, w.staff, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json()
  const steps = view.history.map((h: { action: string }) => h.action)
  t.same(steps, ['claim.submit', 'claim.return', 'claim.document.add', 'claim.resubmit.documents'])
  const r = view.history.find((h: { action: string }) => h.action === 'claim.return')
  t.match(r, { actorName: '审核员甲', status: 'needs_documents', note: '请补充费用清单' })
  t.ok(r.at)
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 200)
  const read = await injectAs(app, w.member.user, { method: 'POST', url: '/api/v1/me/notifications/read', payload: {} })
  t.same(read.json(), { marked: 2 }, 'returned and approved')
  t.ok((await injectAs(app, w.member.user, { method: 'GET', url: '/api/v1/me/notifications' })).json().items.every((n: { read: boolean }) => n.read))
})

t.test('a returned transfer: the claim is approved again, leaves the batch, whose totals follow, and can join a later batch', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const m2 = await insertMember(app, w.enterpriseId, { name: '赵敏' })
  const a = await newClaim(app, w.member.user)
  const b = await newClaim(app, m2.user, { totalCostFen: 400_000, insurancePaidFen: 100_000, excludedFen: 0 })
  for (const id of [a, b]) await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })
  const batch = (await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: {} })).json()
  t.equal((await injectAs(app, w.staff2, { method: 'POST', url: `/api/v1/aid/payment-batches/${batch.id}/paid`, payload: { bankReference: 'B-1' } })).statusCode, 200)
  const fail = (u: UserRow, claimId: number, payload: Record<string, unknown> = { reason: '户名与账号不符' }) =>
    injectAs(app, u, { method: 'POST', url: `/api/v1/aid/payment-batches/${batch.id}/items/${claimId}/failed`, payload })
  t.equal((await fail(w.member.user, b)).statusCode, 403)
  t.equal((await fail(w.staff, b, {})).statusCode, 400)
  t.equal((await fail(w.staff, 999999)).statusCode, 404)
  const done = await fail(w.staff, b)
  t.equal(done.statusCode, 200)
  t.same(done.json(), { id: batch.id, claimId: b, status: 'approved', batch: { status: 'paid', totalFen: 470_000, claimCount: 1 } })
  t.equal((await fail(w.staff, b)).statusCode, 404, 'no longer in the batch')
  const c = app.db.select().from(aidClaims).where(eq(aidClaims.id, b)).get()!
  t.match(c, { status: 'approved', paymentBatchId: null, paidAt: null })
  t.equal(app.db.select().from(aidPaymentBatches).where(eq(aidPaymentBatches.id, batch.id)).get()!.totalFen, 470_000)
  const hist = (await injectAs(app, m2.user, { method: 'GET', url: `/api/v1/aid/claims/${b}` })).json().history
  t.match(hist.pop(), { action: 'claim.transfer_returned', status: 'approved', note: '户名与账号不符' })
  const notices = (await injectAs(app, m2.user, { method: 'GET', url: '/api/v1/me/notifications' })).json().items.map((n: { kind: string }) => n.kind)
  t.same(notices, ['claim.transfer_returned', 'claim.paid', 'claim.approved'])
  const f = (await injectAs(app, w.admin, { method: 'GET', url: '/api/v1/aid/fund' })).json()
  t.equal(f.claimsByStatus.paid.amountFen, 470_000, 'the fund overview follows')
  t.equal(f.claimsByStatus.approved.amountFen, 25_000)
  t.equal(f.paidByBatchesFen, f.paidByClaimsFen)
  const again = await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: { claimIds: [b] } })
  t.equal(again.statusCode, 201, 'it joins a later batch')
  // The summary the admin reads equals a count of the claims themselves.
  const direct = app.db.$client.prepare(`select plan_year as planYear, status, count(*) as n,
    sum(coalesce(payable_fen, json_extract(estimate, '$.payableFen'))) as amountFen from aid_claims group by plan_year, status order by plan_year, status`).all()
  const kept = app.db.$client.prepare('select plan_year as planYear, status, n, amount_fen as amountFen from fund_claim_figures where n > 0 order by plan_year, status').all()
  t.same(kept, direct)
})

t.test('the expected decision date: the plan\'s working days with the admin\'s holidays and adjusted workdays; late claims flagged in the queue', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const id = await newClaim(app, w.member.user) // submitted on the test clock's today
  const view = (await injectAs(app, w.member.user, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json()
  t.match(view.expectedDecisionBy, /^\d{4}-\d{2}-\d{2}$/)
  t.equal(view.late, false)
  // 15 working days later the promise still holds; a day after, the claim is late.
  const clock = app.testClock
  clock.set(`${view.expectedDecisionBy}T10:00:00+08:00`)
  t.equal((await injectAs(app, w.staff, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json().late, false, 'the last day is in time')
  const next = new Date(Date.parse(`${view.expectedDecisionBy}T10:00:00+08:00`) + 86_400_000).toISOString()
  clock.set(next)
  t.equal((await injectAs(app, w.staff, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json().late, true)
  const staff = new PageSession(app)
  await staff.login(w.staff.phone)
  t.match((await staff.get('/aid/review')).body, /class="badge bad"[^>]*>已超期/)
  // A holiday the admin keeps (PUT /api/v1/aid/calendar/:year) moves the date one working day on.
  const year = view.expectedDecisionBy.slice(0, 4)
  const put = (u: UserRow, payload: unknown) => injectAs(app, u, { method: 'PUT', url: `/api/v1/aid/calendar/${year}`, payload: payload as object })
  const days = [{ date: view.expectedDecisionBy, kind: 'holiday', note: '测试假日' }]
  t.equal((await put(w.staff, { days })).statusCode, 403, 'staff do not keep the calendar')
  const bad = await put(w.admin, { days: [{ date: '1999-01-01', kind: 'holiday' }, { date: view.expectedDecisionBy, kind: 'party' }] })
  t.equal(bad.statusCode, 400)
  t.ok(bad.json().error.fields['days.1.kind'], 'an unknown kind is named')
  const other = await put(w.admin, { days: [{ date: '1999-01-01', kind: 'holiday' }] })
  t.same(Object.keys(other.json().error.fields), ['days.0.date'], 'a day of another year is refused')
  t.equal((await put(w.admin, { days: [...days, ...days] })).statusCode, 400, 'the same day twice is refused')
  t.equal(app.db.select().from(workCalendarDays).all().length, 0, 'refused lists change nothing')
  const saved = await put(w.admin, { days })
  t.equal(saved.statusCode, 200)
  t.same(saved.json(), { year: Number(year), days: [{ date: view.expectedDecisionBy, kind: 'holiday', note: '测试假日' }] })
  t.same((await injectAs(app, w.admin, { method: 'GET', url: `/api/v1/aid/calendar/${year}` })).json(), saved.json())
  const moved = (await injectAs(app, w.member.user, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json().expectedDecisionBy
  t.ok(moved > view.expectedDecisionBy)
  t.equal((await put(w.admin, { days: [] })).json().days.length, 0, 'an empty list clears the year')
})
