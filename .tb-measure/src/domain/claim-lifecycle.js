const CLAIM_STATES = ["submitted", "needs_documents", "awaiting_second_approval", "approved", "rejected", "paid"];
const CLAIM_TRANSITIONS = {
  /** A first approval of a claim at or below the threshold: approved at once. */
  approve: { from: ["submitted"], to: "approved", by: "reviewer" },
  /** A first approval of a claim above the threshold: a second person must approve. */
  approveFirst: { from: ["submitted"], to: "awaiting_second_approval", by: "reviewer" },
  approveSecond: { from: ["awaiting_second_approval"], to: "approved", by: "second_reviewer" },
  reject: { from: ["submitted", "needs_documents", "awaiting_second_approval"], to: "rejected", by: "reviewer" },
  returnForDocuments: { from: ["submitted", "awaiting_second_approval"], to: "needs_documents", by: "reviewer" },
  resubmit: { from: ["needs_documents"], to: "submitted", by: "claimant" },
  pay: { from: ["approved"], to: "paid", by: "batch_checker" },
  /** The bank returned the transfer: the claim may join a later batch. */
  transferReturned: { from: ["approved", "paid"], to: "approved", by: "reviewer" }
};
const CLAIM_DOCUMENTS_OPEN = ["submitted", "needs_documents", "awaiting_second_approval"];
const CLAIM_TO_DECIDE = ["submitted", "awaiting_second_approval"];
function claimTransition(action, from) {
  const t = CLAIM_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}
function isParty(party, f) {
  const reviewer = f.mayReviewBuilding && !f.isClaimant;
  switch (party) {
    case "claimant":
      return f.isClaimant;
    case "reviewer":
      return reviewer;
    case "second_reviewer":
      return reviewer && f.isFirstApprover !== true;
    case "batch_checker":
      return reviewer && f.isBatchMaker !== true;
  }
}
function mayTake(action, f) {
  return isParty(CLAIM_TRANSITIONS[action].by, f);
}
function needsSecondApproval(payableFen, plan) {
  return payableFen > plan.secondApprovalAboveFen;
}
function approvalAction(from, payableFen, plan) {
  if (from === "awaiting_second_approval") return "approveSecond";
  if (from !== "submitted") return null;
  return needsSecondApproval(payableFen, plan) ? "approveFirst" : "approve";
}
const BATCH_STATES = ["open", "exported", "paid"];
const BATCH_TRANSITIONS = {
  /** The bank file was handed to the bank (a POST; downloading the file changes nothing). */
  markExported: { from: ["open"], to: "exported", by: "reviewer" },
  /** Two people on every payment: never the batch's maker. */
  markPaid: { from: ["open", "exported"], to: "paid", by: "batch_checker" }
};
function batchTransition(action, from) {
  const t = BATCH_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}
function mayTakeBatch(action, f) {
  return isParty(BATCH_TRANSITIONS[action].by, { isClaimant: false, mayReviewBuilding: f.mayReviewAll, isBatchMaker: f.isBatchMaker });
}
export {
  BATCH_STATES,
  BATCH_TRANSITIONS,
  CLAIM_DOCUMENTS_OPEN,
  CLAIM_STATES,
  CLAIM_TO_DECIDE,
  CLAIM_TRANSITIONS,
  approvalAction,
  batchTransition,
  claimTransition,
  isParty,
  mayTake,
  mayTakeBatch,
  needsSecondApproval
};
//# sourceMappingURL=claim-lifecycle.js.map
