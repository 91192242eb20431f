// Every input is parsed with zod at the door. Schemas give i18n keys as their messages
// ("v.phone"); issues without one are named by their zod code. Errors become a 400 AppError
// with one message key per field, translated when the answer is written.
import { z } from 'zod'
import { AppError, fieldError, type FieldError, type FieldErrors } from './errors.js'
import { hasMessage } from '../i18n/index.js'
import { isFen, parseYuanToFen } from '../domain/money.js'
import { isRealDate } from '../domain/dates.js'
import { normaliseMobile, normaliseResidentId, normaliseUscc, residentIdProblem, usccProblem } from '../domain/identity.js'

/** A field message: an i18n key, with its params when it has any. */
function fieldMessage (issue: z.core.$ZodIssue, input: unknown): FieldError {
  const value = valueAt(input, issue.path)
  if (value === undefined || value === null || value === '') {
    if (issue.code === 'invalid_type' || issue.code === 'too_small' || issue.code === 'invalid_value' || issue.code === 'invalid_format' || issue.code === 'custom') return 'v.required'
  }
  if (hasMessage(issue.message)) return withParams(issue.message, issue)
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? withParams('v.tooShort', issue) : withParams('v.tooSmall', issue)
    case 'too_big':
      return issue.origin === 'string' ? withParams('v.tooLong', issue) : withParams('v.tooBig', issue)
    case 'invalid_value':
      return 'v.invalidValue'
    default:
      return 'v.invalidType'
  }
}

function withParams (key: string, issue: z.core.$ZodIssue): FieldError {
  const params: Record<string, number> = {}
  if ('minimum' in issue) params.min = Number(issue.minimum)
  if ('maximum' in issue) params.max = Number(issue.maximum)
  return Object.keys(params).length > 0 ? fieldError(key, params) : key
}

function valueAt (input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[p]
  }
  return v
}

export function zodFieldErrors (error: z.ZodError, input: unknown): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const name = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    if (fields[name] === undefined) fields[name] = fieldMessage(issue, input)
  }
  return fields
}

/** Parses or throws a 400 AppError whose fields map each bad field to a message key. */
export function parseInput<S extends z.ZodType> (schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  throw new AppError(400, 'INVALID_INPUT', 'error.invalidInput', {}, zodFieldErrors(result.error, input ?? {}))
}

// ---- field builders shared by the features ----

/** Trimmed text; '' counts as missing. */
export const text = (max = 200): z.ZodType<string> =>
  z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(max, 'v.tooLong')

/** Optional trimmed text: '' and missing both become undefined. */
export const optionalText = (max = 200) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, 'v.tooLong').optional())

/** Integer fen in the contract's range (JSON API). Fractions, negatives and strings are refused. */
export const fen = () => z.number({ error: 'v.fen' }).refine(isFen, 'v.fen')

/** Yuan typed on a form ("1234.5") → exact fen. */
export const yuan = () =>
  z.string({ error: 'v.required' }).trim().min(1, 'v.required').transform((s, ctx) => {
    const f = parseYuanToFen(s)
    if (f === null) { ctx.addIssue({ code: 'custom', message: 'v.money' }); return z.NEVER }
    return f
  })

export const calendarDate = () => z.string({ error: 'v.date' }).trim().refine(isRealDate, 'v.date')

/** An id in a path or query: a positive integer. */
export const idParam = z.object({ id: z.coerce.number().int().positive() })

export const mobile = () =>
  z.string({ error: 'v.phone' }).transform((s, ctx) => {
    const m = normaliseMobile(s)
    if (m === null) { ctx.addIssue({ code: 'custom', message: 'v.phone' }); return z.NEVER }
    return m
  })

export const uscc = () =>
  z.string({ error: 'v.uscc.format' }).transform((s, ctx) => {
    const problem = usccProblem(s)
    if (problem !== null) { ctx.addIssue({ code: 'custom', message: 'v.uscc.' + problem }); return z.NEVER }
    return normaliseUscc(s)
  })

/** A resident ID number, checked against `today()` for the birth date. */
export const residentId = (today: () => string) =>
  z.string({ error: 'v.idNumber.format' }).transform((s, ctx) => {
    const problem = residentIdProblem(s, today())
    if (problem !== null) { ctx.addIssue({ code: 'custom', message: 'v.idNumber.' + problem }); return z.NEVER }
    return normaliseResidentId(s)
  })

/** A ticked checkbox on a form ("on", "1", "true") or true in JSON. */
export const consent = () =>
  z.union([z.literal(true), z.literal('on'), z.literal('1'), z.literal('true')], { error: 'v.consent' })
