import t from "tap";
import fc from "fast-check";
import {
  approvalAction,
  BATCH_STATES,
  BATCH_TRANSITIONS,
  batchTransition,
  CLAIM_STATES,
  CLAIM_TRANSITIONS,
  claimTransition,
  isParty,
  mayTake,
  mayTakeBatch,
  needsSecondApproval
} from "../../src/domain/claim-lifecycle.js";
const CLAIM_TABLE = [
  ["approve", "submitted", "approved"],
  ["approveFirst", "submitted", "awaiting_second_approval"],
  ["approveSecond", "awaiting_second_approval", "approved"],
  ["reject", "submitted", "rejected"],
  ["reject", "needs_documents", "rejected"],
  ["reject", "awaiting_second_approval", "rejected"],
  ["returnForDocuments", "submitted", "needs_documents"],
  ["returnForDocuments", "awaiting_second_approval", "needs_documents"],
  ["resubmit", "needs_documents", "submitted"],
  ["pay", "approved", "paid"],
  ["transferReturned", "approved", "approved"],
  ["transferReturned", "paid", "approved"]
];
t.test("claim transitions: each allowed one leads where the table says, every other pair is refused", async (t2) => {
  for (const action of Object.keys(CLAIM_TRANSITIONS)) {
    for (const from of CLAIM_STATES) {
      const row = CLAIM_TABLE.find(([a, f]) => a === action && f === from);
      t2.equal(claimTransition(action, from), row === void 0 ? null : row[2], `${action} from ${from}`);
    }
  }
  t2.equal(CLAIM_TABLE.length, Object.values(CLAIM_TRANSITIONS).reduce((n, tr) => n + tr.from.length, 0), "the table names every transition");
});
t.test("rejected and paid are final for the review actions", async (t2) => {
  for (const action of ["approve", "approveFirst", "approveSecond", "reject", "returnForDocuments", "resubmit"]) {
    t2.equal(claimTransition(action, "rejected"), null, `${action} from rejected`);
    t2.equal(claimTransition(action, "paid"), null, `${action} from paid`);
  }
});
const member = { isClaimant: true, mayReviewBuilding: false };
const staff = { isClaimant: false, mayReviewBuilding: true };
const staffClaimant = { isClaimant: true, mayReviewBuilding: true };
const outsider = { isClaimant: false, mayReviewBuilding: false };
t.test("who may take each claim transition", async (t2) => {
  const table = [
    ["approve", staff, true],
    ["approve", member, false],
    ["approve", staffClaimant, false],
    ["approve", outsider, false],
    ["approveFirst", staff, true],
    ["approveFirst", staffClaimant, false],
    ["approveSecond", { ...staff, isFirstApprover: false }, true],
    ["approveSecond", { ...staff, isFirstApprover: true }, false],
    ["approveSecond", { ...staffClaimant, isFirstApprover: false }, false],
    ["reject", staff, true],
    ["reject", member, false],
    ["reject", staffClaimant, false],
    ["returnForDocuments", staff, true],
    ["returnForDocuments", member, false],
    ["returnForDocuments", staffClaimant, false],
    ["resubmit", member, true],
    ["resubmit", staffClaimant, true],
    ["resubmit", staff, false],
    ["resubmit", outsider, false],
    ["pay", { ...staff, isBatchMaker: false }, true],
    ["pay", { ...staff, isBatchMaker: true }, false],
    ["pay", { ...staffClaimant, isBatchMaker: false }, false],
    ["transferReturned", staff, true],
    ["transferReturned", member, false]
  ];
  for (const [action, facts, may] of table) t2.equal(mayTake(action, facts), may, `${action} by ${JSON.stringify(facts)}`);
  t2.equal(isParty("claimant", outsider), false);
});
t.test("the four-eyes threshold: exactly the threshold needs one approval, one fen more needs two", async (t2) => {
  const plan = { secondApprovalAboveFen: 5e5 };
  t2.equal(needsSecondApproval(5e5, plan), false);
  t2.equal(needsSecondApproval(500001, plan), true);
  t2.equal(needsSecondApproval(499999, plan), false);
  t2.equal(needsSecondApproval(0, { secondApprovalAboveFen: 0 }), false, "nothing to pay never needs two");
  t2.equal(needsSecondApproval(1, { secondApprovalAboveFen: 0 }), true, "threshold 0: every paying claim needs two");
  t2.equal(approvalAction("submitted", 5e5, plan), "approve");
  t2.equal(approvalAction("submitted", 500001, plan), "approveFirst");
  t2.equal(approvalAction("awaiting_second_approval", 1, plan), "approveSecond");
  for (const s of ["needs_documents", "approved", "rejected", "paid"]) t2.equal(approvalAction(s, 1, plan), null, `no approval from ${s}`);
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 0, max: 1e11 }), (payable, above) => needsSecondApproval(payable, { secondApprovalAboveFen: above }) === payable >= above + 1));
});
t.test("payment batch transitions and who may take them", async (t2) => {
  const table = [
    ["markExported", "open", "exported"],
    ["markExported", "exported", null],
    ["markExported", "paid", null],
    ["markPaid", "open", "paid"],
    ["markPaid", "exported", "paid"],
    ["markPaid", "paid", null]
  ];
  for (const [a, from, to] of table) t2.equal(batchTransition(a, from), to, `${a} from ${from}`);
  t2.equal(table.length, Object.keys(BATCH_TRANSITIONS).length * BATCH_STATES.length);
  t2.equal(mayTakeBatch("markPaid", { mayReviewAll: true, isBatchMaker: true }), false, "the maker never marks paid");
  t2.equal(mayTakeBatch("markPaid", { mayReviewAll: true, isBatchMaker: false }), true);
  t2.equal(mayTakeBatch("markPaid", { mayReviewAll: false, isBatchMaker: false }), false);
  t2.equal(mayTakeBatch("markExported", { mayReviewAll: true, isBatchMaker: true }), true, "the maker may hand the file to the bank");
});
//# sourceMappingURL=claim-lifecycle.test.js.map
