import { and, asc, desc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { preparedQuery } from "../../db/prepared.js";
import { aidGroupOrders, aidPurchases, buildings, enterprises, memberships } from "../../db/schema/index.js";
const memberCols = {
  id: memberships.id,
  userId: memberships.userId,
  name: memberships.name,
  memberNo: memberships.memberNo,
  status: memberships.status,
  enterpriseId: memberships.enterpriseId,
  enterpriseName: enterprises.name,
  buildingId: enterprises.buildingId
};
const activeMembershipQuery = preparedQuery((db) => db.select(memberCols).from(memberships).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).where(and(eq(memberships.userId, sql.placeholder("userId")), eq(memberships.status, "active"))).prepare());
function activeMembershipOfUser(db, userId) {
  return activeMembershipQuery(db).get({ userId });
}
function membershipFacts(db, membershipId) {
  return db.select(memberCols).from(memberships).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).where(eq(memberships.id, membershipId)).get();
}
function findPurchase(db, id) {
  return db.select().from(aidPurchases).where(eq(aidPurchases.id, id)).get();
}
function openPurchaseOf(db, membershipId, planYear) {
  return db.select().from(aidPurchases).where(and(
    eq(aidPurchases.membershipId, membershipId),
    eq(aidPurchases.planYear, planYear),
    inArray(aidPurchases.status, ["pending_payment", "paid"])
  )).get();
}
const paidShareQuery = preparedQuery((db) => db.select({ id: aidPurchases.id }).from(aidPurchases).where(and(eq(aidPurchases.membershipId, sql.placeholder("membershipId")), eq(aidPurchases.planYear, sql.placeholder("planYear")), eq(aidPurchases.status, "paid"))).prepare());
function hasPaidShare(db, membershipId, planYear) {
  return paidShareQuery(db).get({ membershipId, planYear }) !== void 0;
}
function insertPurchase(tx, p) {
  return tx.insert(aidPurchases).values({
    membershipId: p.membershipId,
    planYear: p.planYear,
    shares: p.shares,
    amountFen: p.amountFen,
    status: "pending_payment",
    groupOrderId: p.groupOrderId ?? null,
    orderedBy: p.orderedBy,
    orderedOn: p.orderedOn,
    createdAt: p.at,
    updatedAt: p.at
  }).returning().get();
}
function insertGroupOrder(tx, v) {
  return tx.insert(aidGroupOrders).values({ enterpriseId: v.enterpriseId, planYear: v.planYear, orderedBy: v.orderedBy, createdAt: v.at }).returning({ id: aidGroupOrders.id }).get().id;
}
function receiptTaken(db, planYear, receiptNo) {
  return db.select({ id: aidPurchases.id }).from(aidPurchases).where(and(eq(aidPurchases.planYear, planYear), eq(aidPurchases.receiptNo, receiptNo))).get() !== void 0;
}
function markPaid(tx, id, p) {
  return tx.update(aidPurchases).set({
    status: "paid",
    receiptNo: p.receiptNo,
    paidOn: p.paidOn,
    confirmedVia: p.via,
    confirmedBy: p.by,
    confirmedAt: p.at,
    firstTime: p.firstTime,
    coverFrom: p.coverFrom,
    coverTo: p.coverTo,
    updatedAt: p.at
  }).where(and(eq(aidPurchases.id, id), eq(aidPurchases.status, "pending_payment"))).run().changes;
}
function cancelPending(tx, id, reason, at) {
  return tx.update(aidPurchases).set({ status: "cancelled", cancelledAt: at, cancelReason: reason, updatedAt: at }).where(and(eq(aidPurchases.id, id), eq(aidPurchases.status, "pending_payment"))).run().changes;
}
function stalePending(db, beforeIso) {
  return db.select().from(aidPurchases).where(and(eq(aidPurchases.status, "pending_payment"), lt(aidPurchases.createdAt, beforeIso))).all();
}
const listCols = {
  id: aidPurchases.id,
  planYear: aidPurchases.planYear,
  shares: aidPurchases.shares,
  amountFen: aidPurchases.amountFen,
  status: aidPurchases.status,
  orderedOn: aidPurchases.orderedOn,
  groupOrderId: aidPurchases.groupOrderId,
  receiptNo: aidPurchases.receiptNo,
  paidOn: aidPurchases.paidOn,
  confirmedVia: aidPurchases.confirmedVia,
  coverFrom: aidPurchases.coverFrom,
  coverTo: aidPurchases.coverTo,
  cancelledAt: aidPurchases.cancelledAt,
  membershipId: memberships.id,
  memberName: memberships.name,
  memberNo: memberships.memberNo,
  memberUserId: memberships.userId,
  enterpriseName: enterprises.name,
  buildingId: buildings.id,
  buildingName: buildings.name
};
function orderConditions(f) {
  const conds = [];
  if (f.buildingIds !== null) conds.push(f.buildingIds.length === 0 ? sql`0` : inArray(enterprises.buildingId, f.buildingIds));
  if (f.status !== void 0) conds.push(eq(aidPurchases.status, f.status));
  if (f.planYear !== void 0) conds.push(eq(aidPurchases.planYear, f.planYear));
  return conds.length > 0 ? and(...conds) : void 0;
}
function ordersQuery(db, f) {
  return db.select(listCols).from(aidPurchases).innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId)).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(orderConditions(f));
}
function listOrders(db, f, limit, offset) {
  const rows = ordersQuery(db, f).orderBy(desc(aidPurchases.id)).limit(limit).offset(offset).all();
  const total = db.select({ n: sql`count(*)` }).from(aidPurchases).innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId)).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).where(orderConditions(f)).get()?.n ?? 0;
  return { rows, total };
}
function* iterateOrders(db, f, chunk = 1e3) {
  let after = 0;
  for (; ; ) {
    const cond = orderConditions(f);
    const rows = db.select(listCols).from(aidPurchases).innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId)).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(cond === void 0 ? gt(aidPurchases.id, after) : and(cond, gt(aidPurchases.id, after))).orderBy(asc(aidPurchases.id)).limit(chunk).all();
    yield* rows;
    if (rows.length < chunk) return;
    after = rows[rows.length - 1].id;
  }
}
function orderDetail(db, id) {
  return db.select(listCols).from(aidPurchases).innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId)).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(eq(aidPurchases.id, id)).get();
}
const ordersOfUserQuery = preparedQuery((db) => db.select(listCols).from(aidPurchases).innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId)).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(eq(memberships.userId, sql.placeholder("userId"))).orderBy(desc(aidPurchases.planYear), desc(aidPurchases.id)).prepare());
function ordersOfUser(db, userId) {
  return ordersOfUserQuery(db).all({ userId });
}
const yearOrderOfUserQuery = preparedQuery((db) => db.select(listCols).from(aidPurchases).innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId)).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(and(eq(memberships.userId, sql.placeholder("userId")), eq(aidPurchases.planYear, sql.placeholder("planYear")))).orderBy(sql`${aidPurchases.status} = 'cancelled'`, desc(aidPurchases.id)).limit(1).prepare());
function yearOrderOfUser(db, userId, planYear) {
  return yearOrderOfUserQuery(db).get({ userId, planYear });
}
function buildingNames(db, ids) {
  const q = db.select({ id: buildings.id, name: buildings.name }).from(buildings);
  return (ids === null ? q : q.where(ids.length === 0 ? sql`0` : inArray(buildings.id, ids))).orderBy(asc(buildings.id)).all();
}
function findEnterprise(db, id) {
  return db.select({
    id: enterprises.id,
    name: enterprises.name,
    status: enterprises.status,
    buildingId: enterprises.buildingId,
    liaisonUserId: enterprises.liaisonUserId
  }).from(enterprises).where(eq(enterprises.id, id)).get();
}
function enterprisesOfLiaison(db, userId) {
  return db.select({ id: enterprises.id, name: enterprises.name, status: enterprises.status }).from(enterprises).where(eq(enterprises.liaisonUserId, userId)).orderBy(asc(enterprises.id)).all();
}
function activeMembersWithOrders(db, enterpriseId, planYear) {
  return db.select({
    id: memberships.id,
    name: memberships.name,
    memberNo: memberships.memberNo,
    purchaseId: aidPurchases.id,
    purchaseStatus: aidPurchases.status
  }).from(memberships).leftJoin(aidPurchases, and(
    eq(aidPurchases.membershipId, memberships.id),
    eq(aidPurchases.planYear, planYear),
    inArray(aidPurchases.status, ["pending_payment", "paid"])
  )).where(and(eq(memberships.enterpriseId, enterpriseId), eq(memberships.status, "active"))).orderBy(asc(memberships.memberNo), asc(memberships.id)).all();
}
export {
  activeMembersWithOrders,
  activeMembershipOfUser,
  buildingNames,
  cancelPending,
  enterprisesOfLiaison,
  findEnterprise,
  findPurchase,
  hasPaidShare,
  insertGroupOrder,
  insertPurchase,
  iterateOrders,
  listOrders,
  markPaid,
  membershipFacts,
  openPurchaseOf,
  orderDetail,
  ordersOfUser,
  receiptTaken,
  stalePending,
  yearOrderOfUser
};
//# sourceMappingURL=purchases-repository.js.map
