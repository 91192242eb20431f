// Notices to members and the language each member last used: the only place with their queries.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery } from '../../db/prepared.js'
import { notifications, userLanguages, users } from '../../db/schema/index.js'
import type { Lang } from '../../i18n/index.js'

export type NotificationRow = typeof notifications.$inferSelect

export function insertNotification (db: DbOrTx, v: typeof notifications.$inferInsert): NotificationRow {
  return db.insert(notifications).values(v).returning().get()
}

export function listNotifications (db: DbOrTx, userId: number, limit: number): NotificationRow[] {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit).all()
}

export function unreadCount (db: DbOrTx, userId: number): number {
  return unreadQuery(db).get({ userId })?.n ?? 0
}
// Every signed-in page shows the count: prepared once (building it cost ~5× running it).
const unreadQuery = preparedQuery((db) => db.select({ n: sql<number>`count(*)` }).from(notifications)
  .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt))).prepare())

/** Marks the user's notices read (these ids, or all); how many changed. */
export function markRead (db: DbOrTx, userId: number, ids: number[] | 'all', at: string): number {
  const which = ids === 'all' ? undefined : inArray(notifications.id, ids.length === 0 ? [-1] : ids)
  return db.update(notifications).set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), which)).run().changes
}

/** Where and in which language a member's SMS goes. */
export function recipient (db: DbOrTx, userId: number): { phone: string, lang: Lang } | undefined {
  const row = db.select({ phone: users.phone, lang: userLanguages.lang }).from(users)
    .leftJoin(userLanguages, eq(userLanguages.userId, users.id)).where(eq(users.id, userId)).get()
  return row === undefined ? undefined : { phone: row.phone, lang: row.lang ?? 'zh' }
}

export function rememberLanguage (db: DbOrTx, userId: number, lang: Lang, at: string): void {
  db.insert(userLanguages).values({ userId, lang, updatedAt: at })
    .onConflictDoUpdate({ target: userLanguages.userId, set: { lang, updatedAt: at }, where: sql`${userLanguages.lang} <> excluded.lang` }).run()
}
