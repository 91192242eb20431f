// The only place with the buildings feature's queries (buildings, enterprises, and the member
// counts read from memberships).
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery } from '../../db/prepared.js'
import { buildings, enterprises, memberships, users } from '../../db/schema/index.js'

export type BuildingRow = typeof buildings.$inferSelect
export type EnterpriseRow = typeof enterprises.$inferSelect
export type EnterpriseStatus = EnterpriseRow['status']

export interface BuildingCoverage {
  id: number
  name: string
  district: string
  enterprisesTotal: number
  enterprisesEnrolled: number
  members: number
  isModel: boolean
  hasWorkerCongress: boolean
  hasAffairsDisclosure: boolean
}

/**
 * Every building (or the given ones) with its enrolled enterprises and active members, in one
 * statement: enterprises and memberships are each aggregated once (by the indexes on
 * (building_id, status) and (enterprise_id, status)) and joined, never one query per building.
 */
export function listCoverage (db: DbOrTx, onlyIds?: number[]): BuildingCoverage[] {
  if (onlyIds !== undefined && onlyIds.length === 0) return []
  const filter = onlyIds === undefined ? sql`` : sql`where b.id in (${sql.join(onlyIds.map((id) => sql`${id}`), sql`, `)})`
  const rows = db.all<{
    id: number, name: string, district: string, enterprisesTotal: number, enterprisesEnrolled: number, members: number,
    isModel: number, hasWorkerCongress: number, hasAffairsDisclosure: number
  }>(sql`
    with enrolled as (
      select building_id, count(*) as n from enterprises where status = 'enrolled' group by building_id
    ), active_members as (
      select e.building_id, sum(m.n) as n
      from (select enterprise_id, count(*) as n from memberships where status = 'active' group by enterprise_id) m
      join enterprises e on e.id = m.enterprise_id
      group by e.building_id
    )
    select b.id, b.name, b.district, b.enterprises_total as enterprisesTotal,
      coalesce(en.n, 0) as enterprisesEnrolled, coalesce(am.n, 0) as members,
      b.is_model as isModel, b.has_worker_congress as hasWorkerCongress, b.has_affairs_disclosure as hasAffairsDisclosure
    from buildings b
    left join enrolled en on en.building_id = b.id
    left join active_members am on am.building_id = b.id
    ${filter}
    order by b.id`)
  return rows.map((r) => ({
    ...r,
    enterprisesEnrolled: Number(r.enterprisesEnrolled),
    members: Number(r.members),
    isModel: r.isModel === 1,
    hasWorkerCongress: r.hasWorkerCongress === 1,
    hasAffairsDisclosure: r.hasAffairsDisclosure === 1
  }))
}

/**
 * A stamp that changes whenever the database may have changed: the rows this connection has
 * changed so far, and SQLite's data_version (which moves when another connection, such as the
 * admin command line, commits). Equal stamps mean the data read before is still exact.
 */
export function dataStamp (db: DbOrTx): string {
  const client = (db as unknown as { $client: { prepare: (s: string) => { get: () => unknown }, pragma: (s: string, o: { simple: true }) => unknown } }).$client
  const changes = (client.prepare('select total_changes() as n').get() as { n: number }).n
  return `${changes}:${String(client.pragma('data_version', { simple: true }))}`
}

export function findBuilding (db: DbOrTx, id: number): BuildingRow | undefined {
  return db.select().from(buildings).where(eq(buildings.id, id)).get()
}

export function listBuildingChoices (db: DbOrTx) {
  return db.select({ id: buildings.id, name: buildings.name, district: buildings.district }).from(buildings)
    .orderBy(asc(buildings.district), asc(buildings.name)).all()
}

export function insertBuilding (db: DbOrTx, v: Omit<typeof buildings.$inferInsert, 'id'>): BuildingRow {
  return db.insert(buildings).values(v).returning().get()
}

