// Submitting a claim: the automatic checks in the contract's order (src/domain/claim-checks.ts),
// then the claim stored with its estimate, in one transaction keyed by the idempotency key.
import type { z } from 'zod'
import type { Actor } from '../../lib/access.js'
import { badRequest, ruleRefused } from '../../lib/errors.js'
import { hashRequest, withIdempotencyGrouped, type StoredAnswer } from '../../lib/idempotency.js'
import { writeAudit } from '../audit/audit-repository.js'
import { getPlan } from '../aid/plans-repository.js'
import { firstFailedCheck } from '../../domain/claim-checks.js'
import { claimDeadline } from '../../domain/cover.js'
import { computeReimbursement, quoteShape } from '../../domain/reimbursement.js'
import { yearOf } from '../../domain/dates.js'
import { formatFen } from '../../domain/money.js'
import * as repo from './claims-repository.js'
import type { ClaimInput } from './claims-schemas.js'
import type { submitAnswer } from './claims-answers.js'
import type { ClaimsDeps } from './deps.js'

export type SubmitAnswer = z.output<typeof submitAnswer>

export function submitUseCases ({ db, clock }: ClaimsDeps) {
  return {
    /**
     * POST a claim: schema already parsed; the automatic checks in their order, then stored.
     * Claims submitted in the same turn of the event loop share one commit (group commit, one
     * fsync); the answer comes once that commit returned.
     */
    async submit (actor: Actor, input: ClaimInput, idempotencyKey: string): Promise<StoredAnswer<SubmitAnswer>> {
      const today = clock.today()
      const at = clock.iso()
      return await withIdempotencyGrouped(db, actor.id, 'claim.submit', idempotencyKey, hashRequest(input), at, (tx) => {
        if (input.resubmissionOf !== undefined) {
          const earlier = repo.findClaim(tx, input.resubmissionOf)
          if (earlier === undefined || earlier.userId !== actor.id || earlier.status !== 'rejected') {
            throw badRequest({ resubmissionOf: 'claims.v.resubmission' })
          }
        }
        const planYear = yearOf(input.admissionDate)
        const everActiveMember = repo.everActiveMember(tx, actor.id)
        const found = everActiveMember ? repo.findPaidShare(tx, actor.id, planYear) : undefined
        const plan = found !== undefined ? getPlan(tx, planYear) : undefined
        const share = found !== undefined && plan !== undefined && found.paidOn !== null && found.coverFrom !== null
          ? { planYear, paidOn: found.paidOn, coverFrom: found.coverFrom, claimDeadlineDays: plan.claimDeadlineDays }
          : null
        const code = firstFailedCheck({
          today,
          admissionDate: input.admissionDate,
          dischargeDate: input.dischargeDate,
          totalCostFen: input.totalCostFen,
          insurancePaidFen: input.insurancePaidFen,
          excludedFen: input.excludedFen,
          everActiveMember,
          share,
          invoiceAlreadyClaimed: found !== undefined && repo.invoiceClaimed(tx, actor.id, found.membershipId, input.invoiceNo)
        })
        if (code !== null) {
          // Only the facts there are: with no paid share the message says so instead of a blank.
          const params: Record<string, string> = {
            year: String(planYear),
            total: formatFen(input.totalCostFen),
            parts: formatFen(input.insurancePaidFen + input.excludedFen)
          }
          if (share !== null) {
            params.paidOn = share.paidOn
            params.coverFrom = share.coverFrom
            params.deadline = claimDeadline(planYear, input.dischargeDate, share.claimDeadlineDays)
          }
          const noShare = code === 'NOT_COVERED' && share === null
          throw ruleRefused(code, `claims.refusal.${code}${noShare ? '_NO_SHARE' : ''}`, params)
        }
        // All checks passed, so there is a share and a plan.
        const shares = found!.shares
        const before = repo.paidThisYear(tx, found!.membershipId, planYear)
        const estimate = quoteShape(computeReimbursement({ ...input, shares, paidThisYearFen: before }, plan!))
        const claim = repo.insertClaim(tx, {
          membershipId: found!.membershipId,
          userId: actor.id,
          buildingId: found!.buildingId,
          purchaseId: found!.purchaseId,
          planYear,
          admissionDate: input.admissionDate,
          dischargeDate: input.dischargeDate,
          hospital: input.hospital,
          invoiceNo: input.invoiceNo,
          totalCostFen: input.totalCostFen,
          insurancePaidFen: input.insurancePaidFen,
          excludedFen: input.excludedFen,
          baseFen: estimate.baseFen,
          estimate: JSON.stringify(estimate),
          status: 'submitted',
          resubmissionOf: input.resubmissionOf ?? null,
          consentAt: at,
          createdAt: at,
          updatedAt: at
        })
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: input.resubmissionOf === undefined ? 'claim.submit' : 'claim.resubmit',
          entityType: 'aid_claim',
          entityId: claim.id,
          after: { status: 'submitted', invoiceNo: claim.invoiceNo, totalCostFen: claim.totalCostFen, estimateFen: estimate.payableFen, resubmissionOf: claim.resubmissionOf }
        })
        return { statusCode: 201, body: { id: claim.id, status: 'submitted' as const, estimate } }
      })
    }
  }
}
