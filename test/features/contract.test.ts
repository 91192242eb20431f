// The integration contract of DOMAIN.md, call by call, as an external system would use it:
// Bearer tokens from POST /api/v1/auth/token, JSON bodies, calls without a body and without a
// content type, unknown fields ignored, {error:{code,message,fields?}} on every error, the
// documented fields present in every answer, the worked examples of the reimbursement rule and
// the order of the automatic claim checks.
import t from 'tap'
import type { Test } from 'tap'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { build, createUser, nextPhone, PASSWORD, type TestClock } from '../helper.js'
import { signWebhook } from '../../src/features/aid/payment-webhook.js'
import { aidClaims, aidPurchases } from '../../src/db/schema/index.js'
import { uniqueResidentId, uniqueUscc } from '../factories.js'
import { attachMembership, claimBody, claimWorld, idemKey, insertMember, insertPaidShare, setPlanTerms, TINY_PDF } from './claims/fixtures.js'
import { multipart } from '../multipart.js'

type App = FastifyInstance & { testClock: TestClock }
const WEBHOOK_SECRET = 'test-webhook-secret-0123456789abcdef'

interface CallOpts { token?: string, body?: unknown, headers?: Record<string, string>, lang?: string }

/** One call as an integrator makes it: JSON when there is a body, nothing at all otherwise. */
async function call (app: App, method: 'GET' | 'POST' | 'PUT', url: string, o: CallOpts = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...(o.headers ?? {}) }
  if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`
  if (o.lang !== undefined) headers['accept-language'] = o.lang
  if (o.body === undefined) return await app.inject({ method, url, headers })
  headers['content-type'] = 'application/json'
  return await app.inject({ method, url, headers, payload: JSON.stringify(o.body) })
}

/** Every error has the contract's shape; returns the error object. */
function expectError (t: Test, res: LightMyRequestResponse, status: number, code?: string): { code: string, message: string, fields?: Record<string, string> } {
  t.equal(res.statusCode, status, `status ${status} (${res.body.slice(0, 200)})`)
  t.match(res.headers['content-type'], /application\/json/)
  const body = res.json()
  t.same(Object.keys(body), ['error'], 'only `error` at the top')
  const e = body.error
  t.type(e.code, 'string')
  t.type(e.message, 'string')
  t.ok(e.message.length > 0, 'a message')
  for (const k of Object.keys(e)) t.ok(['code', 'message', 'fields'].includes(k), `error key ${k} is documented`)
  if (e.fields !== undefined) for (const v of Object.values(e.fields)) t.type(v, 'string')
  if (code !== undefined) t.equal(e.code, code)
  return e
}

/** The documented fields are all present (extra fields are allowed by "more may be added"). */
function hasFields (t: Test, obj: Record<string, unknown>, fields: string[], what: string): void {
  for (const f of fields) t.ok(Object.hasOwn(obj, f), `${what} has ${f}`)
}

const CJK = /[\u4e00-\u9fff]/

async function tokenOf (app: App, phone: string, password = PASSWORD): Promise<string> {
  const res = await call(app, 'POST', '/api/v1/auth/token', { body: { phone, password } })
  if (res.statusCode !== 200) throw new Error(`token for ${phone}: ${res.body}`)
  return res.json().token as string
}

t.test('GET /healthz → 200 {status:"ok"}', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/healthz' })
  t.equal(res.statusCode, 200)
  t.same(res.json(), { status: 'ok' })
})

t.test('auth: register 201 {token, user}, token 200 {token}, 401, 400 with fields, English messages', async (t) => {
  const app = await build(t)
  const phone = nextPhone()
  const reg = await call(app, 'POST', '/api/v1/auth/register', { body: { phone, password: PASSWORD, name: '王芳', favouriteColour: 'blue' } })
  t.equal(reg.statusCode, 201)
  const body = reg.json()
  hasFields(t, body, ['token', 'user'], 'register')
  t.type(body.token, 'string')
  t.same(Object.keys(body.user).sort(), ['id', 'name', 'phone', 'roles'])
  t.same(body.user.roles, ['member'])
  t.equal(body.user.phone, phone)

  // The register token works as a Bearer token.
  const me = await call(app, 'GET', '/api/v1/me', { token: body.token })
  t.equal(me.statusCode, 200)
  hasFields(t, me.json(), ['user', 'enterprises'], 'me')
  t.ok(Array.isArray(me.json().enterprises))

  const tok = await call(app, 'POST', '/api/v1/auth/token', { body: { phone, password: PASSWORD, extra: 1 } })
  t.equal(tok.statusCode, 200)
  t.type(tok.json().token, 'string')
  t.equal((await call(app, 'GET', '/api/v1/me', { token: tok.json().token })).statusCode, 200)

  expectError(t, await call(app, 'POST', '/api/v1/auth/token', { body: { phone, password: 'wrong-password-9' } }), 401)
  expectError(t, await call(app, 'POST', '/api/v1/auth/token', { body: { phone: nextPhone(), password: PASSWORD } }), 401)

  const bad = expectError(t, await call(app, 'POST', '/api/v1/auth/register', { body: { phone: '123', password: '1', name: '' } }), 400, 'INVALID_INPUT')
  t.same(Object.keys(bad.fields ?? {}).sort(), ['name', 'password', 'phone'])
  t.match(bad.message, CJK, 'Chinese by default')
  const en = expectError(t, await call(app, 'POST', '/api/v1/auth/register', { lang: 'en', body: { phone: '123', password: '1', name: '' } }), 400)
  t.notMatch(en.message, CJK, 'English message')
  for (const v of Object.values(en.fields ?? {})) t.notMatch(v, CJK, 'English field message')

  // No body at all: 400 with fields, never a 500.
  const empty = expectError(t, await call(app, 'POST', '/api/v1/auth/token'), 400)
  t.ok(empty.fields !== undefined)

  expectError(t, await call(app, 'POST', '/api/v1/auth/register', { body: { phone, password: PASSWORD, name: 'B' } }), 409)
  // Not signed in, and a bad token.
  expectError(t, await call(app, 'GET', '/api/v1/me'), 401)
  expectError(t, await call(app, 'GET', '/api/v1/me', { token: 'not-a-token' }), 401)
  // Malformed JSON and a body too large.
  const malformed = await app.inject({ method: 'POST', url: '/api/v1/auth/token', headers: { 'content-type': 'application/json' }, payload: '{"phone":' })
  expectError(t, malformed, 400)
  const huge = await app.inject({ method: 'POST', url: '/api/v1/aid/quote', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ totalCostFen: 1, pad: 'x'.repeat(2 * 1024 * 1024) }) })
  expectError(t, huge, 413)
})

t.test('auth: 429 RATE_LIMITED after 10 a minute, 429 ACCOUNT_LOCKED after five wrong passwords', async (t) => {
  const app = await build(t)
  const user = await createUser(app)
  for (let i = 1; i <= 5; i++) {
    expectError(t, await call(app, 'POST', '/api/v1/auth/token', { body: { phone: user.phone, password: 'wrong-password-9' } }), 401, 'INVALID_CREDENTIALS')
  }
  const locked = expectError(t, await call(app, 'POST', '/api/v1/auth/token', { body: { phone: user.phone, password: PASSWORD } }), 429, 'ACCOUNT_LOCKED')
  t.match(locked.message, CJK)
  app.testClock.advance(16 * 60_000)
  t.equal((await call(app, 'POST', '/api/v1/auth/token', { body: { phone: user.phone, password: PASSWORD } })).statusCode, 200, 'the lock ends after 15 minutes')
  const stranger = nextPhone()
  for (let i = 1; i <= 10; i++) expectError(t, await call(app, 'POST', '/api/v1/auth/token', { body: { phone: stranger, password: PASSWORD } }), 401)
  const limited = expectError(t, await call(app, 'POST', '/api/v1/auth/token', { lang: 'en', body: { phone: stranger, password: PASSWORD } }), 429, 'RATE_LIMITED')
  t.notMatch(limited.message, CJK)
})

t.test('the whole flow through the API: building → enterprise → membership → share → payment → claim → approval', async (t) => {
  const app = await build(t)
  const adminUser = await createUser(app, { role: 'admin', name: '市总管理员' })
  const admin = await tokenOf(app, adminUser.phone)

  // Buildings: admin only (403 before the body is even looked at), 400 with fields, 201 {id}.
  const reg = async (name: string) => {
    const phone = nextPhone()
    const r = await call(app, 'POST', '/api/v1/auth/register', { body: { phone, password: PASSWORD, name } })
    t.equal(r.statusCode, 201)
    return { id: r.json().user.id as number, phone, token: r.json().token as string }
  }
  const liaison = await reg('联络员')
  expectError(t, await call(app, 'POST', '/api/v1/buildings', { body: { name: 'X', district: 'Y', address: 'Z', enterprisesTotal: 5 } }), 401)
  expectError(t, await call(app, 'POST', '/api/v1/buildings', { token: liaison.token, body: {} }), 403)
  const badB = expectError(t, await call(app, 'POST', '/api/v1/buildings', { token: admin, body: { name: '', enterprisesTotal: -1 } }), 400, 'INVALID_INPUT')
  t.ok(badB.fields?.name !== undefined && badB.fields?.district !== undefined && badB.fields?.address !== undefined && badB.fields?.enterprisesTotal !== undefined)
  const b = await call(app, 'POST', '/api/v1/buildings', { token: admin, body: { name: '五华科创大厦', district: '五华区', address: '昆明市五华区', enterprisesTotal: 96, unknown: true } })
  t.equal(b.statusCode, 201)
  t.same(Object.keys(b.json()), ['id'])
  const buildingId = b.json().id as number

  const staffUser = await createUser(app, { role: 'staff', buildingIds: [buildingId], name: '工作人员' })
  const staff = await tokenOf(app, staffUser.phone)

  // Enterprise: the caller becomes its liaison; 201 {id, status:"pending"}.
  const badE = expectError(t, await call(app, 'POST', '/api/v1/enterprises', { token: liaison.token, body: { buildingId, name: 'A', uscc: '123', headcount: 0 } }), 400)
  t.ok(badE.fields?.uscc !== undefined && badE.fields?.headcount !== undefined)
  const firstUscc = uniqueUscc() // sent twice: the second time is a duplicate
  const e = await call(app, 'POST', '/api/v1/enterprises', { token: liaison.token, body: { buildingId, name: '云岭软件有限公司', uscc: firstUscc, headcount: 30, extra: 'x' } })
  t.equal(e.statusCode, 201)
  t.same(e.json(), { id: e.json().id, status: 'pending' })
  const enterpriseId = e.json().id as number
  expectError(t, await call(app, 'POST', '/api/v1/enterprises', { token: liaison.token, body: { buildingId, name: '重复', uscc: firstUscc, headcount: 3 } }), 409)

  // Membership for an enterprise not enrolled yet: 422 ENTERPRISE_NOT_ENROLLED.
  const member = await reg('王芳')
  const wangId = uniqueResidentId() // the same person applies again below: a duplicate
  const early = expectError(t, await call(app, 'POST', '/api/v1/memberships', { token: member.token, body: { enterpriseId, name: '王芳', idNumber: wangId } }), 422, 'ENTERPRISE_NOT_ENROLLED')
  t.match(early.message, CJK)

  // Approve without a body and without a content type; the liaison may not approve their own; again → 409.
  expectError(t, await call(app, 'POST', `/api/v1/enterprises/${enterpriseId}/approve`, { token: liaison.token }), 403)
  expectError(t, await call(app, 'POST', '/api/v1/enterprises/999999/approve', { token: staff }), 404)
  const ok = await call(app, 'POST', `/api/v1/enterprises/${enterpriseId}/approve`, { token: staff })
  t.equal(ok.statusCode, 200)
  t.same(ok.json(), { status: 'enrolled' })
  expectError(t, await call(app, 'POST', `/api/v1/enterprises/${enterpriseId}/approve`, { token: staff }), 409)
  // Reject needs {reason}: another enterprise, rejected.
  const e2 = await call(app, 'POST', '/api/v1/enterprises', { token: liaison.token, body: { buildingId, name: '第二家', uscc: uniqueUscc(), headcount: 5 } })
  const rej = await call(app, 'POST', `/api/v1/enterprises/${e2.json().id}/reject`, { token: staff, body: { reason: '材料不全' } })
  t.equal(rej.statusCode, 200)
  t.same(rej.json(), { status: 'rejected' })

  // Memberships: 400 with fields; 201 {id, status:"applied"}; approve → {status:"active", memberNo}.
  const badM = expectError(t, await call(app, 'POST', '/api/v1/memberships', { token: member.token, body: { enterpriseId, name: '', idNumber: '110105194912310021' } }), 400)
  t.ok(badM.fields?.name !== undefined && badM.fields?.idNumber !== undefined)
  const m = await call(app, 'POST', '/api/v1/memberships', { token: member.token, body: { enterpriseId, name: '王芳', idNumber: wangId, hobby: 'x' } })
  t.equal(m.statusCode, 201)
  t.same(m.json(), { id: m.json().id, status: 'applied' })
  const membershipId = m.json().id as number
  expectError(t, await call(app, 'POST', '/api/v1/memberships', { token: member.token, body: { enterpriseId, name: '王芳', idNumber: wangId } }), 409)
  expectError(t, await call(app, 'POST', `/api/v1/memberships/${membershipId}/approve`, { token: member.token }), 403)
  const appr = await call(app, 'POST', `/api/v1/memberships/${membershipId}/approve`, { token: liaison.token })
  t.equal(appr.statusCode, 200)
  t.same(Object.keys(appr.json()).sort(), ['memberNo', 'status'])
  t.equal(appr.json().status, 'active')
  t.type(appr.json().memberNo, 'string')
  expectError(t, await call(app, 'POST', `/api/v1/memberships/${membershipId}/approve`, { token: liaison.token }), 409)
  const other = await reg('李强')
  const m2 = await call(app, 'POST', '/api/v1/memberships', { token: other.token, body: { enterpriseId, name: '李强', idNumber: uniqueResidentId() } })
  const noReason = expectError(t, await call(app, 'POST', `/api/v1/memberships/${m2.json().id}/reject`, { token: staff }), 400)
  t.ok(noReason.fields?.reason, 'a rejection needs a reason')
  const mrej = await call(app, 'POST', `/api/v1/memberships/${m2.json().id}/reject`, { token: staff, body: { reason: '不是本企业职工' } })
  t.equal(mrej.statusCode, 200)
  t.same(mrej.json(), { status: 'rejected' })
  expectError(t, await call(app, 'POST', `/api/v1/memberships/${m2.json().id}/reject`, { token: staff, body: { reason: '再次' } }), 409)

  // Buildings list: anyone; items with the documented fields and the live counts.
  const list = await call(app, 'GET', '/api/v1/buildings')
  t.equal(list.statusCode, 200)
  const item = list.json().items.find((i: { id: number }) => i.id === buildingId)
  hasFields(t, item, ['id', 'name', 'district', 'enterprisesTotal', 'enterprisesEnrolled', 'members'], 'building item')
  t.match(item, { name: '五华科创大厦', district: '五华区', enterprisesTotal: 96, enterprisesEnrolled: 1, members: 1 })

  // The plan of the current year, for anyone.
  const plan = await call(app, 'GET', '/api/v1/aid/plans/current')
  t.equal(plan.statusCode, 200)
  hasFields(t, plan.json(), ['year', 'shareFeeFen', 'maxShares', 'enrolFrom', 'enrolTo', 'waitingDays', 'tiers', 'perAdmissionCapFen', 'annualCapPerShareFen', 'claimDeadlineDays', 'secondApprovalAboveFen'], 'plan')
  t.match(plan.json(), {
    year: 2026, shareFeeFen: 12000, maxShares: 1, enrolFrom: '2026-01-01', enrolTo: '2026-12-31', waitingDays: 90,
    tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 50000, rateBp: 1000 }, { fromFen: 500000, rateBp: 1500 }, { fromFen: 2000000, rateBp: 2000 }],
    perAdmissionCapFen: 1000000, annualCapPerShareFen: 2000000, claimDeadlineDays: 90, secondApprovalAboveFen: 500000
  })

  // PUT the plan: admin only; a rate above 2000 or tiers not ascending → 400 with fields.tiers.
  const whole = { ...plan.json() }
  delete whole.year
  expectError(t, await call(app, 'PUT', '/api/v1/aid/plans/2027', { token: staff, body: whole }), 403)
  const rate = expectError(t, await call(app, 'PUT', '/api/v1/aid/plans/2027', { token: admin, body: { ...whole, tiers: [{ fromFen: 0, rateBp: 2001 }] } }), 400)
  t.type(rate.fields?.tiers, 'string')
  const asc = expectError(t, await call(app, 'PUT', '/api/v1/aid/plans/2027', { token: admin, lang: 'en', body: { ...whole, tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 50000, rateBp: 1000 }, { fromFen: 50000, rateBp: 1500 }] } }), 400)
  t.type(asc.fields?.tiers, 'string')
  t.notMatch(asc.fields?.tiers ?? '', CJK)
  const notZero = expectError(t, await call(app, 'PUT', '/api/v1/aid/plans/2027', { token: admin, body: { ...whole, tiers: [{ fromFen: 100, rateBp: 0 }] } }), 400)
  t.type(notZero.fields?.tiers, 'string')
  const put = await call(app, 'PUT', '/api/v1/aid/plans/2027', { token: admin, body: { ...whole, enrolFrom: '2027-01-01', enrolTo: '2027-12-31', shareFeeFen: 15000, note: 'ignored' } })
  t.equal(put.statusCode, 200)
  t.match(put.json(), { year: 2027, shareFeeFen: 15000 })
  hasFields(t, put.json(), ['year', 'shareFeeFen', 'maxShares', 'enrolFrom', 'enrolTo', 'waitingDays', 'tiers', 'perAdmissionCapFen', 'annualCapPerShareFen', 'claimDeadlineDays', 'secondApprovalAboveFen'], 'put plan')

  // Purchases: Idempotency-Key required (400), active members only (403), 201 {id, status, amountFen}.
  const noKey = expectError(t, await call(app, 'POST', '/api/v1/aid/purchases', { token: member.token, body: { shares: 1 } }), 400)
  t.ok(noKey.fields !== undefined)
  expectError(t, await call(app, 'POST', '/api/v1/aid/purchases', { token: other.token, headers: { 'idempotency-key': 'k-other' }, body: { shares: 1 } }), 403)
  expectError(t, await call(app, 'POST', '/api/v1/aid/purchases', { token: member.token, headers: { 'idempotency-key': 'k-bad' }, body: { shares: 1.5 } }), 400)
  const p = await call(app, 'POST', '/api/v1/aid/purchases', { token: member.token, headers: { 'idempotency-key': 'k-1' }, body: { shares: 1, colour: 'red' } })
  t.equal(p.statusCode, 201)
  hasFields(t, p.json(), ['id', 'status', 'amountFen'], 'purchase')
  t.match(p.json(), { status: 'pending_payment', amountFen: 12000 })
  const again = await call(app, 'POST', '/api/v1/aid/purchases', { token: member.token, headers: { 'idempotency-key': 'k-1' }, body: { shares: 1 } })
  t.equal(again.statusCode, 201, 'the same key → the first answer')
  t.same(again.json(), p.json())
  t.equal(app.db.select().from(aidPurchases).all().length, 1, 'nothing new')
  expectError(t, await call(app, 'POST', '/api/v1/aid/purchases', { token: member.token, headers: { 'idempotency-key': 'k-2' }, body: { shares: 1 } }), 409)
  const closed = expectError(t, await call(app, 'POST', '/api/v1/aid/purchases', { token: member.token, headers: { 'idempotency-key': 'k-3' }, body: { shares: 1, year: 2027 } }), 422, 'ENROLMENT_CLOSED')
  t.match(closed.message, CJK)

  // Confirm payment: staff of the member's building; the member cannot; 200 {status, coverFrom, coverTo}; again 409.
  const purchaseId = p.json().id as number
  expectError(t, await call(app, 'POST', `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, { token: member.token, body: { receiptNo: 'R-1', paidOn: '2026-06-15' } }), 403)
  const badPay = expectError(t, await call(app, 'POST', `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, { token: staff, body: { receiptNo: '', paidOn: '2026-02-30' } }), 400)
  t.ok(badPay.fields?.receiptNo !== undefined && badPay.fields?.paidOn !== undefined)
  const paid = await call(app, 'POST', `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, { token: staff, body: { receiptNo: 'R-1', paidOn: '2026-06-15' } })
  t.equal(paid.statusCode, 200)
  t.same(paid.json(), { status: 'paid', coverFrom: '2026-09-13', coverTo: '2026-12-31' })
  expectError(t, await call(app, 'POST', `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, { token: staff, body: { receiptNo: 'R-2', paidOn: '2026-06-15' } }), 409)

  // Claims: Idempotency-Key required; waiting period until 2026-09-13; later 201 with the estimate.
  expectError(t, await call(app, 'POST', '/api/v1/aid/claims', { token: member.token, body: claimBody() }), 400)
  expectError(t, await call(app, 'POST', '/api/v1/aid/claims', { token: member.token, headers: { 'idempotency-key': 'c-0' }, body: claimBody({ admissionDate: '2026-06-15', dischargeDate: '2026-06-15' }) }), 422, 'WAITING_PERIOD')
  app.testClock.set('2026-10-20T02:00:00.000Z')
  const body = claimBody({ admissionDate: '2026-10-01', dischargeDate: '2026-10-10', totalCostFen: 5_000_000, insurancePaidFen: 1_500_000, excludedFen: 500_000, whatever: 1 })
  const c = await call(app, 'POST', '/api/v1/aid/claims', { token: member.token, headers: { 'idempotency-key': 'c-1' }, body })
  t.equal(c.statusCode, 201)
  hasFields(t, c.json(), ['id', 'status', 'estimate'], 'claim')
  t.equal(c.json().status, 'submitted')
  const est = c.json().estimate
  hasFields(t, est, ['baseFen', 'grossFen', 'payableFen', 'limitedBy', 'lines'], 'estimate')
  t.match(est, { baseFen: 3_000_000, grossFen: 470_000, payableFen: 470_000, limitedBy: 'none' })
  for (const line of est.lines) hasFields(t, line, ['fromFen', 'toFen', 'portionFen', 'rateBp'], 'estimate line')
  const c2 = await call(app, 'POST', '/api/v1/aid/claims', { token: member.token, headers: { 'idempotency-key': 'c-1' }, body })
  t.equal(c2.statusCode, 201)
  t.same(c2.json(), c.json(), 'the same key → the first answer')
  t.equal(app.db.select().from(aidClaims).all().length, 1, 'nothing new')

  // Lists and one claim.
  const mine = await call(app, 'GET', '/api/v1/aid/claims', { token: member.token })
  t.equal(mine.statusCode, 200)
  t.equal(mine.json().items.length, 1)
  const queue = await call(app, 'GET', '/api/v1/aid/claims', { token: staff })
  t.equal(queue.json().items.length, 1, 'staff see the claims they may review')
  const one = await call(app, 'GET', `/api/v1/aid/claims/${c.json().id}`, { token: member.token })
  t.equal(one.statusCode, 200)
  hasFields(t, one.json(), ['id', 'status', 'estimate', 'history'], 'claim view')
  expectError(t, await call(app, 'GET', `/api/v1/aid/claims/${c.json().id}`, { token: other.token }), 404)

  // Documents: the claimant uploads a multipart file → 201; nobody else may.
  const doc = multipart({ kind: 'invoice' }, { name: 'invoice.pdf', type: 'application/pdf', bytes: TINY_PDF })
  const up = await app.inject({ method: 'POST', url: `/api/v1/aid/claims/${c.json().id}/documents`, payload: doc.payload, headers: { ...doc.headers, authorization: `Bearer ${member.token}` } })
  t.equal(up.statusCode, 201)
  const doc2 = multipart({ kind: 'invoice' }, { name: 'invoice.pdf', type: 'application/pdf', bytes: TINY_PDF })
  expectError(t, await app.inject({ method: 'POST', url: `/api/v1/aid/claims/${c.json().id}/documents`, payload: doc2.payload, headers: { ...doc2.headers, authorization: `Bearer ${staff}` } }), 403)
  expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${c.json().id}/documents`, { token: member.token }), 400)

  // Approve: not the claimant; the plan's required documents first (422 DOCUMENTS_MISSING), then a
  // payout account (422 PAYOUT_ACCOUNT_MISSING); 200 {status, payableFen}; again → 409. Reject: {reasonCode}.
  expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${c.json().id}/approve`, { token: member.token }), 403)
  t.same((await call(app, 'GET', `/api/v1/aid/claims/${c.json().id}`, { token: member.token })).json().documentsMissing, ['itemised_bill', 'discharge_summary', 'insurance_statement'])
  t.equal(expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${c.json().id}/approve`, { token: staff }), 422).code, 'DOCUMENTS_MISSING')
  for (const kind of ['itemised_bill', 'discharge_summary', 'insurance_statement']) {
    const d = multipart({ kind }, { name: `${kind}.pdf`, type: 'application/pdf', bytes: TINY_PDF })
    t.equal((await app.inject({ method: 'POST', url: `/api/v1/aid/claims/${c.json().id}/documents`, payload: d.payload, headers: { ...d.headers, authorization: `Bearer ${member.token}` } })).statusCode, 201)
  }
  const noAcc = await call(app, 'POST', `/api/v1/aid/claims/${c.json().id}/approve`, { token: staff })
  t.equal(expectError(t, noAcc, 422).code, 'PAYOUT_ACCOUNT_MISSING', noAcc.body)
  const badAccount = expectError(t, await call(app, 'PUT', '/api/v1/me/payout-account', { token: member.token, body: { bankName: '中国银行', accountNo: '123', accountName: '别人' } }), 400)
  t.type(badAccount.fields?.accountNo, 'string')
  const notOwn = expectError(t, await call(app, 'PUT', '/api/v1/me/payout-account', { token: member.token, body: { bankName: '中国银行', accountNo: '6216610000012345678', accountName: '别人' } }), 400)
  t.type(notOwn.fields?.accountName, 'string')
  const account = await call(app, 'PUT', '/api/v1/me/payout-account', { token: member.token, body: { bankName: '中国银行', accountNo: '6216610000012345678', accountName: '王芳' } })
  t.equal(account.statusCode, 200)
  t.equal(account.json().accountNo, '**** **** 5678')
  const ap = await call(app, 'POST', `/api/v1/aid/claims/${c.json().id}/approve`, { token: staff })
  t.equal(ap.statusCode, 200)
  t.same(ap.json(), { status: 'approved', payableFen: 470_000 })
  expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${c.json().id}/approve`, { token: admin }), 409)
  expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${c.json().id}/reject`, { token: admin, body: { reasonCode: 'DOCUMENTS_MISSING' } }), 409)

  const c3 = await call(app, 'POST', '/api/v1/aid/claims', { token: member.token, headers: { 'idempotency-key': 'c-3' }, body: claimBody({ admissionDate: '2026-10-11', dischargeDate: '2026-10-12', totalCostFen: 100_000, insurancePaidFen: 0, excludedFen: 0 }) })
  t.equal(c3.statusCode, 201)
  const badRej = expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${c3.json().id}/reject`, { token: staff, body: { reasonCode: 'NOPE' } }), 400)
  t.type(badRej.fields?.reasonCode, 'string')
  const noteReq = expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${c3.json().id}/reject`, { token: staff, body: { reasonCode: 'OTHER' } }), 400)
  t.type(noteReq.fields?.note, 'string')
  const rj = await call(app, 'POST', `/api/v1/aid/claims/${c3.json().id}/reject`, { token: staff, body: { reasonCode: 'OTHER', note: '发票不清晰' } })
  t.equal(rj.statusCode, 200)
  t.same(rj.json(), { status: 'rejected' })
})

