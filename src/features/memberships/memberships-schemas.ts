// Inputs of the memberships feature, parsed with zod at the door (pages and API alike).
import { z } from 'zod'
import { consent, mobile, optionalText, residentId, text } from '../../lib/validation.js'

/** An id in a body field (enterpriseId): a positive integer, JSON number or form string. */
export const bodyId = (message: string) => z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: message }).int(message).positive(message).max(2 ** 31, message)
)

const optionalMobile = () => z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  mobile().optional()
)

/**
 * The application form: consent must be ticked and the mobile given. The ID's use is stated
 * beside the checkbox.
 */
export const applyForm = (today: () => string) => z.object({
  enterpriseId: bodyId('memberships.v.enterprise'),
  name: text(50),
  idNumber: residentId(today),
  mobile: mobile(),
  consent: consent()
})

/**
 * The contract's call lists only enterpriseId, name and idNumber. An integrator calling it
 * states consent by calling (its own form collected it); an explicit `consent: false` is refused.
 * The mobile defaults to the account's phone.
 */
export const applyApi = (today: () => string) => z.object({
  enterpriseId: bodyId('memberships.v.enterprise'),
  name: text(50),
  idNumber: residentId(today),
  mobile: optionalMobile(),
  consent: z.literal(true, { error: 'v.consent' }).optional()
})
export type ApplyInput = { enterpriseId: number, name: string, idNumber: string, mobile?: string }

export const rejectInput = z.object({ reason: optionalText(500) })

/** At most this many applications in one request (a page of the roster is 50). */
const MAX_BULK_IDS = 500
/** Several applications at once: ids as a JSON array, or checkboxes (one string or several). */
const idList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.number().int().positive().max(2 ** 31)), { error: 'memberships.v.ids' })
    .refine((a) => a.length > 0, 'memberships.v.ids').refine((a) => a.length <= MAX_BULK_IDS, 'memberships.v.idsMax')
)
export const bulkApproveInput = z.object({ ids: idList })
export const bulkRejectInput = z.object({ ids: idList, reason: optionalText(500) })
export const leaveInput = z.object({ note: optionalText(500) })
export const transferInput = z.object({ enterpriseId: bodyId('memberships.v.enterprise') })

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().positive().max(2 ** 31).optional())

export const rosterQuery = z.object({
  q: optionalText(50),
  /** A search by resident ID number as its keyed hash (so the number is never in a URL). */
  idh: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[0-9a-f]{64}$/, 'v.invalidValue').optional()),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['applied', 'active', 'rejected', 'left']).optional()),
  enterpriseId: optionalId,
  buildingId: optionalId,
  page: z.coerce.number().int().min(1).max(1_000_000).default(1)
})

export const importTarget = z.object({
  enterpriseId: bodyId('memberships.v.enterprise'),
  // How to read a CSV without a byte order mark, when the portal asked (ENCODING_AMBIGUOUS).
  encoding: z.preprocess((v) => (v === '' ? undefined : typeof v === 'string' ? v.toLowerCase() : v),
    z.enum(['auto', 'utf-8', 'utf8', 'gb18030', 'gbk'], { error: 'memberships.v.encoding' }).optional())
    .transform((v) => v === 'utf8' ? 'utf-8' as const : v === 'gbk' ? 'gb18030' as const : v ?? 'auto' as const)
})
