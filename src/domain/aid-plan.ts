// Aid plan terms: the defaults of a fresh database, and how a plan for a new year is derived
// from the latest one. Pure.
import { addDays, isRealDate, yearOf } from './dates.js'
import type { Tier } from './reimbursement.js'

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
}

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
    secondApprovalAboveFen: 500000
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
  return { ...latest, year, tiers: latest.tiers.map((t) => ({ ...t })), enrolFrom: move(latest.enrolFrom), enrolTo: move(latest.enrolTo) }
}
