// Rosters: searching, counting and streaming memberships, and the look-ups an import makes.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { buildings, enterprises, memberships, users } from '../../db/schema/index.js'
import { flatten, OPEN, selectView, type MembershipRow, type MembershipStatus } from './membership-rows.js'

export interface RosterFilter {
  /** null: every enterprise (admin). */
  enterpriseIds: number[] | null
  buildingIds: number[] | null
  q?: string
  /** The keyed hash of a full ID number typed into the search box. */
  idHash?: string
  status?: MembershipStatus
  enterpriseId?: number
  buildingId?: number
}

function rosterWhere (f: RosterFilter): SQL | undefined {
  const conds: SQL[] = []
  const scope: SQL[] = []
  if (f.enterpriseIds === null || f.buildingIds === null) scope.push(sql`1 = 1`)
  else {
    if (f.enterpriseIds.length > 0) scope.push(inArray(memberships.enterpriseId, f.enterpriseIds))
    if (f.buildingIds.length > 0) scope.push(inArray(enterprises.buildingId, f.buildingIds))
  }
  if (scope.length === 0) return sql`1 = 0`
  conds.push(or(...scope)!)
  if (f.status !== undefined) conds.push(eq(memberships.status, f.status))
  if (f.enterpriseId !== undefined) conds.push(eq(memberships.enterpriseId, f.enterpriseId))
  if (f.buildingId !== undefined) conds.push(eq(enterprises.buildingId, f.buildingId))
  if (f.q !== undefined) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`
    const matches: SQL[] = [
      sql`${memberships.name} like ${pattern} escape '\\'`,
      sql`${memberships.memberNo} like ${pattern} escape '\\'`,
      sql`${memberships.mobile} like ${pattern} escape '\\'`
    ]
    if (f.idHash !== undefined) matches.push(eq(memberships.idHash, f.idHash))
    conds.push(or(...matches)!)
  } else if (f.idHash !== undefined) {
    conds.push(eq(memberships.idHash, f.idHash))
  }
  return and(...conds)
}

export function searchRoster (db: DbOrTx, f: RosterFilter, limit: number, offset: number) {
  const where = rosterWhere(f)
  const rows = selectView(db)
    .where(where)
    .orderBy(desc(memberships.appliedAt), desc(memberships.id)).limit(limit).offset(offset).all().map(flatten)
  const total = db.select({ n: sql<number>`count(*)` }).from(memberships)
    .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).where(where).get()?.n ?? 0
  return { rows, total }
}

/** What the roster export writes of a membership (and its id, to page by). */
const exportColumns = {
  id: memberships.id,
  memberNo: memberships.memberNo,
  name: memberships.name,
  idMasked: memberships.idMasked,
  gender: memberships.gender,
  mobile: memberships.mobile,
  enterpriseName: enterprises.name,
  buildingName: buildings.name,
  status: memberships.status,
  appliedAt: memberships.appliedAt,
  joinedOn: memberships.joinedOn,
  leftOn: memberships.leftOn
}
const exportPage = (db: DbOrTx, where: SQL | undefined, afterId: number) => db.select(exportColumns).from(memberships)
  .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
  .innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
  .where(and(where, sql`${memberships.id} > ${afterId}`)).orderBy(asc(memberships.id)).limit(500).all()
export type RosterExportRow = ReturnType<typeof exportPage>[number]

/**
 * The roster, in id order, 500 rows a query (keyset paging; a few milliseconds each, so the
 * export's turns of the event loop stay short): only the exported columns, as
 * flat rows. (Whole membership rows, flattened, made the 210,000-row export twice as slow.)
 */
export function * iterateRoster (db: DbOrTx, f: RosterFilter): Generator<RosterExportRow> {
  const where = rosterWhere(f)
  let lastId = 0
  for (;;) {
    const batch = exportPage(db, where, lastId)
    if (batch.length === 0) return
    yield * batch
    lastId = batch[batch.length - 1].id
  }
}

export function countRoster (db: DbOrTx, f: RosterFilter): number {
  return db.select({ n: sql<number>`count(*)` }).from(memberships)
    .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).where(rosterWhere(f)).get()?.n ?? 0
}

export function userName (db: DbOrTx, id: number | null): string | undefined {
  if (id === null) return undefined
  return db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name
}

/** Of these hashes, the ones that already have an applied or active membership. */
export function openHashes (db: DbOrTx, hashes: string[]): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i < hashes.length; i += 500) {
    for (const r of db.select({ h: memberships.idHash }).from(memberships).where(and(
      inArray(memberships.idHash, hashes.slice(i, i + 500)), OPEN
    )).all()) out.add(r.h)
  }
  return out
}
export function numberedClosedByHashes (db: DbOrTx, hashes: string[]): Map<string, MembershipRow> {
  const out = new Map<string, MembershipRow>()
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = db.select().from(memberships)
      .where(and(inArray(memberships.idHash, hashes.slice(i, i + 500)), sql`${memberships.memberNo} is not null`, inArray(memberships.status, ['left', 'rejected'])))
      .orderBy(asc(memberships.id)).all()
    for (const r of rows) out.set(r.idHash, r)
  }
  return out
}

/** Whether this account has (or had) a membership of the person with this keyed ID hash. */
export function isSamePerson (db: DbOrTx, userId: number, idHash: string): boolean {
  return db.select({ id: memberships.id }).from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.idHash, idHash))).limit(1).get() !== undefined
}

/** Whether the account proved it holds its phone (an SMS code). */
export function phoneVerified (db: DbOrTx, userId: number): boolean {
  return db.select({ at: users.phoneVerifiedAt }).from(users).where(eq(users.id, userId)).get()?.at != null
}

/** The masked ID number of the person with this keyed hash (for audit entries). */
export function maskedIdOf (db: DbOrTx, idHash: string): string | undefined {
  return db.select({ m: memberships.idMasked }).from(memberships).where(eq(memberships.idHash, idHash)).limit(1).get()?.m
}
