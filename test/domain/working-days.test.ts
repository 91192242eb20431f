import t from 'tap'
import fc from 'fast-check'
import { addWorkingDays, isWorkingDay, NO_CALENDAR, workingDaysBetween, type WorkCalendar } from '../../src/domain/working-days.js'
import { addDays } from '../../src/domain/dates.js'

// National Day 2025 as published: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
const cal2025: WorkCalendar = {
  holidays: new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']),
  workdays: new Set(['2025-09-28', '2025-10-11'])
}

t.test('weekends off, holidays off, adjusted workdays worked', async (t) => {
  const table: Array<[string, boolean]> = [
    ['2025-09-26', true], ['2025-09-27', false], ['2025-09-28', true], ['2025-09-30', true],
    ['2025-10-01', false], ['2025-10-06', false], ['2025-10-08', false], ['2025-10-09', true],
    ['2025-10-11', true], ['2025-10-12', false]
  ]
  for (const [d, working] of table) t.equal(isWorkingDay(d, cal2025), working, d)
  t.equal(isWorkingDay('2025-10-01', NO_CALENDAR), true, 'without a calendar a Wednesday is worked')
})

t.test('adding working days', async (t) => {
  const table: Array<[string, number, WorkCalendar, string]> = [
    ['2026-03-02', 0, NO_CALENDAR, '2026-03-02'],
    ['2026-03-02', 1, NO_CALENDAR, '2026-03-03'],
    ['2026-03-06', 1, NO_CALENDAR, '2026-03-09'], // Friday → Monday
    ['2026-03-07', 1, NO_CALENDAR, '2026-03-09'], // submitted on a Saturday
    ['2026-03-02', 15, NO_CALENDAR, '2026-03-23'], // three weeks
    ['2025-09-26', 1, cal2025, '2025-09-28'], // the adjusted Sunday is worked
    ['2025-09-30', 1, cal2025, '2025-10-09'], // over the whole National Day holiday
    ['2025-09-26', 15, cal2025, '2025-10-23'] // 28, 29, 30 Sep, 9, 10, 11 (Sat), 13–17, 20–23 Oct
  ]
  for (const [from, n, cal, want] of table) t.equal(addWorkingDays(from, n, cal), want, `${from} + ${n}`)
  t.throws(() => addWorkingDays('2026-01-01', -1, NO_CALENDAR))
})

t.test('adding n working days lands on a working day n working days later', async (t) => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 40 }), (offset, n) => {
    const from = addDays('2024-01-01', offset)
    const to = addWorkingDays(from, n, cal2025)
    return isWorkingDay(to, cal2025) && workingDaysBetween(from, to, cal2025) === n && workingDaysBetween(from, addDays(to, -1), cal2025) === n - 1
  }))
})

t.test('addWorkingDays (counted in day numbers) agrees with stepping one date at a time through isWorkingDay', async (t) => {
  const byDates = (from: string, n: number, cal: WorkCalendar): string => {
    let d = from
    for (let left = n; left > 0;) { d = addDays(d, 1); if (isWorkingDay(d, cal)) left-- }
    return d
  }
  const day = fc.integer({ min: 0, max: 60 }).map((k) => addDays('2025-09-20', k))
  fc.assert(fc.property(day, fc.integer({ min: 0, max: 40 }), fc.uniqueArray(day, { maxLength: 12 }), fc.uniqueArray(day, { maxLength: 6 }),
    (from, n, holidays, workdays) => {
      const cal = { holidays: new Set(holidays), workdays: new Set(workdays) }
      return addWorkingDays(from, n, cal) === byDates(from, n, cal)
    }), { numRuns: 500 })
  t.pass('500 random calendars and spans')
  t.throws(() => addWorkingDays('not a date', 3, NO_CALENDAR), RangeError)
})
