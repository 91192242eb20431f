import { sql } from "drizzle-orm";
import { canActForBuilding } from "../../lib/access.js";
import { forbidden, notFound } from "../../lib/errors.js";
function activeMembershipsOf(db, userId) {
  return db.all(sql`select m.id as membershipId, m.enterprise_id as enterpriseId, e.building_id as buildingId
    from memberships m join enterprises e on e.id = m.enterprise_id where m.user_id = ${userId} and m.status = 'active'`);
}
function isMemberOfBuilding(db, actor, buildingId) {
  return activeMembershipsOf(db, actor.id).some((m) => m.buildingId === buildingId);
}
function requireBuildingReader(db, actor, buildingId) {
  if (canActForBuilding(actor, buildingId)) return;
  if (!isMemberOfBuilding(db, actor, buildingId)) throw notFound();
}
function requireBuildingManager(db, actor, buildingId) {
  if (canActForBuilding(actor, buildingId)) return;
  requireBuildingReader(db, actor, buildingId);
  throw forbidden();
}
export {
  activeMembershipsOf,
  isMemberOfBuilding,
  requireBuildingManager,
  requireBuildingReader
};
//# sourceMappingURL=access.js.map
