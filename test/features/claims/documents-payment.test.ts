import t from 'tap'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { build, injectAs } from '../../helper.js'
import { aidClaimDocuments, aidClaims, aidPaymentBatches, auditLog } from '../../../src/db/schema/index.js'
import { claimBody, claimWorld, idemKey, insertMember, TINY_JPEG, TINY_PDF, TINY_PNG } from './fixtures.js'
import { multipart } from '../../multipart.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import type { FastifyInstance } from 'fastify'

async function newClaim (app: FastifyInstance, u: UserRow, patch: Record<string, unknown> = {}): Promise<number> {
  const res = await injectAs(app, u, { method: 'POST', url: '/api/v1/aid/claims', payload: claimBody(patch), headers: { 'idempotency-key': idemKey() } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return res.json().id
}

function upload (app: FastifyInstance, u: UserRow, claimId: number, kind: string | undefined, file?: { name: string, type: string, bytes: Buffer }, headers: Record<string, string> = {}) {
  const m = multipart(kind === undefined ? {} : { kind }, file)
  return injectAs(app, u, { method: 'POST', url: `/api/v1/aid/claims/${claimId}/documents`, payload: m.payload, headers: { ...m.headers, ...headers } })
}

function allFiles (dir: string): string[] {
  const out: string[] = []
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...allFiles(p))
    else out.push(p)
  }
  return out
}

t.test('documents: real PDF, PNG and JPEG are accepted by their bytes, stored encrypted, served only to the claimant and reviewers', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const id = await newClaim(app, w.member.user)
  const files = [
    { kind: 'invoice', name: '发票.pdf', type: 'application/pdf', bytes: TINY_PDF, mime: 'application/pdf' },
    // The name and the declared type lie; the bytes decide.
    { kind: 'discharge_summary', name: 'summary.pdf', type: 'application/pdf', bytes: TINY_PNG, mime: 'image/png' },
    { kind: 'insurance_statement', name: 'sheet', type: 'application/octet-stream', bytes: TINY_JPEG, mime: 'image/jpeg' }
  ]
  const ids: number[] = []
  for (const f of files) {
    const res = await upload(app, w.member.user, id, f.kind, f)
    t.equal(res.statusCode, 201, res.body)
    t.equal(res.json().mime, f.mime)
    t.equal(res.json().kind, f.kind)
    ids.push(res.json().id)
  }
  t.equal(app.db.select().from(aidClaimDocuments).get()!.fileName, '发票.pdf')
  t.equal(app.db.select().from(aidClaimDocuments).where(eq(aidClaimDocuments.id, ids[1])).get()!.fileName, 'summary.png', 'the extension follows the real type')

  // On disk, under UPLOAD_DIR: never the plain bytes.
  const stored = allFiles(app.config.uploadDir)
  t.equal(stored.length, 3)
  for (const p of stored) {
    const raw = readFileSync(p)
    t.notOk(raw.includes(TINY_PDF.subarray(0, 20)), 'no plain PDF')
    t.notOk(raw.subarray(0, 8).equals(TINY_PNG.subarray(0, 8)), 'no PNG signature')
    t.not(raw.subarray(0, 3).toString('hex'), 'ffd8ff', 'no JPEG signature')
  }

  const read = (u: UserRow, docId: number) => injectAs(app, u, { method: 'GET', url: `/api/v1/aid/claims/${id}/documents/${docId}` })
  const mine = await read(w.member.user, ids[0])
  t.equal(mine.statusCode, 200)
  t.same(mine.rawPayload, TINY_PDF, 'decrypted for the claimant')
  t.equal(mine.headers['content-type'], 'application/pdf')
  t.equal(mine.headers['x-content-type-options'], 'nosniff')
  t.match(mine.headers['content-disposition'], /attachment; filename=/)
  const png = await read(w.staff, ids[1])
  t.equal(png.statusCode, 200, 'a reviewer reads it')
  t.equal(png.headers['content-type'], 'image/png')
  t.same(png.rawPayload, TINY_PNG)
  t.equal((await read(w.admin, ids[2])).statusCode, 200)
  t.equal((await read(w.stranger, ids[0])).statusCode, 404, 'another member cannot read it')
  t.equal((await read(w.otherStaff, ids[0])).statusCode, 404, 'staff of another building cannot read it')
  t.equal((await read(w.member.user, 9999)).statusCode, 404)
  // A document id of another claim through this claim's path: not found.
  const other = await insertMember(app, w.enterpriseId)
  const otherClaim = await newClaim(app, other.user)
  t.equal((await injectAs(app, other.user, { method: 'GET', url: `/api/v1/aid/claims/${otherClaim}/documents/${ids[0]}` })).statusCode, 404)

  const view = (await injectAs(app, w.member.user, { method: 'GET', url: `/api/v1/aid/claims/${id}` })).json()
  t.same(view.documents.map((d: { kind: string }) => d.kind), ['invoice', 'discharge_summary', 'insurance_statement'])
  t.equal(view.history.filter((h: { action: string }) => h.action === 'claim.document.add').length, 3)
})

