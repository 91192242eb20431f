import { badRequest, ruleRefused } from "../../lib/errors.js";
import { hashRequest, withIdempotency } from "../../lib/idempotency.js";
import { writeAudit } from "../audit/audit-repository.js";
import { getPlan } from "../aid/plans-repository.js";
import { firstFailedCheck } from "../../domain/claim-checks.js";
import { claimDeadline } from "../../domain/cover.js";
import { computeReimbursement, quoteShape } from "../../domain/reimbursement.js";
import { yearOf } from "../../domain/dates.js";
import { formatFen } from "../../domain/money.js";
import * as repo from "./claims-repository.js";
function submitUseCases({ db, clock }) {
  return {
    /** POST a claim: schema already parsed; the automatic checks in their order, then stored. */
    submit(actor, input, idempotencyKey) {
      const today = clock.today();
      const at = clock.iso();
      return withIdempotency(db, actor.id, "claim.submit", idempotencyKey, hashRequest(input), at, (tx) => {
        if (input.resubmissionOf !== void 0) {
          const earlier = repo.findClaim(tx, input.resubmissionOf);
          if (earlier === void 0 || earlier.userId !== actor.id || earlier.status !== "rejected") {
            throw badRequest({ resubmissionOf: "claims.v.resubmission" });
          }
        }
        const planYear = yearOf(input.admissionDate);
        const everActiveMember = repo.everActiveMember(tx, actor.id);
        const found = everActiveMember ? repo.findPaidShare(tx, actor.id, planYear) : void 0;
        const plan = found !== void 0 ? getPlan(tx, planYear) : void 0;
        const share = found !== void 0 && plan !== void 0 && found.paidOn !== null && found.coverFrom !== null ? { planYear, paidOn: found.paidOn, coverFrom: found.coverFrom, claimDeadlineDays: plan.claimDeadlineDays } : null;
        const code = firstFailedCheck({
          today,
          admissionDate: input.admissionDate,
          dischargeDate: input.dischargeDate,
          totalCostFen: input.totalCostFen,
          insurancePaidFen: input.insurancePaidFen,
          excludedFen: input.excludedFen,
          everActiveMember,
          share,
          invoiceAlreadyClaimed: found !== void 0 && repo.invoiceClaimed(tx, actor.id, found.membershipId, input.invoiceNo)
        });
        if (code !== null) {
          const params = {
            year: String(planYear),
            total: formatFen(input.totalCostFen),
            parts: formatFen(input.insurancePaidFen + input.excludedFen)
          };
          if (share !== null) {
            params.paidOn = share.paidOn;
            params.coverFrom = share.coverFrom;
            params.deadline = claimDeadline(planYear, input.dischargeDate, share.claimDeadlineDays);
          }
          const noShare = code === "NOT_COVERED" && share === null;
          throw ruleRefused(code, `claims.refusal.${code}${noShare ? "_NO_SHARE" : ""}`, params);
        }
        const shares = found.shares;
        const before = repo.paidThisYear(tx, found.membershipId, planYear);
        const estimate = quoteShape(computeReimbursement({ ...input, shares, paidThisYearFen: before }, plan));
        const claim = repo.insertClaim(tx, {
          membershipId: found.membershipId,
          userId: actor.id,
          buildingId: found.buildingId,
          purchaseId: found.purchaseId,
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
          status: "submitted",
          resubmissionOf: input.resubmissionOf ?? null,
          consentAt: at,
          createdAt: at,
          updatedAt: at
        });
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: input.resubmissionOf === void 0 ? "claim.submit" : "claim.resubmit",
          entityType: "aid_claim",
          entityId: claim.id,
          after: { status: "submitted", invoiceNo: claim.invoiceNo, totalCostFen: claim.totalCostFen, estimateFen: estimate.payableFen, resubmissionOf: claim.resubmissionOf }
        });
        return { statusCode: 201, body: { id: claim.id, status: "submitted", estimate } };
      });
    }
  };
}
export {
  submitUseCases
};
//# sourceMappingURL=submit.js.map
