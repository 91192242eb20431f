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
 * Counts in whole days since 1970 (a review queue computes this for every row it shows); the
 * calendar's dates are turned into day numbers once per calendar.
 */
export function addWorkingDays (from: string, n: number, cal: WorkCalendar): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > 3660) throw new RangeError(`working days out of range: ${n}`)
  if (n === 0) return from
  const { holidays, workdays } = dayNumbers(cal)
  let day = Date.parse(from + 'T00:00:00Z') / DAY_MS
  let left = n
  while (left > 0) {
    day++
    // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays, 6 on Saturdays.
    const dow = (day + 4) % 7
    const working = workdays.has(day) || (!holidays.has(day) && dow !== 0 && dow !== 6)
    if (working) left--
  }
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

const DAY_MS = 86_400_000
const numbered = new WeakMap<WorkCalendar, { holidays: Set<number>, workdays: Set<number> }>()

function dayNumbers (cal: WorkCalendar): { holidays: Set<number>, workdays: Set<number> } {
  let d = numbered.get(cal)
  if (d === undefined) {
    const toDays = (dates: ReadonlySet<string>): Set<number> => new Set([...dates].map((s) => Date.parse(s + 'T00:00:00Z') / DAY_MS))
    d = { holidays: toDays(cal.holidays), workdays: toDays(cal.workdays) }
    numbered.set(cal, d)
  }
  return d
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween (from: string, to: string, cal: WorkCalendar): number {
  let n = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++
  return n
}