t.test('documents: a fake PDF, an empty or too-large file, a missing kind are refused with a clear message and nothing is stored', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const id = await newClaim(app, w.member.user)
  const fake = await upload(app, w.member.user, id, 'invoice', { name: 'invoice.pdf', type: 'application/pdf', bytes: Buffer.from('This is only text pretending to be a PDF.\n') })
  t.equal(fake.statusCode, 400)
  t.equal(fake.json().error.code, 'UNSUPPORTED_FILE_TYPE')
  t.match(fake.json().error.fields.file, /PDF、JPEG 或 PNG/)
  const en = await upload(app, w.member.user, id, 'invoice', { name: 'x.pdf', type: 'application/pdf', bytes: Buffer.from('<html>') }, { 'accept-language': 'en' })
  t.match(en.json().error.message, /Only PDF, JPEG or PNG/)
  const empty = await upload(app, w.member.user, id, 'invoice', { name: 'e.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) })
  t.equal(empty.statusCode, 400)
  const big = Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)])
  const tooLarge = await upload(app, w.member.user, id, 'invoice', { name: 'big.pdf', type: 'application/pdf', bytes: big })
  t.equal(tooLarge.statusCode, 413)
  t.equal(tooLarge.json().error.code, 'FILE_TOO_LARGE')
  t.match(tooLarge.json().error.message, /10 MB/)
  const noKind = await upload(app, w.member.user, id, undefined, { name: 'a.pdf', type: 'application/pdf', bytes: TINY_PDF })
  t.equal(noKind.statusCode, 400)
  t.ok(noKind.json().error.fields.kind)
  const badKind = await upload(app, w.member.user, id, 'selfie', { name: 'a.pdf', type: 'application/pdf', bytes: TINY_PDF })
  t.equal(badKind.statusCode, 400)
  const noFile = await upload(app, w.member.user, id, 'invoice')
  t.equal(noFile.statusCode, 400)
  t.ok(noFile.json().error.fields.file)
  const json = await injectAs(app, w.member.user, { method: 'POST', url: `/api/v1/aid/claims/${id}/documents`, payload: { kind: 'invoice' } })
  t.equal(json.statusCode, 400)
  t.equal(app.db.select().from(aidClaimDocuments).all().length, 0)
  t.equal(allFiles(app.config.uploadDir).length, 0, 'no file left on disk')
})

