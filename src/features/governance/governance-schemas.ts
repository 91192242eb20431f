// Inputs of democratic management, parsed with zod at the door (API and pages alike).
import { z } from 'zod'
import { calendarDate, optionalText, text } from '../../lib/validation.js'
import { CONGRESS_FORMS, MOTION_KINDS, REPRESENTATIVE_CATEGORIES, VOTES } from '../../domain/congress.js'

const id = (message = 'v.invalidType') => z.coerce.number({ error: message }).int(message).positive(message)

export const congressInput = z.object({
  buildingId: id('governance.v.unknownBuilding'),
  term: z.coerce.number({ error: 'governance.v.term' }).refine((n) => n === 3 || n === 5, 'governance.v.term'),
  startsOn: calendarDate(),
  form: z.preprocess((v) => (v === '' || v === undefined ? 'representatives' : v), z.enum(CONGRESS_FORMS, { error: 'v.invalidValue' }))
})

export const representativeInput = z.object({
  membershipId: id('governance.v.unknownMembership'),
  category: z.enum(REPRESENTATIVE_CATEGORIES, { error: 'governance.v.category' })
})

/** Agenda items: a JSON array, or one item per line from a form. */
const agenda = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '') : v),
  z.array(z.string().trim().min(1).max(200, 'v.tooLong')).max(30, 'v.tooBig').optional()
)

export const sessionInput = z.object({ date: calendarDate(), title: text(200), agenda })

/** Representative ids: a JSON array, or the ticked checkboxes of a form (one value or several). */
export const attendanceInput = z.object({
  representativeIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive(), { error: 'governance.v.representativeIds' }).max(2000)
  )
})

export const motionInput = z.object({
  title: text(200),
  kind: z.enum(MOTION_KINDS, { error: 'governance.v.motionKind' }),
  contractId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional())
})

export const voteInput = z.object({ vote: z.enum(VOTES, { error: 'governance.v.vote' }) })

export const repParams = z.object({ id: z.coerce.number().int().positive(), repId: z.coerce.number().int().positive() })

export const signInQuery = z.object({ t: optionalText(100) })
