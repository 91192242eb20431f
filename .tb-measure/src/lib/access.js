import { forbidden, unauthorized } from "./errors.js";
function requireActor(actor) {
  if (actor === null || actor === void 0) throw unauthorized();
  return actor;
}
function requireAdmin(actor) {
  const a = requireActor(actor);
  if (!a.isAdmin) throw forbidden();
  return a;
}
function canActForBuilding(actor, buildingId) {
  return actor.isAdmin || actor.isStaff && actor.staffBuildingIds.includes(buildingId);
}
function requireStaffOrAdmin(actor) {
  const a = requireActor(actor);
  if (!a.isAdmin && !a.isStaff) throw forbidden();
  return a;
}
function reviewableBuildings(actor) {
  return actor.isAdmin ? null : actor.isStaff ? actor.staffBuildingIds : [];
}
export {
  canActForBuilding,
  requireActor,
  requireAdmin,
  requireStaffOrAdmin,
  reviewableBuildings
};
//# sourceMappingURL=access.js.map