t.test('documents: only the claimant uploads, only while the claim is open', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const id = await newClaim(app, w.member.user)
  const pdf = { name: 'a.pdf', type: 'application/pdf', bytes: TINY_PDF }
  t.equal((await upload(app, w.staff, id, 'invoice', pdf)).statusCode, 403, 'a reviewer does not upload')
  t.equal((await upload(app, w.stranger, id, 'invoice', pdf)).statusCode, 404)
  await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/reject`, payload: { reasonCode: 'DOCUMENTS_MISSING' } })
  const closed = await upload(app, w.member.user, id, 'invoice', pdf)
  t.equal(closed.statusCode, 409)
  t.equal(closed.json().error.code, 'CLAIM_CLOSED')
})

t.test('payment: batch the approved claims, download the bank CSV (a read), hand it to the bank (a POST), mark paid with the bank reference; audited', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const m2 = await insertMember(app, w.enterpriseId, { name: '=HYPERLINK("x")' })
  const a = await newClaim(app, w.member.user)
  const b = await newClaim(app, m2.user, { totalCostFen: 400_000, insurancePaidFen: 100_000, excludedFen: 0 })
  const open = await newClaim(app, w.member.user)
  for (const id of [a, b]) t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 200)

  t.equal((await injectAs(app, w.member.user, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: {} })).statusCode, 403, 'a member cannot')
  t.equal((await injectAs(app, w.otherStaff, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: { claimIds: [a] } })).statusCode, 409, 'not in their buildings')
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: { claimIds: [a, open] } })).statusCode, 409, 'an unapproved claim cannot be batched')
  const created = await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: {} })
  t.equal(created.statusCode, 201)
  t.same(created.json(), { id: created.json().id, status: 'open', claimCount: 2, totalFen: 470_000 + 25_000 })
  const batchId = created.json().id
  const nothing = await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: {} })
  t.equal(nothing.statusCode, 422)
  t.equal(nothing.json().error.code, 'NOTHING_TO_PAY')

  const csv = await injectAs(app, w.staff, { method: 'GET', url: `/api/v1/aid/payment-batches/${batchId}/export.csv` })
  t.equal(csv.statusCode, 200)
  t.match(csv.headers['content-type'], /text\/csv/)
  const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n')
  t.equal(lines.length, 3)
  t.equal(lines[0], '序号,收款账号,收款户名,金额（元）,收款银行,用途,备注（报销单号）')
  t.match(lines[1], new RegExp(`^1,"=""62220\\d{12}""",李娟,4700\\.00,中国工商银行昆明五华支行,医疗互助金,BX${String(a).padStart(8, '0')}$`))
  t.match(lines[2], /^2,"=""\d+""","'=HYPERLINK\(""x""\)",250\.00,/, 'a formula in a name stays text')
  t.equal(app.db.select().from(aidPaymentBatches).get()!.status, 'open', 'downloading changes nothing')
  t.equal((await injectAs(app, w.otherStaff, { method: 'GET', url: `/api/v1/aid/payment-batches/${batchId}/export.csv` })).statusCode, 403)
  const exported = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/payment-batches/${batchId}/exported` })
  t.same(exported.json(), { id: batchId, status: 'exported' })
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/payment-batches/${batchId}/exported` })).statusCode, 409, 'once')
  t.equal(app.db.select().from(aidPaymentBatches).get()!.status, 'exported')

  const noRef = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/payment-batches/${batchId}/paid`, payload: {} })
  t.equal(noRef.statusCode, 400)
  t.ok(noRef.json().error.fields.bankReference)
  const paid = await injectAs(app, w.staff2, { method: 'POST', url: `/api/v1/aid/payment-batches/${batchId}/paid`, payload: { bankReference: 'ICBC-20260615-001' } })
  t.equal(paid.statusCode, 200)
  t.equal(paid.json().status, 'paid')
  t.equal(paid.json().claimCount, 2)
  for (const id of [a, b]) {
    const c = app.db.select().from(aidClaims).where(eq(aidClaims.id, id)).get()!
    t.equal(c.status, 'paid')
    t.ok(c.paidAt)
  }
  const again = await injectAs(app, w.staff2, { method: 'POST', url: `/api/v1/aid/payment-batches/${batchId}/paid`, payload: { bankReference: 'again' } })
  t.equal(again.statusCode, 409)
  const actions = app.db.select().from(auditLog).all().map((e) => e.action)
  for (const action of ['batch.create', 'batch.bankfile', 'batch.export', 'batch.paid', 'claim.pay', 'claim.batch']) t.ok(actions.includes(action), action)
  const view = (await injectAs(app, w.member.user, { method: 'GET', url: `/api/v1/aid/claims/${a}` })).json()
  t.equal(view.status, 'paid')
  t.equal(view.bankReference, 'ICBC-20260615-001')
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${a}/approve` })).statusCode, 409, 'a paid claim cannot be approved')
})

t.test('payment: nobody pays their own claim', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const { attachMembership } = await import('./fixtures.js')
  const sm = await attachMembership(app, w.staff, w.enterpriseId)
  const id = await newClaim(app, sm.user)
  await injectAs(app, w.staff2, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: { claimIds: [id] } })).statusCode, 409, 'own claim is not offered')
  const batch = (await injectAs(app, w.staff2, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: {} })).json()
  t.equal((await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/payment-batches/${batch.id}/paid`, payload: { bankReference: 'R1' } })).statusCode, 403, 'the claimant')
  t.equal((await injectAs(app, w.staff2, { method: 'POST', url: `/api/v1/aid/payment-batches/${batch.id}/paid`, payload: { bankReference: 'R1' } })).statusCode, 403, 'the maker')
  t.equal((await injectAs(app, w.admin, { method: 'POST', url: `/api/v1/aid/payment-batches/${batch.id}/paid`, payload: { bankReference: 'R1' } })).statusCode, 200)
})

