import { requireActor, requireAdmin, requireStaffOrAdmin } from "../../lib/access.js";
import { buildingUseCases } from "./buildings.js";
import { enrolmentUseCases } from "./enrolment.js";
import { liaisonUseCases } from "./liaison.js";
function createBuildingsService(db, clock) {
  const deps = { db, clock };
  const buildings = buildingUseCases(deps);
  const enrolment = enrolmentUseCases(deps);
  const liaison = liaisonUseCases(deps);
  const user = requireActor;
  return {
    coverage: buildings.coverage,
    buildingExists: buildings.buildingExists,
    buildingChoices: buildings.buildingChoices,
    createBuilding: (a, input) => buildings.createBuilding(requireAdmin(a), input),
    updateBuilding: (a, id, input) => {
      buildings.updateBuilding(requireAdmin(a), id, input);
    },
    building: buildings.building,
    buildingReport: (a, id, status) => buildings.buildingReport(user(a), id, status),
    myBuildings: (a) => buildings.myBuildings(requireStaffOrAdmin(a)),
    cityOverview: (a) => {
      requireAdmin(a);
      return buildings.cityOverview();
    },
    exportEnterprises: (a, buildingId) => buildings.exportEnterprises(user(a), buildingId),
    enrol: (a, input) => enrolment.enrol(user(a), input),
    approve: (a, id) => enrolment.approve(user(a), id),
    reject: (a, id, reason) => enrolment.reject(user(a), id, reason),
    resubmit: (a, id, input) => enrolment.resubmit(user(a), id, input),
    withdraw: (a, id, note) => enrolment.withdraw(user(a), id, note),
    assertReviewer: (a, id) => {
      enrolment.assertReviewer(user(a), id);
    },
    assertLiaison: (a, id) => {
      enrolment.assertLiaison(user(a), id);
    },
    handOver: (a, id, phone) => liaison.handOver(user(a), id, phone),
    acceptHandOver: (a, id) => liaison.acceptHandOver(user(a), id),
    view: (a, id) => liaison.view(user(a), id),
    mine: liaison.mine,
    pendingFor: liaison.pendingFor
  };
}
export {
  createBuildingsService
};
//# sourceMappingURL=buildings-service.js.map
