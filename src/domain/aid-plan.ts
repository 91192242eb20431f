// Aid plan terms: the defaults of a fresh database, and how a plan for a new year is derived
// from the latest one. Pure.
import { addDays, isRealDate, yearOf } from './dates.js'
import { tiersProblem, type Tier } from './reimbursement.js'
import { DEFAULT_REQUIRED_DOCUMENTS, REQUIRABLE_KINDS, type RequirableKind } from './claim-documents.js'

export interface PlanTerms {
  year: number
  shareFeeFen: number
  maxShares: number
  enrolFrom: string
  enrolTo: string
  waitingDays: number
  tiers: Tier[]
  perAdmissionCapFen: number
  annualCapPerShareFen: number
  claimDeadlineDays: number
  secondApprovalAboveFen: number
  /** The document kinds a claim needs before approval ([]: none). */
  requiredDocuments: RequirableKind[]
  /** Working days the federation promises to decide a claim in. */
  processingDays: number
}

export const DEFAULT_PROCESSING_DAYS = 15

export const DEFAULT_TIERS: Tier[] = [
  { fromFen: 0, rateBp: 0 },
  { fromFen: 50000, rateBp: 1000 },
  { fromFen: 500000, rateBp: 1500 },
  { fromFen: 2000000, rateBp: 2000 }
]

export const MAX_SHARES_LIMIT = 3

export function defaultPlan (year: number): PlanTerms {
  return {
    year,
    shareFeeFen: 12000,
    maxShares: 1,
    enrolFrom: `${year}-01-01`,
    enrolTo: `${year}-12-31`,
    waitingDays: 90,
    tiers: DEFAULT_TIERS.map((t) => ({ ...t })),
    perAdmissionCapFen: 1000000,
    annualCapPerShareFen: 2000000,
    claimDeadlineDays: 90,
    secondApprovalAboveFen: 500000,
    requiredDocuments: [...DEFAULT_REQUIRED_DOCUMENTS],
    processingDays: DEFAULT_PROCESSING_DAYS
  }
}

/**
 * The plan for `year` made from the latest plan's terms: the same money terms, the enrolment
 * window moved by whole years (a window that opened in the previous autumn still does).
 */
export function planFromLatest (latest: PlanTerms, year: number): PlanTerms {
  const shift = year - latest.year
  const move = (d: string): string => {
    const moved = `${yearOf(d) + shift}${d.slice(4)}`
    // 29 February in a year without one becomes 28 February.
    return isRealDate(moved) ? moved : addDays(`${yearOf(d) + shift}-03-01`, -1)
  }
  return { ...latest, year, tiers: latest.tiers.map((t) => ({ ...t })), requiredDocuments: [...latest.requiredDocuments], enrolFrom: move(latest.enrolFrom), enrolTo: move(latest.enrolTo) }
}

/** Next year's enrolment opens on this day of the year before (云南: November to January). */
export const NEXT_YEAR_ENROL_OPENS = '11-01'

/**
 * Next year's plan as it exists by default: this year's terms for `year`, its enrolment window
 * opening on 1 November of the year before at the latest (a window this year's plan already
 * opens earlier keeps its earlier opening).
 */
export function nextYearPlan (current: PlanTerms, year: number): PlanTerms {
  const p = planFromLatest(current, year)
  const opens = `${year - 1}-${NEXT_YEAR_ENROL_OPENS}`
  return { ...p, enrolFrom: p.enrolFrom < opens ? p.enrolFrom : opens }
}

/** Whether a plan's enrolment window contains `today`. */
export function enrolmentOpen (plan: PlanTerms, today: string): boolean {
  return today >= plan.enrolFrom && today <= plan.enrolTo
}

/** Plan years the portal accepts (a plan for a year far away is a typing mistake). */
export const MIN_PLAN_YEAR = 2000
export const MAX_PLAN_YEAR = 2100

