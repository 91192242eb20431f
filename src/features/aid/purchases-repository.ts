// Shares (purchases), group orders and the membership facts they need. The only place with
// SQL for the aid feature's orders and payments.
import { and, asc, desc, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery } from '../../db/prepared.js'
import { aidGroupOrders, aidPurchases, buildings, enterprises, memberships } from '../../db/schema/index.js'

export type PurchaseRow = typeof aidPurchases.$inferSelect
export type PurchaseStatus = PurchaseRow['status']

/** A membership with where it belongs now (its current enterprise and building). */
export interface MemberFacts {
  id: number
  userId: number | null
  name: string
  memberNo: string | null
  status: string
  enterpriseId: number
  enterpriseName: string
  buildingId: number
}

const memberCols = {
  id: memberships.id,
  userId: memberships.userId,
  name: memberships.name,
  memberNo: memberships.memberNo,
  status: memberships.status,
  enterpriseId: memberships.enterpriseId,
  enterpriseName: enterprises.name,
  buildingId: enterprises.buildingId
}

/** The buyer's membership: the one with user_id = the user and status 'active'. */
const activeMembershipQuery = preparedQuery((db) => db.select(memberCols).from(memberships).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
  .where(and(eq(memberships.userId, sql.placeholder('userId')), eq(memberships.status, 'active'))).prepare())

export function activeMembershipOfUser (db: DbOrTx, userId: number): MemberFacts | undefined {
  return activeMembershipQuery(db).get({ userId })
}

export function membershipFacts (db: DbOrTx, membershipId: number): MemberFacts | undefined {
  return db.select(memberCols).from(memberships).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
    .where(eq(memberships.id, membershipId)).get()
}

export function findPurchase (db: DbOrTx, id: number): PurchaseRow | undefined {
  return db.select().from(aidPurchases).where(eq(aidPurchases.id, id)).get()
}

/** The member's order for a plan that is pending or paid (at most one, by a partial unique index). */
export function openPurchaseOf (db: DbOrTx, membershipId: number, planYear: number): PurchaseRow | undefined {
  return db.select().from(aidPurchases).where(and(eq(aidPurchases.membershipId, membershipId), eq(aidPurchases.planYear, planYear),
    inArray(aidPurchases.status, ['pending_payment', 'paid']))).get()
}

/** Renewal: the membership has a paid share in that plan year. */
const paidShareQuery = preparedQuery((db) => db.select({ id: aidPurchases.id }).from(aidPurchases)
  .where(and(eq(aidPurchases.membershipId, sql.placeholder('membershipId')), eq(aidPurchases.planYear, sql.placeholder('planYear')), eq(aidPurchases.status, 'paid'))).prepare())

export function hasPaidShare (db: DbOrTx, membershipId: number, planYear: number): boolean {
  return paidShareQuery(db).get({ membershipId, planYear }) !== undefined
}

export interface NewPurchase {
  membershipId: number
  planYear: number
  shares: number
  amountFen: number
  groupOrderId?: number | null
  orderedBy: number
  orderedOn: string
  at: string
}

export function insertPurchase (tx: DbOrTx, p: NewPurchase): PurchaseRow {
  return tx.insert(aidPurchases).values({
    membershipId: p.membershipId,
    planYear: p.planYear,
    shares: p.shares,
    amountFen: p.amountFen,
    status: 'pending_payment',
    groupOrderId: p.groupOrderId ?? null,
    orderedBy: p.orderedBy,
    orderedOn: p.orderedOn,
    createdAt: p.at,
    updatedAt: p.at
  }).returning().get()
}

export function insertGroupOrder (tx: DbOrTx, v: { enterpriseId: number, planYear: number, orderedBy: number, at: string }): number {
  return tx.insert(aidGroupOrders).values({ enterpriseId: v.enterpriseId, planYear: v.planYear, orderedBy: v.orderedBy, createdAt: v.at })
    .returning({ id: aidGroupOrders.id }).get().id
}

export function receiptTaken (db: DbOrTx, planYear: number, receiptNo: string): boolean {
  return db.select({ id: aidPurchases.id }).from(aidPurchases)
    .where(and(eq(aidPurchases.planYear, planYear), eq(aidPurchases.receiptNo, receiptNo))).get() !== undefined
}

export interface Payment {
  receiptNo: string
  paidOn: string
  via: 'staff' | 'webhook'
  by: number | null
  firstTime: boolean
  coverFrom: string
  coverTo: string
  at: string
}

/** Marks a pending order paid; 0 when it was no longer pending (the loser of a race). */
export function markPaid (tx: DbOrTx, id: number, p: Payment): number {
  return tx.update(aidPurchases).set({
    status: 'paid',
    receiptNo: p.receiptNo,
    paidOn: p.paidOn,
    confirmedVia: p.via,
    confirmedBy: p.by,
    confirmedAt: p.at,
    firstTime: p.firstTime,
    coverFrom: p.coverFrom,
    coverTo: p.coverTo,
    updatedAt: p.at
  }).where(and(eq(aidPurchases.id, id), eq(aidPurchases.status, 'pending_payment'))).run().changes
}

/** Cancels a pending order; 0 when it was no longer pending. */
export function cancelPending (tx: DbOrTx, id: number, reason: string, at: string): number {
  return tx.update(aidPurchases).set({ status: 'cancelled', cancelledAt: at, cancelReason: reason, updatedAt: at })
    .where(and(eq(aidPurchases.id, id), eq(aidPurchases.status, 'pending_payment'))).run().changes
}

