import { canActForBuilding, requireStaffOrAdmin } from "../../lib/access.js";
import { AppError, forbidden, notFound, stateChanged } from "../../lib/errors.js";
import { batchTransition, mayTake, mayTakeBatch } from "../../domain/claim-lifecycle.js";
import { fenToYuanString } from "../../domain/money.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./claims-repository.js";
import * as batches from "./batch-repository.js";
const BANK_FILE_HEADER = ["\u5E8F\u53F7", "\u6536\u6B3E\u8D26\u53F7", "\u6536\u6B3E\u6237\u540D", "\u91D1\u989D\uFF08\u5143\uFF09", "\u6536\u6B3E\u94F6\u884C", "\u7528\u9014", "\u5907\u6CE8\uFF08\u62A5\u9500\u5355\u53F7\uFF09"];
const BANK_FILE_PURPOSE = "\u533B\u7597\u4E92\u52A9\u91D1";
function createBatchPayments({ db, clock, pii, notifier }) {
  function load(actorIn, id) {
    const actor = requireStaffOrAdmin(actorIn);
    const batch = batches.findBatch(db, id);
    if (batch === void 0) throw notFound();
    const claims = batches.bankFileRows(db, id);
    if (claims.some((c) => !canActForBuilding(actor, c.buildingId))) throw forbidden();
    return { actor, batch, claims };
  }
  function move(actor, batch, action) {
    const to = batchTransition(action, batch.status);
    if (to === null) throw stateChanged();
    return to;
  }
  return {
    /** Lets a door refuse someone who may not act on this batch before it reads their input. */
    check(actorIn, id) {
      load(actorIn, id);
    },
    /** The bank file: full account numbers, so only reviewers of every claim in it; audited. */
    bankFile(actorIn, id) {
      const { actor, batch, claims } = load(actorIn, id);
      const rows = claims.map((c, i) => [
        String(i + 1),
        c.payoutAccountNo === null ? "" : pii.decrypt(c.payoutAccountNo),
        c.payoutAccountName ?? c.memberName,
        fenToYuanString(c.payableFen),
        c.payoutBankName ?? "",
        BANK_FILE_PURPOSE,
        `BX${String(c.id).padStart(8, "0")}`
      ]);
      const at = clock.iso();
      db.transaction((tx) => writeAudit(tx, at, { actorUserId: actor.id, action: "batch.bankfile", entityType: "aid_payment_batch", entityId: id, after: { rows: rows.length } }));
      return { batch, rows };
    },
    /** The file was handed to the bank: open → exported (again: 409). */
    markExported(actorIn, id) {
      const { actor, batch } = load(actorIn, id);
      if (!mayTakeBatch("markExported", { mayReviewAll: true, isBatchMaker: batch.createdBy === actor.id })) throw forbidden();
      const to = move(actor, batch, "markExported");
      const at = clock.iso();
      return db.transaction((tx) => {
        if (!batches.moveBatch(tx, id, [batch.status], { status: to, exportedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "batch.export", entityType: "aid_payment_batch", entityId: id, before: { status: batch.status }, after: { status: to } });
        return { id, status: to };
      });
    },
    /** The bank paid: every claim in the batch becomes paid. Never by the batch's maker (403). */
    markPaid(actorIn, id, bankReference) {
      const { actor, batch, claims } = load(actorIn, id);
      if (!mayTakeBatch("markPaid", { mayReviewAll: true, isBatchMaker: batch.createdBy === actor.id })) {
        throw new AppError(403, "SECOND_PERSON_REQUIRED", "payout.error.makerCannotPay");
      }
      for (const c of claims) {
        if (!mayTake("pay", { isClaimant: c.userId === actor.id, mayReviewBuilding: true, isBatchMaker: false })) throw forbidden("claims.error.ownClaim");
      }
      const to = move(actor, batch, "markPaid");
      const at = clock.iso();
      return notifier.afterCommit(db.transaction((tx) => {
        if (!batches.moveBatch(tx, id, [batch.status], { status: to, bankReference, paidAt: at, paidBy: actor.id })) throw stateChanged();
        const sms = [];
        for (const c of claims) {
          if (!repo.moveClaim(tx, c.id, ["approved"], { status: "paid", paidAt: at, updatedAt: at })) throw stateChanged();
          writeAudit(tx, at, { actorUserId: actor.id, action: "claim.pay", entityType: "aid_claim", entityId: c.id, before: { status: "approved" }, after: { status: "paid", paymentBatchId: id, bankReference } });
          sms.push(...notifier.notify(tx, at, { userId: c.userId, kind: "claim.paid", params: { id: c.id, amount: fenToYuanString(c.payableFen) }, subject: `aid_claim:${c.id}` }));
        }
        writeAudit(tx, at, { actorUserId: actor.id, action: "batch.paid", entityType: "aid_payment_batch", entityId: id, before: { status: batch.status }, after: { status: "paid", bankReference, totalFen: batch.totalFen } });
        return { answer: { id, status: "paid", claimCount: claims.length, totalFen: batch.totalFen, bankReference }, sms };
      }));
    },
    /** The bank returned one transfer: the claim is approved again, out of the batch, with the reason in its history. */
    itemFailed(actorIn, id, claimId, reason) {
      const { actor, claims } = load(actorIn, id);
      const c = claims.find((x) => x.id === claimId);
      if (c === void 0) throw notFound();
      if (!mayTake("transferReturned", { isClaimant: c.userId === actor.id, mayReviewBuilding: true })) throw forbidden("claims.error.ownClaim");
      const at = clock.iso();
      return notifier.afterCommit(db.transaction((tx) => {
        if (!batches.returnTransfer(tx, claimId, id, at)) throw stateChanged();
        batches.takeFromBatch(tx, id, c.payableFen);
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: "claim.transfer_returned",
          entityType: "aid_claim",
          entityId: claimId,
          before: { status: c.status, paymentBatchId: id },
          after: { status: "approved", paymentBatchId: null },
          note: reason
        });
        writeAudit(tx, at, { actorUserId: actor.id, action: "batch.item_failed", entityType: "aid_payment_batch", entityId: id, after: { claimId, amountFen: c.payableFen }, note: reason });
        const sms = notifier.notify(tx, at, { userId: c.userId, kind: "claim.transfer_returned", params: { id: claimId, reason }, subject: `aid_claim:${claimId}` });
        const batch = batches.findBatch(tx, id);
        return { answer: { id, claimId, status: "approved", batch: { status: batch.status, totalFen: batch.totalFen, claimCount: batch.claimCount } }, sms };
      }));
    }
  };
}
export {
  BANK_FILE_HEADER,
  BANK_FILE_PURPOSE,
  createBatchPayments
};
//# sourceMappingURL=batch-payments.js.map
