import { canActForBuilding } from "../../lib/access.js";
import { badRequest, forbidden, notFound, stateChanged } from "../../lib/errors.js";
import { formatMemberNo } from "../../domain/memberships.js";
import { MEMBERSHIP_TRANSITIONS, TRANSFER_TRANSITIONS, transition } from "../../domain/lifecycles.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./memberships-repository.js";
import { canManage, changing, isPerson, notEnrolled, tell } from "./deps.js";
import { MEMBER_NO_COUNTER } from "./memberships-service.js";
function decisionUseCases(deps) {
  const { clock } = deps;
  return {
    approve(actor, id) {
      return changing(deps, (tx, sms) => {
        const m = repo.findMembership(tx, id);
        if (m === void 0) throw notFound();
        if (!canManage(actor, m)) throw forbidden();
        if (isPerson(actor, m) || repo.isSamePerson(tx, actor.id, m.idHash)) throw forbidden("memberships.ownApplication");
        const to = transition(MEMBERSHIP_TRANSITIONS, "approve", m.status);
        if (to === null) throw stateChanged();
        if (m.enterpriseStatus !== "enrolled") throw notEnrolled();
        const at = clock.iso();
        const today = clock.today();
        const memberNo = m.memberNo ?? formatMemberNo(today.slice(0, 4), repo.takeNumbers(tx, MEMBER_NO_COUNTER));
        if (!repo.changeMembership(tx, id, m.status, { status: to, memberNo, joinedOn: today, decidedAt: at, decidedBy: actor.id, rejectReason: null, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "membership.approve", entityType: "membership", entityId: id, before: { status: m.status }, after: { status: to, memberNo, joinedOn: today } });
        sms.push(...tell(deps, tx, at, m.userId, { kind: "membership.active", params: { memberNo }, subject: `membership:${id}` }));
        return { status: to, memberNo };
      });
    },
    reject(actor, id, reason) {
      return changing(deps, (tx, sms) => {
        const m = repo.findMembership(tx, id);
        if (m === void 0) throw notFound();
        if (!canManage(actor, m)) throw forbidden();
        if (isPerson(actor, m) || repo.isSamePerson(tx, actor.id, m.idHash)) throw forbidden("memberships.ownApplication");
        if (reason === void 0 || reason.trim() === "") throw badRequest({ reason: "memberships.v.reasonRequired" });
        const at = clock.iso();
        const to = transition(MEMBERSHIP_TRANSITIONS, "reject", m.status);
        if (to === null || !repo.changeMembership(tx, id, m.status, { status: to, rejectReason: reason, decidedAt: at, decidedBy: actor.id, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "membership.reject", entityType: "membership", entityId: id, before: { status: m.status }, after: { status: to, reason } });
        sms.push(...tell(deps, tx, at, m.userId, { kind: "membership.rejected", params: { reason }, subject: `membership:${id}` }));
        return { status: to };
      });
    },
    /** The member leaves, or staff of the building record it. The number stays theirs. */
    leave(actor, id, note) {
      return changing(deps, (tx, sms) => {
        const m = repo.findMembership(tx, id);
        if (m === void 0) throw notFound();
        if (!isPerson(actor, m) && !canActForBuilding(actor, m.buildingId)) throw forbidden();
        const at = clock.iso();
        const today = clock.today();
        const to = transition(MEMBERSHIP_TRANSITIONS, "leave", m.status);
        if (to === null || !repo.changeMembership(tx, id, m.status, { status: to, leftOn: today, updatedAt: at })) throw stateChanged();
        for (const t of repo.transfersOf(tx, id)) {
          const ended = transition(TRANSFER_TRANSITIONS, "cancel", t.status);
          if (ended !== null) repo.changeTransfer(tx, t.id, { status: ended, decidedAt: at, decidedBy: actor.id, note: "membership ended" });
        }
        writeAudit(tx, at, { actorUserId: actor.id, action: "membership.leave", entityType: "membership", entityId: id, before: { status: m.status }, after: { status: to, leftOn: today }, note });
        sms.push(...tell(deps, tx, at, m.userId, { kind: "membership.left", params: { leftOn: today }, subject: `membership:${id}` }));
        return { status: to, leftOn: today };
      });
    }
  };
}
export {
  decisionUseCases
};
//# sourceMappingURL=decisions.js.map