t.test('webhook: signed notice → 200 {status:"paid"}; the same again → 200 and nothing changes; bad signature → 401', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const member = await insertMember(app, w.enterpriseId, { share: null })
  const token = await tokenOf(app, member.user.phone)
  const p = await call(app, 'POST', '/api/v1/aid/purchases', { token, headers: { 'idempotency-key': 'w-1' }, body: { shares: 1 } })
  t.equal(p.statusCode, 201)
  const raw = JSON.stringify({ purchaseId: p.json().id, receiptNo: 'PAY-1', paidOn: '2026-06-15', amountFen: p.json().amountFen })
  const send = (sig: string | undefined, payload = raw) => app.inject({ method: 'POST', url: '/api/v1/aid/payments/webhook', payload, headers: { 'content-type': 'application/json', ...(sig === undefined ? {} : { 'x-signature': sig }) } })
  expectError(t, await send('sha256=' + '0'.repeat(64)), 401)
  expectError(t, await send(undefined), 401)
  const wrongSum = JSON.stringify({ ...JSON.parse(raw), amountFen: 100 })
  expectError(t, await send(signWebhook(WEBHOOK_SECRET, wrongSum), wrongSum), 422, 'AMOUNT_MISMATCH')
  const ok = await send(signWebhook(WEBHOOK_SECRET, raw))
  t.equal(ok.statusCode, 200)
  t.equal(ok.json().status, 'paid')
  const before = app.db.select().from(aidPurchases).all()
  const again = await send(signWebhook(WEBHOOK_SECRET, raw))
  t.equal(again.statusCode, 200)
  t.equal(again.json().status, 'paid')
  t.same(app.db.select().from(aidPurchases).all(), before, 'nothing changes')
})

