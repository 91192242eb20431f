import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { aidFederationAccounts, aidGroupOrders, aidPurchases, buildings, enterprises, memberships } from "../../db/schema/index.js";
const groupCols = {
  id: aidGroupOrders.id,
  enterpriseId: aidGroupOrders.enterpriseId,
  enterpriseName: enterprises.name,
  liaisonUserId: enterprises.liaisonUserId,
  planYear: aidGroupOrders.planYear,
  orderedBy: aidGroupOrders.orderedBy,
  createdAt: aidGroupOrders.createdAt,
  buildingId: enterprises.buildingId,
  buildingName: buildings.name
};
function findGroupOrder(db, id) {
  return db.select(groupCols).from(aidGroupOrders).innerJoin(enterprises, eq(enterprises.id, aidGroupOrders.enterpriseId)).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(eq(aidGroupOrders.id, id)).get();
}
function ordersOfGroup(db, groupId) {
  return db.select({
    id: aidPurchases.id,
    status: aidPurchases.status,
    shares: aidPurchases.shares,
    amountFen: aidPurchases.amountFen,
    orderedOn: aidPurchases.orderedOn,
    receiptNo: aidPurchases.receiptNo,
    paidOn: aidPurchases.paidOn,
    coverFrom: aidPurchases.coverFrom,
    coverTo: aidPurchases.coverTo,
    membershipId: memberships.id,
    memberName: memberships.name,
    memberNo: memberships.memberNo,
    memberUserId: memberships.userId
  }).from(aidPurchases).innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId)).where(eq(aidPurchases.groupOrderId, groupId)).orderBy(asc(aidPurchases.id)).all();
}
function groupOrdersOfLiaison(db, userId, limit = 20) {
  return db.select({
    id: aidGroupOrders.id,
    planYear: aidGroupOrders.planYear,
    enterpriseName: enterprises.name,
    createdAt: aidGroupOrders.createdAt,
    orders: sql`(select count(*) from aid_purchases p where p.group_order_id = ${aidGroupOrders.id} and p.status <> 'cancelled')`,
    unpaidFen: sql`(select coalesce(sum(p.amount_fen), 0) from aid_purchases p where p.group_order_id = ${aidGroupOrders.id} and p.status = 'pending_payment')`
  }).from(aidGroupOrders).innerJoin(enterprises, eq(enterprises.id, aidGroupOrders.enterpriseId)).where(eq(enterprises.liaisonUserId, userId)).orderBy(desc(aidGroupOrders.id)).limit(limit).all();
}
function receiptTakenOutsideGroup(db, planYear, receiptNo, groupId) {
  return db.select({ id: aidPurchases.id }).from(aidPurchases).where(and(
    eq(aidPurchases.planYear, planYear),
    eq(aidPurchases.receiptNo, receiptNo),
    sql`(${aidPurchases.groupOrderId} is null or ${ne(aidPurchases.groupOrderId, groupId)})`
  )).get() !== void 0;
}
function federationAccount(db, buildingId) {
  return db.select({
    buildingId: aidFederationAccounts.buildingId,
    accountName: aidFederationAccounts.accountName,
    bankName: aidFederationAccounts.bankName,
    accountNo: aidFederationAccounts.accountNo,
    updatedAt: aidFederationAccounts.updatedAt
  }).from(aidFederationAccounts).where(eq(aidFederationAccounts.buildingId, buildingId)).get();
}
function saveFederationAccount(tx, a, by, at) {
  const values = { accountName: a.accountName, bankName: a.bankName, accountNo: a.accountNo, updatedAt: at, updatedBy: by };
  tx.insert(aidFederationAccounts).values({ buildingId: a.buildingId, ...values }).onConflictDoUpdate({ target: aidFederationAccounts.buildingId, set: values }).run();
}
function buildingsWithAccounts(db, ids) {
  const q = db.select({
    id: buildings.id,
    name: buildings.name,
    federationName: buildings.federationName,
    accountName: aidFederationAccounts.accountName,
    bankName: aidFederationAccounts.bankName,
    accountNo: aidFederationAccounts.accountNo
  }).from(buildings).leftJoin(aidFederationAccounts, eq(aidFederationAccounts.buildingId, buildings.id));
  return (ids === null ? q : q.where(ids.length === 0 ? sql`0` : inArray(buildings.id, ids))).orderBy(asc(buildings.id)).all();
}
export {
  buildingsWithAccounts,
  federationAccount,
  findGroupOrder,
  groupOrdersOfLiaison,
  ordersOfGroup,
  receiptTakenOutsideGroup,
  saveFederationAccount
};
//# sourceMappingURL=group-orders-repository.js.map
