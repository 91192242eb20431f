// Reviewing a claim: approve (a first approval, and a second by another person above the
// plan's threshold), reject. The second approval by the same person is 403
// SECOND_APPROVER_REQUIRED: the claim has not moved on (that would be 409); this person is
// simply not allowed to complete it. Each decision is one transaction with its audit entry; the
// member's SMS goes out after the commit.
import { eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/index.js'
import { aidPurchases } from '../../db/schema/index.js'
import type { Actor } from '../../lib/access.js'
import { AppError, ruleRefused, stateChanged } from '../../lib/errors.js'
import { writeAudit } from '../audit/audit-repository.js'
import { getPlan } from '../aid/plans-repository.js'
import { computeReimbursement, quoteShape, type Quote } from '../../domain/reimbursement.js'
import { fenToYuanString } from '../../domain/money.js'
import type { PlanTerms } from '../../domain/aid-plan.js'
import { approvalAction, CLAIM_TRANSITIONS } from '../../domain/claim-lifecycle.js'
import { documentsMissing } from '../../domain/claim-documents.js'
import { accountToFreeze } from './payout-accounts.js'
import * as repo from './claims-repository.js'
import { loadForReview, nextState } from './claim-access.js'
import type { RejectCode } from './claims-schemas.js'
import type { ClaimsDeps } from './deps.js'

/** The breakdown kept with an approved claim: the quote plus the figures it was computed from. */
export interface Breakdown extends Quote {
  planYear: number
  shares: number
  paidThisYearFen: number
  perAdmissionCapFen: number
  annualCapFen: number
}

function computeFor (claim: Pick<repo.ClaimRow, 'totalCostFen' | 'insurancePaidFen' | 'excludedFen'>, plan: PlanTerms, shares: number, paidThisYearFen: number, planYear: number): Breakdown {
  const r = computeReimbursement({
    totalCostFen: claim.totalCostFen, insurancePaidFen: claim.insurancePaidFen, excludedFen: claim.excludedFen, shares, paidThisYearFen
  }, plan)
  return {
    ...quoteShape(r),
    planYear,
    shares,
    paidThisYearFen,
    perAdmissionCapFen: plan.perAdmissionCapFen,
    annualCapFen: plan.annualCapPerShareFen * shares
  }
}

function sharesOf (tx: Tx | Db, purchaseId: number): number {
  return tx.select({ shares: aidPurchases.shares }).from(aidPurchases).where(eq(aidPurchases.id, purchaseId)).get()?.shares ?? 1
}

export function reviewUseCases ({ db, clock, notifier }: ClaimsDeps) {
  return {
    /**
     * Approves: the amount is computed against the member's approved and paid claims of the
     * plan year, leaving this claim out. Read and write are in one synchronous SQLite
     * transaction (no await in between), so parallel approvals are serialised and never pay
     * more than the annual cap together.
     */
    approve (actor: Actor, id: number): { status: 'approved' | 'awaiting_second_approval', payableFen: number } {
      const at = clock.iso()
      return notifier.afterCommit(db.transaction((tx) => {
        const { claim } = loadForReview(tx, actor, id)
        if (claim.status !== 'submitted' && claim.status !== 'awaiting_second_approval') throw stateChanged()
        if (claim.status === 'awaiting_second_approval' && claim.firstApprovedBy === actor.id) {
          throw new AppError(403, 'SECOND_APPROVER_REQUIRED', 'claims.error.secondApprover')
        }
        const plan = getPlan(tx, claim.planYear)
        if (plan === undefined) throw new Error(`no plan for ${claim.planYear}`)
        // The rules after who may act and the state, in the contract's order.
        const missing = documentsMissing(plan.requiredDocuments, repo.listDocuments(tx, id).map((d) => d.kind))
        if (missing.length > 0) throw ruleRefused('DOCUMENTS_MISSING', 'claims.error.documentsMissing', { count: missing.length })
        const account = accountToFreeze(tx, claim.userId)
        if (account === undefined) throw ruleRefused('PAYOUT_ACCOUNT_MISSING', 'claims.error.payoutAccountMissing')
        const before = repo.paidThisYear(tx, claim.membershipId, claim.planYear, claim.id)
        const breakdown = computeFor(claim, plan, sharesOf(tx, claim.purchaseId), before, claim.planYear)
        const action = approvalAction(claim.status, breakdown.payableFen, plan)
        if (action === null) throw stateChanged()
        const needsSecond = action === 'approveFirst'
        const status = CLAIM_TRANSITIONS[action].to as 'approved' | 'awaiting_second_approval'
        const patch = needsSecond
          ? { status, firstApprovedBy: actor.id, firstApprovedAt: at }
          : { status, approvedBy: actor.id, approvedAt: at, ...account }
        const moved = repo.moveClaim(tx, id, [claim.status], {
          ...patch, payableFen: breakdown.payableFen, limitedBy: breakdown.limitedBy, breakdown: JSON.stringify(breakdown), updatedAt: at
        })
        if (!moved) throw stateChanged()
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: needsSecond ? 'claim.approve.first' : 'claim.approve',
          entityType: 'aid_claim',
          entityId: id,
          before: { status: claim.status },
          after: { status, payableFen: breakdown.payableFen, limitedBy: breakdown.limitedBy, paidThisYearFen: before }
        })
        const sms = needsSecond
          ? []
          : notifier.notify(tx, at, { userId: claim.userId, kind: 'claim.approved', params: { id, amount: fenToYuanString(breakdown.payableFen) }, subject: `aid_claim:${id}` })
        return { answer: { status, payableFen: breakdown.payableFen }, sms }
      }))
    },

    /** Lets a door refuse someone who may not review this claim before it reads their input. */
    checkMayReview (actor: Actor, id: number): void {
      loadForReview(db, actor, id)
    },

    reject (actor: Actor, id: number, input: { reasonCode: RejectCode, note?: string }): { status: 'rejected' } {
      const at = clock.iso()
      return notifier.afterCommit(db.transaction((tx) => {
        const c = loadForReview(tx, actor, id)
        const { claim } = c
        nextState(actor, c, 'reject')
        const moved = repo.moveClaim(tx, id, [claim.status], {
          status: 'rejected', rejectedBy: actor.id, rejectedAt: at, reasonCode: input.reasonCode, reasonNote: input.note ?? null, updatedAt: at
        })
        if (!moved) throw stateChanged()
        writeAudit(tx, at, {
          actorUserId: actor.id, action: 'claim.reject', entityType: 'aid_claim', entityId: id,
          before: { status: claim.status }, after: { status: 'rejected', reasonCode: input.reasonCode }, note: input.note
        })
        const sms = notifier.notify(tx, at, { userId: claim.userId, kind: 'claim.rejected', params: { id, note: input.note ?? '' }, subject: `aid_claim:${id}` })
        return { answer: { status: 'rejected' as const }, sms }
      }))
    }
  }
}
