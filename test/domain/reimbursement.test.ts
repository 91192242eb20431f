import t from 'tap'
import fc from 'fast-check'
import { computeReimbursement, quoteShape, tiersProblem, MAX_RATE_BP, type Tier } from '../../src/domain/reimbursement.js'
import { defaultPlan } from '../../src/domain/aid-plan.js'

const plan = defaultPlan(2026)
const yuan = (y: number): number => y * 100
const onBase = (baseFen: number, paidThisYearFen = 0, shares = 1, terms = plan) =>
  computeReimbursement({ totalCostFen: baseFen, insurancePaidFen: 0, excludedFen: 0, shares, paidThisYearFen }, terms)

t.test("DOMAIN.md's worked examples", async (t) => {
  const table: Array<[number, number, number, string]> = [
    // base yuan, paid this year yuan, payable fen, limitedBy
    [3000, 0, 25000, 'none'],
    [12000, 0, 150000, 'none'],
    [30000, 0, 470000, 'none'],
    [80000, 0, 1000000, 'admission_cap'],
    [80000, 15000, 500000, 'annual_cap']
  ]
  for (const [base, paid, payable, limitedBy] of table) {
    const r = onBase(yuan(base), yuan(paid))
    t.equal(r.payableFen, payable, `base ${base} yuan, already ${paid} → ${payable / 100}`)
    t.equal(r.limitedBy, limitedBy, `limitedBy ${limitedBy}`)
  }
  const r = onBase(yuan(30000))
  t.same(r.lines.map((l) => [l.fromFen, l.toFen, l.portionFen, l.rateBp, l.amountFen]), [
    [0, 50000, 50000, 0, 0],
    [50000, 500000, 450000, 1000, 45000],
    [500000, 2000000, 1500000, 1500, 225000],
    [2000000, null, 1000000, 2000, 200000]
  ])
  t.equal(r.grossFen, 470000)
  t.equal(onBase(yuan(80000)).grossFen, 1470000, 'gross before the admission cap')
})

t.test('base = total − insurance − excluded; the contract quote shape', async (t) => {
  const r = computeReimbursement(
    { totalCostFen: 5_000_000, insurancePaidFen: 3_000_000, excludedFen: 800_000, shares: 1, paidThisYearFen: 0 }, plan
  )
  t.equal(r.baseFen, 1_200_000)
  t.equal(r.payableFen, 150000)
  const q = quoteShape(r)
  t.same(Object.keys(q).sort(), ['annualRemainingFen', 'baseFen', 'grossFen', 'limitedBy', 'lines', 'payableFen'])
  t.same(Object.keys(q.lines[0]).sort(), ['amountFen', 'fromFen', 'portionFen', 'rateBp', 'toFen'])
  t.throws(
    () => computeReimbursement({ totalCostFen: 100, insurancePaidFen: 60, excludedFen: 41, shares: 1, paidThisYearFen: 0 }, plan),
    RangeError
  )
})

t.test('rounded down once, on the exact sum', async (t) => {
  // 50001..50009 fen: portion 1..9 fen at 10% → 0.1..0.9 fen each, floor of the sum.
  t.equal(onBase(50009).grossFen, 0)
  t.equal(onBase(50010).grossFen, 1)
  // Two tiers each contributing a fraction that only sums to a whole fen.
  const tiers: Tier[] = [{ fromFen: 0, rateBp: 1500 }, { fromFen: 3, rateBp: 500 }]
  const r = onBase(4, 0, 1, { ...plan, tiers })
  t.equal(r.grossFen, 0, '3×0.15 + 1×0.05 = 0.5 fen → 0')
  const r2 = onBase(6, 0, 1, { ...plan, tiers })
  t.equal(r2.grossFen, 0, '0.45 + 0.15 = 0.6 → 0')
  t.equal(onBase(10, 0, 1, { ...plan, tiers }).grossFen, 0, '0.45+0.35 = 0.8')
  t.equal(onBase(14, 0, 1, { ...plan, tiers }).grossFen, 1, '0.45+0.55 = 1.0 → 1, not 0 as rounding per tier would give')
})

t.test('shares multiply the annual cap; what was paid this year counts', async (t) => {
  t.equal(onBase(yuan(80000), yuan(15000), 2).payableFen, 1000000)
  t.equal(onBase(yuan(80000), yuan(15000), 2).limitedBy, 'admission_cap')
  t.equal(onBase(yuan(80000), yuan(25000), 1).payableFen, 0, 'over the annual cap: nothing, never negative')
  t.equal(onBase(yuan(80000), yuan(25000), 1).annualRemainingFen, 0)
})

