import { badRequest, notFound, ruleRefused, stateChanged } from "../../lib/errors.js";
import { answerDueOn, negotiatorProblems, proposalState, SIDES } from "../../domain/bargaining.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./contracts-repository.js";
import { requireBuildingManager, requireBuildingReader } from "./access.js";
function bargainingUseCases({ db, clock }) {
  function roundFor(actor, id, manage) {
    const r = repo.findRound(db, id);
    if (r === void 0) throw notFound();
    if (manage) requireBuildingManager(db, actor, r.buildingId);
    else requireBuildingReader(db, actor, r.buildingId);
    return r;
  }
  function sideCounts(roundId) {
    const list = repo.negotiatorsOf(db, roundId);
    const count = (side) => ({
      n: list.filter((x) => x.side === side).length,
      chiefs: list.filter((x) => x.side === side && x.chief).length
    });
    return { list, problems: negotiatorProblems({ workers: count("workers"), employers: count("employers") }) };
  }
  return {
    roundFor,
    open(actor, buildingId, input) {
      requireBuildingManager(db, actor, buildingId);
      if (input.enterpriseId !== void 0 && repo.findEnterprise(db, input.enterpriseId)?.buildingId !== buildingId) throw badRequest({ enterpriseId: "governance.v.unknownEnterprise" });
      return db.transaction((tx) => {
        const at = clock.iso();
        const r = repo.insertRound(tx, { buildingId, enterpriseId: input.enterpriseId ?? null, title: input.title, topics: JSON.stringify(input.topics), createdBy: actor.id, createdAt: at });
        writeAudit(tx, at, { actorUserId: actor.id, action: "bargaining.open", entityType: "bargaining_round", entityId: r.id, after: input });
        return r;
      });
    },
    addNegotiator(actor, roundId, input) {
      roundFor(actor, roundId, true);
      db.transaction((tx) => {
        const at = clock.iso();
        const n = repo.insertNegotiator(
          tx,
          { roundId, side: input.side, name: input.name, position: input.position ?? null, chief: input.chief }
        );
        writeAudit(tx, at, { actorUserId: actor.id, action: "bargaining.negotiator.add", entityType: "bargaining_round", entityId: roundId, after: { id: n.id, ...input } });
      });
    },
    /** A written proposal: only once both sides are properly constituted; the other side answers in 20 days. */
    propose(actor, roundId, input) {
      roundFor(actor, roundId, true);
      const { problems } = sideCounts(roundId);
      if (problems.length > 0) throw ruleRefused("NEGOTIATORS_INVALID", "governance.error.negotiators");
      if (input.proposedOn > clock.today()) throw badRequest({ proposedOn: "v.dateFuture" });
      db.transaction((tx) => {
        const at = clock.iso();
        const p = repo.insertProposal(
          tx,
          { roundId, ...input, answerDueOn: answerDueOn(input.proposedOn), createdBy: actor.id, createdAt: at }
        );
        writeAudit(tx, at, { actorUserId: actor.id, action: "bargaining.propose", entityType: "bargaining_round", entityId: roundId, after: { proposalId: p.id, fromSide: input.fromSide, proposedOn: input.proposedOn, answerDueOn: p.answerDueOn } });
      });
    },
    answer(actor, proposalId, input) {
      const p = repo.findProposal(db, proposalId);
      if (p === void 0) throw notFound();
      roundFor(actor, p.roundId, true);
      if (input.answeredOn > clock.today()) throw badRequest({ answeredOn: "v.dateFuture" });
      if (input.answeredOn < p.proposedOn) throw badRequest({ answeredOn: "governance.v.beforeProposal" });
      db.transaction((tx) => {
        const at = clock.iso();
        if (!repo.answerProposal(tx, proposalId, input.answeredOn, input.answer)) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "bargaining.answer", entityType: "bargaining_round", entityId: p.roundId, after: { proposalId, answeredOn: input.answeredOn, late: input.answeredOn > p.answerDueOn } });
      });
      return p.roundId;
    },
    recordMeeting(actor, roundId, input) {
      roundFor(actor, roundId, true);
      if (input.heldOn > clock.today()) throw badRequest({ heldOn: "v.dateFuture" });
      db.transaction((tx) => {
        const at = clock.iso();
        const m = repo.insertMeeting(tx, { roundId, ...input, createdBy: actor.id, createdAt: at });
        writeAudit(tx, at, { actorUserId: actor.id, action: "bargaining.meeting", entityType: "bargaining_round", entityId: roundId, after: { meetingId: m.id, heldOn: input.heldOn } });
      });
    },
    view(actor, id) {
      const round = roundFor(actor, id, false);
      const today = clock.today();
      const { list, problems } = sideCounts(id);
      return {
        round,
        topics: JSON.parse(round.topics),
        enterprise: round.enterpriseId === null ? void 0 : repo.findEnterprise(db, round.enterpriseId),
        sides: SIDES.map((side) => ({ side, negotiators: list.filter((n) => n.side === side) })),
        problems,
        proposals: repo.proposalsOf(db, id).map((p) => ({ ...p, state: proposalState(p.proposedOn, p.answeredOn, today) })),
        meetings: repo.meetingsOf(db, id)
      };
    },
    ofBuilding(buildingId) {
      return repo.roundsOf(db, buildingId);
    }
  };
}
export {
  bargainingUseCases
};
//# sourceMappingURL=bargaining.js.map