t.test('POST /api/v1/aid/quote: the worked examples of DOMAIN.md, 422 and 400', async (t) => {
  const app = await build(t)
  const quote = (body: unknown, lang?: string) => call(app, 'POST', '/api/v1/aid/quote', { body, lang })
  const cases: Array<[number, number, number, string]> = [
    // [base yuan, paidThisYear fen, payable fen, limitedBy]
    [3000, 0, 25000, 'none'],
    [12000, 0, 150000, 'none'],
    [30000, 0, 470000, 'none'],
    [80000, 0, 1000000, 'admission_cap'],
    [80000, 1500000, 500000, 'annual_cap']
  ]
  for (const [baseYuan, paidThisYearFen, payable, limitedBy] of cases) {
    // The base is what is left after insurance and excluded items.
    const res = await quote({ totalCostFen: baseYuan * 100 + 700000, insurancePaidFen: 500000, excludedFen: 200000, shares: 1, paidThisYearFen, note: 'ignored' })
    t.equal(res.statusCode, 200, `base ${baseYuan}`)
    const q = res.json()
    hasFields(t, q, ['baseFen', 'grossFen', 'payableFen', 'limitedBy', 'lines'], 'quote')
    t.equal(q.baseFen, baseYuan * 100)
    t.equal(q.payableFen, payable, `base ${baseYuan} yuan, paid ${paidThisYearFen} → ${payable}`)
    t.equal(q.limitedBy, limitedBy)
    t.ok(q.payableFen * 5 <= q.baseFen, 'never more than 20% of the base')
    t.equal(q.lines.length, 4)
    for (const line of q.lines) hasFields(t, line, ['fromFen', 'toFen', 'portionFen', 'rateBp'], 'line')
    t.equal(q.lines.reduce((s: number, l: { portionFen: number }) => s + l.portionFen, 0), q.baseFen, 'the portions add up to the base')
  }
  // Without the optional fields.
  const plain = await quote({ totalCostFen: 300000, insurancePaidFen: 0, excludedFen: 0 })
  t.equal(plain.json().payableFen, 25000)
  const inc = expectError(t, await quote({ totalCostFen: 100, insurancePaidFen: 80, excludedFen: 30 }), 422, 'INCONSISTENT_AMOUNTS')
  t.match(inc.message, CJK)
  const incEn = expectError(t, await quote({ totalCostFen: 100, insurancePaidFen: 80, excludedFen: 30 }, 'en'), 422)
  t.notMatch(incEn.message, CJK)
  const bad = expectError(t, await quote({ totalCostFen: 1.5, insurancePaidFen: -1, excludedFen: '3' }), 400, 'INVALID_INPUT')
  t.same(Object.keys(bad.fields ?? {}).sort(), ['excludedFen', 'insurancePaidFen', 'totalCostFen'])
  expectError(t, await call(app, 'POST', '/api/v1/aid/quote'), 400)
})

