import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { preparedQuery } from "../../db/prepared.js";
import { buildings, enterprises } from "../../db/schema/index.js";
function findEnterprise(db, id) {
  return db.select({
    id: enterprises.id,
    name: enterprises.name,
    status: enterprises.status,
    buildingId: enterprises.buildingId,
    buildingName: buildings.name,
    liaisonUserId: enterprises.liaisonUserId,
    headcount: enterprises.headcount
  }).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(eq(enterprises.id, id)).get();
}
function listEnrolledEnterprises(db, buildingId) {
  return db.select({ id: enterprises.id, name: enterprises.name, buildingId: enterprises.buildingId, buildingName: buildings.name }).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(and(eq(enterprises.status, "enrolled"), buildingId === void 0 ? void 0 : eq(enterprises.buildingId, buildingId))).orderBy(asc(buildings.name), asc(enterprises.name)).all();
}
function listBuildings(db) {
  return db.select({ id: buildings.id, name: buildings.name }).from(buildings).orderBy(asc(buildings.name)).all();
}
const liaisonEnterprisesQuery = preparedQuery((db) => db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.liaisonUserId, sql.placeholder("userId")), sql`${enterprises.status} <> 'withdrawn'`)).prepare());
function liaisonEnterpriseIds(db, userId) {
  return liaisonEnterprisesQuery(db).all({ userId }).map((e) => e.id);
}
function manageableEnterprises(db, liaisonOf, buildingIds) {
  const conds = [];
  if (liaisonOf.length > 0) conds.push(inArray(enterprises.id, liaisonOf));
  if (buildingIds === null) conds.push(sql`1 = 1`);
  else if (buildingIds.length > 0) conds.push(inArray(enterprises.buildingId, buildingIds));
  if (conds.length === 0) return [];
  return db.select({
    id: enterprises.id,
    name: enterprises.name,
    status: enterprises.status,
    buildingId: enterprises.buildingId,
    buildingName: buildings.name
  }).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(and(or(...conds), inArray(enterprises.status, ["enrolled", "withdrawn"]))).orderBy(asc(buildings.name), asc(enterprises.name)).all();
}
export {
  findEnterprise,
  liaisonEnterpriseIds,
  listBuildings,
  listEnrolledEnterprises,
  manageableEnterprises
};
//# sourceMappingURL=places-repository.js.map
