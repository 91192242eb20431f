// The official work calendar an administrator keeps per year: the public holidays (days off) and
// the adjusted workdays (调休, weekend days worked). The expected decision date of a claim counts
// working days on it (src/domain/working-days.ts).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import { requireAdmin, type Actor } from '../../lib/access.js'
import { badRequest } from '../../lib/errors.js'
import { calendarDate, optionalText, parseInput } from '../../lib/validation.js'
import { apiDoc, arr, fromZod, int, obj, str } from '../../plugins/openapi.js'
import { writeAudit } from '../audit/audit-repository.js'
import { yearParam } from '../aid/aid-schemas.js'
import { calendarDays, replaceCalendarYear } from './payout-repository.js'

const calendarBody = z.object({
  days: z.array(z.object({
    date: calendarDate(),
    kind: z.enum(['holiday', 'workday'], { error: 'claims.calendar.v.kind' }),
    note: optionalText(50)
  }), { error: 'claims.calendar.v.days' }).max(120, 'claims.calendar.v.days')
})

type CalendarInput = z.output<typeof calendarBody>
export type WorkCalendar = ReturnType<typeof createWorkCalendar>

export function createWorkCalendar (deps: { db: Db, clock: Clock }) {
  const { db, clock } = deps
  const daysOf = (year: number) => calendarDays(db, `${year}-01-01`, `${year}-12-31`)
    .map((d) => ({ date: d.date, kind: d.kind, note: d.note }))

  /** Replaces a year's holidays and adjusted workdays, in one transaction, audited. */
  function saveYear (actor: Actor | null, year: number, input: CalendarInput) {
    const a = requireAdmin(actor)
    const seen = new Set<string>()
    for (const [i, d] of input.days.entries()) {
      if (!d.date.startsWith(`${year}-`)) throw badRequest({ [`days.${i}.date`]: 'claims.calendar.v.otherYear' })
      if (seen.has(d.date)) throw badRequest({ [`days.${i}.date`]: 'claims.calendar.v.twice' })
      seen.add(d.date)
    }
    const days = [...input.days].sort((x, y) => x.date.localeCompare(y.date)).map((d) => ({ date: d.date, kind: d.kind, note: d.note ?? null }))
    db.transaction((tx) => {
      const before = calendarDays(tx, `${year}-01-01`, `${year}-12-31`).length
      replaceCalendarYear(tx, year, days)
      writeAudit(tx, clock.iso(), {
        actorUserId: a.id, action: 'work_calendar.save', entityType: 'work_calendar', entityId: year,
        before: { days: before }, after: { days: days.length, holidays: days.filter((d) => d.kind === 'holiday').length }
      })
    })
    return { year, days: daysOf(year) }
  }

  return { daysOf, saveYear }
}

const dayDoc = obj({ date: str('YYYY-MM-DD'), kind: str('holiday or workday'), note: str('e.g. 春节') }, ['note'])

export default async function workCalendarApi (app: FastifyInstance, { calendar }: { calendar: WorkCalendar }): Promise<void> {
  const answer = { description: 'The year\'s holidays and adjusted workdays', schema: obj({ year: int(), days: arr(dayDoc) }) }

  app.get('/api/v1/aid/calendar/:year', {
    schema: apiDoc({ summary: 'A year\'s official holidays and adjusted workdays (admin)', tag: 'aid', params: fromZod(yearParam), answer })
  }, async (req) => {
    requireAdmin(app.requireSignedIn(req))
    const { year } = parseInput(yearParam, req.params)
    return { year, days: calendar.daysOf(year) }
  })

  app.put('/api/v1/aid/calendar/:year', {
    schema: apiDoc({
      summary: 'Set a year\'s official holidays and adjusted workdays (admin)',
      description: 'Replaces the year\'s list. Weekends are days off unless listed as `workday` (调休); a `holiday` is a day off.',
      tag: 'aid',
      params: fromZod(yearParam),
      body: fromZod(calendarBody),
      answer
    })
  }, async (req) => {
    const actor = requireAdmin(app.requireSignedIn(req))
    const { year } = parseInput(yearParam, req.params)
    return calendar.saveYear(actor, year, parseInput(calendarBody, req.body))
  })
}
