import { canActForBuilding, reviewableBuildings } from "../../lib/access.js";
import { auditHistory } from "../audit/audit-repository.js";
import { getPlan } from "../aid/plans-repository.js";
import { claimDeadline } from "../../domain/cover.js";
import { CLAIM_DOCUMENTS_OPEN, claimTransition } from "../../domain/claim-lifecycle.js";
import { documentsMissing } from "../../domain/claim-documents.js";
import { maskAccountNo } from "./payout-accounts.js";
import { decisionDates, isLate } from "./decision-dates.js";
import * as repo from "./claims-repository.js";
import * as queueRepo from "./queue-repository.js";
import * as batchRepo from "./batch-repository.js";
import { loadVisible } from "./claim-access.js";
const API_PAGE_SIZE = 100;
function readingUseCases({ db, clock }) {
  return {
    /** One claim with its documents, breakdown and history (claimant and reviewers). */
    view(actor, id) {
      const c = loadVisible(db, actor, id);
      const claim = c.claim;
      const documents = repo.listDocuments(db, id);
      const entries = auditHistory(db, "aid_claim", id);
      const names = repo.userNames(db, entries.map((e) => e.actorUserId).filter((x) => x !== null));
      const history = entries.map((e) => {
        const after = e.after === null ? {} : JSON.parse(e.after);
        const actorName = e.actorUserId === null ? null : names.get(e.actorUserId) ?? null;
        return { at: e.at, action: e.action, actorUserId: e.actorUserId, actorName, status: after.status ?? null, note: e.note };
      });
      const batch = claim.paymentBatchId === null ? void 0 : batchRepo.findBatch(db, claim.paymentBatchId);
      const plan = getPlan(db, claim.planYear);
      const required = plan?.requiredDocuments ?? [];
      const missing = documentsMissing(required, documents.map((d) => d.kind));
      const expectedDecisionBy = decisionDates(db, claim.createdAt).expectedBy(claim.createdAt, claim.planYear);
      const isClaimant = claim.userId === actor.id;
      const isReviewer = !isClaimant && canActForBuilding(actor, c.buildingId);
      return {
        id: claim.id,
        status: claim.status,
        planYear: claim.planYear,
        membershipId: claim.membershipId,
        memberName: c.memberName,
        memberNo: c.memberNo,
        enterpriseName: c.enterpriseName,
        buildingId: c.buildingId,
        buildingName: c.buildingName,
        federationName: c.federationName,
        admissionDate: claim.admissionDate,
        dischargeDate: claim.dischargeDate,
        hospital: claim.hospital,
        invoiceNo: claim.invoiceNo,
        totalCostFen: claim.totalCostFen,
        insurancePaidFen: claim.insurancePaidFen,
        excludedFen: claim.excludedFen,
        baseFen: claim.baseFen,
        estimate: JSON.parse(claim.estimate),
        payableFen: claim.payableFen,
        limitedBy: claim.limitedBy,
        breakdown: claim.breakdown === null ? null : JSON.parse(claim.breakdown),
        reasonCode: claim.reasonCode,
        reasonNote: claim.reasonNote,
        resubmissionOf: claim.resubmissionOf,
        firstApprovedBy: claim.firstApprovedBy,
        firstApprovedAt: claim.firstApprovedAt,
        approvedAt: claim.approvedAt,
        rejectedAt: claim.rejectedAt,
        paymentBatchId: claim.paymentBatchId,
        bankReference: batch?.bankReference ?? null,
        paidAt: claim.paidAt,
        createdAt: claim.createdAt,
        deadline: claimDeadline(claim.planYear, claim.dischargeDate, plan?.claimDeadlineDays ?? 90),
        requiredDocuments: required,
        documentsMissing: missing,
        expectedDecisionBy,
        late: isLate(claim.status, expectedDecisionBy, clock.today()),
        payoutAccount: claim.payoutAccountLast4 === null ? null : { bankName: claim.payoutBankName, accountNo: maskAccountNo(claim.payoutAccountLast4), accountName: claim.payoutAccountName },
        documents: documents.map((d) => ({
          id: d.id,
          kind: d.kind,
          fileName: d.fileName,
          mime: d.mime,
          size: d.size,
          uploadedAt: d.uploadedAt
        })),
        history,
        viewer: {
          isClaimant,
          isReviewer,
          canDecide: isReviewer && (claim.status === "submitted" || claim.status === "awaiting_second_approval" && claim.firstApprovedBy !== actor.id),
          canReturn: isReviewer && claimTransition("returnForDocuments", claim.status) !== null,
          canReject: isReviewer && claimTransition("reject", claim.status) !== null,
          canUpload: isClaimant && CLAIM_DOCUMENTS_OPEN.includes(claim.status),
          canResubmit: isClaimant && claim.status === "needs_documents"
        }
      };
    },
    /** GET /claims: own claims; staff and admin get those they may review (mine: their own). */
    list(actor, q) {
      const reviewer = (actor.isStaff || actor.isAdmin) && !q.mine;
      const filter = reviewer ? { buildingIds: reviewableBuildings(actor), exceptUserId: actor.id, statuses: q.status === void 0 ? void 0 : [q.status] } : { buildingIds: null, userId: actor.id, statuses: q.status === void 0 ? void 0 : [q.status] };
      const counts = queueRepo.countByStatus(db, filter);
      const total = q.status === void 0 ? Object.values(counts).reduce((a, b) => a + b, 0) : counts[q.status];
      const items = queueRepo.listClaims(db, filter, API_PAGE_SIZE, (q.page - 1) * API_PAGE_SIZE, { newestFirst: !reviewer });
      return { items, page: q.page, pages: Math.max(1, Math.ceil(total / API_PAGE_SIZE)), total, counts };
    },
    /** The home card: the member's newest claims and how many they have. */
    latestOwn(actor, n) {
      return queueRepo.latestOwnClaims(db, actor.id, n);
    },
    /** How many claims per status the reviewer's buildings hold (their own left out): no rows read. */
    reviewCounts(staff) {
      return queueRepo.countByStatus(db, { buildingIds: reviewableBuildings(staff), exceptUserId: staff.id });
    }
  };
}
export {
  API_PAGE_SIZE,
  readingUseCases
};
//# sourceMappingURL=reading.js.map
