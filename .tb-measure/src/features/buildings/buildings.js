import { AppError, fieldError, forbidden, notFound } from "../../lib/errors.js";
import { canActForBuilding, reviewableBuildings } from "../../lib/access.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./buildings-repository.js";
import { governanceFacts } from "../governance/contracts-repository.js";
import { addMonths } from "../../domain/collective-contract.js";
function buildingUseCases({ db, clock }) {
  let cityCache = null;
  function cityCoverage() {
    const stamp = repo.dataStamp(db);
    if (cityCache === null || cityCache.stamp !== stamp) cityCache = { stamp, rows: repo.listCoverage(db) };
    return cityCache.rows;
  }
  return {
    coverage(onlyIds) {
      if (onlyIds !== void 0) return repo.listCoverage(db, onlyIds);
      return cityCoverage();
    },
    buildingExists(id) {
      return repo.findBuilding(db, id) !== void 0;
    },
    buildingChoices() {
      return repo.listBuildingChoices(db);
    },
    createBuilding(a, input) {
      return db.transaction((tx) => {
        const at = clock.iso();
        const b = repo.insertBuilding(tx, {
          name: input.name,
          district: input.district,
          address: input.address,
          federationName: input.federationName ?? null,
          foundedOn: input.foundedOn ?? null,
          enterprisesTotal: input.enterprisesTotal,
          isModel: input.isModel,
          hasWorkerCongress: input.hasWorkerCongress,
          hasAffairsDisclosure: input.hasAffairsDisclosure,
          createdAt: at,
          updatedAt: at
        });
        writeAudit(tx, at, { actorUserId: a.id, action: "building.create", entityType: "building", entityId: b.id, after: input });
        return b;
      });
    },
    updateBuilding(a, id, input) {
      db.transaction((tx) => {
        const before = repo.findBuilding(tx, id);
        if (before === void 0) throw notFound();
        const enrolled = repo.countEnterprises(tx, id, "enrolled");
        if (input.enterprisesTotal < enrolled) {
          throw new AppError(400, "INVALID_INPUT", "error.invalidInput", {}, { enterprisesTotal: fieldError("buildings.v.totalBelowEnrolled", { enrolled }) });
        }
        const at = clock.iso();
        const patch = {
          name: input.name,
          district: input.district,
          address: input.address,
          federationName: input.federationName ?? null,
          foundedOn: input.foundedOn ?? null,
          enterprisesTotal: input.enterprisesTotal,
          isModel: input.isModel,
          hasWorkerCongress: input.hasWorkerCongress,
          hasAffairsDisclosure: input.hasAffairsDisclosure
        };
        repo.updateBuilding(tx, id, { ...patch, updatedAt: at });
        const { createdAt: _c, updatedAt: _u, id: _i, ...old } = before;
        writeAudit(tx, at, { actorUserId: a.id, action: "building.update", entityType: "building", entityId: id, before: old, after: patch });
      });
    },
    building(id) {
      const b = repo.findBuilding(db, id);
      if (b === void 0) throw notFound();
      return b;
    },
    /** A building's page for its staff and admin: enterprises, members, coverage. */
    buildingReport(a, id, status) {
      const building = repo.findBuilding(db, id);
      if (building === void 0) throw notFound();
      if (!canActForBuilding(a, id)) throw forbidden();
      const [coverage] = repo.listCoverage(db, [id]);
      return {
        building,
        coverage,
        counts: repo.statusCounts(db, id),
        enterprises: repo.enterprisesWithMembers(db, id, status)
      };
    },
    /** The buildings this staff account works for (all for admin), with coverage. */
    myBuildings(a) {
      const scope = reviewableBuildings(a);
      return scope === null ? cityCoverage() : repo.listCoverage(db, scope);
    },
    /** The city overview for admin: every building, and the totals the article reports. */
    cityOverview() {
      const facts = governanceFacts(db, addMonths(clock.today(), -12));
      const rows = cityCoverage().map((r) => ({
        ...r,
        hasWorkerCongress: facts.get(r.id)?.congress === true,
        hasAffairsDisclosure: facts.get(r.id)?.disclosure === true
      }));
      const sum = (f) => rows.reduce((s, r) => s + f(r), 0);
      return {
        rows,
        totals: {
          buildings: rows.length,
          model: rows.filter((r) => r.isModel).length,
          workerCongress: rows.filter((r) => r.hasWorkerCongress).length,
          affairsDisclosure: rows.filter((r) => r.hasAffairsDisclosure).length,
          both: rows.filter((r) => r.hasWorkerCongress && r.hasAffairsDisclosure).length,
          enterprisesTotal: sum((r) => r.enterprisesTotal),
          enterprisesEnrolled: sum((r) => r.enterprisesEnrolled),
          members: sum((r) => r.members)
        }
      };
    },
    /** The rows of a building's CSV export; the export itself is audited. */
    exportEnterprises(a, buildingId) {
      const building = repo.findBuilding(db, buildingId);
      if (building === void 0) throw notFound();
      if (!canActForBuilding(a, buildingId)) throw forbidden();
      return db.transaction((tx) => {
        const rows = repo.enterprisesWithMembers(tx, buildingId);
        writeAudit(tx, clock.iso(), {
          actorUserId: a.id,
          action: "building.export_enterprises",
          entityType: "building",
          entityId: buildingId,
          after: { rows: rows.length }
        });
        return { building, rows };
      });
    }
  };
}
export {
  buildingUseCases
};
//# sourceMappingURL=buildings.js.map
