import { shanghaiDate } from '../domain/dates.js'

// The portal's notion of now. Tests pass their own so date rules can be checked on fixed days.
export interface Clock {
  now: () => Date
  /** ISO instant, for timestamps. */
  iso: () => string
  /** Today's calendar date in Asia/Shanghai (YYYY-MM-DD). */
  today: () => string
}

export function createClock (now: () => Date = () => new Date()): Clock {
  return { now, iso: () => now().toISOString(), today: () => shanghaiDate(now()) }
}
