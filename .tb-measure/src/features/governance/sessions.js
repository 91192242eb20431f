import { randomBytes, timingSafeEqual } from "node:crypto";
import { badRequest, forbidden, notFound } from "../../lib/errors.js";
import { hasQuorum, quorumNeeded, yesNeeded } from "../../domain/congress.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./congress-repository.js";
import { congressUseCases, compositionError } from "./congresses.js";
function sessionUseCases(deps) {
  const { db, clock } = deps;
  const congresses = congressUseCases(deps);
  function sessionFor(actor, id, manage) {
    const s = repo.findSession(db, id);
    if (s === void 0) throw notFound();
    const c = congresses.congressFor(actor, s.congressId, manage);
    return { session: s, congress: c };
  }
  function attendance(sessionId, congressId) {
    const { present, total } = repo.attendanceCount(db, sessionId, congressId);
    return { present, total, quorum: hasQuorum(present, total), needed: quorumNeeded(total) };
  }
  return {
    sessionFor,
    attendance,
    open(actor, congressId, input) {
      const c = congresses.congressFor(actor, congressId, true);
      const { problems } = congresses.composition(c);
      if (problems.length > 0) throw compositionError(problems);
      return db.transaction((tx) => {
        const at = clock.iso();
        const s = repo.insertSession(tx, {
          congressId,
          date: input.date,
          title: input.title,
          agenda: JSON.stringify(input.agenda ?? []),
          signInToken: randomBytes(18).toString("base64url"),
          createdBy: actor.id,
          createdAt: at
        });
        writeAudit(tx, at, { actorUserId: actor.id, action: "congress.session.open", entityType: "congress_session", entityId: s.id, after: { congressId, ...input } });
        return s;
      });
    },
    /** Who may record attendance: checked before the body is read. */
    assertManager(actor, sessionId) {
      sessionFor(actor, sessionId, true);
    },
    /** Staff tick representatives present (adding to those already signed in). */
    record(actor, sessionId, representativeIds) {
      const { session, congress } = sessionFor(actor, sessionId, true);
      const sitting = new Set(repo.representatives(db, congress.id).map((r) => r.id));
      const unknown = representativeIds.filter((id) => !sitting.has(id));
      if (unknown.length > 0) throw badRequest({ representativeIds: "governance.v.notRepresentatives|" + JSON.stringify({ ids: unknown.join(", ") }) });
      db.transaction((tx) => {
        const at = clock.iso();
        const added = representativeIds.filter((id) => repo.markPresent(tx, { sessionId, representativeId: id, via: "staff", recordedBy: actor.id, at }));
        writeAudit(tx, at, { actorUserId: actor.id, action: "congress.attendance.record", entityType: "congress_session", entityId: sessionId, after: { added } });
      });
      return attendance(session.id, congress.id);
    },
    /** The representative, signed in on their phone, with the session's QR secret. */
    signIn(actor, sessionId, token) {
      const s = repo.findSession(db, sessionId);
      if (s === void 0 || !sameSecret(s.signInToken, token)) throw notFound();
      const seat = repo.seatOfUser(db, s.congressId, actor.id);
      if (seat === void 0) throw forbidden("governance.error.notRepresentative");
      const added = db.transaction((tx) => {
        const at = clock.iso();
        const fresh = repo.markPresent(tx, { sessionId, representativeId: seat.id, via: "qr", recordedBy: actor.id, at });
        if (fresh) writeAudit(tx, at, { actorUserId: actor.id, action: "congress.attendance.sign_in", entityType: "congress_session", entityId: sessionId, after: { representativeId: seat.id } });
        return fresh;
      });
      return { session: s, seat, added };
    },
    /** The session page (and its minutes): agenda, attendance, motions with their votes. */
    view(actor, id) {
      const { session, congress } = sessionFor(actor, id, false);
      const reps = repo.representatives(db, congress.id, true);
      const present = new Map(repo.attendanceOf(db, id).map((a) => [a.representativeId, a]));
      const votes = repo.votesOfSession(db, id);
      const seat = repo.seatOfUser(db, congress.id, actor.id);
      const motions = repo.motionsOf(db, id).map((m) => ({
        ...m,
        tally: m.status === "open" ? repo.tally(db, m.id) : { yes: m.yes ?? 0, no: m.no ?? 0, abstain: m.abstain ?? 0 },
        yesNeeded: yesNeeded(m.totalRepresentatives),
        votes: votes.filter((v) => v.motionId === m.id),
        myVote: seat === void 0 ? void 0 : repo.voteOf(db, m.id, seat.id)
      }));
      return {
        session,
        congress,
        building: repo.findBuilding(db, congress.buildingId),
        agenda: JSON.parse(session.agenda),
        representatives: reps.filter((r) => r.removedAt === null || present.has(r.id)).map((r) => ({ ...r, present: present.get(r.id) })),
        attendance: attendance(id, congress.id),
        motions,
        seat,
        seatPresent: seat !== void 0 && present.has(seat.id)
      };
    }
  };
}
function sameSecret(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
export {
  sessionUseCases
};
//# sourceMappingURL=sessions.js.map
