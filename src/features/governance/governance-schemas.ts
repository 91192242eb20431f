// Inputs of democratic management, parsed with zod at the door (API and pages alike).
import { z } from 'zod'
import { calendarDate, optionalText, text } from '../../lib/validation.js'
import { CONGRESS_FORMS, MOTION_KINDS, REPRESENTATIVE_CATEGORIES, VOTES } from '../../domain/congress.js'
import { BARGAINING_TOPICS, SIDES } from '../../domain/bargaining.js'
import { MAX_TERM_YEARS, MIN_TERM_YEARS } from '../../domain/collective-contract.js'
import { DISCLOSURE_CATEGORIES } from '../../domain/disclosure.js'

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
    (v) => (v === undefined || v === null || Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive(), { error: 'governance.v.representativeIds' }).min(1, 'governance.v.representativeIds').max(2000)
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

// ---- bargaining, contracts, disclosures, charter (pages) ----

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().positive().optional())
const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true' || v === true, z.boolean())
const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item))

export const roundInput = z.object({
  title: text(200),
  topics: many(z.enum(BARGAINING_TOPICS)).pipe(z.array(z.enum(BARGAINING_TOPICS)).min(1, 'governance.v.topics')),
  enterpriseId: optionalId
})
export const negotiatorInput = z.object({ side: z.enum(SIDES, { error: 'v.invalidValue' }), name: text(50), position: optionalText(100), chief: checkbox })
export const proposalInput = z.object({ fromSide: z.enum(SIDES, { error: 'v.invalidValue' }), body: text(5000), proposedOn: calendarDate() })
export const answerInput = z.object({ answeredOn: calendarDate(), answer: text(5000) })
export const meetingInput = z.object({ heldOn: calendarDate(), record: text(10000) })

export const draftInput = z.object({
  title: text(200),
  kind: z.enum(['general', 'safety', 'women'], { error: 'v.invalidValue' }),
  termYears: z.coerce.number({ error: 'governance.v.termYears' }).int('governance.v.termYears').min(MIN_TERM_YEARS, 'governance.v.termYears').max(MAX_TERM_YEARS, 'governance.v.termYears'),
  text: text(100_000),
  enterpriseId: optionalId,
  roundId: optionalId
})
export const signInput = z.object({ signedOn: calendarDate(), workersChief: text(50), employersChief: text(50) })
export const fileInput = z.object({ filedOn: calendarDate() })
export const approveInput = z.object({ approvedOn: calendarDate() })

export const disclosureInput = z.object({
  enterpriseId: optionalId,
  category: z.enum(DISCLOSURE_CATEGORIES, { error: 'v.invalidValue' }),
  title: text(200),
  body: text(20_000),
  periodFrom: calendarDate(),
  periodTo: calendarDate()
})

export const charterInput = z.object({
  kind: z.enum(['charter', 'congress_rules'], { error: 'v.invalidValue' }),
  title: text(200),
  body: text(100_000),
  adoptedOn: calendarDate(),
  adoptedBy: text(200),
  sessionId: optionalId
})
