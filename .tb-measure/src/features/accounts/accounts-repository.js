import { and, asc, eq, isNull, like, or, sql } from "drizzle-orm";
import { preparedQuery } from "../../db/prepared.js";
import { enterprises, roleGrants, staffScopes, users, buildings, sessions } from "../../db/schema/index.js";
function findUserById(db, id) {
  return db.select().from(users).where(eq(users.id, id)).get();
}
function findUserByPhone(db, phone) {
  return db.select().from(users).where(eq(users.phone, phone)).get();
}
function insertUser(db, v) {
  return db.insert(users).values({
    phone: v.phone,
    name: v.name,
    passwordHash: v.passwordHash,
    mustChangePassword: v.mustChangePassword ?? false,
    createdAt: v.at,
    updatedAt: v.at
  }).returning().get();
}
function updateUser(db, id, patch) {
  db.update(users).set(patch).where(eq(users.id, id)).run();
}
const actorQuery = preparedQuery((db) => db.select({
  id: users.id,
  phone: users.phone,
  name: users.name,
  active: users.active,
  tokenVersion: users.tokenVersion,
  mustChangePassword: users.mustChangePassword,
  // Written out with table names: inside a one-table select drizzle leaves columns unqualified,
  // and an unqualified "id" in the subquery on enterprises would be the enterprise's own id.
  grants: sql`(select group_concat(rg.role) from role_grants rg where rg.user_id = "users"."id")`,
  scopes: sql`(select group_concat(ss.building_id) from staff_scopes ss where ss.user_id = "users"."id")`,
  liaison: sql`exists (select 1 from enterprises e where e.liaison_user_id = "users"."id" and e.status <> 'withdrawn')`
}).from(users).where(eq(users.id, sql.placeholder("id"))).prepare());
function loadActorRow(db, userId) {
  return actorQuery(db).get({ id: userId });
}
function loadRoleFacts(db, userId) {
  const grants = db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, userId)).all().map((g) => g.role);
  const scopes = db.select({ buildingId: staffScopes.buildingId }).from(staffScopes).where(eq(staffScopes.userId, userId)).all().map((s) => s.buildingId);
  const liaison = db.select({ one: sql`1` }).from(enterprises).where(and(eq(enterprises.liaisonUserId, userId), sql`${enterprises.status} <> 'withdrawn'`)).limit(1).get() !== void 0;
  return { grants, scopes, liaison };
}
function grantRole(db, userId, role, by, at) {
  const r = db.insert(roleGrants).values({ userId, role, grantedAt: at, grantedBy: by }).onConflictDoNothing().run();
  return r.changes > 0;
}
function revokeRole(db, userId, role) {
  return db.delete(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, role))).run().changes > 0;
}
function addStaffScope(db, userId, buildingId, by, at) {
  return db.insert(staffScopes).values({ userId, buildingId, grantedAt: at, grantedBy: by }).onConflictDoNothing().run().changes > 0;
}
function removeStaffScope(db, userId, buildingId) {
  return db.delete(staffScopes).where(and(eq(staffScopes.userId, userId), eq(staffScopes.buildingId, buildingId))).run().changes > 0;
}
function buildingExists(db, id) {
  return db.select({ id: buildings.id }).from(buildings).where(eq(buildings.id, id)).get() !== void 0;
}
function listBuildingNames(db) {
  return db.select({ id: buildings.id, name: buildings.name }).from(buildings).orderBy(asc(buildings.id)).all();
}
function scopesOf(db, userId) {
  return db.select({ buildingId: staffScopes.buildingId, name: buildings.name }).from(staffScopes).innerJoin(buildings, eq(buildings.id, staffScopes.buildingId)).where(eq(staffScopes.userId, userId)).all();
}
function grantsOf(db, userId) {
  return db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, userId)).all().map((g) => g.role);
}
function searchUsers(db, q, limit, offset) {
  const where = q === void 0 ? void 0 : or(like(users.phone, `%${q}%`), like(users.name, `%${q}%`));
  const rows = db.select({
    id: users.id,
    phone: users.phone,
    name: users.name,
    active: users.active,
    mustChangePassword: users.mustChangePassword,
    createdAt: users.createdAt
  }).from(users).where(where).orderBy(asc(users.id)).limit(limit).offset(offset).all();
  const total = db.select({ n: sql`count(*)` }).from(users).where(where).get()?.n ?? 0;
  return { rows, total };
}
function insertSession(db, v) {
  db.delete(sessions).where(and(eq(sessions.userId, v.userId), sql`${sessions.revokedAt} is not null`)).run();
  db.insert(sessions).values(v).run();
}
const sessionQuery = preparedQuery((db) => db.select({ revokedAt: sessions.revokedAt }).from(sessions).where(and(eq(sessions.id, sql.placeholder("id")), eq(sessions.userId, sql.placeholder("userId")))).prepare());
function sessionLive(db, id, userId) {
  const row = sessionQuery(db).get({ id, userId });
  return row !== void 0 && row.revokedAt === null;
}
function revokeSession(db, id, at) {
  db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt))).run();
}
function revokeSessionsOf(db, userId, at) {
  db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))).run();
}
function reserveSignIn(db, userId, max, now) {
  const row = db.update(users).set({ failedLogins: sql`${users.failedLogins} + 1` }).where(and(eq(users.id, userId), sql`${users.failedLogins} < ${max}`, or(isNull(users.lockedUntil), sql`${users.lockedUntil} <= ${now}`))).returning({ n: users.failedLogins }).get();
  return row?.n ?? null;
}
function lockIfFull(db, userId, max, now, until) {
  db.update(users).set({ lockedUntil: until, failedLogins: 0, updatedAt: now }).where(and(eq(users.id, userId), sql`${users.failedLogins} >= ${max}`, or(isNull(users.lockedUntil), sql`${users.lockedUntil} <= ${now}`))).run();
  return findUserById(db, userId)?.lockedUntil ?? until;
}
export {
  addStaffScope,
  buildingExists,
  findUserById,
  findUserByPhone,
  grantRole,
  grantsOf,
  insertSession,
  insertUser,
  listBuildingNames,
  loadActorRow,
  loadRoleFacts,
  lockIfFull,
  removeStaffScope,
  reserveSignIn,
  revokeRole,
  revokeSession,
  revokeSessionsOf,
  scopesOf,
  searchUsers,
  sessionLive,
  updateUser
};
//# sourceMappingURL=accounts-repository.js.map
