import t from 'tap'
import { build, createUser, injectAs } from '../../helper.js'
import { defaultPlan } from '../../../src/domain/aid-plan.js'

const quote = (payload: unknown, headers: Record<string, string> = {}) => ({ method: 'POST' as const, url: '/api/v1/aid/quote', payload: payload as Record<string, unknown>, headers })

t.test('quote: anyone, on the current plan; the worked examples', async (t) => {
  const app = await build(t)
  const examples: Array<[number, number, number, string]> = [[300000, 0, 25000, 'none'], [1200000, 0, 150000, 'none'], [3000000, 0, 470000, 'none'], [8000000, 0, 1000000, 'admission_cap'], [8000000, 1500000, 500000, 'annual_cap']]
  for (const [baseFen, paid, payable, limitedBy] of examples) {
    const res = await app.inject(quote({
      totalCostFen: baseFen + 1000000, insurancePaidFen: 700000, excludedFen: 300000, paidThisYearFen: paid
    }))
    t.equal(res.statusCode, 200)
    const q = res.json()
    t.equal(q.baseFen, baseFen)
    t.equal(q.payableFen, payable)
    t.equal(q.limitedBy, limitedBy)
    t.equal(q.lines.length, 4)
    t.same(Object.keys(q.lines[0]).filter((k) => ['fromFen', 'toFen', 'portionFen', 'rateBp'].includes(k)).sort(), ['fromFen', 'portionFen', 'rateBp', 'toFen'])
  }
})

t.test('quote: parts above the total → 422 INCONSISTENT_AMOUNTS; bad amounts → 400 per field', async (t) => {
  const app = await build(t)
  const inc = await app.inject(quote({ totalCostFen: 100000, insurancePaidFen: 60000, excludedFen: 40001 }))
  t.equal(inc.statusCode, 422)
  t.equal(inc.json().error.code, 'INCONSISTENT_AMOUNTS')
  t.match(inc.json().error.message, /总费用/)
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ totalCostFen: 100.5, insurancePaidFen: 0, excludedFen: 0 }, 'totalCostFen'],
    [{ totalCostFen: 100, insurancePaidFen: -1, excludedFen: 0 }, 'insurancePaidFen'],
    [{ totalCostFen: 100_000_000_001, insurancePaidFen: 0, excludedFen: 0 }, 'totalCostFen'],
    [{ totalCostFen: '100', insurancePaidFen: 0, excludedFen: 0 }, 'totalCostFen'],
    [{ totalCostFen: 100, insurancePaidFen: 0 }, 'excludedFen'],
    [{ totalCostFen: 100, insurancePaidFen: 0, excludedFen: 0, shares: 0 }, 'shares'],
    [{ totalCostFen: 100, insurancePaidFen: 0, excludedFen: 0, shares: 2 }, 'shares'],
    [{ totalCostFen: 100, insurancePaidFen: 0, excludedFen: 0, paidThisYearFen: 0.1 }, 'paidThisYearFen']
  ]
  for (const [payload, field] of cases) {
    const r = await app.inject(quote(payload))
    t.equal(r.statusCode, 400, JSON.stringify(payload))
    t.ok(r.json().error.fields[field], `fields.${field}`)
  }
  const en = await app.inject(quote({ totalCostFen: 1.5, insurancePaidFen: 0, excludedFen: 0 }, { 'accept-language': 'en' }))
  t.match(en.json().error.fields.totalCostFen, /whole fen/)
})

t.test('quote: shares up to the plan maximum multiply the annual cap', async (t) => {
  const app = await build(t)
  const admin = await createUser(app, { role: 'admin' })
  const { year: _y, ...plan } = defaultPlan(2026)
  await injectAs(app, admin, { method: 'PUT', url: '/api/v1/aid/plans/2026', payload: { ...plan, maxShares: 2 } })
  const r = await app.inject(quote({ totalCostFen: 8000000, insurancePaidFen: 0, excludedFen: 0, shares: 2, paidThisYearFen: 1500000 }))
  t.equal(r.statusCode, 200)
  t.equal(r.json().payableFen, 1000000)
  t.equal(r.json().limitedBy, 'admission_cap')
  t.equal((await app.inject(quote({ totalCostFen: 1, insurancePaidFen: 0, excludedFen: 0, shares: 3 }))).statusCode, 400)
})
