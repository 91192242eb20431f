// Working days in mainland China: Monday to Friday, less the year's official holidays, plus the
// adjusted workdays (调休, a Saturday or Sunday worked to bridge a holiday). The calendar of each
// year is published by the State Council and kept by an admin; these functions only read it. Pure.
import { addDays } from './dates.js'

export interface WorkCalendar {
  /** Official holidays (YYYY-MM-DD) on which nobody works, weekdays included. */
  holidays: ReadonlySet<string>
  /** Adjusted workdays (调休): weekend days that are worked. */
  workdays: ReadonlySet<string>
}

export const NO_CALENDAR: WorkCalendar = { holidays: new Set(), workdays: new Set() }

export function isWorkingDay (date: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(date)) return true
  if (cal.holidays.has(date)) return false
  const dow = new Date(date + 'T00:00:00Z').getUTCDay()
  return dow !== 0 && dow !== 6
}

/**
 * The date `n` working days after `from` (a claim submitted on `from` is decided by then): the
 * day itself does not count, the n-th working day after it is the answer. n = 0 gives `from`.
 */
export function addWorkingDays (from: string, n: number, cal: WorkCalendar): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > 3660) throw new RangeError(`working days out of range: ${n}`)
  let d = from
  let left = n
  while (left > 0) {
    d = addDays(d, 1)
    if (isWorkingDay(d, cal)) left--
  }
  return d
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween (from: string, to: string, cal: WorkCalendar): number {
  let n = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++
  return n
}
