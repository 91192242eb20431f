// Group orders (one company transfer pays them all) and each building's federation account.
// SQL only.
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { aidFederationAccounts, aidGroupOrders, aidPurchases, buildings, enterprises, memberships } from '../../db/schema/index.js'

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
}

export function findGroupOrder (db: DbOrTx, id: number) {
  return db.select(groupCols).from(aidGroupOrders)
    .innerJoin(enterprises, eq(enterprises.id, aidGroupOrders.enterpriseId))
    .innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .where(eq(aidGroupOrders.id, id)).get()
}
/** The orders inside a group order, with their members. */
export function ordersOfGroup (db: DbOrTx, groupId: number) {
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
  }).from(aidPurchases).innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId))
    .where(eq(aidPurchases.groupOrderId, groupId)).orderBy(asc(aidPurchases.id)).all()
}

/** A liaison's recent group orders (their enterprises'), newest first, with what is still unpaid. */
export function groupOrdersOfLiaison (db: DbOrTx, userId: number, limit = 20) {
  return db.select({
    id: aidGroupOrders.id,
    planYear: aidGroupOrders.planYear,
    enterpriseName: enterprises.name,
    createdAt: aidGroupOrders.createdAt,
    orders: sql<number>`(select count(*) from aid_purchases p where p.group_order_id = ${aidGroupOrders.id} and p.status <> 'cancelled')`,
    unpaidFen: sql<number>`(select coalesce(sum(p.amount_fen), 0) from aid_purchases p where p.group_order_id = ${aidGroupOrders.id} and p.status = 'pending_payment')`
  }).from(aidGroupOrders).innerJoin(enterprises, eq(enterprises.id, aidGroupOrders.enterpriseId))
    .where(eq(enterprises.liaisonUserId, userId)).orderBy(desc(aidGroupOrders.id)).limit(limit).all()
}

/** Whether the receipt already paid an order of the plan year outside this group order. */
export function receiptTakenOutsideGroup (db: DbOrTx, planYear: number, receiptNo: string, groupId: number): boolean {
  return db.select({ id: aidPurchases.id }).from(aidPurchases)
    .where(and(eq(aidPurchases.planYear, planYear), eq(aidPurchases.receiptNo, receiptNo),
      sql`(${aidPurchases.groupOrderId} is null or ${ne(aidPurchases.groupOrderId, groupId)})`)).get() !== undefined
}

export interface FederationAccount { buildingId: number, accountName: string, bankName: string, accountNo: string, updatedAt: string }

export function federationAccount (db: DbOrTx, buildingId: number): FederationAccount | undefined {
  return db.select({
    buildingId: aidFederationAccounts.buildingId,
    accountName: aidFederationAccounts.accountName,
    bankName: aidFederationAccounts.bankName,
    accountNo: aidFederationAccounts.accountNo,
    updatedAt: aidFederationAccounts.updatedAt
  }).from(aidFederationAccounts).where(eq(aidFederationAccounts.buildingId, buildingId)).get()
}

export function saveFederationAccount (tx: DbOrTx, a: Omit<FederationAccount, 'updatedAt'>, by: number, at: string): void {
  const values = { accountName: a.accountName, bankName: a.bankName, accountNo: a.accountNo, updatedAt: at, updatedBy: by }
  tx.insert(aidFederationAccounts).values({ buildingId: a.buildingId, ...values })
    .onConflictDoUpdate({ target: aidFederationAccounts.buildingId, set: values }).run()
}

/** Buildings with their accounts (null: every building). */
export function buildingsWithAccounts (db: DbOrTx, ids: number[] | null) {
  const q = db.select({
    id: buildings.id,
    name: buildings.name,
    federationName: buildings.federationName,
    accountName: aidFederationAccounts.accountName,
    bankName: aidFederationAccounts.bankName,
    accountNo: aidFederationAccounts.accountNo
  }).from(buildings).leftJoin(aidFederationAccounts, eq(aidFederationAccounts.buildingId, buildings.id))
  return (ids === null ? q : q.where(ids.length === 0 ? sql`0` : inArray(buildings.id, ids))).orderBy(asc(buildings.id)).all()
}
