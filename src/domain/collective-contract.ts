// A collective contract's life (集体合同规定), as data: the stages a contract is put in by people,
// the stages the calendar moves it through, and the deadlines. The services and the seed both
// call these, so a rule is written once.
import { addDays } from './dates.js'

/** Stages people put a contract in (stored). */
export const CONTRACT_STAGES = ['draft', 'adopted', 'signed', 'filed', 'renewed', 'expired'] as const
export type ContractStage = typeof CONTRACT_STAGES[number]
/** What a contract is on a given day: the stored stage, with the calendar's moves after filing. */
export type ContractStatus = ContractStage | 'effective' | 'expiring'

export type ContractStep = 'adopt' | 'sign' | 'file' | 'approve' | 'renew' | 'expire'

/** Each step: the stage it starts from and the stage it leaves the contract in. */
export const CONTRACT_STEPS: Record<ContractStep, { from: readonly ContractStatus[], to: ContractStage }> = {
  adopt: { from: ['draft'], to: 'adopted' },
  sign: { from: ['adopted'], to: 'signed' },
  file: { from: ['signed'], to: 'filed' },
  // The labour administration's approval makes it effective on that date (stays 'filed', dated).
  approve: { from: ['filed'], to: 'filed' },
  renew: { from: ['effective', 'expiring', 'expired'], to: 'renewed' },
  expire: { from: ['expiring'], to: 'expired' }
}

/** Filed with the labour administration within this many days of signing; later is flagged. */
export const FILING_DAYS = 10
/** Effective this many days after filing when the administration raises no objection. */
export const NO_OBJECTION_DAYS = 15
/** The reminder comes this many months before the term ends. */
export const EXPIRY_NOTICE_MONTHS = 3
export const MIN_TERM_YEARS = 1
export const MAX_TERM_YEARS = 3

export function canTake (step: ContractStep, status: ContractStatus): boolean {
  return CONTRACT_STEPS[step].from.includes(status)
}

/** Adds calendar months, the day clamped to the month's last (31 Jan + 1 month = 28/29 Feb). */
export function addMonths (date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export function filingDueOn (signedOn: string): string { return addDays(signedOn, FILING_DAYS) }
export function isLateFiling (signedOn: string, filedOn: string): boolean { return filedOn > filingDueOn(signedOn) }

/** The day it takes effect: the approval date when given, else 15 days after filing. */
export function effectiveOn (filedOn: string, approvedOn: string | null): string {
  return approvedOn ?? addDays(filedOn, NO_OBJECTION_DAYS)
}

/** The last day of a term of `years` starting on `from`. */
export function termEndsOn (from: string, years: number): string {
  return addDays(addMonths(from, years * 12), -1)
}

export function expiringFrom (endsOn: string): string { return addMonths(endsOn, -EXPIRY_NOTICE_MONTHS) }

export interface ContractDates { stage: ContractStage, filedOn: string | null, approvedOn: string | null, termYears: number }

/** Where the contract stands on `today`: a filed contract moves to effective, expiring, expired by the calendar. */
export function contractStatusOn (c: ContractDates, today: string): ContractStatus {
  if (c.stage !== 'filed' || c.filedOn === null) return c.stage
  const from = effectiveOn(c.filedOn, c.approvedOn)
  if (today < from) return 'filed'
  const ends = termEndsOn(from, c.termYears)
  if (today > ends) return 'expired'
  if (today >= expiringFrom(ends)) return 'expiring'
  return 'effective'
}
