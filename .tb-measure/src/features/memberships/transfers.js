import { canActForBuilding } from "../../lib/access.js";
import { badRequest, conflict, forbidden, notFound, stateChanged } from "../../lib/errors.js";
import { TRANSFER_TRANSITIONS, transition } from "../../domain/lifecycles.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./memberships-repository.js";
import { canReviewTransfer, changing, checkTransferReviewer, isPerson, notEnrolled, scopeOf, tell, unknownEnterprise } from "./deps.js";
import { isUniqueViolation } from "../../lib/errors.js";
function transferUseCases(deps) {
  const { db, clock } = deps;
  return {
    /** An active member (or staff of the current building for them) asks to move to another enterprise. */
    requestTransfer(actor, id, toEnterpriseId) {
      try {
        return changing(deps, (tx, sms) => {
          const m = repo.findMembership(tx, id);
          if (m === void 0) throw notFound();
          if (!isPerson(actor, m) && !canActForBuilding(actor, m.buildingId)) throw forbidden();
          if (m.status !== "active") throw conflict("NOT_ACTIVE", "memberships.notActive");
          const to = repo.findEnterprise(tx, toEnterpriseId);
          if (to === void 0) throw unknownEnterprise();
          if (to.id === m.enterpriseId) throw badRequest({ enterpriseId: "memberships.v.sameEnterprise" });
          if (to.status !== "enrolled") throw notEnrolled();
          if (repo.transfersOf(tx, id).some((t2) => t2.status === "pending")) throw conflict("TRANSFER_PENDING", "memberships.transferPending");
          const at = clock.iso();
          const t = repo.insertTransfer(tx, { membershipId: id, fromEnterpriseId: m.enterpriseId, toEnterpriseId: to.id, status: "pending", requestedAt: at, requestedBy: actor.id });
          writeAudit(tx, at, { actorUserId: actor.id, action: "membership.transfer_request", entityType: "membership", entityId: id, after: { transferId: t.id, from: m.enterpriseId, to: to.id } });
          sms.push(...tell(deps, tx, at, m.userId, { kind: "membership.transfer_requested", params: { enterprise: to.name }, subject: `membership:${id}` }));
          return { id: t.id, status: "pending" };
        });
      } catch (err) {
        if (isUniqueViolation(err, "membership_transfers")) throw conflict("TRANSFER_PENDING", "memberships.transferPending");
        throw err;
      }
    },
    /** The new enterprise's liaison, staff of the new building or admin confirm; the number stays. */
    confirmTransfer(actor, transferId) {
      return changing(deps, (tx, sms) => {
        const t = repo.findTransfer(tx, transferId);
        if (t === void 0) throw notFound();
        checkTransferReviewer(actor, t);
        const to = transition(TRANSFER_TRANSITIONS, "confirm", t.status);
        if (to === null) throw stateChanged();
        if (t.toStatus !== "enrolled") throw notEnrolled();
        const at = clock.iso();
        const today = clock.today();
        if (!repo.changeTransfer(tx, transferId, { status: to, decidedAt: at, decidedBy: actor.id, effectiveOn: today })) throw stateChanged();
        const moved = repo.moveMembership(tx, t.membershipId, t.fromEnterpriseId, t.toEnterpriseId, at);
        if (!moved) throw stateChanged();
        writeAudit(tx, at, {
          actorUserId: actor.id,
          action: "membership.transfer_confirm",
          entityType: "membership",
          entityId: t.membershipId,
          before: { enterpriseId: t.fromEnterpriseId },
          after: { enterpriseId: t.toEnterpriseId, transferId, effectiveOn: today }
        });
        sms.push(...tell(deps, tx, at, t.memberUserId, { kind: "membership.transferred", params: { enterprise: t.toName }, subject: `membership:${t.membershipId}` }));
        return { status: to, enterpriseId: t.toEnterpriseId, effectiveOn: today };
      });
    },
    rejectTransfer(actor, transferId, note) {
      return changing(deps, (tx, sms) => {
        const t = repo.findTransfer(tx, transferId);
        if (t === void 0) throw notFound();
        checkTransferReviewer(actor, t);
        const at = clock.iso();
        const to = transition(TRANSFER_TRANSITIONS, "reject", t.status);
        if (to === null || !repo.changeTransfer(tx, transferId, { status: to, decidedAt: at, decidedBy: actor.id, note: note ?? null })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "membership.transfer_reject", entityType: "membership", entityId: t.membershipId, after: { transferId, note: note ?? null } });
        sms.push(...tell(deps, tx, at, t.memberUserId, { kind: "membership.transfer_refused", params: { enterprise: t.toName, note: note ?? "" }, subject: `membership:${t.membershipId}` }));
        return { status: to };
      });
    },
    cancelTransfer(actor, transferId) {
      return changing(deps, (tx, sms) => {
        const t = repo.findTransfer(tx, transferId);
        if (t === void 0) throw notFound();
        const m = repo.findMembership(tx, t.membershipId);
        if (!isPerson(actor, m) && t.requestedBy !== actor.id) throw forbidden();
        const at = clock.iso();
        const to = transition(TRANSFER_TRANSITIONS, "cancel", t.status);
        if (to === null || !repo.changeTransfer(tx, transferId, { status: to, decidedAt: at, decidedBy: actor.id })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "membership.transfer_cancel", entityType: "membership", entityId: t.membershipId, after: { transferId } });
        sms.push(...tell(deps, tx, at, m.userId, { kind: "membership.transfer_withdrawn", params: { enterprise: t.toName }, subject: `membership:${t.membershipId}` }));
        return { status: to };
      });
    },
    pendingTransfersFor(actor) {
      const s = scopeOf(db, actor);
      return repo.pendingTransfersInto(db, s.enterpriseIds, s.buildingIds).filter((t) => canReviewTransfer(actor, t));
    }
  };
}
export {
  transferUseCases
};
//# sourceMappingURL=transfers.js.map
