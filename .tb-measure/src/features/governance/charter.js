import { badRequest } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./contracts-repository.js";
import * as congressRepo from "./congress-repository.js";
import { requireBuildingManager, requireBuildingReader } from "./access.js";
function charterUseCases({ db, clock }) {
  return {
    adopt(actor, buildingId, input) {
      requireBuildingManager(db, actor, buildingId);
      if (input.adoptedOn > clock.today()) throw badRequest({ adoptedOn: "v.dateFuture" });
      if (input.sessionId !== void 0) {
        const s = congressRepo.findSession(db, input.sessionId);
        const c = s === void 0 ? void 0 : congressRepo.findCongress(db, s.congressId);
        if (c?.buildingId !== buildingId) throw badRequest({ sessionId: "governance.v.unknownSession" });
      }
      return db.transaction((tx) => {
        const at = clock.iso();
        const version = repo.nextCharterVersion(tx, buildingId, input.kind);
        const v = repo.insertCharterVersion(tx, {
          buildingId,
          kind: input.kind,
          version,
          title: input.title,
          body: input.body,
          adoptedOn: input.adoptedOn,
          adoptedBySessionId: input.sessionId ?? null,
          adoptedByText: input.adoptedBy,
          createdBy: actor.id,
          createdAt: at
        });
        writeAudit(tx, at, { actorUserId: actor.id, action: "charter.adopt", entityType: "charter_version", entityId: v.id, after: { buildingId, kind: input.kind, version, adoptedOn: input.adoptedOn, adoptedBy: input.adoptedBy } });
        return v;
      });
    },
    list(actor, buildingId) {
      requireBuildingReader(db, actor, buildingId);
      return repo.charterVersionsOf(db, buildingId);
    }
  };
}
export {
  charterUseCases
};
//# sourceMappingURL=charter.js.map
