import { canActForBuilding, reviewableBuildings } from "../../lib/access.js";
import { conflict, forbidden, notFound, ruleRefused, stateChanged } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as batchRepo from "./batch-repository.js";
function batchUseCases({ db, clock }) {
  return {
    /** Approved claims ready for a batch, in the actor's buildings, not their own. */
    payable(staff) {
      return batchRepo.payableClaims(db, reviewableBuildings(staff), staff.id);
    },
    listBatches(staff) {
      return batchRepo.listBatches(db, reviewableBuildings(staff));
    },
    /** Puts approved claims (these, or all that are ready) into a new batch. */
    createBatch(actor, claimIds) {
      const at = clock.iso();
      return db.transaction((tx) => {
        const found = batchRepo.payableClaims(tx, reviewableBuildings(actor), actor.id, claimIds);
        batchRepo.freezeMissingAccounts(tx, found.map((c) => c.id));
        const noAccount = new Set(batchRepo.claimsWithoutAccount(tx, found.map((c) => c.id)));
        const ready = found.filter((c) => !noAccount.has(c.id));
        if (claimIds !== void 0 && ready.length !== new Set(claimIds).size) throw conflict("CLAIMS_NOT_PAYABLE", "claims.error.notPayable");
        if (ready.length === 0) throw ruleRefused("NOTHING_TO_PAY", "claims.error.nothingToPay");
        const totalFen = ready.reduce((a, c) => a + c.payableFen, 0);
        const batch = batchRepo.insertBatch(tx, { status: "open", createdBy: actor.id, createdAt: at, totalFen, claimCount: ready.length });
        if (batchRepo.attachToBatch(tx, batch.id, ready.map((c) => c.id)) !== ready.length) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "batch.create", entityType: "aid_payment_batch", entityId: batch.id, after: { claimIds: ready.map((c) => c.id), totalFen } });
        for (const c of ready) writeAudit(tx, at, { actorUserId: actor.id, action: "claim.batch", entityType: "aid_claim", entityId: c.id, after: { paymentBatchId: batch.id } });
        return { id: batch.id, status: batch.status, claimCount: ready.length, totalFen };
      });
    },
    /** A batch and its claims, for staff who may act for every claim in it. */
    batch(actor, id) {
      const batch = batchRepo.findBatch(db, id);
      if (batch === void 0) throw notFound();
      const claims = batchRepo.batchClaims(db, id);
      if (claims.some((c) => !canActForBuilding(actor, c.buildingId))) throw forbidden();
      return { actor, batch, claims };
    }
  };
}
export {
  batchUseCases
};
//# sourceMappingURL=batches.js.map