t.test('tiersProblem', async (t) => {
  t.equal(tiersProblem(plan.tiers), null)
  t.equal(tiersProblem([]), 'empty')
  t.equal(tiersProblem([{ fromFen: 1, rateBp: 0 }]), 'notFromZero')
  t.equal(tiersProblem([{ fromFen: 0, rateBp: 0 }, { fromFen: 0, rateBp: 100 }]), 'notAscending')
  t.equal(tiersProblem([{ fromFen: 0, rateBp: 0 }, { fromFen: 100, rateBp: 2001 }]), 'rateRange')
  t.equal(tiersProblem([{ fromFen: 0, rateBp: -1 }]), 'rateRange')
  t.equal(tiersProblem([{ fromFen: 0, rateBp: 10.5 }]), 'notInteger')
  t.throws(() => onBase(100, 0, 1, { ...plan, tiers: [{ fromFen: 0, rateBp: 2500 }] }))
})

const base = fc.integer({ min: 0, max: 100_000_000_000 })
const paid = fc.integer({ min: 0, max: 10_000_000 })
const shares = fc.integer({ min: 1, max: 3 })

t.test('property: never above 20% of the base, never above either cap (default plan)', async (t) => {
  fc.assert(fc.property(base, paid, shares, (b, p, s) => {
    const r = onBase(b, p, s)
    return r.payableFen * 10000 <= b * MAX_RATE_BP &&
      r.payableFen <= plan.perAdmissionCapFen &&
      r.payableFen <= Math.max(0, plan.annualCapPerShareFen * s - p) &&
      r.payableFen >= 0 && Number.isSafeInteger(r.payableFen)
  }), { numRuns: 2000 })
  t.pass('held for 2000 random cases')
})

t.test('property: never decreasing as the base grows', async (t) => {
  fc.assert(fc.property(base, fc.integer({ min: 0, max: 10_000_000 }), paid, shares, (b, extra, p, s) => {
    return onBase(b, p, s).payableFen <= onBase(Math.min(b + extra, 100_000_000_000), p, s).payableFen
  }), { numRuns: 2000 })
  t.pass('monotone')
})

t.test('property: zero below the first paid tier', async (t) => {
  fc.assert(fc.property(
    fc.integer({ min: 0, max: 50000 }), paid, shares, (b, p, s) => onBase(b, p, s).payableFen === 0 && onBase(b, p, s).grossFen === 0
  ))
  t.equal(onBase(50000).payableFen, 0)
  t.ok(onBase(50010).payableFen > 0)
})

// Any valid plan: ascending starts from 0, rates 0..2000 bp.
const validTiers = fc.uniqueArray(fc.integer({ min: 1, max: 50_000_000 }), { maxLength: 6 })
  .chain((starts) => {
    const froms = [0, ...starts.sort((a, b) => a - b)]
    return fc.array(fc.integer({ min: 0, max: MAX_RATE_BP }), { minLength: froms.length, maxLength: froms.length })
      .map((rates) => froms.map((fromFen, i) => ({ fromFen, rateBp: rates[i] })))
  })
const caps = fc.integer({ min: 1, max: 100_000_000_000 })

t.test('property: for any valid random plan, payable ≤ 20% of the base and ≤ both caps, and monotone', async (t) => {
  fc.assert(fc.property(validTiers, caps, caps, base, fc.integer({ min: 0, max: 1_000_000_000 }), paid, shares, (tiers, admissionCap, annualCap, b, extra, p, s) => {
    if (tiersProblem(tiers) !== null) return false
    const terms = { tiers, perAdmissionCapFen: admissionCap, annualCapPerShareFen: annualCap }
    const r = onBase(b, p, s, { ...plan, ...terms })
    const bigger = onBase(Math.min(b + extra, 100_000_000_000), p, s, { ...plan, ...terms })
    const expectedLimit = r.annualRemainingFen < Math.min(r.grossFen, admissionCap) ? 'annual_cap' : admissionCap < r.grossFen ? 'admission_cap' : 'none'
    return r.payableFen * 10000 <= b * MAX_RATE_BP && r.payableFen <= admissionCap &&
      r.payableFen <= Math.max(0, annualCap * s - p) && r.payableFen <= bigger.payableFen && r.limitedBy === expectedLimit &&
      r.lines.reduce((a, l) => a + l.portionFen, 0) === b
  }), { numRuns: 2000 })
  t.pass('held for 2000 random plans')
})
