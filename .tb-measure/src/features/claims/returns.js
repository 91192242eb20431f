import { requireActor } from "../../lib/access.js";
import { stateChanged } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import { loadForReview, loadVisible, nextState } from "./claim-access.js";
import * as repo from "./claims-repository.js";
function createReturns({ db, clock, notifier }) {
  return {
    /** Lets a door refuse someone who may not review this claim before it reads their input. */
    checkMayReturn(actorIn, id) {
      loadForReview(db, requireActor(actorIn), id);
    },
    returnForDocuments(actorIn, id, note) {
      const actor = requireActor(actorIn);
      const at = clock.iso();
      return notifier.afterCommit(db.transaction((tx) => {
        const c = loadForReview(tx, actor, id);
        const to = nextState(actor, c, "returnForDocuments");
        if (!repo.moveClaim(tx, id, [c.claim.status], { status: to, firstApprovedBy: null, firstApprovedAt: null, updatedAt: at })) {
          throw stateChanged();
        }
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: "claim.return",
          entityType: "aid_claim",
          entityId: id,
          before: { status: c.claim.status },
          after: { status: to },
          note
        });
        const sms = notifier.notify(tx, at, { userId: c.claim.userId, kind: "claim.returned", params: { id, note }, subject: `aid_claim:${id}` });
        return { answer: { status: "needs_documents" }, sms };
      }));
    },
    resubmit(actorIn, id) {
      const actor = requireActor(actorIn);
      const at = clock.iso();
      return db.transaction((tx) => {
        const c = loadVisible(tx, actor, id);
        const to = nextState(actor, c, "resubmit", "claims.error.onlyClaimant");
        if (!repo.moveClaim(tx, id, ["needs_documents"], { status: to, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: "claim.resubmit.documents",
          entityType: "aid_claim",
          entityId: id,
          before: { status: "needs_documents" },
          after: { status: to, documents: repo.listDocuments(tx, id).length }
        });
        return { status: "submitted" };
      });
    }
  };
}
export {
  createReturns
};
//# sourceMappingURL=returns.js.map