t.test('claims: the automatic checks in their order; schema errors 400 before any of them; refused claims are not stored', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const submit = async (token: string, body: Record<string, unknown>, lang?: string) =>
    await call(app, 'POST', '/api/v1/aid/claims', { token, headers: { 'idempotency-key': idemKey() }, body, lang })
  // Everything that can be wrong at once: inconsistent amounts.
  const inconsistent = { totalCostFen: 100_000, insurancePaidFen: 90_000, excludedFen: 20_000 }

  // Never joined: schema errors first, then NOT_MEMBER whatever else is wrong.
  const neverJoined = await tokenOf(app, w.stranger.phone)
  for (const bad of [
    { totalCostFen: 100.5 },
    { insurancePaidFen: -1 },
    { admissionDate: '2026-05-10', dischargeDate: '2026-05-01' },
    { admissionDate: '2026-06-16', dischargeDate: '2026-06-16' },
    { admissionDate: '2026-02-30' },
    { invoiceNo: '' }
  ]) {
    const e = expectError(t, await submit(neverJoined, claimBody({ ...inconsistent, ...bad })), 400, 'INVALID_INPUT')
    t.ok(e.fields !== undefined && Object.keys(e.fields).length > 0, `fields for ${JSON.stringify(bad)}`)
  }
  const nm = expectError(t, await submit(neverJoined, claimBody({ ...inconsistent, admissionDate: '2025-01-01', dischargeDate: '2025-01-02' })), 422, 'NOT_MEMBER')
  t.match(nm.message, CJK)
  const nmEn = expectError(t, await submit(neverJoined, claimBody(inconsistent), 'en'), 422, 'NOT_MEMBER')
  t.notMatch(nmEn.message, CJK)
  // An application never approved is not a membership either.
  const applicant = await insertMember(app, w.enterpriseId, { status: 'applied' })
  expectError(t, await submit(await tokenOf(app, applicant.user.phone), claimBody(inconsistent)), 422, 'NOT_MEMBER')

  // A member without a paid share: NOT_COVERED before the later checks.
  const unpaid = await insertMember(app, w.enterpriseId, { share: null })
  expectError(t, await submit(await tokenOf(app, unpaid.user.phone), claimBody(inconsistent)), 422, 'NOT_COVERED')
  // A member who left still has the cover paid for (and is not NOT_MEMBER).
  const left = await insertMember(app, w.enterpriseId, { status: 'left' })
  t.equal((await submit(await tokenOf(app, left.user.phone), claimBody())).statusCode, 201)

  // The usual member: paid 2026-01-10, covered from 2026-04-10.
  const member = await tokenOf(app, w.member.user.phone)
  expectError(t, await submit(member, claimBody({ ...inconsistent, admissionDate: '2026-01-09', dischargeDate: '2026-01-12' })), 422, 'NOT_COVERED')
  expectError(t, await submit(member, claimBody({ ...inconsistent, admissionDate: '2025-12-20', dischargeDate: '2026-01-12' })), 422, 'NOT_COVERED')
  expectError(t, await submit(member, claimBody({ ...inconsistent, admissionDate: '2026-01-10', dischargeDate: '2026-01-12' })), 422, 'WAITING_PERIOD')
  expectError(t, await submit(member, claimBody({ ...inconsistent, admissionDate: '2026-04-09', dischargeDate: '2026-04-12' })), 422, 'WAITING_PERIOD')

  // LATE: a share of 2025; discharge 2025-05-10 + 90 days = 2025-08-08 is long past on 2026-06-15.
  insertPaidShare(app, w.member.membershipId, { planYear: 2025 })
  const first = claimBody({ admissionDate: '2026-04-10', dischargeDate: '2026-04-12' })
  t.equal((await submit(member, first)).statusCode, 201)
  expectError(t, await submit(member, claimBody({ ...inconsistent, invoiceNo: first.invoiceNo, admissionDate: '2025-05-01', dischargeDate: '2025-05-10' })), 422, 'LATE')
  // DUPLICATE before INCONSISTENT_AMOUNTS.
  expectError(t, await submit(member, claimBody({ ...inconsistent, invoiceNo: first.invoiceNo, admissionDate: '2026-05-01', dischargeDate: '2026-05-02' })), 422, 'DUPLICATE')
  expectError(t, await submit(member, claimBody({ ...inconsistent, admissionDate: '2026-05-01', dischargeDate: '2026-05-02' })), 422, 'INCONSISTENT_AMOUNTS')

  // Only the two accepted claims are stored.
  t.equal(app.db.select().from(aidClaims).all().length, 2)

  // LATE's last day is in time: discharge + 90 days ...
  const small = { totalCostFen: 100_000, insurancePaidFen: 0, excludedFen: 0 }
  app.testClock.set('2026-07-09T02:00:00.000Z')
  t.equal((await submit(member, claimBody({ ...small, admissionDate: '2026-04-10', dischargeDate: '2026-04-10' }))).statusCode, 201, '2026-04-10 + 90 days = 2026-07-09: in time')
  app.testClock.set('2026-07-10T02:00:00.000Z')
  expectError(t, await submit(member, claimBody({ ...inconsistent, admissionDate: '2026-04-10', dischargeDate: '2026-04-10' })), 422, 'LATE')
  // ... and never after 31 March of the year after the plan year (here 2025-12-31 + 120 days would be 2026-04-30).
  setPlanTerms(app, 2025, { claimDeadlineDays: 120 })
  app.testClock.set('2026-03-31T02:00:00.000Z')
  t.equal((await submit(member, claimBody({ ...small, admissionDate: '2025-12-31', dischargeDate: '2025-12-31' }))).statusCode, 201, '31 March: in time')
  app.testClock.set('2026-04-01T02:00:00.000Z')
  expectError(t, await submit(member, claimBody({ ...inconsistent, admissionDate: '2025-12-31', dischargeDate: '2025-12-31' })), 422, 'LATE')
  t.equal(app.db.select().from(aidClaims).all().length, 4)
})

