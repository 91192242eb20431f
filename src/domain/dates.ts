// Business dates are calendar dates (YYYY-MM-DD) in Asia/Shanghai. Arithmetic is done on UTC
// midnights of those dates, which has no daylight saving and so never drifts by a day.

const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** China has kept UTC+8 all year since 1992; earlier instants go through the time-zone database. */
export const FIXED_OFFSET_SINCE_MS = Date.UTC(1991, 11, 31, 16)
const OFFSET_MS = 8 * 3600_000

/**
 * The ISO text of an instant's Asia/Shanghai wall-clock time ("2026-11-27T18:07:05.000"), or
 * null before 1992. Plain arithmetic: Intl.DateTimeFormat costs microseconds on each call, and
 * pages format dozens of times.
 */
export function shanghaiWallClock (ms: number): string | null {
  return ms >= FIXED_OFFSET_SINCE_MS ? new Date(ms + OFFSET_MS).toISOString().slice(0, 23) : null
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

/** The calendar date in Asia/Shanghai at the instant `now`. */
export function shanghaiDate (now: Date): string {
  return shanghaiWallClock(now.getTime())?.slice(0, 10) ?? shanghai.format(now)
}

export function isRealDate (s: string): boolean {
  if (!DATE_RE.test(s)) return false
  const d = new Date(s + 'T00:00:00Z')
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

export function addDays (date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Whole days from a to b (b − a). */
export function daysBetween (a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000)
}

export function yearOf (date: string): number {
  return Number(date.slice(0, 4))
}

export function maxDate (a: string, b: string): string { return a > b ? a : b }
export function minDate (a: string, b: string): string { return a < b ? a : b }
