// The date by which a claim is promised a decision: the plan's processing time in working days
// (weekends off, the year's official holidays off, adjusted workdays worked: the calendar an
// admin keeps) counted from the day it was submitted, in Shanghai.
import type { Db, Tx } from '../../db/index.js'
import { addDays, shanghaiDate } from '../../domain/dates.js'
import { addWorkingDays, type WorkCalendar } from '../../domain/working-days.js'
import { DEFAULT_PROCESSING_DAYS } from '../../domain/aid-plan.js'
import { CLAIM_TO_DECIDE, type ClaimState } from '../../domain/claim-lifecycle.js'
import { getPlan } from '../aid/plans-repository.js'
import { calendarDays } from './payout-repository.js'

/** The calendar from `from` on, far enough for any processing time (365 working days). */
export function calendarFrom (db: Db | Tx, from: string): WorkCalendar {
  const days = calendarDays(db, from, addDays(from, 800))
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date))
  }
}

/** Computes decision dates for many claims with one calendar read and one plan read per year. */
export function decisionDates (db: Db | Tx, earliestIso: string | undefined) {
  const cal = earliestIso === undefined ? undefined : calendarFrom(db, shanghaiDate(new Date(earliestIso)))
  const days = new Map<number, number>()
  const processingDays = (year: number): number => {
    let n = days.get(year)
    if (n === undefined) { n = getPlan(db, year)?.processingDays ?? DEFAULT_PROCESSING_DAYS; days.set(year, n) }
    return n
  }
  return {
    expectedBy (createdAtIso: string, planYear: number): string {
      const submitted = shanghaiDate(new Date(createdAtIso))
      return addWorkingDays(submitted, processingDays(planYear), cal ?? calendarFrom(db, submitted))
    }
  }
}

/** Late: still waiting for a reviewer's decision after the promised date (a claim returned for
 *  documents waits for the member, not for the federation). */
export function isLate (status: ClaimState, expectedBy: string, today: string): boolean {
  return CLAIM_TO_DECIDE.includes(status) && today > expectedBy
}
