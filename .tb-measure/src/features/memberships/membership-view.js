import { createHmac, timingSafeEqual } from "node:crypto";
import { canActForBuilding } from "../../lib/access.js";
import { forbidden } from "../../lib/errors.js";
import { maskName } from "../../domain/memberships.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./memberships-repository.js";
import { canManage, canReviewTransfer, isPerson, loadMembership } from "./deps.js";
import { membershipHistory } from "./history.js";
function membershipViewUseCases(deps) {
  const { db, clock, pii } = deps;
  const cardKey = Buffer.from(pii.hash("membership-card-token:v1"), "hex");
  const cardMac = (id) => createHmac("sha256", cardKey).update(String(id)).digest("base64url").slice(0, 24);
  return {
    /** One membership as the actor may see it: the person, its managers, reviewers of a transfer into their scope. */
    view(actor, id) {
      const m = loadMembership(db, id);
      const transfers = repo.transfersOf(db, id);
      const reviewsTransfer = transfers.some((t) => t.status === "pending" && canReviewTransfer(actor, t));
      const self = isPerson(actor, m);
      const manager = canManage(actor, m);
      if (!self && !manager && !reviewsTransfer) throw forbidden();
      return {
        membership: m,
        transfers,
        self,
        manager,
        canDecide: manager && !self && m.status === "applied" && !repo.isSamePerson(db, actor.id, m.idHash),
        canLeave: m.status === "active" && (self || canActForBuilding(actor, m.buildingId)),
        canRequestTransfer: m.status === "active" && !transfers.some((t) => t.status === "pending") && (self || canActForBuilding(actor, m.buildingId)),
        canRevealId: !self && canActForBuilding(actor, m.buildingId),
        pendingTransferForActor: transfers.find((t) => t.status === "pending" && canReviewTransfer(actor, t) && t.memberUserId !== actor.id && t.requestedBy !== actor.id),
        decidedByName: repo.userName(db, m.decidedBy)
      };
    },
    /**
     * The full ID number: to the person, and to staff of the member's building (or admin),
     * whose every look is written to the audit log.
     */
    revealId(actor, id) {
      const m = loadMembership(db, id);
      if (isPerson(actor, m)) return pii.decrypt(m.idCipher);
      if (!canActForBuilding(actor, m.buildingId)) throw forbidden();
      db.transaction((tx) => {
        writeAudit(tx, clock.iso(), { actorUserId: actor.id, action: "membership.reveal_id", entityType: "membership", entityId: id, note: "full ID number shown" });
      });
      return pii.decrypt(m.idCipher);
    },
    /** Its steps in words, newest first. */
    history(id) {
      return membershipHistory(db, id);
    },
    /** The actor's own membership (the latest; an open one first). */
    mine(actor) {
      return repo.membershipOfUser(db, actor.id);
    },
    /** What the home card shows of it, in one read. */
    mineForCard(actor) {
      return repo.membershipCardOf(db, actor.id);
    },
    meMembership(actor) {
      const m = repo.membershipOfUser(db, actor.id);
      if (m === void 0) return null;
      return { id: m.id, status: m.status, memberNo: m.memberNo, enterpriseId: m.enterpriseId, enterpriseName: m.enterpriseName, buildingId: m.buildingId, joinedOn: m.joinedOn, idMasked: m.idMasked };
    },
    lastTransferOf(membershipId) {
      return repo.transfersOf(db, membershipId)[0];
    },
    /** The opaque token printed as the card's QR code: the id and an HMAC of it, so it cannot be guessed. */
    cardToken(membershipId) {
      return `${membershipId.toString(36)}.${cardMac(membershipId)}`;
    },
    /** The public check of a card: valid or not, with nothing that identifies the person. */
    verifyCard(token) {
      const m = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{24})$/.exec(token);
      if (m === null) return null;
      const id = parseInt(m[1], 36);
      const expected = Buffer.from(cardMac(id));
      const given = Buffer.from(m[2]);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      const row = repo.findMembership(db, id);
      if (row === void 0 || row.memberNo === null) return null;
      return {
        valid: row.status === "active",
        status: row.status,
        maskedName: maskName(row.name),
        memberNo: row.memberNo,
        federation: row.federationName ?? row.buildingName
      };
    }
  };
}
export {
  membershipViewUseCases
};
//# sourceMappingURL=membership-view.js.map
