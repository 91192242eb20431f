// Inputs of the buildings feature, parsed with zod at the door (pages and API alike).
import { z } from 'zod'
import { calendarDate, mobile, optionalText, text, uscc } from '../../lib/validation.js'

/**
 * A positive whole number from JSON (12) or a form ("12"). Stricter than z.coerce: true, [] and
 * "12abc" are refused rather than turned into numbers.
 */
export const wholeCount = (min: number, max: number, message = 'v.positiveInt') => z.preprocess(
  (v) => (typeof v === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v),
  z.number({ error: message }).int(message).min(min, message).max(max, 'v.tooBig')
)

/** An id in a body field (buildingId): a positive integer, JSON number or form string. */
const bodyId = (message: string) => z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: message }).int(message).positive(message)
)

/** A checkbox on a form ("on"/"1"/"true") or a JSON boolean; missing means false. */
const flag = () => z.preprocess((v) => {
  if (v === undefined || v === null || v === '' || v === '0' || v === 'false' || v === 'off') return false
  if (v === 'on' || v === '1' || v === 'true') return true
  return v
}, z.boolean({ error: 'v.invalidValue' }))

const optionalDate = (today: () => string) => z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  calendarDate().refine((d) => d <= today(), 'v.dateFuture').optional()
)

const optionalMobile = () => z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  mobile().optional()
)

export const buildingInput = (today: () => string) => z.object({
  name: text(100),
  district: text(50),
  address: text(200),
  federationName: optionalText(100),
  foundedOn: optionalDate(today),
  enterprisesTotal: wholeCount(1, 100_000),
  isModel: flag(),
  hasWorkerCongress: flag(),
  hasAffairsDisclosure: flag()
})
export type BuildingInput = z.output<ReturnType<typeof buildingInput>>

/**
 * `buildingExists` lets an unknown building be reported together with the other fields' errors
 * (the service checks it again inside its transaction).
 */
export const enterpriseInput = (buildingExists: (id: number) => boolean) => z.object({
  buildingId: bodyId('buildings.v.unknownBuilding').refine(buildingExists, 'buildings.v.unknownBuilding'),
  name: text(100),
  uscc: uscc(),
  floorRoom: optionalText(50),
  headcount: wholeCount(1, 1_000_000),
  contactName: optionalText(50),
  contactPhone: optionalMobile()
})
export type EnterpriseInput = z.output<ReturnType<typeof enterpriseInput>>

export const rejectInput = z.object({ reason: text(500) })

export const handOverInput = z.object({ phone: mobile() })

export const buildingQuery = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['pending', 'enrolled', 'rejected', 'withdrawn']).optional())
})
