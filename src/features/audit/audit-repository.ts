import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery } from '../../db/prepared.js'
import { auditLog, users } from '../../db/schema/index.js'

export interface AuditEntry {
  /** The user who did it; null for the system (webhook, scheduled cancellation). */
  actorUserId: number | null
  /** What was done, as verb-ish dotted words: "enterprise.approve", "user.deactivate". */
  action: string
  entityType: string
  entityId: number | string
  before?: unknown
  after?: unknown
  note?: string
}

/**
 * The one helper every service uses to record a change. Call it inside the same transaction
 * as the change, so the entry exists exactly when the change does.
 */
export function writeAudit (tx: DbOrTx, at: string, e: AuditEntry): void {
  insertAudit(tx).run({
    at,
    actorUserId: e.actorUserId,
    action: e.action,
    entityType: e.entityType,
    entityId: String(e.entityId),
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    note: e.note ?? null
  })
}

/** Every change writes one entry: the insert is prepared once. */
const insertAudit = preparedQuery((db) => db.insert(auditLog).values({
  at: sql.placeholder('at'),
  actorUserId: sql.placeholder('actorUserId'),
  action: sql.placeholder('action'),
  entityType: sql.placeholder('entityType'),
  entityId: sql.placeholder('entityId'),
  before: sql.placeholder('before'),
  after: sql.placeholder('after'),
  note: sql.placeholder('note')
}).prepare())

export interface AuditQuery {
  entityType?: string
  entityId?: string
  actorUserId?: number
  action?: string
  /** Keyset pagination: entries with id below this. */
  beforeId?: number
  limit: number
}

export function listAudit (db: DbOrTx, q: AuditQuery) {
  const conds: SQL[] = []
  if (q.entityType !== undefined) conds.push(eq(auditLog.entityType, q.entityType))
  if (q.entityId !== undefined) conds.push(eq(auditLog.entityId, q.entityId))
  if (q.actorUserId !== undefined) conds.push(eq(auditLog.actorUserId, q.actorUserId))
  if (q.action !== undefined) conds.push(sql`${auditLog.action} like ${q.action + '%'}`)
  if (q.beforeId !== undefined) conds.push(lt(auditLog.id, q.beforeId))
  const { id, at, actorUserId, action, entityType, entityId, before, after, note } = auditLog
  return db.select({ id, at, actorUserId, actorName: users.name, action, entityType, entityId, before, after, note })
    .from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(conds.length > 0 ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id)).limit(q.limit).all()
}

export function auditHistory (db: DbOrTx, entityType: string, entityId: number | string) {
  return db.select().from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .orderBy(auditLog.id).all()
}
