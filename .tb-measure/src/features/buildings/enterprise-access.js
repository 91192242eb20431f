import { badRequest, conflict, forbidden, notFound } from "../../lib/errors.js";
import { canActForBuilding } from "../../lib/access.js";
import * as repo from "./buildings-repository.js";
const usccTaken = () => conflict("USCC_TAKEN", "buildings.v.usccTaken", { uscc: "buildings.v.usccTaken" });
const unknownBuilding = () => badRequest({ buildingId: "buildings.v.unknownBuilding" });
function enterpriseFor(tx, actor, id) {
  const e = repo.findEnterprise(tx, id);
  if (e === void 0) throw notFound();
  if (e.liaisonUserId !== actor.id && !canActForBuilding(actor, e.buildingId)) throw forbidden();
  return e;
}
function reviewable(tx, actor, id) {
  const e = repo.findEnterprise(tx, id);
  if (e === void 0) throw notFound();
  if (!canActForBuilding(actor, e.buildingId)) throw forbidden();
  if (e.liaisonUserId === actor.id || e.handoverToUserId === actor.id) throw forbidden("buildings.ownEnterprise");
  if (e.enrolledBy === actor.id) throw forbidden("buildings.ownEnrolment");
  return e;
}
const snapshot = (e) => ({
  buildingId: e.buildingId,
  name: e.name,
  uscc: e.uscc,
  floorRoom: e.floorRoom,
  headcount: e.headcount,
  contactName: e.contactName,
  contactPhone: e.contactPhone,
  status: e.status
});
export {
  enterpriseFor,
  reviewable,
  snapshot,
  unknownBuilding,
  usccTaken
};
//# sourceMappingURL=enterprise-access.js.map
