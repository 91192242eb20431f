import { and, desc, eq, lt, sql } from "drizzle-orm";
import { preparedQuery } from "../../db/prepared.js";
import { auditLog, users } from "../../db/schema/index.js";
function writeAudit(tx, at, e) {
  insertAudit(tx).run({
    at,
    actorUserId: e.actorUserId,
    action: e.action,
    entityType: e.entityType,
    entityId: String(e.entityId),
    before: e.before === void 0 ? null : JSON.stringify(e.before),
    after: e.after === void 0 ? null : JSON.stringify(e.after),
    note: e.note ?? null
  });
}
const insertAudit = preparedQuery((db) => db.insert(auditLog).values({
  at: sql.placeholder("at"),
  actorUserId: sql.placeholder("actorUserId"),
  action: sql.placeholder("action"),
  entityType: sql.placeholder("entityType"),
  entityId: sql.placeholder("entityId"),
  before: sql.placeholder("before"),
  after: sql.placeholder("after"),
  note: sql.placeholder("note")
}).prepare());
function listAudit(db, q) {
  const conds = [];
  if (q.entityType !== void 0) conds.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId !== void 0) conds.push(eq(auditLog.entityId, q.entityId));
  if (q.actorUserId !== void 0) conds.push(eq(auditLog.actorUserId, q.actorUserId));
  if (q.action !== void 0) conds.push(sql`${auditLog.action} like ${q.action + "%"}`);
  if (q.beforeId !== void 0) conds.push(lt(auditLog.id, q.beforeId));
  const { id, at, actorUserId, action, entityType, entityId, before, after, note } = auditLog;
  return db.select({ id, at, actorUserId, actorName: users.name, action, entityType, entityId, before, after, note }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(conds.length > 0 ? and(...conds) : void 0).orderBy(desc(auditLog.id)).limit(q.limit).all();
}
function auditHistory(db, entityType, entityId) {
  return db.select().from(auditLog).where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId)))).orderBy(auditLog.id).all();
}
export {
  auditHistory,
  listAudit,
  writeAudit
};
//# sourceMappingURL=audit-repository.js.map