/**
 * What is wrong with a plan, field by field (i18n keys), or an empty object when it may be
 * saved. Checked by the service whatever door the plan came in by.
 *
 * The enrolment window: real dates, enrolFrom ≤ enrolTo; it may open in the year before the
 * plan year (e.g. 15 Oct – 15 Dec of the year before) but not earlier than 1 January of that
 * year, and it must close by 31 December of the plan year (an order after that could never
 * have cover).
 */
export function planProblems (p: PlanTerms): Record<string, string> {
  const f: Record<string, string> = {}
  const intIn = (v: number, min: number, max: number): boolean => Number.isSafeInteger(v) && v >= min && v <= max
  const MAX = 100_000_000_000
  if (!intIn(p.year, MIN_PLAN_YEAR, MAX_PLAN_YEAR)) f.year = 'aid.plan.v.year'
  if (!intIn(p.shareFeeFen, 1, MAX)) f.shareFeeFen = 'aid.plan.v.positiveFen'
  if (!intIn(p.maxShares, 1, MAX_SHARES_LIMIT)) f.maxShares = 'aid.plan.v.maxShares'
  if (!isRealDate(p.enrolFrom)) f.enrolFrom = 'v.date'
  if (!isRealDate(p.enrolTo)) f.enrolTo = 'v.date'
  if (f.enrolFrom === undefined && f.enrolTo === undefined && f.year === undefined) {
    if (p.enrolFrom < `${p.year - 1}-01-01`) f.enrolFrom = 'aid.plan.v.enrolFromEarly'
    if (p.enrolTo > `${p.year}-12-31`) f.enrolTo = 'aid.plan.v.enrolToLate'
    else if (p.enrolFrom > p.enrolTo) f.enrolTo = 'aid.plan.v.enrolOrder'
  }
  if (!intIn(p.waitingDays, 0, 365)) f.waitingDays = 'aid.plan.v.waitingDays'
  if (!intIn(p.claimDeadlineDays, 1, 365)) f.claimDeadlineDays = 'aid.plan.v.claimDeadlineDays'
  if (!intIn(p.perAdmissionCapFen, 1, MAX)) f.perAdmissionCapFen = 'aid.plan.v.positiveFen'
  if (!intIn(p.annualCapPerShareFen, 1, MAX)) f.annualCapPerShareFen = 'aid.plan.v.positiveFen'
  if (!intIn(p.secondApprovalAboveFen, 0, MAX)) f.secondApprovalAboveFen = 'v.fen'
  if (!Array.isArray(p.requiredDocuments) || p.requiredDocuments.some((k) => !(REQUIRABLE_KINDS as readonly string[]).includes(k))) {
    f.requiredDocuments = 'aid.plan.v.requiredDocuments'
  }
  if (!intIn(p.processingDays, 1, 365)) f.processingDays = 'aid.plan.v.processingDays'
  const tp = tiersShapeProblem(p.tiers)
  if (tp !== null) f.tiers = 'aid.plan.v.tiers.' + tp
  return f
}

/** Tiers as they arrive (unknown JSON): the shape, the fen range, then the 20% rule. */
export function tiersShapeProblem (tiers: unknown): string | null {
  if (!Array.isArray(tiers)) return 'shape'
  if (tiers.length === 0) return 'empty'
  if (tiers.length > MAX_TIERS) return 'tooMany'
  for (const t of tiers as unknown[]) {
    if (t === null || typeof t !== 'object') return 'shape'
    const { fromFen, rateBp } = t as Record<string, unknown>
    if (typeof fromFen !== 'number' || typeof rateBp !== 'number') return 'shape'
    if (!Number.isSafeInteger(fromFen) || !Number.isSafeInteger(rateBp)) return 'notInteger'
    if (fromFen < 0 || fromFen > 100_000_000_000) return 'fenRange'
  }
  return tiersProblem(tiers as Tier[])
}

export const MAX_TIERS = 10
