import { badRequest, conflict, forbidden, notFound, ruleRefused } from "../../lib/errors.js";
import { hasQuorum, motionPasses } from "../../domain/congress.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./congress-repository.js";
import { sessionUseCases } from "./sessions.js";
function motionUseCases(deps, hooks = {}) {
  const { db, clock } = deps;
  const sessions = sessionUseCases(deps);
  function motionFor(id) {
    const m = repo.findMotion(db, id);
    if (m === void 0) throw notFound();
    const s = repo.findSession(db, m.sessionId);
    return { motion: m, session: s };
  }
  return {
    /** The session a motion belongs to (404 when there is no such motion). */
    sessionOf(motionId) {
      return motionFor(motionId).session.id;
    },
    put(actor, sessionId, input) {
      const { session, congress } = sessions.sessionFor(actor, sessionId, true);
      if (input.contractId !== void 0) {
        if (input.kind !== "collective_contract") throw badRequest({ contractId: "governance.v.notADraft" });
        hooks.checkContract?.(congress.buildingId, input.contractId);
      }
      return db.transaction((tx) => {
        const { present, total } = repo.attendanceCount(tx, session.id, congress.id);
        if (!hasQuorum(present, total)) throw ruleRefused("NO_QUORUM", "governance.error.noQuorum", { present, total });
        const at = clock.iso();
        const m = repo.insertMotion(tx, {
          sessionId,
          title: input.title,
          kind: input.kind,
          contractId: input.contractId ?? null,
          status: "open",
          totalRepresentatives: total,
          createdBy: actor.id,
          createdAt: at
        });
        writeAudit(tx, at, { actorUserId: actor.id, action: "congress.motion.put", entityType: "motion", entityId: m.id, after: { sessionId, ...input, present, total } });
        return m;
      });
    },
    /** Who may vote: a sitting representative of the congress who is present. 403 for anyone else. */
    assertVoter(actor, motionId) {
      const { session } = motionFor(motionId);
      const seat = repo.seatOfUser(db, session.congressId, actor.id);
      if (seat === void 0) throw forbidden("governance.error.notRepresentative");
      if (!repo.isPresent(db, session.id, seat.id)) throw forbidden("governance.error.notPresent");
      return seat;
    },
    vote(actor, motionId, vote) {
      const seat = this.assertVoter(actor, motionId);
      db.transaction((tx) => {
        const m = repo.findMotion(tx, motionId);
        if (m.status !== "open") throw conflict("MOTION_CLOSED", "governance.error.motionClosed");
        const at = clock.iso();
        if (!repo.insertVote(tx, motionId, seat.id, vote, at)) throw conflict("ALREADY_VOTED", "governance.error.alreadyVoted");
        writeAudit(tx, at, { actorUserId: actor.id, action: "congress.motion.vote", entityType: "motion", entityId: motionId, after: { representativeId: seat.id } });
      });
    },
    assertCloser(actor, motionId) {
      const { session } = motionFor(motionId);
      sessions.sessionFor(actor, session.id, true);
    },
    close(actor, motionId) {
      const { session } = motionFor(motionId);
      sessions.sessionFor(actor, session.id, true);
      return db.transaction((tx) => {
        const m = repo.findMotion(tx, motionId);
        const t = repo.tally(tx, motionId);
        const total = m.totalRepresentatives;
        const result = motionPasses(t, total) ? "passed" : "failed";
        const at = clock.iso();
        if (!repo.closeMotion(tx, motionId, { result, ...t, closedBy: actor.id, closedAt: at })) throw conflict("MOTION_CLOSED", "governance.error.motionClosed");
        writeAudit(tx, at, { actorUserId: actor.id, action: "congress.motion.close", entityType: "motion", entityId: motionId, before: { status: "open" }, after: { result, ...t, total } });
        if (result === "passed") hooks.onPassed?.(tx, m, actor, at);
        return { result, ...t, total };
      });
    }
  };
}
export {
  motionUseCases
};
//# sourceMappingURL=motions.js.map
