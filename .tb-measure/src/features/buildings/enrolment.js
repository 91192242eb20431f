import { forbidden, isUniqueViolation, stateChanged } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./buildings-repository.js";
import { enterpriseFor, reviewable, snapshot, unknownBuilding, usccTaken } from "./enterprise-access.js";
import { ENTERPRISE_TRANSITIONS } from "../../domain/lifecycles.js";
function enrolmentUseCases({ db, clock }) {
  return {
    /** A signed-in user enrols an enterprise in a building and becomes its liaison. */
    enrol(a, input) {
      try {
        return db.transaction((tx) => {
          if (repo.findBuilding(tx, input.buildingId) === void 0) throw unknownBuilding();
          if (repo.findEnterpriseByUscc(tx, input.uscc) !== void 0) throw usccTaken();
          const at = clock.iso();
          const e = repo.insertEnterprise(tx, {
            buildingId: input.buildingId,
            name: input.name,
            uscc: input.uscc,
            floorRoom: input.floorRoom ?? null,
            headcount: input.headcount,
            contactName: input.contactName ?? null,
            contactPhone: input.contactPhone ?? null,
            liaisonUserId: a.id,
            enrolledBy: a.id,
            status: "pending",
            submittedAt: at,
            createdAt: at,
            updatedAt: at
          });
          writeAudit(tx, at, { actorUserId: a.id, action: "enterprise.enrol", entityType: "enterprise", entityId: e.id, after: snapshot(e) });
          return e;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw usccTaken();
        throw err;
      }
    },
    approve(a, id) {
      return db.transaction((tx) => {
        const e = reviewable(tx, a, id);
        const at = clock.iso();
        const step = ENTERPRISE_TRANSITIONS.approve;
        if (!repo.updateEnterpriseIf(tx, id, step.from, { status: step.to, decidedAt: at, decidedBy: a.id, rejectReason: null, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: a.id, action: "enterprise.approve", entityType: "enterprise", entityId: id, before: { status: e.status }, after: { status: step.to } });
        return { status: step.to };
      });
    },
    reject(a, id, reason) {
      return db.transaction((tx) => {
        const e = reviewable(tx, a, id);
        const at = clock.iso();
        const step = ENTERPRISE_TRANSITIONS.reject;
        if (!repo.updateEnterpriseIf(tx, id, step.from, { status: step.to, rejectReason: reason, decidedAt: at, decidedBy: a.id, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: a.id, action: "enterprise.reject", entityType: "enterprise", entityId: id, before: { status: e.status }, after: { status: step.to, reason }, note: reason });
        return { status: step.to };
      });
    },
    /** The liaison corrects a rejected enrolment and sends it again (back to pending). */
    resubmit(a, id, input) {
      try {
        return db.transaction((tx) => {
          const e = enterpriseFor(tx, a, id);
          if (e.liaisonUserId !== a.id) throw forbidden("buildings.liaisonOnly");
          if (repo.findBuilding(tx, input.buildingId) === void 0) throw unknownBuilding();
          const other = repo.findEnterpriseByUscc(tx, input.uscc);
          if (other !== void 0 && other.id !== id) throw usccTaken();
          const at = clock.iso();
          const patch = {
            buildingId: input.buildingId,
            name: input.name,
            uscc: input.uscc,
            floorRoom: input.floorRoom ?? null,
            headcount: input.headcount,
            contactName: input.contactName ?? null,
            contactPhone: input.contactPhone ?? null,
            status: ENTERPRISE_TRANSITIONS.resubmit.to
          };
          if (!repo.updateEnterpriseIf(tx, id, ENTERPRISE_TRANSITIONS.resubmit.from, { ...patch, rejectReason: null, decidedAt: null, decidedBy: null, submittedAt: at, updatedAt: at })) throw stateChanged();
          writeAudit(tx, at, { actorUserId: a.id, action: "enterprise.resubmit", entityType: "enterprise", entityId: id, before: { ...snapshot(e), rejectReason: e.rejectReason }, after: patch });
          return { status: "pending" };
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw usccTaken();
        throw err;
      }
    },
    /**
     * An enrolled enterprise leaves the federation: its liaison, staff of its building or admin.
     * The row and its history stay; its members stay members (and can transfer).
     */
    withdraw(a, id, note) {
      return db.transaction((tx) => {
        const e = enterpriseFor(tx, a, id);
        const at = clock.iso();
        const step = ENTERPRISE_TRANSITIONS.withdraw;
        if (!repo.updateEnterpriseIf(tx, id, step.from, { status: step.to, withdrawnAt: at, updatedAt: at })) throw stateChanged();
        writeAudit(tx, at, { actorUserId: a.id, action: "enterprise.withdraw", entityType: "enterprise", entityId: id, before: { status: e.status }, after: { status: step.to }, note });
        return { status: step.to };
      });
    },
    /** Throws 404/403 unless this actor may approve or reject the enterprise (checked before its input). */
    assertReviewer(a, id) {
      reviewable(db, a, id);
    },
    /** Throws 404/403 unless this actor is the enterprise's liaison. */
    assertLiaison(a, id) {
      const e = enterpriseFor(db, a, id);
      if (e.liaisonUserId !== a.id) throw forbidden("buildings.liaisonOnly");
    }
  };
}
export {
  enrolmentUseCases
};
//# sourceMappingURL=enrolment.js.map
