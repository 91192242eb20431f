import { and, asc, eq, isNull, like, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery } from '../../db/prepared.js'
import { enterprises, roleGrants, staffScopes, users, buildings, sessions } from '../../db/schema/index.js'

export type UserRow = typeof users.$inferSelect

export function findUserById (db: DbOrTx, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get()
}

export function findUserByPhone (db: DbOrTx, phone: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.phone, phone)).get()
}

export function insertUser (
  db: DbOrTx, v: { phone: string, name: string, passwordHash: string, at: string, mustChangePassword?: boolean }
): UserRow {
  return db.insert(users).values({
    phone: v.phone, name: v.name, passwordHash: v.passwordHash, mustChangePassword: v.mustChangePassword ?? false,
    createdAt: v.at, updatedAt: v.at
  }).returning().get()
}

export function updateUser (db: DbOrTx, id: number, patch: Partial<Omit<UserRow, 'id'>>): void {
  db.update(users).set(patch).where(eq(users.id, id)).run()
}

export interface ActorRow {
  id: number, phone: string, name: string, active: boolean, tokenVersion: number, mustChangePassword: boolean
  /** Comma-separated granted roles and staff buildings (SQLite group_concat), or null. */
  grants: string | null
  scopes: string | null
  liaison: number
}

/**
 * Who the user is, with granted roles, staff scopes and whether they are a liaison: read on
 * every signed-in request, so it is one prepared statement.
 */
const actorQuery = preparedQuery((db) => db.select({
  id: users.id, phone: users.phone, name: users.name, active: users.active, tokenVersion: users.tokenVersion,
  mustChangePassword: users.mustChangePassword,
  // Written out with table names: inside a one-table select drizzle leaves columns unqualified,
  // and an unqualified "id" in the subquery on enterprises would be the enterprise's own id.
  grants: sql<string | null>`(select group_concat(rg.role) from role_grants rg where rg.user_id = "users"."id")`,
  scopes: sql<string | null>`(select group_concat(ss.building_id) from staff_scopes ss where ss.user_id = "users"."id")`,
  liaison: sql<number>`exists (select 1 from enterprises e where e.liaison_user_id = "users"."id" and e.status <> 'withdrawn')`
}).from(users).where(eq(users.id, sql.placeholder('id'))).prepare())

export function loadActorRow (db: DbOrTx, userId: number): ActorRow | undefined {
  return actorQuery(db).get({ id: userId })
}

/** Granted roles, staff scopes and whether the user is a liaison. */
export function loadRoleFacts (db: DbOrTx, userId: number) {
  const grants = db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, userId)).all().map((g) => g.role)
  const scopes = db.select({ buildingId: staffScopes.buildingId }).from(staffScopes)
    .where(eq(staffScopes.userId, userId)).all().map((s) => s.buildingId)
  const liaison = db.select({ one: sql<number>`1` }).from(enterprises)
    .where(and(eq(enterprises.liaisonUserId, userId), sql`${enterprises.status} <> 'withdrawn'`)).limit(1).get() !== undefined
  return { grants, scopes, liaison }
}

export function grantRole (db: DbOrTx, userId: number, role: 'staff' | 'admin', by: number | null, at: string): boolean {
  const r = db.insert(roleGrants).values({ userId, role, grantedAt: at, grantedBy: by }).onConflictDoNothing().run()
  return r.changes > 0
}

export function revokeRole (db: DbOrTx, userId: number, role: 'staff' | 'admin'): boolean {
  return db.delete(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, role))).run().changes > 0
}

export function addStaffScope (db: DbOrTx, userId: number, buildingId: number, by: number | null, at: string): boolean {
  return db.insert(staffScopes).values({ userId, buildingId, grantedAt: at, grantedBy: by }).onConflictDoNothing().run().changes > 0
}

export function removeStaffScope (db: DbOrTx, userId: number, buildingId: number): boolean {
  return db.delete(staffScopes).where(and(eq(staffScopes.userId, userId), eq(staffScopes.buildingId, buildingId))).run().changes > 0
}

export function buildingExists (db: DbOrTx, id: number): boolean {
  return db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, id)).get() !== undefined
}

export function listBuildingNames (db: DbOrTx) {
  return db.select({ id: buildings.id, name: buildings.name }).from(buildings).orderBy(asc(buildings.id)).all()
}

export function scopesOf (db: DbOrTx, userId: number) {
  return db.select({ buildingId: staffScopes.buildingId, name: buildings.name }).from(staffScopes)
    .innerJoin(buildings, eq(buildings.id, staffScopes.buildingId)).where(eq(staffScopes.userId, userId)).all()
}

export function grantsOf (db: DbOrTx, userId: number) {
  return db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, userId)).all().map((g) => g.role)
}

export function searchUsers (db: DbOrTx, q: string | undefined, limit: number, offset: number) {
  const where = q === undefined ? undefined : or(like(users.phone, `%${q}%`), like(users.name, `%${q}%`))
  const rows = db.select({
    id: users.id, phone: users.phone, name: users.name, active: users.active, mustChangePassword: users.mustChangePassword,
    createdAt: users.createdAt
  })
    .from(users).where(where).orderBy(asc(users.id)).limit(limit).offset(offset).all()
  const total = db.select({ n: sql<number>`count(*)` }).from(users).where(where).get()?.n ?? 0
  return { rows, total }
}

// ---- page sessions ----

/** A new page session; the user's ended ones are cleared away at the same time. */
export function insertSession (db: DbOrTx, v: { id: string, userId: number, createdAt: string }): void {
  db.delete(sessions).where(and(eq(sessions.userId, v.userId), sql`${sessions.revokedAt} is not null`)).run()
  db.insert(sessions).values(v).run()
}

const sessionQuery = preparedQuery((db) => db.select({ revokedAt: sessions.revokedAt }).from(sessions)
  .where(and(eq(sessions.id, sql.placeholder('id')), eq(sessions.userId, sql.placeholder('userId')))).prepare())

/** Whether a page session exists for this user and has not been signed out. */
export function sessionLive (db: DbOrTx, id: string, userId: number): boolean {
  const row = sessionQuery(db).get({ id, userId })
  return row !== undefined && row.revokedAt === null
}

export function revokeSession (db: DbOrTx, id: string, at: string): void {
  db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt))).run()
}

/** Ends every page session of a user (a reset password; deactivation also bumps the token version). */
export function revokeSessionsOf (db: DbOrTx, userId: number, at: string): void {
  db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))).run()
}

// ---- sign-in attempts ----

/**
 * Counts a sign-in attempt before its password is checked, in one statement: refused (null)
 * while the account is locked or `max` attempts are already counted; else the attempt's number.
 */
export function reserveSignIn (db: DbOrTx, userId: number, max: number, now: string): number | null {
  const row = db.update(users).set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(and(eq(users.id, userId), sql`${users.failedLogins} < ${max}`, or(isNull(users.lockedUntil), sql`${users.lockedUntil} <= ${now}`)))
    .returning({ n: users.failedLogins }).get()
  return row?.n ?? null
}

/**
 * A refused reservation: the lock's end. When the count is full but no lock was set (attempts
 * still being checked, or a process that stopped mid-check), the lock starts now.
 */
export function lockIfFull (db: DbOrTx, userId: number, max: number, now: string, until: string): string {
  db.update(users).set({ lockedUntil: until, failedLogins: 0, updatedAt: now })
    .where(and(eq(users.id, userId), sql`${users.failedLogins} >= ${max}`, or(isNull(users.lockedUntil), sql`${users.lockedUntil} <= ${now}`))).run()
  return findUserById(db, userId)?.lockedUntil ?? until
}
