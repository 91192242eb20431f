import { eq } from "drizzle-orm";
import { aidPurchases } from "../../db/schema/index.js";
import { AppError, ruleRefused, stateChanged } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import { getPlan } from "../aid/plans-repository.js";
import { computeReimbursement, quoteShape } from "../../domain/reimbursement.js";
import { fenToYuanString } from "../../domain/money.js";
import { approvalAction, CLAIM_TRANSITIONS } from "../../domain/claim-lifecycle.js";
import { documentsMissing } from "../../domain/claim-documents.js";
import { accountToFreeze } from "./payout-accounts.js";
import * as repo from "./claims-repository.js";
import { loadForReview, nextState } from "./claim-access.js";
function computeFor(claim, plan, shares, paidThisYearFen, planYear) {
  const r = computeReimbursement({
    totalCostFen: claim.totalCostFen,
    insurancePaidFen: claim.insurancePaidFen,
    excludedFen: claim.excludedFen,
    shares,
    paidThisYearFen
  }, plan);
  return {
    ...quoteShape(r),
    planYear,
    shares,
    paidThisYearFen,
    perAdmissionCapFen: plan.perAdmissionCapFen,
    annualCapFen: plan.annualCapPerShareFen * shares
  };
}
function sharesOf(tx, purchaseId) {
  return tx.select({ shares: aidPurchases.shares }).from(aidPurchases).where(eq(aidPurchases.id, purchaseId)).get()?.shares ?? 1;
}
function reviewUseCases({ db, clock, notifier }) {
  return {
    /**
     * Approves: the amount is computed against the member's approved and paid claims of the
     * plan year, leaving this claim out. Read and write are in one synchronous SQLite
     * transaction (no await in between), so parallel approvals are serialised and never pay
     * more than the annual cap together.
     */
    approve(actor, id) {
      const at = clock.iso();
      return notifier.afterCommit(db.transaction((tx) => {
        const { claim } = loadForReview(tx, actor, id);
        if (claim.status !== "submitted" && claim.status !== "awaiting_second_approval") throw stateChanged();
        if (claim.status === "awaiting_second_approval" && claim.firstApprovedBy === actor.id) {
          throw new AppError(403, "SECOND_APPROVER_REQUIRED", "claims.error.secondApprover");
        }
        const plan = getPlan(tx, claim.planYear);
        if (plan === void 0) throw new Error(`no plan for ${claim.planYear}`);
        const missing = documentsMissing(plan.requiredDocuments, repo.listDocuments(tx, id).map((d) => d.kind));
        if (missing.length > 0) throw ruleRefused("DOCUMENTS_MISSING", "claims.error.documentsMissing", { count: missing.length });
        const account = accountToFreeze(tx, claim.userId);
        if (account === void 0) throw ruleRefused("PAYOUT_ACCOUNT_MISSING", "claims.error.payoutAccountMissing");
        const before = repo.paidThisYear(tx, claim.membershipId, claim.planYear, claim.id);
        const breakdown = computeFor(claim, plan, sharesOf(tx, claim.purchaseId), before, claim.planYear);
        const action = approvalAction(claim.status, breakdown.payableFen, plan);
        if (action === null) throw stateChanged();
        const needsSecond = action === "approveFirst";
        const status = CLAIM_TRANSITIONS[action].to;
        const patch = needsSecond ? { status, firstApprovedBy: actor.id, firstApprovedAt: at } : { status, approvedBy: actor.id, approvedAt: at, ...account };
        const moved = repo.moveClaim(tx, id, [claim.status], {
          ...patch,
          payableFen: breakdown.payableFen,
          limitedBy: breakdown.limitedBy,
          breakdown: JSON.stringify(breakdown),
          updatedAt: at
        });
        if (!moved) throw stateChanged();
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: needsSecond ? "claim.approve.first" : "claim.approve",
          entityType: "aid_claim",
          entityId: id,
          before: { status: claim.status },
          after: { status, payableFen: breakdown.payableFen, limitedBy: breakdown.limitedBy, paidThisYearFen: before }
        });
        const sms = needsSecond ? [] : notifier.notify(tx, at, { userId: claim.userId, kind: "claim.approved", params: { id, amount: fenToYuanString(breakdown.payableFen) }, subject: `aid_claim:${id}` });
        return { answer: { status, payableFen: breakdown.payableFen }, sms };
      }));
    },
    /** Lets a door refuse someone who may not review this claim before it reads their input. */
    checkMayReview(actor, id) {
      loadForReview(db, actor, id);
    },
    reject(actor, id, input) {
      const at = clock.iso();
      return notifier.afterCommit(db.transaction((tx) => {
        const c = loadForReview(tx, actor, id);
        const { claim } = c;
        nextState(actor, c, "reject");
        const moved = repo.moveClaim(tx, id, [claim.status], {
          status: "rejected",
          rejectedBy: actor.id,
          rejectedAt: at,
          reasonCode: input.reasonCode,
          reasonNote: input.note ?? null,
          updatedAt: at
        });
        if (!moved) throw stateChanged();
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: "claim.reject",
          entityType: "aid_claim",
          entityId: id,
          before: { status: claim.status },
          after: { status: "rejected", reasonCode: input.reasonCode },
          note: input.note
        });
        const sms = notifier.notify(tx, at, { userId: claim.userId, kind: "claim.rejected", params: { id, note: input.note ?? "" }, subject: `aid_claim:${id}` });
        return { answer: { status: "rejected" }, sms };
      }));
    }
  };
}
export {
  reviewUseCases
};
//# sourceMappingURL=review.js.map
