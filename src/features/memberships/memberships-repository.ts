// The only place of the memberships feature that knows SQL: the memberships themselves here; the
// places, rosters, transfers and imports in their own files, all reached through this module.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/index.js'
import { preparedQuery, preparedSql } from '../../db/prepared.js'
import { counters, memberships } from '../../db/schema/index.js'
import { flatten, OPEN, selectView, type MembershipRow, type MembershipStatus, type MembershipView, type NewMembership } from './membership-rows.js'

export type { ImportRow, MembershipRow, MembershipStatus, MembershipView, NewMembership } from './membership-rows.js'
export * from './places-repository.js'
export * from './roster-repository.js'
export * from './transfers-repository.js'
export * from './imports-repository.js'

export function findMembership (db: DbOrTx, id: number): MembershipView | undefined {
  const r = selectView(db).where(eq(memberships.id, id)).get()
  return r === undefined ? undefined : flatten(r)
}

export function findOpenByHash (db: DbOrTx, idHash: string): MembershipRow | undefined {
  return db.select().from(memberships).where(and(eq(memberships.idHash, idHash), OPEN)).get()
}

export function findOpenByUser (db: DbOrTx, userId: number): MembershipRow | undefined {
  return db.select().from(memberships).where(and(eq(memberships.userId, userId), OPEN)).get()
}

/** An earlier membership of this person that holds a number (left, or re-applied and refused). */
export function findNumberedClosedByHash (db: DbOrTx, idHash: string): MembershipRow | undefined {
  return db.select().from(memberships)
    .where(and(eq(memberships.idHash, idHash), sql`${memberships.memberNo} is not null`, inArray(memberships.status, ['left', 'rejected'])))
    .orderBy(desc(memberships.id)).get()
}

/** Which of an account's memberships is "theirs": an open one first, then the latest. */
const OPEN_FIRST = sql`case when ${memberships.status} in ('applied', 'active') then 0 else 1 end, ${memberships.updatedAt} desc, ${memberships.id} desc`

const membershipOfUserQuery = preparedQuery((db) => selectView(db).where(eq(memberships.userId, sql.placeholder('userId')))
  .orderBy(OPEN_FIRST).prepare())

/** What the home page's card shows of an account's membership (the one membershipOfUser picks). */
export interface MembershipCard {
  id: number
  status: MembershipRow['status']
  memberNo: string | null
  rejectReason: string | null
  enterpriseName: string
  buildingName: string
  /** The enterprise a pending transfer goes to, if there is one. */
  pendingTo: string | null
}

/** The home card in one statement: read on every member's home page. */
export function membershipCardOf (db: DbOrTx, userId: number): MembershipCard | undefined {
  return membershipCardQuery.get(db, { userId })
}
const membershipCardQuery = preparedSql<MembershipCard>(sql`
  select ${memberships.id} as id, ${memberships.status} as status, ${memberships.memberNo} as memberNo,
    ${memberships.rejectReason} as rejectReason, e.name as enterpriseName, b.name as buildingName,
    (select te.name from membership_transfers t join enterprises te on te.id = t.to_enterprise_id
      where t.membership_id = ${memberships.id} and t.status = 'pending' order by t.id desc limit 1) as pendingTo
  from ${memberships} join enterprises e on e.id = ${memberships.enterpriseId} join buildings b on b.id = e.building_id
  where ${memberships.userId} = ${sql.placeholder('userId')}
  order by ${OPEN_FIRST}
  limit 1`)

/** The membership of an account: its open one first, then the latest. */
export function membershipOfUser (db: DbOrTx, userId: number): MembershipView | undefined {
  const own = membershipOfUserQuery(db).get({ userId })
  return own === undefined ? undefined : flatten(own)
}

export function insertMembership (db: DbOrTx, v: NewMembership): MembershipRow {
  return db.insert(memberships).values(v).returning().get()
}

const BULK_COLUMNS = ['userId', 'enterpriseId', 'name', 'idCipher', 'idHash', 'idMasked', 'gender', 'birthDate', 'mobile', 'memberNo', 'status',
  'joinedOn', 'leftOn', 'consentAt', 'appliedAt', 'appliedBy', 'decidedAt', 'decidedBy', 'rejectReason', 'source', 'createdAt', 'updatedAt'] as const

/**
 * Inserts many rows with one prepared statement (imports, the demo seed): building a query per
 * row costs more than SQLite's work. Call it inside the caller's transaction; `db` is the
 * database handle, whose connection that transaction runs on.
 */
export function insertMemberships (db: Db, rows: NewMembership[]): void {
  if (rows.length === 0) return
  const cols = BULK_COLUMNS.map((k) => (memberships[k] as { name: string }).name)
  const stmt = db.$client.prepare(`insert into memberships (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
  for (const r of rows) stmt.run(BULK_COLUMNS.map((k) => r[k] ?? null))
}

/** A guarded change: applies only while the status is still `from`. Returns whether it did. */
export function changeMembership (db: DbOrTx, id: number, from: MembershipStatus, patch: Partial<NewMembership>, extra?: SQL): boolean {
  return db.update(memberships).set(patch)
    .where(and(eq(memberships.id, id), eq(memberships.status, from), extra)).run().changes === 1
}

/** Moves an active membership, only if it is still active and still at `from`. */
export function moveMembership (db: DbOrTx, id: number, from: number, to: number, at: string): boolean {
  return changeMembership(db, id, 'active', { enterpriseId: to, updatedAt: at }, eq(memberships.enterpriseId, from))
}

/** Takes `count` numbers from a named counter in the caller's transaction; returns the first. */
export function takeNumbers (db: DbOrTx, name: string, count = 1): number {
  const row = db.insert(counters).values({ name, value: count })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + ${count}` } })
    .returning({ value: counters.value }).get()
  return row.value - count + 1
}