t.test('claims approve: above the threshold two different approvers; 403 for the claimant, 404 for strangers', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  // A staff member who is also a covered member cannot approve their own claim.
  await attachMembership(app, w.staff, w.enterpriseId)
  const staff = await tokenOf(app, w.staff.phone)
  const staff2 = await tokenOf(app, w.staff2.phone)
  const own = await call(app, 'POST', '/api/v1/aid/claims', { token: staff, headers: { 'idempotency-key': 'own' }, body: claimBody() })
  t.equal(own.statusCode, 201)
  expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${own.json().id}/approve`, { token: staff }), 403)

  const member = await tokenOf(app, w.member.user.phone)
  // Base 80000 yuan → 1000000 fen payable, above the 500000 threshold.
  const big = await call(app, 'POST', '/api/v1/aid/claims', { token: member, headers: { 'idempotency-key': 'big' }, body: claimBody({ totalCostFen: 8_000_000, insurancePaidFen: 0, excludedFen: 0 }) })
  t.equal(big.statusCode, 201)
  t.match(big.json().estimate, { payableFen: 1_000_000, limitedBy: 'admission_cap' })
  const id = big.json().id as number
  expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${id}/approve`, { token: await tokenOf(app, w.stranger.phone) }), 404)
  const firstAp = await call(app, 'POST', `/api/v1/aid/claims/${id}/approve`, { token: staff })
  t.equal(firstAp.statusCode, 200)
  t.same(firstAp.json(), { status: 'awaiting_second_approval', payableFen: 1_000_000 })
  expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${id}/approve`, { token: staff }), 403)
  const second = await call(app, 'POST', `/api/v1/aid/claims/${id}/approve`, { token: staff2 })
  t.equal(second.statusCode, 200)
  t.same(second.json(), { status: 'approved', payableFen: 1_000_000 })
  expectError(t, await call(app, 'POST', `/api/v1/aid/claims/${id}/approve`, { token: await tokenOf(app, w.admin.phone) }), 409)

  // GET /api/v1/aid/claims: staff get the claims they may review; ?mine=1 their own.
  const review = await call(app, 'GET', '/api/v1/aid/claims', { token: staff2 })
  t.same(review.json().items.map((i: { id: number }) => i.id).sort(), [own.json().id, id].sort())
  const mine = await call(app, 'GET', '/api/v1/aid/claims?mine=1', { token: staff })
  t.same(mine.json().items.map((i: { id: number }) => i.id), [own.json().id])
  const otherStaff = await call(app, 'GET', '/api/v1/aid/claims', { token: await tokenOf(app, w.otherStaff.phone) })
  t.same(otherStaff.json().items, [], 'staff of another building see none')
})

t.test('who may act is settled before the body is read: 403 before 400', async (t) => {
  const { claimWorld, claimBody, idemKey } = await import('./claims/fixtures.js')
  const { build: buildApp, injectAs: asUser, createUser: newUser } = await import('../helper.js')
  const app = await buildApp(t)
  const w = await claimWorld(app)
  const stranger = await newUser(app)
  const plan = await asUser(app, stranger, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: { tiers: 'nonsense' } })
  t.equal(plan.statusCode, 403, 'plans: a non-admin with a bad body is 403')
  const claim = await asUser(app, w.member.user, { method: 'POST', url: '/api/v1/aid/claims', headers: { 'idempotency-key': idemKey() }, payload: claimBody() })
  t.equal(claim.statusCode, 201)
  const reject = await asUser(app, w.member.user, { method: 'POST', url: `/api/v1/aid/claims/${claim.json().id as number}/reject`, payload: { reasonCode: 'NOPE' } })
  t.equal(reject.statusCode, 403, 'claim reject: the claimant with a bad body is 403')
  const other = await asUser(app, w.otherStaff, { method: 'POST', url: `/api/v1/aid/claims/${claim.json().id as number}/reject`, payload: {} })
  t.equal(other.statusCode, 404, 'claim reject: staff of another building do not learn the claim exists')
  const { aidPurchases } = await import('../../src/db/schema/index.js')
  const purchaseId = app.db.select({ id: aidPurchases.id }).from(aidPurchases).get()!.id
  const pay = await asUser(app, w.otherStaff, { method: 'POST', url: `/api/v1/aid/purchases/${purchaseId}/confirm-payment`, payload: { receiptNo: '' } })
  t.equal(pay.statusCode, 403, 'confirm-payment: staff of another building with a bad body is 403')
})
