import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { notifications, userLanguages, users } from "../../db/schema/index.js";
function insertNotification(db, v) {
  return db.insert(notifications).values(v).returning().get();
}
function listNotifications(db, userId, limit) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit).all();
}
function unreadCount(db, userId) {
  return db.select({ n: sql`count(*)` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;
}
function markRead(db, userId, ids, at) {
  const which = ids === "all" ? void 0 : inArray(notifications.id, ids.length === 0 ? [-1] : ids);
  return db.update(notifications).set({ readAt: at }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt), which)).run().changes;
}
function recipient(db, userId) {
  const row = db.select({ phone: users.phone, lang: userLanguages.lang }).from(users).leftJoin(userLanguages, eq(userLanguages.userId, users.id)).where(eq(users.id, userId)).get();
  return row === void 0 ? void 0 : { phone: row.phone, lang: row.lang ?? "zh" };
}
function rememberLanguage(db, userId, lang, at) {
  db.insert(userLanguages).values({ userId, lang, updatedAt: at }).onConflictDoUpdate({ target: userLanguages.userId, set: { lang, updatedAt: at }, where: sql`${userLanguages.lang} <> excluded.lang` }).run();
}
export {
  insertNotification,
  listNotifications,
  markRead,
  recipient,
  rememberLanguage,
  unreadCount
};
//# sourceMappingURL=notifications-repository.js.map
