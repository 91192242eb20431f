// The medical-aid fund's use cases: plans, the quote, ordering shares (alone or as a group),
// confirming payments (staff or the signed webhook) and cancelling stale orders. Who may do
// what is checked with an explicit actor; each change is one transaction with its audit entry.
// One file per use case (deps.ts, plans.ts, orders.ts, payments.ts, shares.ts, stale-orders.ts);
// this module assembles them into one service.
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Notifier } from '../notifications/notifier.js'
import type { PlanTerms } from '../../domain/aid-plan.js'
import type { CoverWindow } from '../../domain/cover.js'
import type * as repo from './purchases-repository.js'
import { planUseCases } from './plans.js'
import { orderUseCases } from './orders.js'
import { paymentUseCases } from './payments.js'
import { shareUseCases } from './shares.js'

export { cancelStaleOrders } from './stale-orders.js'

export interface QuoteInput { totalCostFen: number, insurancePaidFen: number, excludedFen: number, shares?: number, paidThisYearFen?: number }
export interface OrderInput { shares: number, year?: number }
export interface GroupOrderInput { enterpriseId: number, membershipIds: number[], shares: number, year?: number }
export interface PaymentInput { receiptNo: string, paidOn: string }
export interface WebhookInput extends PaymentInput { purchaseId: number, amountFen: number }

export interface OrderAnswer { id: number, status: 'pending_payment', amountFen: number, planYear: number }
export type SkipReason = 'already_ordered' | 'not_active' | 'no_cover_left'
export interface GroupOrderAnswer {
  id: number
  planYear: number
  ordered: Array<{ membershipId: number, purchaseId: number, amountFen: number }>
  skipped: Array<{ membershipId: number, reason: SkipReason }>
  totalFen: number
}
/** Why a plan is or is not offered to a member today. */
export type OfferState = 'ordered' | 'open' | 'not_yet_open' | 'closed' | 'no_cover_left'
export interface PlanOffer { plan: PlanTerms, state: OfferState, order: repo.OrderListRow | undefined, coverPreview: CoverWindow | null, renewal: boolean }
export interface PaidAnswer { status: 'paid', coverFrom: string, coverTo: string }

export function createAidService (db: Db, clock: Clock, notifier?: Notifier) {
  const deps = { db, clock, notifier }
  const plans = planUseCases(deps)
  return { ...plans, ...orderUseCases(deps, plans), ...paymentUseCases(deps), ...shareUseCases(deps, plans) }
}

export type AidService = ReturnType<typeof createAidService>
