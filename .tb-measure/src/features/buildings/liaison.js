import { badRequest, forbidden, notFound, stateChanged } from "../../lib/errors.js";
import { canActForBuilding, reviewableBuildings } from "../../lib/access.js";
import { auditHistory, writeAudit } from "../audit/audit-repository.js";
import * as repo from "./buildings-repository.js";
import { enterpriseFor } from "./enterprise-access.js";
import { ENTERPRISE_TRANSITIONS, transition } from "../../domain/lifecycles.js";
function liaisonUseCases({ db, clock }) {
  return {
    /**
     * Offers the liaison role to another registered user, found by phone. It takes effect only
     * when that person accepts it, signed in (acceptHandOver); a new offer replaces a pending one.
     */
    handOver(a, id, phone) {
      return db.transaction((tx) => {
        const e = enterpriseFor(tx, a, id);
        const to = repo.userByPhone(tx, phone);
        if (to === void 0 || !to.active) throw badRequest({ phone: "buildings.v.unknownUser" });
        if (to.id === e.liaisonUserId) throw badRequest({ phone: "buildings.v.alreadyLiaison" });
        const at = clock.iso();
        if (!repo.updateEnterpriseIf(tx, id, ["pending", "enrolled", "rejected"], { handoverToUserId: to.id, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: a.id, action: "enterprise.hand_over", entityType: "enterprise", entityId: id, before: { liaisonUserId: e.liaisonUserId }, after: { pendingLiaisonUserId: to.id }, note: "waiting for acceptance" });
        return { liaisonUserId: e.liaisonUserId, pendingLiaisonUserId: to.id };
      });
    },
    /**
     * The person a hand-over names accepts it and becomes the liaison. 404 for anyone it does not name
     * (unless they may see the enterprise: 403).
     */
    acceptHandOver(a, id) {
      return db.transaction((tx) => {
        const e = repo.findEnterprise(tx, id);
        if (e === void 0) throw notFound();
        if (e.handoverToUserId !== a.id) {
          if (e.liaisonUserId === a.id || canActForBuilding(a, e.buildingId)) throw forbidden("buildings.handOver.notForYou");
          throw notFound();
        }
        const at = clock.iso();
        if (!repo.acceptHandOver(tx, id, a.id, at)) throw stateChanged();
        writeAudit(tx, at, { actorUserId: a.id, action: "enterprise.hand_over_accept", entityType: "enterprise", entityId: id, before: { liaisonUserId: e.liaisonUserId }, after: { liaisonUserId: a.id } });
        return { liaisonUserId: a.id };
      });
    },
    /** One enterprise as its liaison, its building's staff or admin may see it. */
    view(a, id) {
      const offered = repo.findEnterprise(db, id);
      const e = offered !== void 0 && offered.handoverToUserId === a.id ? offered : enterpriseFor(db, a, id);
      const building = repo.findBuilding(db, e.buildingId);
      const liaison = repo.userById(db, e.liaisonUserId);
      const isLiaison = e.liaisonUserId === a.id;
      const isReviewer = canActForBuilding(a, e.buildingId);
      return {
        enterprise: e,
        building,
        liaison,
        members: repo.activeMembersOf(db, id),
        history: auditHistory(db, "enterprise", id),
        isLiaison,
        isReviewer,
        can: {
          decide: isReviewer && !isLiaison && e.enrolledBy !== a.id && e.handoverToUserId !== a.id && transition(ENTERPRISE_TRANSITIONS, "approve", e.status) !== null,
          resubmit: isLiaison && transition(ENTERPRISE_TRANSITIONS, "resubmit", e.status) !== null,
          withdraw: transition(ENTERPRISE_TRANSITIONS, "withdraw", e.status) !== null,
          handOver: e.status !== "withdrawn" && (isLiaison || isReviewer),
          viewBuilding: isReviewer,
          acceptHandOver: e.handoverToUserId === a.id && e.status !== "withdrawn"
        }
      };
    },
    /** The signed-in user's enterprises as liaison (GET /api/v1/me, the home card). */
    mine(actor) {
      return repo.enterprisesOfLiaison(db, actor.id);
    },
    /** Enterprises waiting for this staff account's decision (admin: all). */
    pendingFor(actor, limit = 5) {
      return repo.pendingEnterprises(db, reviewableBuildings(actor), limit);
    }
  };
}
export {
  liaisonUseCases
};
//# sourceMappingURL=liaison.js.map
