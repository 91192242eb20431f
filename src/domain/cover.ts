// Cover and claim deadlines of the medical-aid fund. Pure; dates are YYYY-MM-DD strings.
import { addDays, maxDate, minDate } from './dates.js'

export interface CoverWindow { coverFrom: string, coverTo: string }

/**
 * Cover starts on paidOn + waitingDays for a first-time joiner, on paidOn for a renewal (a paid
 * share in the previous plan year), never before 1 January of the plan year; it ends on
 * 31 December. Null when it could not start within the plan year.
 */
export function coverWindow (planYear: number, paidOn: string, waitingDays: number, renewal: boolean): CoverWindow | null {
  const start = renewal ? paidOn : addDays(paidOn, waitingDays)
  const coverFrom = maxDate(start, `${planYear}-01-01`)
  const coverTo = `${planYear}-12-31`
  return coverFrom > coverTo ? null : { coverFrom, coverTo }
}

/** The last day a claim for this discharge may be submitted (the day itself is in time). */
export function claimDeadline (planYear: number, dischargeDate: string, claimDeadlineDays: number): string {
  return minDate(addDays(dischargeDate, claimDeadlineDays), `${planYear + 1}-03-31`)
}