/** Pending orders placed before `beforeIso`. */
export function stalePending (db: DbOrTx, beforeIso: string): PurchaseRow[] {
  return db.select().from(aidPurchases)
    .where(and(eq(aidPurchases.status, 'pending_payment'), lt(aidPurchases.createdAt, beforeIso))).all()
}

export interface OrderFilter {
  /** null: every building (admin). */
  buildingIds: number[] | null
  status?: PurchaseStatus
  planYear?: number
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
}

function orderConditions (f: OrderFilter): SQL | undefined {
  const conds: SQL[] = []
  if (f.buildingIds !== null) conds.push(f.buildingIds.length === 0 ? sql`0` : inArray(enterprises.buildingId, f.buildingIds))
  if (f.status !== undefined) conds.push(eq(aidPurchases.status, f.status))
  if (f.planYear !== undefined) conds.push(eq(aidPurchases.planYear, f.planYear))
  return conds.length > 0 ? and(...conds) : undefined
}

function ordersQuery (db: DbOrTx, f: OrderFilter) {
  return db.select(listCols).from(aidPurchases)
    .innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId))
    .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
    .innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .where(orderConditions(f))
}

export type OrderListRow = ReturnType<typeof ordersQuery>['_']['result'][number]

/** Orders by the building the member belongs to now, newest first. */
export function listOrders (db: DbOrTx, f: OrderFilter, limit: number, offset: number): { rows: OrderListRow[], total: number } {
  const rows = ordersQuery(db, f).orderBy(desc(aidPurchases.id)).limit(limit).offset(offset).all()
  const total = db.select({ n: sql<number>`count(*)` }).from(aidPurchases)
    .innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId))
    .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
    .where(orderConditions(f)).get()?.n ?? 0
  return { rows, total }
}

/** Every order of the filter, oldest first, read in chunks by id (for the CSV export). */
export function * iterateOrders (db: DbOrTx, f: OrderFilter, chunk = 1000): Generator<OrderListRow> {
  let after = 0
  for (;;) {
    const cond = orderConditions(f)
    const rows = db.select(listCols).from(aidPurchases)
      .innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId))
      .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
      .innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
      .where(cond === undefined ? gt(aidPurchases.id, after) : and(cond, gt(aidPurchases.id, after)))
      .orderBy(asc(aidPurchases.id)).limit(chunk).all()
    yield * rows
    if (rows.length < chunk) return
    after = rows[rows.length - 1].id
  }
}

export function orderDetail (db: DbOrTx, id: number): OrderListRow | undefined {
  return db.select(listCols).from(aidPurchases)
    .innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId))
    .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
    .innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .where(eq(aidPurchases.id, id)).get()
}

/** A user's own orders (through every membership they have had), newest first. */
const ordersOfUserQuery = preparedQuery((db) => db.select(listCols).from(aidPurchases)
  .innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId))
  .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
  .innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
  .where(eq(memberships.userId, sql.placeholder('userId'))).orderBy(desc(aidPurchases.planYear), desc(aidPurchases.id)).prepare())

export function ordersOfUser (db: DbOrTx, userId: number): OrderListRow[] {
  return ordersOfUserQuery(db).all({ userId })
}

/** A user's order for one plan year: the latest that is not cancelled, else the latest. */
const yearOrderOfUserQuery = preparedQuery((db) => db.select(listCols).from(aidPurchases)
  .innerJoin(memberships, eq(memberships.id, aidPurchases.membershipId))
  .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
  .innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
  .where(and(eq(memberships.userId, sql.placeholder('userId')), eq(aidPurchases.planYear, sql.placeholder('planYear'))))
  .orderBy(sql`${aidPurchases.status} = 'cancelled'`, desc(aidPurchases.id)).limit(1).prepare())

export function yearOrderOfUser (db: DbOrTx, userId: number, planYear: number): OrderListRow | undefined {
  return yearOrderOfUserQuery(db).get({ userId, planYear })
}

export function buildingNames (db: DbOrTx, ids: number[] | null): Array<{ id: number, name: string }> {
  const q = db.select({ id: buildings.id, name: buildings.name }).from(buildings)
  return (ids === null ? q : q.where(ids.length === 0 ? sql`0` : inArray(buildings.id, ids))).orderBy(asc(buildings.id)).all()
}

export function findEnterprise (db: DbOrTx, id: number) {
  return db.select({
    id: enterprises.id, name: enterprises.name, status: enterprises.status, buildingId: enterprises.buildingId,
    liaisonUserId: enterprises.liaisonUserId
  })
    .from(enterprises).where(eq(enterprises.id, id)).get()
}

export function enterprisesOfLiaison (db: DbOrTx, userId: number) {
  return db.select({ id: enterprises.id, name: enterprises.name, status: enterprises.status })
    .from(enterprises).where(eq(enterprises.liaisonUserId, userId)).orderBy(asc(enterprises.id)).all()
}

/** Active members of an enterprise with their open order for the plan year, if any. */
export function activeMembersWithOrders (db: DbOrTx, enterpriseId: number, planYear: number) {
  return db.select({
    id: memberships.id,
    name: memberships.name,
    memberNo: memberships.memberNo,
    purchaseId: aidPurchases.id,
    purchaseStatus: aidPurchases.status
  }).from(memberships)
    .leftJoin(aidPurchases, and(eq(aidPurchases.membershipId, memberships.id), eq(aidPurchases.planYear, planYear),
      inArray(aidPurchases.status, ['pending_payment', 'paid'])))
    .where(and(eq(memberships.enterpriseId, enterpriseId), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.memberNo), asc(memberships.id)).all()
}
