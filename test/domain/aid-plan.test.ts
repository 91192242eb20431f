import t from 'tap'
import { defaultPlan, planFromLatest, planProblems, tiersShapeProblem } from '../../src/domain/aid-plan.js'

t.test('the defaults are DOMAIN.md\'s', async (t) => {
  t.same(defaultPlan(2026), {
    year: 2026, shareFeeFen: 12000, maxShares: 1, enrolFrom: '2026-01-01', enrolTo: '2026-12-31', waitingDays: 90,
    tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 50000, rateBp: 1000 }, { fromFen: 500000, rateBp: 1500 }, { fromFen: 2000000, rateBp: 2000 }],
    perAdmissionCapFen: 1000000, annualCapPerShareFen: 2000000, claimDeadlineDays: 90, secondApprovalAboveFen: 500000,
    requiredDocuments: ['invoice', 'itemised_bill', 'discharge_summary', 'insurance_statement'], processingDays: 15
  })
  t.same(planProblems(defaultPlan(2026)), {})
})

t.test('a new year takes the latest terms, the window moved by whole years', async (t) => {
  const autumn = { ...defaultPlan(2026), enrolFrom: '2025-10-15', enrolTo: '2025-12-15', shareFeeFen: 15000 }
  const next = planFromLatest(autumn, 2027)
  t.equal(next.year, 2027)
  t.equal(next.enrolFrom, '2026-10-15')
  t.equal(next.enrolTo, '2026-12-15')
  t.equal(next.shareFeeFen, 15000)
  t.not(next.tiers, autumn.tiers, 'tiers are copied, not shared')
  const leap = { ...defaultPlan(2028), enrolFrom: '2028-02-29' }
  t.equal(planFromLatest(leap, 2029).enrolFrom, '2029-02-28')
})

t.test('planProblems: every value checked', async (t) => {
  const p = defaultPlan(2026)
  t.same(planProblems({ ...p, enrolFrom: '2025-10-15', enrolTo: '2025-12-15' }), {}, 'a window in the previous autumn is fine')
  t.same(Object.keys(planProblems({ ...p, enrolFrom: '2024-12-31' })), ['enrolFrom'])
  t.same(planProblems({ ...p, enrolTo: '2027-01-01' }), { enrolTo: 'aid.plan.v.enrolToLate' })
  t.same(planProblems({ ...p, enrolFrom: '2026-05-01', enrolTo: '2026-04-30' }), { enrolTo: 'aid.plan.v.enrolOrder' })
  t.same(planProblems({ ...p, enrolFrom: '2026-02-30' }), { enrolFrom: 'v.date' })
  t.same(Object.keys(planProblems({ ...p, maxShares: 4 })), ['maxShares'])
  t.same(Object.keys(planProblems({ ...p, maxShares: 0 })), ['maxShares'])
  t.same(Object.keys(planProblems({ ...p, waitingDays: 366 })), ['waitingDays'])
  t.same(Object.keys(planProblems({ ...p, waitingDays: -1 })), ['waitingDays'])
  t.same(Object.keys(planProblems({ ...p, claimDeadlineDays: 0 })), ['claimDeadlineDays'])
  t.same(Object.keys(planProblems({ ...p, perAdmissionCapFen: 0 })), ['perAdmissionCapFen'])
  t.same(Object.keys(planProblems({ ...p, annualCapPerShareFen: 1.5 })), ['annualCapPerShareFen'])
  t.same(Object.keys(planProblems({ ...p, shareFeeFen: 0 })), ['shareFeeFen'])
  t.same(Object.keys(planProblems({ ...p, secondApprovalAboveFen: -1 })), ['secondApprovalAboveFen'])
  t.same(planProblems({ ...p, tiers: [{ fromFen: 0, rateBp: 2001 }] }), { tiers: 'aid.plan.v.tiers.rateRange' })
  t.same(planProblems({ ...p, tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 50000, rateBp: 1000 }, { fromFen: 50000, rateBp: 1000 }] }), { tiers: 'aid.plan.v.tiers.notAscending' })
})

t.test('tiersShapeProblem reads unknown JSON', async (t) => {
  t.equal(tiersShapeProblem(null), 'shape')
  t.equal(tiersShapeProblem('x'), 'shape')
  t.equal(tiersShapeProblem([{ fromFen: '0', rateBp: 0 }]), 'shape')
  t.equal(tiersShapeProblem([{ fromFen: 0.5, rateBp: 0 }]), 'notInteger')
  t.equal(tiersShapeProblem([{ fromFen: -5, rateBp: 0 }]), 'fenRange')
  t.equal(tiersShapeProblem(Array.from({ length: 11 }, (_, i) => ({ fromFen: i, rateBp: 0 }))), 'tooMany')
  t.equal(tiersShapeProblem([{ fromFen: 0, rateBp: 0 }]), null)
})
