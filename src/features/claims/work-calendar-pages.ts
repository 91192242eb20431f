// The administrator's page for the work calendar: a year's holidays and adjusted workdays as a
// table, typed or pasted one day per line, saved through the same use case as the JSON API.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { requireAdmin } from '../../lib/access.js'
import { parseInput } from '../../lib/validation.js'
import { listAudit } from '../audit/audit-repository.js'
import { yearParam } from '../aid/aid-schemas.js'
import { calendarText, parseCalendarText } from './work-calendar-text.js'
import type { WorkCalendar } from './work-calendar.js'

type Body = Record<string, unknown>

export default async function workCalendarPages (app: FastifyInstance, { calendar }: { calendar: WorkCalendar }): Promise<void> {
  const csrf = { preHandler: app.verifyCsrf }
  app.navLinks.push({ href: '/admin/aid/calendar', labelKey: 'calendar.nav', order: 93, show: (a) => a?.isAdmin === true })

  const yearPage = (req: FastifyRequest, year: number, extra: Record<string, unknown> = {}) => {
    const days = calendar.daysOf(year)
    const weekday = new Intl.DateTimeFormat(req.lang === 'en' ? 'en-GB' : 'zh-CN', { weekday: 'short', timeZone: 'UTC' })
    const thisYear = Number(app.clock.today().slice(0, 4))
    const history = listAudit(app.db, { entityType: 'work_calendar', entityId: String(year), limit: 20 }).map((e) => {
      const after = JSON.parse(e.after ?? '{}') as { days?: number, holidays?: number }
      return { at: e.at, who: e.actorName ?? '', days: after.days ?? 0, holidays: after.holidays ?? 0 }
    })
    return {
      titleKey: 'calendar.title',
      year,
      days: days.map((d) => ({
        ...d,
        weekday: weekday.format(new Date(d.date + 'T00:00:00Z')),
        kindKey: `calendar.kind.${d.kind}`,
        holiday: d.kind === 'holiday'
      })),
      holidays: days.filter((d) => d.kind === 'holiday').length,
      workdays: days.filter((d) => d.kind === 'workday').length,
      years: [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].filter((y) => y !== year),
      values: { days: calendarText(req.lang, days) },
      history,
      ...extra
    }
  }

  app.get('/admin/aid/calendar', async (req, reply) => {
    requireAdmin(req.actor)
    return reply.redirect(`/admin/aid/calendar/${app.clock.today().slice(0, 4)}`)
  })

  app.get('/admin/aid/calendar/:year', async (req, reply) => {
    requireAdmin(req.actor)
    const { year } = parseInput(yearParam, req.params)
    return reply.page('claims/calendar', yearPage(req, year))
  })

  app.post('/admin/aid/calendar/:year', csrf, async (req, reply) => {
    const actor = requireAdmin(req.actor)
    const { year } = parseInput(yearParam, req.params)
    const body = (req.body ?? {}) as Body
    const typed = typeof body.days === 'string' ? body.days : ''
    try {
      calendar.saveYear(actor, year, { days: parseCalendarText(year, typed) })
      reply.flash('common.saved')
      return await reply.redirect(`/admin/aid/calendar/${year}`)
    } catch (err) {
      return reply.formError(err, 'claims/calendar', yearPage(req, year, { values: { days: typed } }))
    }
  })
}
