import { eq, sql } from "drizzle-orm";
import { buildings, enterprises, memberships } from "../../db/schema/index.js";
const OPEN = sql`${memberships.status} in ('applied', 'active')`;
const withPlace = {
  m: memberships,
  enterpriseName: enterprises.name,
  enterpriseStatus: enterprises.status,
  buildingId: enterprises.buildingId,
  buildingName: buildings.name,
  federationName: buildings.federationName,
  liaisonUserId: enterprises.liaisonUserId
};
function flatten(r) {
  return {
    ...r.m,
    enterpriseName: r.enterpriseName,
    enterpriseStatus: r.enterpriseStatus,
    buildingId: r.buildingId,
    buildingName: r.buildingName,
    federationName: r.federationName,
    liaisonUserId: r.liaisonUserId
  };
}
function selectView(db) {
  return db.select(withPlace).from(memberships).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).innerJoin(buildings, eq(buildings.id, enterprises.buildingId));
}
export {
  OPEN,
  flatten,
  selectView,
  withPlace
};
//# sourceMappingURL=membership-rows.js.map
