// Inputs of the claims feature, parsed with zod at the door. Dates are checked against the
// portal's clock (never after today): each schema is built once with the clock's `today`
// function, which the refinements call at parse time. (Building a zod schema costs ~0.3 ms, so
// none is built per request.)
import { z } from 'zod'
import { calendarDate, consent, fen, optionalText, text, yuan } from '../../lib/validation.js'
import { CLAIM_CHECK_CODES } from '../../domain/claim-checks.js'
import { DOCUMENT_KINDS } from './documents.js'
import { CLAIM_STATUSES } from './claims-repository.js'

export interface ClaimInput {
  admissionDate: string
  dischargeDate: string
  hospital: string
  invoiceNo: string
  totalCostFen: number
  insurancePaidFen: number
  excludedFen: number
  resubmissionOf?: number
}

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number({ error: 'v.positiveInt' }).int('v.positiveInt').positive('v.positiveInt').optional())

const notAfter = (today: () => string) => calendarDate().refine((d) => d <= today(), 'v.dateFuture')
const datePair = (today: () => string) => z.object({ admissionDate: notAfter(today), dischargeDate: notAfter(today) })

/** Discharge not before admission: checked as soon as both dates are valid, whatever else is wrong. */
const inOrder = (v: { admissionDate: string, dischargeDate: string }): boolean => v.dischargeDate >= v.admissionDate
const inOrderParams = (today: () => string) => {
  const pair = datePair(today)
  return {
    message: 'claims.v.dischargeBeforeAdmission',
    path: ['dischargeDate'],
    when: (payload: { value: unknown }) => pair.safeParse(payload.value).success
  }
}

const common = (today: () => string) => ({
  admissionDate: notAfter(today),
  dischargeDate: notAfter(today),
  hospital: text(100),
  invoiceNo: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(60, 'v.tooLong').regex(/^[\p{L}\p{N}\-_/.#]+$/u, 'claims.v.invoiceNo'),
  resubmissionOf: optionalId
})

/** The JSON API: amounts in integer fen. */
export const claimInput = (today: () => string): z.ZodType<ClaimInput> => z.object({
  ...common(today),
  totalCostFen: fen(),
  insurancePaidFen: fen(),
  excludedFen: fen()
}).refine(inOrder, inOrderParams(today))

/** The page form: amounts in yuan, consent ticked, a hidden idempotency token. */
export const claimForm = (today: () => string) => z.object({
  ...common(today),
  totalCost: yuan(),
  insurancePaid: yuan(),
  excluded: yuan(),
  consent: consent(),
  idempotencyKey: z.string({ error: 'error.idempotencyKeyRequired' }).min(8, 'error.idempotencyKeyRequired').max(100)
}).refine(inOrder, inOrderParams(today)).transform((v) => ({
  input: {
    admissionDate: v.admissionDate,
    dischargeDate: v.dischargeDate,
    hospital: v.hospital,
    invoiceNo: v.invoiceNo,
    totalCostFen: v.totalCost,
    insurancePaidFen: v.insurancePaid,
    excludedFen: v.excluded,
    resubmissionOf: v.resubmissionOf
  } satisfies ClaimInput,
  idempotencyKey: v.idempotencyKey
}))

export const REJECT_CODES = ['DOCUMENTS_MISSING', 'OTHER', ...CLAIM_CHECK_CODES] as const
export type RejectCode = typeof REJECT_CODES[number]

export const rejectInput = z.object({
  reasonCode: z.enum(REJECT_CODES, { error: 'claims.v.reasonCode' }),
  note: optionalText(500)
}).superRefine((v, ctx) => {
  if (v.reasonCode === 'OTHER' && v.note === undefined) ctx.addIssue({ code: 'custom', path: ['note'], message: 'claims.v.noteRequired' })
})

export const documentKindInput = z.object({ kind: z.enum(DOCUMENT_KINDS, { error: 'claims.v.kind' }) })

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)

export const queueQuery = z.object({
  building: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
  status: z.preprocess(emptyToUndefined, z.enum(['open', 'all', ...CLAIM_STATUSES]).default('open')),
  from: z.preprocess(emptyToUndefined, calendarDate().optional()),
  to: z.preprocess(emptyToUndefined, calendarDate().optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100000).default(1))
})

export const listQuery = z.object({
  mine: z.preprocess(emptyToUndefined, z.enum(['1', 'true', '0', 'false']).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(CLAIM_STATUSES).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100000).default(1))
})

export const batchInput = z.object({
  claimIds: z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]),
    z.array(z.coerce.number().int().positive(), { error: 'v.invalidType' }).min(1).max(1000).optional())
})

export const batchPaidInput = z.object({
  bankReference: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(80, 'v.tooLong')
})

// ---- second release: returns, payout accounts, batch items ----

export const returnInput = z.object({ note: text(500) })

export const failedItemInput = z.object({ reason: text(200) })

/** A bank card or account number as people type it (spaces and hyphens allowed): 12–19 digits. */
export const payoutAccountInput = z.object({
  bankName: text(60),
  accountNo: z.string({ error: 'v.required' }).transform((s) => s.replace(/[\s-]/g, '')).pipe(z.string().regex(/^\d{12,19}$/, 'payout.v.accountNo')),
  accountName: text(50)
})
export type PayoutAccountInput = z.output<typeof payoutAccountInput>

/** A claim document's address: /…/claims/:id/documents/:docId. */
export const docParams = z.object({ id: z.coerce.number().int().positive(), docId: z.coerce.number().int().positive() })
