// Races: 50 parallel approvals of one claim approve it once (the others answer 409); parallel
// approvals of one member's claims never pay more than the annual cap together. First in one
// process (app.inject), then truly in parallel: two server processes on the same database file,
// so two writers really compete for SQLite's lock.
import { test, type Test } from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { build } from '../helper.js'
import { openDatabase } from '../../src/db/index.js'
import { createPii } from '../../src/lib/pii.js'
import { shanghaiDate } from '../../src/domain/dates.js'
import { startServer, tokenFor, TEST_PII_KEY } from './server-process.js'
import { seedCoveredMembers, type Fixture } from './fixtures.js'

const PARALLEL = 50
const CAP_CLAIMS = 8
// A base of 26,500 yuan earns 4,000 yuan (45,000 + 225,000 + 130,000 fen): below the
// second-approval threshold (5,000 yuan), so one approval settles it; 8 of them ask 32,000 yuan
// against an annual cap of 20,000.
const CAP_CLAIM = { totalCostFen: 5_000_000, insurancePaidFen: 2_300_000, excludedFen: 50_000 }
const ANNUAL_CAP = 2_000_000

type Call = (method: 'GET' | 'POST', url: string, userId: number, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number, body: any }>

function claimBody (fx: Fixture, invoiceNo: string, amounts: { totalCostFen: number, insurancePaidFen: number, excludedFen: number }) {
  return { admissionDate: fx.admissionDate, dischargeDate: fx.dischargeDate, hospital: '昆明市第一人民医院', invoiceNo, ...amounts }
}

async function submit (call: Call, fx: Fixture, memberIndex: number, invoiceNo: string, amounts = { totalCostFen: 800_000, insurancePaidFen: 400_000, excludedFen: 0 }): Promise<number> {
  const res = await call('POST', '/api/v1/aid/claims', fx.members[memberIndex].userId, claimBody(fx, invoiceNo, amounts), { 'idempotency-key': `race-${invoiceNo}` })
  if (res.status !== 201) throw new Error(`claim submission answered ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body.id as number
}

async function raceOneClaim (t: Test, calls: Call[], fx: Fixture, tag: string): Promise<void> {
  const id = await submit(calls[0], fx, 0, `RACE1-${tag}`)
  const answers = await Promise.all(Array.from({ length: PARALLEL }, (_, k) =>
    calls[k % calls.length]('POST', `/api/v1/aid/claims/${id}/approve`, fx.staffIds[k % 2])))
  const statuses = answers.map((a) => a.status)
  t.equal(statuses.filter((s) => s === 200).length, 1, 'exactly one approval succeeds')
  t.equal(statuses.filter((s) => s === 409).length, PARALLEL - 1, 'every other one answers 409')
  t.same(answers.filter((a) => a.status === 409 && a.body?.error?.code === undefined), [], 'each 409 carries an error code')
  const view = await calls[0]('GET', `/api/v1/aid/claims/${id}`, fx.staffIds[0])
  t.equal(view.body.status, 'approved', 'the claim is approved')
  t.equal(view.body.history.filter((h: { action: string }) => h.action === 'claim.approve').length, 1, 'and audited once')
}

async function raceAnnualCap (
  t: Test, calls: Call[], fx: Fixture, tag: string, countApproved: () => { n: number, sum: number }
): Promise<void> {
  const ids: number[] = []
  for (let k = 0; k < CAP_CLAIMS; k++) ids.push(await submit(calls[0], fx, 1, `RACE2-${tag}-${k}`, CAP_CLAIM))
  const answers = await Promise.all(ids.map((id, k) => calls[k % calls.length]('POST', `/api/v1/aid/claims/${id}/approve`, fx.staffIds[k % 2])))
  t.same(answers.filter((a) => a.status !== 200), [], 'every approval is answered 200 (each claim approved once)')
  t.same(answers.filter((a) => a.body.status !== 'approved'), [], 'none needs a second approval')
  const total = answers.reduce((sum, a) => sum + (a.body.payableFen as number), 0)
  t.ok(total <= ANNUAL_CAP, `together they pay ${total} fen, not more than the annual cap of ${ANNUAL_CAP}`)
  t.equal(total, ANNUAL_CAP, 'and the cap is used up exactly')
  const stored = countApproved()
  t.equal(stored.n, CAP_CLAIMS, 'all claims are approved in the database')
  t.equal(stored.sum, total, 'the database holds the amounts that were answered')
}

test('in one process (app.inject)', async (t) => {
  const app = await build(t)
  const fx = await seedCoveredMembers(app.db, app.pii, { today: app.clock.today(), members: 2 })
  const call: Call = async (method, url, userId, body, headers = {}) => {
    const res = await app.inject({ method, url, payload: body as object | undefined, headers: { ...headers, authorization: `Bearer ${app.issueToken(userId, 0, 3600)}` } })
    return { status: res.statusCode, body: res.json() }
  }
  await t.test('50 parallel approvals of one claim approve it once', (t) => raceOneClaim(t, [call], fx, 'inject'))
  await t.test('parallel approvals of one member\'s claims stay within the annual cap', (t) => raceAnnualCap(t, [call], fx, 'inject', () =>
    app.db.$client.prepare("select count(*) as n, coalesce(sum(payable_fen), 0) as sum from aid_claims where invoice_no like 'RACE2-inject-%' and status = 'approved'").get() as { n: number, sum: number }))
})

test('across two server processes on the same database', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-races-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const dbPath = join(dir, 'portal.db')
  const setup = openDatabase(dbPath)
  const fx = await seedCoveredMembers(setup, createPii(TEST_PII_KEY), { today: shanghaiDate(new Date()), members: 2 })
  setup.$client.close()
  const servers = [await startServer({ databasePath: dbPath }), await startServer({ databasePath: dbPath })]
  t.teardown(async () => { for (const s of servers) await s.stop() })
  const calls: Call[] = servers.map((s) => async (method, url, userId, body, headers = {}) => {
    const res = await fetch(s.baseUrl + url, {
      method,
      headers: { ...headers, authorization: `Bearer ${tokenFor(userId)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    return { status: res.status, body: await res.json() }
  })
  await t.test('50 parallel approvals of one claim approve it once', (t) => raceOneClaim(t, calls, fx, 'procs'))
  await t.test('parallel approvals of one member\'s claims stay within the annual cap', (t) => raceAnnualCap(t, calls, fx, 'procs', () => {
    const db = new Database(dbPath, { readonly: true })
    try {
      return db.prepare("select count(*) as n, coalesce(sum(payable_fen), 0) as sum from aid_claims where invoice_no like 'RACE2-procs-%' and status = 'approved'").get() as { n: number, sum: number }
    } finally {
      db.close()
    }
  }))
})
