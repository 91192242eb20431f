import { forbidden } from "../../lib/errors.js";
import { maskResidentId, normaliseResidentId, residentIdProblem } from "../../domain/identity.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./memberships-repository.js";
import { scopeOf } from "./deps.js";
function rosterUseCases(deps) {
  const { db, clock, pii } = deps;
  const rosters = {
    /** Whether this actor reviews anything at all (liaison of an enterprise, staff, admin). */
    isReviewer(actor) {
      if (!actor.isAdmin && !actor.isStaff && !actor.roles.includes("liaison")) return false;
      const s = scopeOf(db, actor);
      return s.enterpriseIds === null || s.enterpriseIds.length > 0 || (s.buildingIds?.length ?? 0) > 0;
    },
    rosterFilter(actor, q) {
      const scope = scopeOf(db, actor);
      if (scope.enterpriseIds !== null && scope.enterpriseIds.length === 0 && (scope.buildingIds?.length ?? 0) === 0) throw forbidden();
      const typedId = rosters.idSearchHash(q.q);
      if (typedId !== void 0 || q.idh !== void 0) return { ...scope, idHash: typedId ?? q.idh, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId };
      return { ...scope, q: q.q, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId };
    },
    /** The keyed hash of a search that is a full, valid resident ID number; else undefined. */
    idSearchHash(q) {
      return q !== void 0 && residentIdProblem(q, clock.today()) === null ? pii.hash(normaliseResidentId(q)) : void 0;
    },
    roster(actor, q, limit, offset) {
      return repo.searchRoster(db, rosters.rosterFilter(actor, q), limit, offset);
    },
    /** Audits the export (who, which filter, how many rows) and returns the rows to stream. */
    exportRoster(actor, q) {
      const filter = rosters.rosterFilter(actor, q);
      const count = repo.countRoster(db, filter);
      const idSearch = filter.idHash !== void 0;
      const masked = !idSearch ? q.q : q.q !== void 0 ? maskResidentId(normaliseResidentId(q.q)) : repo.maskedIdOf(db, filter.idHash) ?? "(ID number)";
      db.transaction((tx) => {
        writeAudit(tx, clock.iso(), {
          actorUserId: actor.id,
          action: "membership.export",
          entityType: "membership",
          entityId: "roster",
          after: { q: masked, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId, rows: count }
        });
      });
      return repo.iterateRoster(db, filter);
    },
    pendingApplicationsCount(actor) {
      const s = scopeOf(db, actor);
      if (s.enterpriseIds !== null && s.enterpriseIds.length === 0 && (s.buildingIds?.length ?? 0) === 0) return 0;
      return repo.countRoster(db, { ...s, status: "applied" });
    },
    enrolledEnterprises(buildingId) {
      return repo.listEnrolledEnterprises(db, buildingId);
    },
    buildings() {
      return repo.listBuildings(db);
    },
    manageableEnterprises(actor) {
      const s = scopeOf(db, actor);
      return repo.manageableEnterprises(db, s.enterpriseIds ?? [], s.buildingIds);
    }
  };
  return rosters;
}
export {
  rosterUseCases
};
//# sourceMappingURL=rosters.js.map
