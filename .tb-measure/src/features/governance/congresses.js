import { badRequest, conflict, isUniqueViolation, notFound, ruleRefused, stateChanged } from "../../lib/errors.js";
import { addDays } from "../../domain/dates.js";
import { addMonths } from "../../domain/collective-contract.js";
import { compositionProblems } from "../../domain/congress.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./congress-repository.js";
import { requireBuildingManager, requireBuildingReader } from "./access.js";
function compositionError(problems) {
  const key = problems.length === 1 ? `governance.composition.${problems[0].rule}` : "governance.composition.several";
  const params = {};
  for (const p of problems) Object.assign(params, p.params);
  return ruleRefused("COMPOSITION_INVALID", key, params);
}
function congressUseCases({ db, clock }) {
  function congressFor(actor, id, manage) {
    const c = repo.findCongress(db, id);
    if (c === void 0) throw notFound();
    if (manage) requireBuildingManager(db, actor, c.buildingId);
    else requireBuildingReader(db, actor, c.buildingId);
    return c;
  }
  function composition(c) {
    const counts = repo.categoryCounts(db, c.id);
    const buildingMembers = repo.buildingMembers(db, c.buildingId);
    return { counts, buildingMembers, problems: compositionProblems({ form: c.form, counts, buildingMembers }) };
  }
  return {
    congressFor,
    composition,
    /** Who may found a congress in a building: checked before the body is read. */
    assertCanFound(actor, buildingId) {
      if (buildingId === void 0 || repo.findBuilding(db, buildingId) === void 0) return;
      requireBuildingManager(db, actor, buildingId);
    },
    found(actor, input) {
      if (repo.findBuilding(db, input.buildingId) === void 0) throw badRequest({ buildingId: "governance.v.unknownBuilding" });
      requireBuildingManager(db, actor, input.buildingId);
      return db.transaction((tx) => {
        const at = clock.iso();
        const c = repo.insertCongress(tx, {
          buildingId: input.buildingId,
          termYears: input.termYears,
          termNo: repo.countCongresses(
            tx,
            input.buildingId
          ) + 1,
          form: input.form,
          startsOn: input.startsOn,
          endsOn: addDays(addMonths(input.startsOn, input.termYears * 12), -1),
          createdBy: actor.id,
          createdAt: at
        });
        writeAudit(tx, at, { actorUserId: actor.id, action: "congress.found", entityType: "congress", entityId: c.id, after: input });
        return c;
      });
    },
    addRepresentative(actor, congressId, membershipId, category) {
      const c = congressFor(actor, congressId, true);
      const m = repo.memberFacts(db, membershipId);
      if (m === void 0) throw badRequest({ membershipId: "governance.v.unknownMembership" });
      if (m.buildingId !== c.buildingId || m.status !== "active" || m.enterpriseStatus !== "enrolled") {
        throw ruleRefused("NOT_ELIGIBLE", "governance.error.notEligible");
      }
      try {
        return db.transaction((tx) => {
          if (repo.seatOf(tx, congressId, membershipId) !== void 0) throw conflict("ALREADY_REPRESENTATIVE", "governance.error.alreadyRepresentative");
          const at = clock.iso();
          const r = repo.insertRepresentative(
            tx,
            { congressId, membershipId, category, enterpriseId: m.enterpriseId, addedBy: actor.id, addedAt: at }
          );
          writeAudit(tx, at, { actorUserId: actor.id, action: "congress.representative.add", entityType: "congress", entityId: congressId, after: { representativeId: r.id, membershipId, category, enterpriseId: m.enterpriseId } });
          return r;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict("ALREADY_REPRESENTATIVE", "governance.error.alreadyRepresentative");
        throw err;
      }
    },
    /** An all-member assembly seats every member of the building not seated yet (category front-line). */
    seatAllMembers(actor, congressId) {
      const c = congressFor(actor, congressId, true);
      return db.transaction((tx) => {
        const at = clock.iso();
        const rows = repo.membersWithoutSeat(tx, congressId, c.buildingId, 100);
        for (const m of rows) repo.insertRepresentative(tx, { congressId, membershipId: m.id, category: "frontline", enterpriseId: m.enterpriseId, addedBy: actor.id, addedAt: at });
        writeAudit(tx, at, { actorUserId: actor.id, action: "congress.representative.seat_all", entityType: "congress", entityId: congressId, after: { seated: rows.length } });
        return rows.length;
      });
    },
    /** The seat ends (left, replaced); votes already cast stay in the record. */
    removeRepresentative(actor, congressId, representativeId) {
      congressFor(actor, congressId, true);
      const r = repo.findRepresentative(db, congressId, representativeId);
      if (r === void 0) throw notFound();
      db.transaction((tx) => {
        const at = clock.iso();
        if (!repo.removeRepresentative(tx, representativeId, actor.id, at)) throw stateChanged();
        writeAudit(tx, at, { actorUserId: actor.id, action: "congress.representative.remove", entityType: "congress", entityId: congressId, before: { representativeId, membershipId: r.membershipId, category: r.category } });
      });
    },
    /** The congress page: term, composition and its checks, representatives, sessions. */
    view(actor, id) {
      const c = congressFor(actor, id, false);
      return {
        congress: c,
        building: repo.findBuilding(db, c.buildingId),
        ...composition(c),
        representatives: repo.representatives(db, id),
        sessions: repo.sessionsOf(db, id)
      };
    },
    candidates(actor, id) {
      const c = congressFor(actor, id, true);
      return repo.membersWithoutSeat(db, id, c.buildingId);
    },
    ofBuilding(actor, buildingId) {
      if (repo.findBuilding(db, buildingId) === void 0) throw notFound();
      requireBuildingReader(db, actor, buildingId);
      return repo.congressesOf(db, buildingId);
    }
  };
}
export {
  compositionError,
  congressUseCases
};
//# sourceMappingURL=congresses.js.map
