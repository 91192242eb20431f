import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { preparedQuery } from "../../db/prepared.js";
import { buildings, enterprises, memberships, membershipTransfers } from "../../db/schema/index.js";
const toEnt = alias(enterprises, "to_enterprise");
const toBld = alias(buildings, "to_building");
const fromEnt = alias(enterprises, "from_enterprise");
function selectTransfers(db) {
  return db.select({
    t: membershipTransfers,
    toName: toEnt.name,
    toBuildingId: toEnt.buildingId,
    toBuildingName: toBld.name,
    toLiaisonUserId: toEnt.liaisonUserId,
    toStatus: toEnt.status,
    fromName: fromEnt.name,
    memberName: memberships.name,
    memberNo: memberships.memberNo,
    memberUserId: memberships.userId
  }).from(membershipTransfers).innerJoin(toEnt, eq(toEnt.id, membershipTransfers.toEnterpriseId)).innerJoin(toBld, eq(toBld.id, toEnt.buildingId)).innerJoin(fromEnt, eq(fromEnt.id, membershipTransfers.fromEnterpriseId)).innerJoin(memberships, eq(memberships.id, membershipTransfers.membershipId));
}
const flatTransfer = (r) => ({
  ...r.t,
  toName: r.toName,
  toBuildingId: r.toBuildingId,
  toBuildingName: r.toBuildingName,
  toLiaisonUserId: r.toLiaisonUserId,
  toStatus: r.toStatus,
  fromName: r.fromName,
  memberName: r.memberName,
  memberNo: r.memberNo,
  memberUserId: r.memberUserId
});
function findTransfer(db, id) {
  const r = selectTransfers(db).where(eq(membershipTransfers.id, id)).get();
  return r === void 0 ? void 0 : flatTransfer(r);
}
const transfersOfQuery = preparedQuery((db) => selectTransfers(db).where(eq(membershipTransfers.membershipId, sql.placeholder("membershipId"))).orderBy(desc(membershipTransfers.id)).prepare());
function transfersOf(db, membershipId) {
  return transfersOfQuery(db).all({ membershipId }).map(flatTransfer);
}
function pendingTransfersInto(db, enterpriseIds, buildingIds) {
  const scope = [];
  if (enterpriseIds === null || buildingIds === null) scope.push(sql`1 = 1`);
  else {
    if (enterpriseIds.length > 0) scope.push(inArray(membershipTransfers.toEnterpriseId, enterpriseIds));
    if (buildingIds.length > 0) scope.push(inArray(toEnt.buildingId, buildingIds));
  }
  if (scope.length === 0) return [];
  return selectTransfers(db).where(and(eq(membershipTransfers.status, "pending"), or(...scope))).orderBy(asc(membershipTransfers.id)).limit(200).all().map(flatTransfer);
}
function insertTransfer(db, v) {
  return db.insert(membershipTransfers).values(v).returning().get();
}
function changeTransfer(db, id, patch) {
  return db.update(membershipTransfers).set(patch).where(and(eq(membershipTransfers.id, id), eq(membershipTransfers.status, "pending"))).run().changes === 1;
}
export {
  changeTransfer,
  findTransfer,
  insertTransfer,
  pendingTransfersInto,
  transfersOf
};
//# sourceMappingURL=transfers-repository.js.map
