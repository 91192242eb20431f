// The automatic checks on a claim, in the order DOMAIN.md fixes: the first that fails refuses
// the claim at once with its code. Pure: the service gathers the facts, this decides.
import { claimDeadline } from './cover.js'

export const CLAIM_CHECK_CODES = ['NOT_MEMBER', 'NOT_COVERED', 'WAITING_PERIOD', 'LATE', 'DUPLICATE', 'INCONSISTENT_AMOUNTS'] as const
export type ClaimCheckCode = typeof CLAIM_CHECK_CODES[number]

/** The paid share of the admission date's plan year, when the claimant has one. */
export interface PaidShareFacts {
  planYear: number
  paidOn: string
  coverFrom: string
  claimDeadlineDays: number
}

export interface ClaimFacts {
  today: string
  admissionDate: string
  dischargeDate: string
  totalCostFen: number
  insurancePaidFen: number
  excludedFen: number
  /** The claimant has (or had) a membership that was ever active (a join date). */
  everActiveMember: boolean
  share: PaidShareFacts | null
  /** The member already has a claim with this invoice number that is not rejected. */
  invoiceAlreadyClaimed: boolean
}

/** Null when every check passes; otherwise the code of the first that fails. */
export function firstFailedCheck (f: ClaimFacts): ClaimCheckCode | null {
  if (!f.everActiveMember) return 'NOT_MEMBER'
  if (f.share === null || f.admissionDate < f.share.paidOn) return 'NOT_COVERED'
  if (f.admissionDate < f.share.coverFrom) return 'WAITING_PERIOD'
  // The last day itself is in time.
  if (f.today > claimDeadline(f.share.planYear, f.dischargeDate, f.share.claimDeadlineDays)) return 'LATE'
  if (f.invoiceAlreadyClaimed) return 'DUPLICATE'
  if (f.insurancePaidFen + f.excludedFen > f.totalCostFen) return 'INCONSISTENT_AMOUNTS'
  return null
}
