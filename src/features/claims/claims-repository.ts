// Claims and their documents: the only place with their queries (the lists and counts are in
// queue-repository.ts, payment batches in batch-repository.ts, the fund's figures in
// fund-repository.ts). A claim carries the building whose staff review it
// (aid_claims.building_id, kept current by the database when a membership moves).
import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery, preparedSql } from '../../db/prepared.js'
import { aidClaimDocuments, aidClaims, buildings, CLAIM_STATUS_VALUES, enterprises, memberships, users } from '../../db/schema/index.js'

export type ClaimRow = typeof aidClaims.$inferSelect
export type ClaimDocumentRow = typeof aidClaimDocuments.$inferSelect
export type ClaimStatus = ClaimRow['status']
export const CLAIM_STATUSES: ClaimStatus[] = [...CLAIM_STATUS_VALUES]

/** Whether the user has, or had, a membership that was ever active (it has a join date). */
const everActiveQuery = preparedQuery((db) => db.select({ id: memberships.id }).from(memberships)
  .where(and(eq(memberships.userId, sql.placeholder('userId')), sql`${memberships.joinedOn} is not null`)).limit(1).prepare())

export function everActiveMember (db: DbOrTx, userId: number): boolean {
  return everActiveQuery(db).get({ userId }) !== undefined
}

/** The user's paid share of a plan year (through any of their memberships), with the building of
 *  that membership's enterprise now: from the user's memberships to their purchases (CROSS JOIN
 *  keeps SQLite from scanning the year's purchases). */
export function findPaidShare (db: DbOrTx, userId: number, planYear: number) {
  return paidShareQuery.get(db, { userId, planYear })
}
const paidShareQuery = preparedSql<{ purchaseId: number, membershipId: number, buildingId: number, shares: number, paidOn: string | null, coverFrom: string | null, planYear: number }>(sql`
    select p.id as purchaseId, p.membership_id as membershipId, e.building_id as buildingId, p.shares, p.paid_on as paidOn,
      p.cover_from as coverFrom, p.plan_year as planYear
    from memberships m cross join aid_purchases p on p.membership_id = m.id cross join enterprises e on e.id = m.enterprise_id
    where m.user_id = ${sql.placeholder('userId')} and p.plan_year = ${sql.placeholder('planYear')} and p.status = 'paid'
    order by p.id limit 1`)

/** A claim of this member (or this user) with the invoice number that is not rejected. */
const invoiceClaimedQuery = preparedQuery((db) => db.select({ id: aidClaims.id }).from(aidClaims)
  .where(and(sql`(${aidClaims.userId} = ${sql.placeholder('userId')} or ${aidClaims.membershipId} = ${sql.placeholder('membershipId')})`,
    eq(aidClaims.invoiceNo, sql.placeholder('invoiceNo')), sql`${aidClaims.status} <> 'rejected'`)).limit(1).prepare())

export function invoiceClaimed (db: DbOrTx, userId: number, membershipId: number, invoiceNo: string): boolean {
  return invoiceClaimedQuery(db).get({ userId, membershipId, invoiceNo }) !== undefined
}

/**
 * What the member's approved or paid claims of the plan year already got, leaving out one
 * claim (the one being approved), so a retry never counts it twice.
 */
export function paidThisYear (db: DbOrTx, membershipId: number, planYear: number, exceptClaimId?: number): number {
  const row = exceptClaimId === undefined
    ? paidThisYearQuery(db).get({ membershipId, planYear })
    : paidThisYearExceptQuery(db).get({ membershipId, planYear, exceptClaimId })
  return Number(row?.total ?? 0)
}
const paidThisYearSelect = (db: DbOrTx, except?: SQL) => db.select({ total: sql<number>`coalesce(sum(${aidClaims.payableFen}), 0)` }).from(aidClaims)
  .where(and(eq(aidClaims.membershipId, sql.placeholder('membershipId')), eq(aidClaims.planYear, sql.placeholder('planYear')),
    inArray(aidClaims.status, ['approved', 'paid']), except)).prepare()