export function updateBuilding (db: DbOrTx, id: number, patch: Partial<Omit<BuildingRow, 'id' | 'createdAt'>>): void {
  db.update(buildings).set(patch).where(eq(buildings.id, id)).run()
}

export function countEnterprises (db: DbOrTx, buildingId: number, status: EnterpriseStatus): number {
  return db.select({ n: sql<number>`count(*)` }).from(enterprises)
    .where(and(eq(enterprises.buildingId, buildingId), eq(enterprises.status, status))).get()?.n ?? 0
}

export function findEnterprise (db: DbOrTx, id: number): EnterpriseRow | undefined {
  return db.select().from(enterprises).where(eq(enterprises.id, id)).get()
}

export function findEnterpriseByUscc (db: DbOrTx, code: string): EnterpriseRow | undefined {
  return db.select().from(enterprises).where(eq(enterprises.uscc, code)).get()
}

export function insertEnterprise (db: DbOrTx, v: Omit<typeof enterprises.$inferInsert, 'id'>): EnterpriseRow {
  return db.insert(enterprises).values(v).returning().get()
}

/**
 * Changes an enterprise only while it is still in one of `from`: the guard that makes the
 * second of two simultaneous decisions change nothing. Returns whether it changed.
 */
export function updateEnterpriseIf (db: DbOrTx, id: number, from: readonly EnterpriseStatus[], patch: Partial<Omit<EnterpriseRow, 'id'>>): boolean {
  return db.update(enterprises).set(patch).where(and(eq(enterprises.id, id), inArray(enterprises.status, [...from]))).run().changes > 0
}

const enterprisesOfLiaisonQuery = preparedQuery((db) => db.select({
  id: enterprises.id, name: enterprises.name, buildingId: enterprises.buildingId, buildingName: buildings.name,
  status: enterprises.status, rejectReason: enterprises.rejectReason, submittedAt: enterprises.submittedAt
}).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
  .where(eq(enterprises.liaisonUserId, sql.placeholder('userId'))).orderBy(desc(enterprises.id)).prepare())

/** A liaison's enterprises, newest first (the home page: prepared once). */
export function enterprisesOfLiaison (db: DbOrTx, userId: number) {
  return enterprisesOfLiaisonQuery(db).all({ userId })
}

/** Pending enterprises in the given buildings (null: everywhere), oldest first. */
export function pendingEnterprises (db: DbOrTx, buildingIds: number[] | null, limit: number) {
  if (buildingIds !== null && buildingIds.length === 0) return { rows: [], total: 0 }
  const where = buildingIds === null
    ? eq(enterprises.status, 'pending')
    : and(eq(enterprises.status, 'pending'), inArray(enterprises.buildingId, buildingIds))
  const rows = db.select({
    id: enterprises.id, name: enterprises.name, buildingName: buildings.name, submittedAt: enterprises.submittedAt
  }).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .where(where).orderBy(asc(enterprises.submittedAt), asc(enterprises.id)).limit(limit).all()
  const total = db.select({ n: sql<number>`count(*)` }).from(enterprises).where(where).get()?.n ?? 0
  return { rows, total }
}

export interface BuildingEnterprise {
  id: number
  name: string
  uscc: string
  floorRoom: string | null
  headcount: number
  status: EnterpriseStatus
  rejectReason: string | null
  contactName: string | null
  contactPhone: string | null
  liaisonName: string
  liaisonPhone: string
  submittedAt: string
  decidedAt: string | null
  withdrawnAt: string | null
  members: number
}

