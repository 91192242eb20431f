import { claimDeadline } from "./cover.js";
const CLAIM_CHECK_CODES = ["NOT_MEMBER", "NOT_COVERED", "WAITING_PERIOD", "LATE", "DUPLICATE", "INCONSISTENT_AMOUNTS"];
function firstFailedCheck(f) {
  if (!f.everActiveMember) return "NOT_MEMBER";
  if (f.share === null || f.admissionDate < f.share.paidOn) return "NOT_COVERED";
  if (f.admissionDate < f.share.coverFrom) return "WAITING_PERIOD";
  if (f.today > claimDeadline(f.share.planYear, f.dischargeDate, f.share.claimDeadlineDays)) return "LATE";
  if (f.invoiceAlreadyClaimed) return "DUPLICATE";
  if (f.insurancePaidFen + f.excludedFen > f.totalCostFen) return "INCONSISTENT_AMOUNTS";
  return null;
}
export {
  CLAIM_CHECK_CODES,
  firstFailedCheck
};
//# sourceMappingURL=claim-checks.js.map
