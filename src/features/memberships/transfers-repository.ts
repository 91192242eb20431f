// Transfers between enterprises: SQL only here.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery } from '../../db/prepared.js'
import { buildings, enterprises, memberships, membershipTransfers } from '../../db/schema/index.js'
import type { TransferRow } from './membership-rows.js'

const toEnt = alias(enterprises, 'to_enterprise')
const toBld = alias(buildings, 'to_building')
const fromEnt = alias(enterprises, 'from_enterprise')

export type TransferView = TransferRow & { toName: string, toBuildingId: number, toBuildingName: string, toLiaisonUserId: number, toStatus: string, fromName: string, memberName: string, memberNo: string | null, memberUserId: number | null }

function selectTransfers (db: DbOrTx) {
  return db.select({
    t: membershipTransfers, toName: toEnt.name, toBuildingId: toEnt.buildingId, toBuildingName: toBld.name, toLiaisonUserId: toEnt.liaisonUserId,
    toStatus: toEnt.status, fromName: fromEnt.name, memberName: memberships.name, memberNo: memberships.memberNo, memberUserId: memberships.userId
  }).from(membershipTransfers)
    .innerJoin(toEnt, eq(toEnt.id, membershipTransfers.toEnterpriseId))
    .innerJoin(toBld, eq(toBld.id, toEnt.buildingId))
    .innerJoin(fromEnt, eq(fromEnt.id, membershipTransfers.fromEnterpriseId))
    .innerJoin(memberships, eq(memberships.id, membershipTransfers.membershipId))
}

type TransferJoin = { t: TransferRow, toName: string, toBuildingId: number, toBuildingName: string, toLiaisonUserId: number, toStatus: string, fromName: string, memberName: string, memberNo: string | null, memberUserId: number | null }
const flatTransfer = (r: TransferJoin): TransferView => ({
  ...r.t, toName: r.toName, toBuildingId: r.toBuildingId, toBuildingName: r.toBuildingName, toLiaisonUserId: r.toLiaisonUserId,
  toStatus: r.toStatus, fromName: r.fromName, memberName: r.memberName, memberNo: r.memberNo, memberUserId: r.memberUserId
})

export function findTransfer (db: DbOrTx, id: number): TransferView | undefined {
  const r = selectTransfers(db).where(eq(membershipTransfers.id, id)).get()
  return r === undefined ? undefined : flatTransfer(r)
}

const transfersOfQuery = preparedQuery((db) => selectTransfers(db)
  .where(eq(membershipTransfers.membershipId, sql.placeholder('membershipId'))).orderBy(desc(membershipTransfers.id)).prepare())

export function transfersOf (db: DbOrTx, membershipId: number): TransferView[] {
  return transfersOfQuery(db).all({ membershipId }).map(flatTransfer)
}

/** Pending transfers into the enterprises or buildings given (null: all). */
export function pendingTransfersInto (db: DbOrTx, enterpriseIds: number[] | null, buildingIds: number[] | null): TransferView[] {
  const scope: SQL[] = []
  if (enterpriseIds === null || buildingIds === null) scope.push(sql`1 = 1`)
  else {
    if (enterpriseIds.length > 0) scope.push(inArray(membershipTransfers.toEnterpriseId, enterpriseIds))
    if (buildingIds.length > 0) scope.push(inArray(toEnt.buildingId, buildingIds))
  }
  if (scope.length === 0) return []
  return selectTransfers(db).where(and(eq(membershipTransfers.status, 'pending'), or(...scope))).orderBy(asc(membershipTransfers.id)).limit(200).all().map(flatTransfer)
}

export function insertTransfer (db: DbOrTx, v: typeof membershipTransfers.$inferInsert): TransferRow {
  return db.insert(membershipTransfers).values(v).returning().get()
}

export function changeTransfer (db: DbOrTx, id: number, patch: Partial<typeof membershipTransfers.$inferInsert>): boolean {
  return db.update(membershipTransfers).set(patch).where(and(eq(membershipTransfers.id, id), eq(membershipTransfers.status, 'pending'))).run().changes === 1
}