const paidThisYearQuery = preparedQuery((db) => paidThisYearSelect(db))
const paidThisYearExceptQuery = preparedQuery((db) => paidThisYearSelect(db, sql`${aidClaims.id} <> ${sql.placeholder('exceptClaimId')}`))

/** Every column but the id, each bound by a placeholder of its own name. */
const CLAIM_COLUMNS = Object.keys(getTableColumns(aidClaims)).filter((k) => k !== 'id') as Array<Exclude<keyof typeof aidClaims.$inferInsert, 'id'>>
const insertClaimQuery = preparedQuery((db) => db.insert(aidClaims)
  .values(Object.fromEntries(CLAIM_COLUMNS.map((k) => [k, sql.placeholder(k)])) as unknown as typeof aidClaims.$inferInsert)
  .returning().prepare())

export function insertClaim (db: DbOrTx, v: typeof aidClaims.$inferInsert): ClaimRow {
  // No column of aid_claims has a default: a column left out is stored as null either way.
  if (v.id !== undefined) return db.insert(aidClaims).values(v).returning().get()
  return insertClaimQuery(db).get(Object.fromEntries(CLAIM_COLUMNS.map((k) => [k, v[k] ?? null])))
}

export function findClaim (db: DbOrTx, id: number): ClaimRow | undefined {
  return db.select().from(aidClaims).where(eq(aidClaims.id, id)).get()
}

/** A claim with the member, their enterprise and the claim's building: the one the membership
 *  belongs to NOW (after a transfer: the new one), whose staff review it. */
export function findClaimWithMember (db: DbOrTx, id: number) {
  return db.select({
    claim: aidClaims,
    memberName: memberships.name,
    memberNo: memberships.memberNo,
    enterpriseName: enterprises.name,
    buildingId: aidClaims.buildingId,
    buildingName: buildings.name,
    federationName: buildings.federationName
  }).from(aidClaims)
    .innerJoin(memberships, eq(memberships.id, aidClaims.membershipId))
    .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
    .innerJoin(buildings, eq(buildings.id, aidClaims.buildingId))
    .where(eq(aidClaims.id, id)).get()
}
export type ClaimWithMember = NonNullable<ReturnType<typeof findClaimWithMember>>

/** Guarded state change: only when the claim is still in `from`; true when it moved. */
export function moveClaim (db: DbOrTx, id: number, from: ClaimStatus[], patch: Partial<typeof aidClaims.$inferInsert>): boolean {
  return db.update(aidClaims).set(patch).where(and(eq(aidClaims.id, id), inArray(aidClaims.status, from))).run().changes === 1
}

export function listDocuments (db: DbOrTx, claimId: number): ClaimDocumentRow[] {
  return db.select().from(aidClaimDocuments).where(eq(aidClaimDocuments.claimId, claimId)).orderBy(asc(aidClaimDocuments.id)).all()
}

export function findDocument (db: DbOrTx, claimId: number, docId: number): ClaimDocumentRow | undefined {
  return db.select().from(aidClaimDocuments).where(and(eq(aidClaimDocuments.id, docId), eq(aidClaimDocuments.claimId, claimId))).get()
}

export function insertDocument (db: DbOrTx, v: typeof aidClaimDocuments.$inferInsert): ClaimDocumentRow {
  return db.insert(aidClaimDocuments).values(v).returning().get()
}

export function userNames (db: DbOrTx, ids: number[]): Map<number, string> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  return new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique)).all().map((u) => [u.id, u.name]))
}

// ---- SQL pieces the claim queries share (the claims table is aliased `c`) ----

/** Values as a comma-separated list of parameters, for `in (…)`. */
export const inList = (values: Array<number | string>): SQL => sql.join(values.map((v) => sql`${v}`), sql`, `)

/** The claim's building among these (null: any). */
export function inBuildings (buildingIds: number[] | null): SQL {
  if (buildingIds === null) return sql`1 = 1`
  return buildingIds.length === 0 ? sql`0 = 1` : sql`c.building_id in (${inList(buildingIds)})`
}