/** A building's enterprises with their active members, counted in the same statement. */
export function enterprisesWithMembers (db: DbOrTx, buildingId: number, status?: EnterpriseStatus): BuildingEnterprise[] {
  const rows = db.all<BuildingEnterprise>(sql`
    select e.id, e.name, e.uscc, e.floor_room as floorRoom, e.headcount, e.status, e.reject_reason as rejectReason,
      e.contact_name as contactName, e.contact_phone as contactPhone, u.name as liaisonName, u.phone as liaisonPhone,
      e.submitted_at as submittedAt, e.decided_at as decidedAt, e.withdrawn_at as withdrawnAt,
      coalesce(m.n, 0) as members
    from enterprises e
    join users u on u.id = e.liaison_user_id
    left join (
      select enterprise_id, count(*) as n from memberships
      where status = 'active' and enterprise_id in (select id from enterprises where building_id = ${buildingId})
      group by enterprise_id
    ) m on m.enterprise_id = e.id
    where e.building_id = ${buildingId} ${status === undefined ? sql`` : sql`and e.status = ${status}`}
    order by case e.status when 'pending' then 0 when 'enrolled' then 1 when 'rejected' then 2 else 3 end, e.name`)
  return rows.map((r) => ({ ...r, members: Number(r.members) }))
}

/** Enterprise counts per status in one building. */
export function statusCounts (db: DbOrTx, buildingId: number): Record<EnterpriseStatus, number> {
  const counts: Record<EnterpriseStatus, number> = { pending: 0, enrolled: 0, rejected: 0, withdrawn: 0 }
  const rows = db.select({ status: enterprises.status, n: sql<number>`count(*)` }).from(enterprises)
    .where(eq(enterprises.buildingId, buildingId)).groupBy(enterprises.status).all()
  for (const r of rows) counts[r.status] = r.n
  return counts
}

export function activeMembersOf (db: DbOrTx, enterpriseId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(memberships)
    .where(and(eq(memberships.enterpriseId, enterpriseId), eq(memberships.status, 'active'))).get()?.n ?? 0
}

export function userById (db: DbOrTx, id: number) {
  return db.select({ id: users.id, name: users.name, phone: users.phone, active: users.active }).from(users).where(eq(users.id, id)).get()
}

export function userByPhone (db: DbOrTx, phone: string) {
  return db.select({ id: users.id, name: users.name, phone: users.phone, active: users.active }).from(users).where(eq(users.phone, phone)).get()
}

/** The named person takes up a pending liaison hand-over: only while it still names them. */
export function acceptHandOver (db: DbOrTx, id: number, userId: number, at: string): boolean {
  return db.update(enterprises).set({ liaisonUserId: userId, handoverToUserId: null, updatedAt: at })
    .where(and(eq(enterprises.id, id), eq(enterprises.handoverToUserId, userId), inArray(enterprises.status, ['pending', 'enrolled', 'rejected']))).run().changes > 0
}

/** `%`, `_` and the escape character typed by a person match themselves in LIKE. */
function likePattern (q: string): string {
  return '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'
}

/**
 * Enterprises by part of the name or of the USCC, within a building when given, enrolled ones
 * first, at most `limit` (the chooser asks people to type more rather than scroll 1,000 names).
 */
export function searchEnterprises (db: DbOrTx, f: { buildingId?: number, q?: string, status?: EnterpriseStatus, limit: number, id?: number }) {
  const conds: SQL[] = []
  if (f.id !== undefined) conds.push(eq(enterprises.id, f.id))
  if (f.buildingId !== undefined) conds.push(eq(enterprises.buildingId, f.buildingId))
  if (f.status !== undefined) conds.push(eq(enterprises.status, f.status))
  if (f.q !== undefined && f.q !== '') {
    const p = likePattern(f.q)
    conds.push(sql`(${enterprises.name} like ${p} escape '\\' or ${enterprises.uscc} like ${p.toUpperCase()} escape '\\')`)
  }
  return db.select({ id: enterprises.id, name: enterprises.name, buildingId: enterprises.buildingId, buildingName: buildings.name, status: enterprises.status })
    .from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .where(conds.length === 0 ? undefined : and(...conds))
    .orderBy(sql`${enterprises.status} <> 'enrolled'`, asc(enterprises.name), asc(enterprises.id)).limit(f.limit).all()
}
