import t from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../../../src/db/index.js'
import { createClock } from '../../../src/lib/clock.js'
import { createPii } from '../../../src/lib/pii.js'
import { seedDemo, type SeedContext } from '../../../src/cli/seed-demo.js'
import { getPlan } from '../../../src/features/aid/plans-repository.js'
import { computeReimbursement } from '../../../src/domain/reimbursement.js'
import { FUND_BUDGET } from '../../../src/features/claims/demo-seed.js'

// One demo database for the tests below (they only read it).
const dir = mkdtempSync(join(tmpdir(), 'seed-claims-'))
const db = openDatabase(join(dir, 'demo.db'))
t.teardown(() => { db.$client.close(); rmSync(dir, { recursive: true, force: true }) })
const ctx: SeedContext = { db, clock: createClock(() => new Date('2026-06-15T02:00:00Z')), pii: createPii('x'.repeat(40)), accounts: [], facts: {}, log: () => {} }
await seedDemo(ctx)

t.test('the claims demo seed: every state, amounts by the rule, annual caps kept, a paid batch that adds up', async (t) => {
  const paidShares = db.all<{ n: number }>(sql`select count(*) as n from aid_purchases where status = 'paid'`)[0].n
  if (paidShares === 0) { t.pass('the aid seed made no paid shares yet: nothing to claim'); return }
  const byStatus = Object.fromEntries(db.all<{ status: string, n: number }>(sql`select status, count(*) as n from aid_claims group by status`).map((r) => [r.status, r.n]))
  for (const s of ['submitted', 'awaiting_second_approval', 'approved', 'rejected', 'paid']) t.ok(byStatus[s] > 0, `some ${s}`)
  // Every approved or paid amount is what the rule gives against the earlier ones of that member and year.
  const claims = db.all<{ id: number, membershipId: number, planYear: number, total: number, ins: number, exc: number, payable: number | null, status: string, shares: number, userId: number, approvedBy: number | null, firstApprovedBy: number | null }>(sql`
    select c.id, c.membership_id as membershipId, c.plan_year as planYear, c.total_cost_fen as total, c.insurance_paid_fen as ins,
      c.excluded_fen as exc, c.payable_fen as payable, c.status, p.shares, c.user_id as userId, c.approved_by as approvedBy, c.first_approved_by as firstApprovedBy
    from aid_claims c join aid_purchases p on p.id = c.purchase_id order by c.id`)
  const running = new Map<string, number>()
  for (const c of claims) {
    const plan = getPlan(db, c.planYear)!
    if (c.status !== 'approved' && c.status !== 'paid') continue
    const key = `${c.membershipId}:${c.planYear}`
    const r = computeReimbursement(
      { totalCostFen: c.total, insurancePaidFen: c.ins, excludedFen: c.exc, shares: c.shares, paidThisYearFen: running.get(key) ?? 0 }, plan
    )
    t.equal(c.payable, r.payableFen, `claim ${c.id}`)
    running.set(key, (running.get(key) ?? 0) + r.payableFen)
    t.ok((running.get(key) ?? 0) <= plan.annualCapPerShareFen * c.shares)
    t.not(c.approvedBy, c.userId, 'nobody approved their own')
    if (c.firstApprovedBy !== null) t.not(c.firstApprovedBy, c.approvedBy, 'two different people')
  }
  const batch = db.all<{ total: number, count: number }>(sql`select total_fen as total, claim_count as count from aid_payment_batches where status = 'paid'`)[0]
  const paid = db.all<{ total: number, count: number }>(sql`select sum(payable_fen) as total, count(*) as count from aid_claims where status = 'paid'`)[0]
  t.same(batch, paid)
  t.equal(db.all<{ n: number }>(sql`select count(*) as n from aid_claims where status = 'paid' and payment_batch_id is null`)[0].n, 0)
})

t.test('the demo fund reads true: each year its approved and paid claims stay within 70% of its income', async (t) => {
  const years = db.all<{ y: number, income: number, committed: number }>(sql`
    select p.plan_year as y, sum(p.amount_fen) as income,
      (select coalesce(sum(c.payable_fen), 0) from aid_claims c
        where c.plan_year = p.plan_year and c.status in ('approved', 'paid', 'awaiting_second_approval')) as committed
    from aid_purchases p where p.status = 'paid' group by p.plan_year`)
  t.ok(years.length > 0, 'the demo has income')
  for (const r of years) {
    t.ok(r.committed <= Math.floor(r.income * FUND_BUDGET), `${r.y}: ${r.committed} of ${r.income} fen committed`)
  }
  t.ok(years.some((r) => r.committed > 0), 'and it does pay claims')
})
