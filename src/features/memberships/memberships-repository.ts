// The only place of the memberships feature that knows SQL.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db, DbOrTx } from '../../db/index.js'
import { preparedQuery, preparedSql } from '../../db/prepared.js'
import { buildings, counters, enterprises, memberships, membershipTransfers, rosterImports, users } from '../../db/schema/index.js'

export type MembershipRow = typeof memberships.$inferSelect
export type NewMembership = typeof memberships.$inferInsert
export type TransferRow = typeof membershipTransfers.$inferSelect
export type ImportRow = typeof rosterImports.$inferSelect
export type MembershipStatus = MembershipRow['status']

const OPEN = sql`${memberships.status} in ('applied', 'active')`

// ---- enterprises and buildings (read only: owned by the buildings feature) ----

export interface EnterpriseFacts {
  id: number
  name: string
  status: string
  buildingId: number
  buildingName: string
  liaisonUserId: number
  headcount: number
}

export function findEnterprise (db: DbOrTx, id: number): EnterpriseFacts | undefined {
  return db.select({
    id: enterprises.id, name: enterprises.name, status: enterprises.status, buildingId: enterprises.buildingId,
    buildingName: buildings.name, liaisonUserId: enterprises.liaisonUserId, headcount: enterprises.headcount
  }).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(eq(enterprises.id, id)).get()
}

export function listEnrolledEnterprises (db: DbOrTx, buildingId?: number) {
  return db.select({ id: enterprises.id, name: enterprises.name, buildingId: enterprises.buildingId, buildingName: buildings.name })
    .from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .where(and(eq(enterprises.status, 'enrolled'), buildingId === undefined ? undefined : eq(enterprises.buildingId, buildingId)))
    .orderBy(asc(buildings.name), asc(enterprises.name)).all()
}

export function listBuildings (db: DbOrTx) {
  return db.select({ id: buildings.id, name: buildings.name }).from(buildings).orderBy(asc(buildings.name)).all()
}

/** Enterprises this user is the liaison of (a withdrawn one no longer has a liaison's rights). */
const liaisonEnterprisesQuery = preparedQuery((db) => db.select({ id: enterprises.id }).from(enterprises)
  .where(and(eq(enterprises.liaisonUserId, sql.placeholder('userId')), sql`${enterprises.status} <> 'withdrawn'`)).prepare())

export function liaisonEnterpriseIds (db: DbOrTx, userId: number): number[] {
  return liaisonEnterprisesQuery(db).all({ userId }).map((e) => e.id)
}

/** Enterprises a liaison or staff account may manage members of (import targets, filters). */
export function manageableEnterprises (db: DbOrTx, liaisonOf: number[], buildingIds: number[] | null) {
  const conds: SQL[] = []
  if (liaisonOf.length > 0) conds.push(inArray(enterprises.id, liaisonOf))
  if (buildingIds === null) conds.push(sql`1 = 1`)
  else if (buildingIds.length > 0) conds.push(inArray(enterprises.buildingId, buildingIds))
  if (conds.length === 0) return []
  return db.select({
    id: enterprises.id, name: enterprises.name, status: enterprises.status, buildingId: enterprises.buildingId, buildingName: buildings.name
  })
    .from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .where(and(or(...conds), inArray(enterprises.status, ['enrolled', 'withdrawn'])))
    .orderBy(asc(buildings.name), asc(enterprises.name)).all()
}

// ---- memberships ----

const withPlace = {
  m: memberships,
  enterpriseName: enterprises.name,
  enterpriseStatus: enterprises.status,
  buildingId: enterprises.buildingId,
  buildingName: buildings.name,
  federationName: buildings.federationName,
  liaisonUserId: enterprises.liaisonUserId
}
export type MembershipView = MembershipRow & { enterpriseName: string, enterpriseStatus: string, buildingId: number, buildingName: string, federationName: string | null, liaisonUserId: number }

function flatten (r: { m: MembershipRow, enterpriseName: string, enterpriseStatus: string, buildingId: number, buildingName: string, federationName: string | null, liaisonUserId: number }): MembershipView {
  return {
    ...r.m, enterpriseName: r.enterpriseName, enterpriseStatus: r.enterpriseStatus, buildingId: r.buildingId, buildingName: r.buildingName,
    federationName: r.federationName, liaisonUserId: r.liaisonUserId
  }
}

function selectView (db: DbOrTx) {
  return db.select(withPlace).from(memberships)
    .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
    .innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
}

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

/** Every matching row, one at a time (exports). */
export function * iterateRoster (db: DbOrTx, f: RosterFilter): Generator<MembershipView> {
  const where = rosterWhere(f)
  let lastId = 0
  for (;;) {
    const batch = selectView(db).where(and(where, sql`${memberships.id} > ${lastId}`)).orderBy(asc(memberships.id)).limit(1000).all()
    if (batch.length === 0) return
    for (const r of batch) yield flatten(r)
    lastId = batch[batch.length - 1].m.id
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

// ---- transfers ----

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

// ---- roster imports ----

export function findImport (db: DbOrTx, id: number): ImportRow | undefined {
  return db.select().from(rosterImports).where(eq(rosterImports.id, id)).get()
}

export function findImportByFile (db: DbOrTx, enterpriseId: number, sha256: string): ImportRow | undefined {
  return db.select().from(rosterImports)
    .where(and(eq(rosterImports.enterpriseId, enterpriseId), eq(rosterImports.fileSha256, sha256))).get()
}

export function insertImport (db: DbOrTx, v: typeof rosterImports.$inferInsert): ImportRow {
  return db.insert(rosterImports).values(v).returning().get()
}

export function updateImport (db: DbOrTx, id: number, patch: Partial<typeof rosterImports.$inferInsert>): void {
  db.update(rosterImports).set(patch).where(eq(rosterImports.id, id)).run()
}

export function recentImports (db: DbOrTx, uploadedBy: number) {
  return db.select({ i: rosterImports, enterpriseName: enterprises.name }).from(rosterImports)
    .leftJoin(enterprises, eq(enterprises.id, rosterImports.enterpriseId))
    .where(eq(rosterImports.uploadedBy, uploadedBy)).orderBy(desc(rosterImports.id)).limit(20).all()
    .map((r) => ({ ...r.i, enterpriseName: r.enterpriseName }))
}

/** Imports left running by a stopped process can never finish: mark them failed. */
export function failStaleImports (db: DbOrTx, at: string): void {
  db.update(rosterImports).set({ status: 'failed', failure: 'interrupted', finishedAt: at })
    .where(inArray(rosterImports.status, ['queued', 'running'])).run()
}

/** Of these hashes, the latest numbered closed membership of each (imports reopen them too). */
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