t.test('fund overview: income, payouts and open liabilities add up per plan year; staff and admin only', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const m2 = await insertMember(app, w.enterpriseId, { share: { shares: 2 } })
  const a = await newClaim(app, w.member.user) // 4700 → paid
  const b = await newClaim(app, m2.user, { totalCostFen: 5_000_000, insurancePaidFen: 1_000_000, excludedFen: 0 }) // 6700 → awaiting
  const c = await newClaim(app, m2.user, { totalCostFen: 400_000, insurancePaidFen: 100_000, excludedFen: 0 }) // 250 → approved unpaid
  await newClaim(app, w.member.user, { totalCostFen: 400_000, insurancePaidFen: 100_000, excludedFen: 0 }) // submitted
  const r = await newClaim(app, w.member.user) // rejected
  for (const id of [a, b, c]) await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${id}/approve` })
  await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/aid/claims/${r}/reject`, payload: { reasonCode: 'DOCUMENTS_MISSING' } })
  const batch = (await injectAs(app, w.staff, { method: 'POST', url: '/api/v1/aid/payment-batches', payload: { claimIds: [a] } })).json()
  await injectAs(app, w.staff2, { method: 'POST', url: `/api/v1/aid/payment-batches/${batch.id}/paid`, payload: { bankReference: 'B1' } })

  t.equal((await injectAs(app, w.member.user, { method: 'GET', url: '/api/v1/aid/fund' })).statusCode, 403)
  const f = (await injectAs(app, w.admin, { method: 'GET', url: '/api/v1/aid/fund' })).json()
  t.equal(f.sharesSold, 3)
  t.equal(f.incomeFen, 36_000)
  t.same(Object.fromEntries(Object.entries(f.claimsByStatus).map(([k, v]) => [k, (v as { count: number }).count])), { submitted: 1, needs_documents: 0, awaiting_second_approval: 1, approved: 1, rejected: 1, paid: 1 })
  const y = f.reconciliation.find((x: { planYear: number }) => x.planYear === 2026)
  t.equal(y.incomeFen, 36_000)
  t.equal(y.payoutsFen, 470_000)
  t.equal(y.approvedUnpaidFen, 25_000)
  t.equal(y.awaitingFen, 670_000)
  t.equal(y.liabilitiesFen, 695_000)
  t.equal(y.balanceFen, 36_000 - 470_000 - 695_000)
  t.equal(y.incomeFen, y.payoutsFen + y.liabilitiesFen + y.balanceFen)
  t.ok(y.addsUp)
  const june = f.monthly.find((m: { month: string }) => m.month === '2026-06')
  t.equal(june.approvedFen, 470_000 + 25_000)
  t.equal(june.paidFen, 470_000)
  t.equal(f.monthly.length, 12)
  const other = (await injectAs(app, w.otherStaff, { method: 'GET', url: '/api/v1/aid/fund' })).json()
  t.equal(other.sharesSold, 0, 'staff see their own buildings')
  t.equal(other.incomeFen, 0)
})
