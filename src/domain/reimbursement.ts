// The reimbursement rule of the mutual medical-aid fund, exactly as DOMAIN.md states it, in
// integer fen. Pure: no I/O, no dates.
//
//   base      = totalCost − insurancePaid − excluded          (政策范围内个人自付)
//   portion_i = max(0, min(base, from_{i+1}) − from_i)        (last tier unbounded)
//   gross     = floor(Σ portion_i × rate_i / 10000)           (rounded down once)
//   payable   = min(gross, perAdmissionCap, max(0, annualCapPerShare × shares − paidThisYear))
//
// No tier may have a rate above 2000 bp (20%), so payable ≤ 20% of the base, to the fen.

export const MAX_RATE_BP = 2000

export interface Tier { fromFen: number, rateBp: number }

export interface ReimbursementTerms {
  tiers: Tier[]
  perAdmissionCapFen: number
  annualCapPerShareFen: number
}

export interface ReimbursementInput {
  totalCostFen: number
  insurancePaidFen: number
  excludedFen: number
  shares: number
  /** What the member's approved or paid claims of the plan year already got. */
  paidThisYearFen: number
}

export interface TierLine { fromFen: number, toFen: number | null, portionFen: number, rateBp: number, amountFen: number }

export type LimitedBy = 'none' | 'admission_cap' | 'annual_cap'

export interface Reimbursement {
  baseFen: number
  grossFen: number
  payableFen: number
  limitedBy: LimitedBy
  /** The annual remainder before this claim: annualCap × shares − paidThisYear, not below 0. */
  annualRemainingFen: number
  lines: TierLine[]
}

export type TiersProblem = 'empty' | 'notFromZero' | 'notAscending' | 'rateRange' | 'notInteger'

/** Null when the tiers may be used: integers, strictly ascending from 0, rates 0..2000 bp. */
export function tiersProblem (tiers: Tier[]): TiersProblem | null {
  if (tiers.length === 0) return 'empty'
  for (const t of tiers) {
    if (!Number.isSafeInteger(t.fromFen) || !Number.isSafeInteger(t.rateBp)) return 'notInteger'
    if (t.rateBp < 0 || t.rateBp > MAX_RATE_BP) return 'rateRange'
  }
  if (tiers[0].fromFen !== 0) return 'notFromZero'
  for (let i = 1; i < tiers.length; i++) if (tiers[i].fromFen <= tiers[i - 1].fromFen) return 'notAscending'
  return null
}

/** The part of the base in each tier and what it earns (before the single rounding). */
export function tierLines (baseFen: number, tiers: Tier[]): Array<TierLine & { exact: bigint }> {
  return tiers.map((t, i) => {
    const next = i + 1 < tiers.length ? tiers[i + 1].fromFen : null
    const upper = next === null ? baseFen : Math.min(baseFen, next)
    const portionFen = Math.max(0, upper - t.fromFen)
    const exact = BigInt(portionFen) * BigInt(t.rateBp)
    return { fromFen: t.fromFen, toFen: next, portionFen, rateBp: t.rateBp, amountFen: Number(exact / 10000n), exact }
  })
}

export function computeReimbursement (input: ReimbursementInput, terms: ReimbursementTerms): Reimbursement {
  const problem = tiersProblem(terms.tiers)
  if (problem !== null) throw new Error(`invalid tiers: ${problem}`)
  const baseFen = input.totalCostFen - input.insurancePaidFen - input.excludedFen
  if (baseFen < 0) throw new RangeError('insurance paid plus excluded exceed the total cost')
  const detailed = tierLines(baseFen, terms.tiers)
  // Exact integer sum in ten-thousandths of a fen, rounded down once (BigInt: no float, no overflow).
  const sum = detailed.reduce((acc, l) => acc + l.exact, 0n)
  const grossFen = Number(sum / 10000n)
  const annualRemainingFen = Math.max(0, terms.annualCapPerShareFen * input.shares - input.paidThisYearFen)
  const capped = Math.min(grossFen, terms.perAdmissionCapFen)
  const payableFen = Math.min(capped, annualRemainingFen)
  const limitedBy: LimitedBy = annualRemainingFen < capped
    ? 'annual_cap'
    : terms.perAdmissionCapFen < grossFen ? 'admission_cap' : 'none'
  return {
    baseFen,
    grossFen,
    payableFen,
    limitedBy,
    annualRemainingFen,
    lines: detailed.map(({ exact: _exact, ...line }) => line)
  }
}

/** The contract's quote shape (POST /api/v1/aid/quote, and a claim's `estimate`). */
export function quoteShape (r: Reimbursement) {
  return {
    baseFen: r.baseFen,
    grossFen: r.grossFen,
    payableFen: r.payableFen,
    limitedBy: r.limitedBy,
    annualRemainingFen: r.annualRemainingFen,
    lines: r.lines.map((l) => ({ fromFen: l.fromFen, toFen: l.toFen, portionFen: l.portionFen, rateBp: l.rateBp, amountFen: l.amountFen }))
  }
}
export type Quote = ReturnType<typeof quoteShape>
